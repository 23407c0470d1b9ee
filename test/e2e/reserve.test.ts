import { afterAll, beforeAll, describe, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "./support/browser.ts";

/**
 * `widget.js` holds each board's and leaderboard's place until its code arrives
 * (widget/src/reserve/): the height it holds must be the height of the element's first render,
 * or the page below moves when the element draws. Measured in Chromium, element by element,
 * for page sizes and widths on both sides of the board's one breakpoint, and at a larger font:
 * first with the board's code held back (the element not defined yet), then with it in and the
 * data held back (the first render, skeletons).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Case {
  tag: string;
  attributes: string;
  width: number;
  font?: string;
}

const CASES: Case[] = [
  ...[1280, 700, 609, 607, 500, 390, 340].flatMap((width) => [
    { tag: "userecho-feedback", attributes: 'page-size="5"', width },
    { tag: "userecho-feedback", attributes: "", width },
  ]),
  { tag: "userecho-feedback", attributes: 'page-size="12"', width: 800, font: "20px" },
  { tag: "userecho-feedback", attributes: 'page-size="3"', width: 390, font: "20px" },
  ...[800, 390].flatMap((width) => [
    { tag: "userecho-top-users", attributes: 'limit="5"', width },
    { tag: "userecho-top-users", attributes: "", width },
  ]),
  { tag: "userecho-top-users", attributes: 'limit="7"', width: 300, font: "20px" },
];

/** The heights of the cases' elements, all on one page (each in a box of its width). */
async function heights(page: Page, cases: readonly Case[], defined: boolean): Promise<number[]> {
  await page.goto(`${inject("workerUrl")}/test-pages/blank.html`);
  return page.evaluate(
    async ({ cases, defined }) => {
      const root = document.getElementById("root")!;
      root.innerHTML = cases
        .map(
          ({ tag, attributes, width, font }) =>
            `<div style="width:${width}px;font-size:${font ?? "16px"}"><${tag} forum="1" ${attributes}></${tag}></div>`,
        )
        .join("");
      const elements = [...root.children].map((box) => box.firstElementChild as HTMLElement);
      if (defined) {
        for (const element of elements) {
          await customElements.whenDefined(element.localName);
          await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        }
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return elements.map((element) => element.getBoundingClientRect().height);
    },
    { cases, defined },
  );
}

describe("the place widget.js holds for an element", () => {
  it("is as tall as the element's first render", async ({ expect }) => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const held = await context.newPage();
    await held.route(/\/chunks\/board-/, () => undefined); // never answered: not defined yet
    const reserved = await heights(held, CASES, false);
    const drawn = await context.newPage();
    await drawn.route(/\/v1\//, () => undefined); // never answered: the skeletons stay
    const first = await heights(drawn, CASES, true);
    const rows = CASES.map((c, i) => ({ ...c, reserved: reserved[i], first: first[i] }));
    for (const row of rows) {
      expect(row.reserved, JSON.stringify(row)).toBeGreaterThan(0);
      expect(Math.abs(row.reserved! - row.first!), JSON.stringify(row)).toBeLessThan(0.5);
    }
    await context.close();
  });
});
