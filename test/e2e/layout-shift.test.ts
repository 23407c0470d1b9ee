import { afterAll, beforeAll, describe, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./support/browser.ts";

/**
 * The host page must not jump: from the moment the elements first draw (their skeleton) to the
 * moment every row and user is in, the content below them must not move. Measured with a
 * PerformanceObserver of `layout-shift` entries on a page with text below the board and below
 * the leaderboard, on a desktop and a phone viewport: the sum of the entries that moved that text
 * (a layout measurement, not a timing).
 *
 * Before `widget.js` has run, the elements are empty: that first jump is the host page's to
 * prevent (docs/WIDGET.md, "States"), and the test page does not, so shifts are counted from the
 * elements' first render on.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
};

describe("layout shift of the host page", () => {
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`content below the board and the leaderboard stays put (${name})`, async ({ expect }) => {
      const context = await browser.newContext({ viewport });
      await context.route(
        (url) => url.hostname !== "127.0.0.1",
        (route) => route.fulfill({ status: 204 }),
      );
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as {
          shifts: { value: number; start: number; ids: string[] }[];
        };
        w.shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as {
            value: number;
            startTime: number;
            sources: { node?: Node }[];
          }[]) {
            w.shifts.push({
              value: entry.value,
              start: entry.startTime,
              ids: entry.sources.map((source) => (source.node as Element | undefined)?.id ?? ""),
            });
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(`${inject("workerUrl")}/test-pages/layout.html`);
      // The elements' first render: from then on, nothing below them may move.
      const firstRender = await page.evaluate(async () => {
        await customElements.whenDefined("userecho-feedback");
        const board = document.querySelector("userecho-feedback")!;
        await (board as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        return performance.now();
      });
      await page.waitForFunction(() => {
        const board = document.querySelector("userecho-feedback")?.shadowRoot;
        const users = document.querySelector("userecho-top-users")?.shadowRoot;
        return (
          board?.querySelector("[part=forum-link]") &&
          board.querySelector("select[data-filter=status]") &&
          users?.querySelector("li[part=user]")
        );
      });
      await page.waitForTimeout(500); // entries are reported after the frame
      const shifts = await page.evaluate(
        () =>
          (window as unknown as { shifts: { value: number; start: number; ids: string[] }[] })
            .shifts,
      );
      const below = shifts
        .filter((shift) => shift.start >= firstRender)
        .filter((shift) => shift.ids.some((id) => id === "below-board" || id === "below-leaders"));
      const score = below.reduce((sum, shift) => sum + shift.value, 0);
      expect(score, JSON.stringify(below)).toBeLessThanOrEqual(0.02);
      await context.close();
    });
  }
});
