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

    // UserEcho (the emulator, as documented) has no vote order: the worker computes the board's
    // "top" at the edge, and the board shows exactly the worker's page, most votes first.
    const top = await api.topics(1, { limit: 20, sort: "top" });
    expect(top.applied.computed).toContain("sort");
    expect(await titles.allTextContents()).toEqual(top.items.map((topic) => topic.title));
    const scores = top.items.map((topic) => topic.votes.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
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
