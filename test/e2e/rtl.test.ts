import { describe, it } from "vitest";
import type { Page } from "playwright-core";
import { axe, useTestPage } from "./support/browser.ts";
import { settled } from "./support/board.ts";

/**
 * Right to left: a board, a roadmap and a launcher in Hebrew are mirrored (logical CSS, not a
 * patch), speak Hebrew, and stay free of axe violations, open and closed.
 */
let page: Page;
let consoleErrors: string[];
useTestPage((opened) => ({ page, consoleErrors } = opened));

async function mountHebrew(markup: string): Promise<void> {
  await page.evaluate(async (html) => {
    document.documentElement.lang = "he";
    document.documentElement.dir = "rtl";
    document.getElementById("root")!.innerHTML = `<h1>משוב</h1>${html}`;
    for (const tag of ["userecho-feedback", "userecho-roadmap", "userecho-launcher"]) {
      if (document.querySelector(tag)) await customElements.whenDefined(tag);
    }
  }, markup);
}

/** The horizontal centre of the first element `selector` finds. */
const centre = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.left + box.width / 2;
    });

// Each test loads several chunks and topics, and runs axe: more than the default 30 s when the
// two-core machine runs other test files alongside.
describe("right to left (Hebrew)", { timeout: 60_000 }, () => {
  it("mirrors the board and speaks Hebrew, with no axe violations", async ({ expect }) => {
    await mountHebrew(`<userecho-feedback forum="1" page-size="5"></userecho-feedback>`);
    await page.locator("userecho-feedback li[part=topic]").first().waitFor();
    await settled(page);
    const base = page.locator("userecho-feedback [part=base]");
    expect(await base.getAttribute("lang")).toBe("he");
    expect(await base.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
    // Hebrew words: the count and the submit button are not the English ones.
    const count = (await page.locator("userecho-feedback [part=count]").textContent())!.trim();
    expect(count).toMatch(/[\u0590-\u05FF]/);
    expect(
      (await page.locator("userecho-feedback [part=submit-button]").textContent())!.trim(),
    ).toMatch(/[\u0590-\u05FF]/);
    // Mirrored: the vote column is on the right of the title, not the left.
    const vote = await centre(page, "userecho-feedback [part=vote-button]");
    const title = await centre(page, "userecho-feedback [part=title]");
    expect(vote).toBeGreaterThan(title);
    // The paging and filters have come in (they load after the first rows) before axe looks.
    await page.locator("userecho-feedback [part=pagination]").waitFor();
    expect(await axe(page)).toEqual([]);

    // A topic open, in Hebrew too.
    await page.locator("userecho-feedback [part=title]").first().click();
    await page.locator("userecho-feedback [part=description]").waitFor();
    expect(await axe(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("mirrors the roadmap and the launcher, closed and open, with no axe violations", async ({
    expect,
  }) => {
    await mountHebrew(
      `<userecho-roadmap forum="1" page-size="2"></userecho-roadmap>
       <userecho-launcher id="launcher" forum="1" page-size="3" position="bottom-left"></userecho-launcher>`,
    );
    await page.locator("userecho-roadmap [part=card]").first().waitFor();
    await settled(page, "userecho-roadmap");
    // The first column (the forum's first status) is the rightmost.
    const columns = await page
      .locator("userecho-roadmap [part=column]")
      .evaluateAll((list) => list.slice(0, 2).map((c) => c.getBoundingClientRect().left));
    expect(columns[0]).toBeGreaterThan(columns[1]!);
    const tab = page.locator("#launcher [part=button]");
    expect((await tab.textContent())!.trim()).toMatch(/[\u0590-\u05FF]/);
    expect(await axe(page)).toEqual([]);

    await tab.click();
    await page.locator("#launcher userecho-feedback li[part=topic]").first().waitFor();
    await page.locator("#launcher userecho-feedback [aria-busy=false]").waitFor();
    expect(
      await page.locator("#launcher [part=dialog]").evaluate((d) => getComputedStyle(d).direction),
    ).toBe("rtl");
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press("Escape");
    expect(consoleErrors).toEqual([]);
  });
});
