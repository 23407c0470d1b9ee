import { afterAll, beforeAll, describe, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { api } from "./support/api.ts";
import { launchBrowser, openPage } from "./support/browser.ts";
import { titles } from "./support/board.ts";

/**
 * The elements under `Content-Security-Policy: default-src 'self'; script-src 'self';
 * style-src 'self'; require-trusted-types-for 'script'` — exactly, served by the worker's static assets (see public/_headers). The
 * only thing that policy blocks is avatars from other hosts (img-src falls back to 'self'): that
 * is the page's choice, so those violations are allowed, and the widget must show initials
 * instead. Anything else — inline style, script, eval — fails the test.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("strict CSP", () => {
  it("renders with no violation but the page's own ban on remote images", async ({ expect }) => {
    const url = `${inject("workerUrl")}/test-pages/csp.html`;
    const { page, consoleErrors } = await openPage(browser, url, { images: false });
    const response = await page.reload();
    expect(response?.headers()["content-security-policy"]).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'",
    );
    await page.locator("userecho-feedback li[part=topic]").first().waitFor();
    await page.locator("userecho-top-users li[part=user]").first().waitFor();
    // Lazily loaded parts too: the filters, a topic's detail with comments.
    await page.locator("userecho-feedback select[data-filter=status]").waitFor();
    const expected = await api.topics(1, { limit: 5, sort: "top" });
    const commented = expected.items.find((topic) => topic.commentCount > 0)!;
    await page
      .locator(`userecho-feedback li[data-topic-id="${commented.id}"] [part=title]`)
      .click();
    await page.locator("userecho-feedback [part=comment]").first().waitFor();
    // Status badge colours are set through the CSSOM, so they apply under style-src 'self'.
    expect(await titles(page)).toEqual(expected.items.map((topic) => topic.title));
    const withStatus = expected.items.find((topic) => topic.status?.name)!;
    const rgb = `rgb(${[1, 3, 5].map((i) => parseInt(withStatus.status!.color.slice(i, i + 2), 16)).join(", ")})`;
    expect(
      await page
        .locator(`userecho-feedback li[data-topic-id="${withStatus.id}"] [part=status]`)
        .evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe(rgb);
    // Blocked avatars give way to initials once their error event has fired: wait for one.
    await expect
      .poll(() =>
        page.evaluate(() =>
          [
            ...document
              .querySelector("userecho-feedback")!
              .shadowRoot!.querySelectorAll<HTMLImageElement>("[part=avatar] img"),
          ].some((image) => image.hidden),
        ),
      )
      .toBe(true);

    const violations = await page.evaluate(
      () =>
        (window as unknown as { cspViolations: { directive: string; blockedURI: string }[] })
          .cspViolations,
    );
    const others = violations.filter(
      (v) => !(v.directive === "img-src" && new URL(v.blockedURI).origin !== new URL(url).origin),
    );
    expect(others).toEqual([]);
    expect(violations.length).toBeGreaterThan(0); // avatars really were blocked…
    // …and the widget fell back to initials: no broken image is left showing. (Avatars further
    // down load lazily, so they may not have been tried yet.)
    const avatars = await page.evaluate(() =>
      [
        ...document
          .querySelector("userecho-feedback")!
          .shadowRoot!.querySelectorAll("[part=avatar]"),
      ].map((avatar) => {
        const image = avatar.querySelector("img");
        return {
          initial: avatar.textContent?.trim() ?? "",
          hidden: !!image?.hidden,
          broken: !!image && !image.hidden && image.complete && image.naturalWidth === 0,
        };
      }),
    );
    expect(avatars.every((avatar) => avatar.initial.length === 1 && !avatar.broken)).toBe(true);
    expect(avatars.some((avatar) => avatar.hidden)).toBe(true);
    const unexpected = consoleErrors.filter(
      (message) =>
        !/^(Refused to load|Loading) the image 'https:\/\/[^']+' (because it )?violates/.test(
          message,
        ),
    );
    expect(unexpected).toEqual([]);
  });

  it("opens the launcher and a roadmap topic with no violation but remote images", async ({
    expect,
  }) => {
    const url = `${inject("workerUrl")}/test-pages/csp.html`;
    const { page, consoleErrors } = await openPage(browser, url, { images: false });
    // The launcher's dialog with its board, and a roadmap card's topic in its dialog.
    await page.locator("#launcher [part=button]").click();
    await page.locator("#launcher userecho-feedback li[part=topic]").first().waitFor();
    expect(
      await page.locator("#launcher [part=dialog]").evaluate((d) => (d as HTMLDialogElement).open),
    ).toBe(true);
    await page.keyboard.press("Escape");
    const card = page.locator("userecho-roadmap [part=card-title]").first();
    const title = (await card.textContent())!.trim();
    await card.click();
    const view = page.locator("userecho-roadmap userecho-topic-view");
    await view.locator("[part=description]").waitFor();
    expect((await view.locator("[part=heading]").textContent())?.trim()).toBe(title);

    const violations = await page.evaluate(
      () =>
        (window as unknown as { cspViolations: { directive: string; blockedURI: string }[] })
          .cspViolations,
    );
    expect(
      violations.filter(
        (v) => !(v.directive === "img-src" && new URL(v.blockedURI).origin !== new URL(url).origin),
      ),
    ).toEqual([]);
    expect(
      consoleErrors.filter(
        (message) =>
          !/^(Refused to load|Loading) the image 'https:\/\/[^']+' (because it )?violates/.test(
            message,
          ),
      ),
    ).toEqual([]);
  });
});
