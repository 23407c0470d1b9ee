import { afterAll, beforeAll, describe, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { api } from "./support/api.ts";
import { launchBrowser, openPage } from "./support/browser.ts";
import { titles } from "./support/board.ts";

/** The usage examples (plain HTML, React 19, Vue 3) and a page that loads widget.js twice. */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("examples", () => {
  it("plain HTML: attributes only", async ({ expect }) => {
    const { page, consoleErrors } = await openPage(
      browser,
      `${inject("workerUrl")}/examples/html.html`,
    );
    await page.locator("userecho-feedback li[part=topic]").first().waitFor();
    await page.locator("userecho-top-users li[part=user]").first().waitFor();
    const expected = await api.topics(1, { limit: 5, sort: "new" });
    expect(await titles(page)).toEqual(expected.items.map((topic) => topic.title));
    expect(await page.locator("userecho-top-users li[part=user]").count()).toBe(5);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  for (const framework of ["react", "vue"]) {
    it(`${framework}: properties, attributes and events through the framework`, async ({
      expect,
    }) => {
      const { page, consoleErrors } = await openPage(
        browser,
        `${inject("workerUrl")}/examples/${framework}.html`,
      );
      await page.locator("userecho-feedback li[part=topic]").first().waitFor();
      const forum1 = await api.topics(1, { limit: 5, sort: "top" });
      expect(await titles(page)).toEqual(forum1.items.map((topic) => topic.title));
      // The framework set getToken as a property, not an attribute.
      expect(
        await page.evaluate(() => {
          const el = document.querySelector("userecho-feedback") as HTMLElement & {
            getToken?: unknown;
          };
          return [typeof el.getToken, el.hasAttribute("gettoken") || el.hasAttribute("get-token")];
        }),
      ).toEqual(["function", false]);
      // Its event listener runs: the callback returns no token, so a vote asks for a sign-in.
      await page.locator("userecho-feedback [part=vote-button]").first().click();
      await expect.poll(() => page.locator("#sign-in-requests").textContent()).toContain("1");
      // Its state flows into the element.
      await page.locator("#switch-forum").click();
      const forum2 = await api.topics(2, { limit: 5, sort: "top" });
      await expect.poll(() => titles(page)).toEqual(forum2.items.map((topic) => topic.title));
      // The launcher: the framework passed its forum and token callback on, and hears it open.
      expect(
        await page.evaluate(() => {
          const el = document.querySelector("userecho-launcher") as HTMLElement & {
            getToken?: unknown;
          };
          return [el.getAttribute("forum"), typeof el.getToken];
        }),
      ).toEqual(["2", "function"]);
      await page.locator("userecho-launcher [part=button]").click();
      await page.locator("userecho-launcher userecho-feedback li[part=topic]").first().waitFor();
      const inDialog = await api.topics(2, { limit: 20, sort: "top" });
      await expect
        .poll(async () =>
          (
            await page.locator("userecho-launcher userecho-feedback [part=title]").allTextContents()
          ).map((title) => title.trim()),
        )
        .toEqual(inDialog.items.map((topic) => topic.title));
      await expect.poll(() => page.locator("#launcher-opens").textContent()).toContain("1");
      await page.keyboard.press("Escape");
      expect(consoleErrors).toEqual([]);
      await page.close();
    });
  }

  it("loading widget.js twice (and a second copy) is harmless", async ({ expect }) => {
    const { page, consoleErrors } = await openPage(
      browser,
      `${inject("workerUrl")}/test-pages/twice.html`,
    );
    await page.locator("userecho-feedback li[part=topic]").first().waitFor();
    await page.locator("userecho-top-users li[part=user]").first().waitFor();
    const expected = await api.topics(1, { limit: 3, sort: "top" });
    expect(await titles(page)).toEqual(expected.items.map((topic) => topic.title));
    // Both copies ran (two module instances); one registration; one shadow root per element.
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((entry) => new URL(entry.name).pathname + new URL(entry.name).search)
        .filter((path) => path.startsWith("/widget.js")),
    );
    expect(scripts.sort()).toEqual(["/widget.js", "/widget.js?copy=2"]);
    expect(await page.locator("userecho-feedback").count()).toBe(1);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
