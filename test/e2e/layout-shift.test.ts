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
 * Until its code has arrived an element is empty: that first jump is the host page's to
 * prevent (docs/WIDGET.md, "States", gives the CSS), and the test page does not, so shifts are
 * counted from the frame after both elements first drew.
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
      // The elements' first paint: from then on, nothing below them may move. Each element's
      // code arrives on its own (widget.js fetches the board, then the leaderboard), so the
      // page is painted before they first draw; that first appearance is the host page's to
      // reserve (docs/WIDGET.md, "States"), as the appearance of widget.js's elements always was.
      const firstRender = await page.evaluate(async () => {
        for (const name of ["userecho-feedback", "userecho-top-users"]) {
          await customElements.whenDefined(name);
          const element = document.querySelector(name)!;
          await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        }
        // The frame that shows the first render, and the one after it, whose shift entries
        // belong to that first appearance.
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
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
