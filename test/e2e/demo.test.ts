import { afterAll, beforeAll, describe, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import credentials from "@userecho-edge/emulator/credentials.json" with { type: "json" };
import { api } from "./support/api.ts";
import { launchBrowser, openPage } from "./support/browser.ts";
import { settled } from "./support/board.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the demo page", () => {
  it("shows the first page of topics from the emulator, through the worker", async ({ expect }) => {
    const { page, consoleErrors } = await openPage(browser, `${inject("workerUrl")}/`);
    const titles = page.locator("userecho-feedback li[part=topic] .title");
    await titles.first().waitFor({ timeout: 15_000 });
    await settled(page);

    // The forum, read from UserEcho (the emulator, as documented) directly, in the only order
    // it documents. No vote order is documented, so the board computes "top" at the edge: most
    // votes first, ties newest (highest id) first. It must show exactly that first page.
    const upstream: { id: number; header: string; vote?: { diff?: number } }[] = [];
    for (let page = 1; ; page++) {
      const { data } = await fetch(
        `${inject("emulatorUrl")}/profile/documented/api/v2/forums/1/topics.json?page=${page}&limit=50&order_by=-created&access_token=${credentials.agentToken}`,
      ).then((r) => r.json() as Promise<{ data: typeof upstream }>);
      upstream.push(...data);
      if (data.length < 50) break;
    }
    const top = upstream
      .toSorted((a, b) => (b.vote?.diff ?? 0) - (a.vote?.diff ?? 0) || b.id - a.id)
      .slice(0, 20);
    expect(await titles.allTextContents()).toEqual(top.map((topic) => topic.header));
    expect((await api.topics(1, { limit: 20, sort: "top" })).applied.computed).toContain("sort");
    expect(consoleErrors).toEqual([]);
  });

  it("keeps its notice banner readable in both themes (WCAG AA contrast)", async ({ expect }) => {
    const { page } = await openPage(browser, `${inject("workerUrl")}/`);
    const contrast = () =>
      page.evaluate(() => {
        const message = document.getElementById("demo-message")!;
        message.textContent = "Sign in first (to vote): use “Sign in (demo)” at the top.";
        const style = getComputedStyle(message);
        const luminance = (rgb: string) => {
          const [r, g, b] = rgb
            .match(/\d+/g)!
            .slice(0, 3)
            .map((c) => {
              const v = Number(c) / 255;
              return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
            }) as [number, number, number];
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const [a, b] = [luminance(style.color), luminance(style.backgroundColor)];
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      });
    expect(await contrast()).toBeGreaterThanOrEqual(4.5);
    await page.locator("#theme").selectOption("dark");
    expect(await contrast()).toBeGreaterThanOrEqual(4.5);
  });

  it("never hands the token to the browser", async ({ expect }) => {
    const { page } = await openPage(browser, `${inject("workerUrl")}/`);
    const bodies: string[] = [];
    page.on("response", async (response) => {
      bodies.push(response.url(), await response.text().catch(() => ""));
    });
    await page.reload();
    await page.locator("userecho-feedback li[part=topic]").first().waitFor();
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) expect(body).not.toContain(credentials.agentToken);
  });
});
