import { beforeEach, describe, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { api } from "./support/api.ts";
import { axe, useTestPage } from "./support/browser.ts";
import { mount } from "./support/board.ts";

/**
 * axe-core in every state the elements can be in (shadow DOM included), and keyboard use.
 * WCAG 2.x A/AA plus axe's best practices; zero violations allowed.
 */
let page: Page;
useTestPage((opened) => ({ page } = opened));
beforeEach(async () => {
  await page.emulateMedia({ colorScheme: "light" });
});

const loaded = () => page.locator("userecho-feedback li[part=topic]").first().waitFor();
const both = (attributes = "") =>
  `<h1>Board</h1><userecho-feedback forum="1" page-size="5" ${attributes}></userecho-feedback>
   <userecho-top-users limit="5" ${attributes}></userecho-top-users>`;

describe("accessibility", () => {
  it("has no violations once loaded, in light, dark and auto themes", async ({ expect }) => {
    for (const theme of ["light", "dark", "auto"]) {
      await mount(page, both(`theme="${theme}"`));
      await loaded();
      await page.locator("userecho-top-users li").first().waitFor();
      await page.locator("userecho-feedback select[data-filter=status]").waitFor();
      if (theme === "auto") await page.emulateMedia({ colorScheme: "dark" });
      expect(await axe(page), theme).toEqual([]);
    }
  });

  it("has no violations with a topic expanded, on a later page, and with the submit form open", async ({
    expect,
  }) => {
    await mount(page, both());
    await loaded();
    const [commented] = (await api.topics(1, { limit: 5 })).items.filter((t) => t.commentCount);
    await page
      .locator(`userecho-feedback li[data-topic-id="${commented!.id}"] [part=title]`)
      .click();
    await page.locator("userecho-feedback [part=comment]").first().waitFor();
    await page.locator("userecho-feedback [part=description]").waitFor();
    expect(await axe(page), "expanded").toEqual([]);

    await page
      .locator("userecho-feedback [part=pagination] button", { hasText: /^\s*2\s*$/ })
      .first()
      .click();
    await page
      .locator("userecho-feedback [part=pagination] [aria-current=page]", { hasText: "2" })
      .first()
      .waitFor();
    expect(await axe(page), "page 2").toEqual([]);

    await page.evaluate(() => {
      (
        document.querySelector("userecho-feedback") as unknown as { getToken: () => string }
      ).getToken = () => "token";
    });
    await page.locator("userecho-feedback [part=submit-button]").click();
    await page.locator("userecho-submit-form input[name=title]").pressSequentially("Sync reports");
    await page.locator("userecho-submit-form [part=similar] li").first().waitFor();
    expect(await axe(page), "submit form").toEqual([]);
  });

  it("has no violations while loading, when empty, on error and after a sign-in request", async ({
    expect,
  }) => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/v1\/(forums\/1\/topics|users\/top)/, async (route) => {
      await held;
      await route.continue();
    });
    await mount(page, both());
    await page.locator("userecho-feedback [part=skeleton]").waitFor();
    expect(await axe(page), "loading").toEqual([]);
    release();
    await loaded();

    await page.locator("userecho-feedback [part=search]").fill("zzqxv nothing like this");
    await page.locator("userecho-feedback [part=empty]").waitFor();
    expect(await axe(page), "empty").toEqual([]);

    await page.locator("userecho-feedback [part=search]").fill("");
    await loaded();
    await page.locator("userecho-feedback [part=vote-button]").first().click();
    await page.locator("userecho-feedback [part=notice]").waitFor();
    expect(await axe(page), "sign-in notice").toEqual([]);

    await mount(
      page,
      `<h1>Board</h1>
       <userecho-feedback forum="1" endpoint="${inject("workerUrl")}/nowhere"></userecho-feedback>
       <userecho-top-users endpoint="${inject("workerUrl")}/nowhere"></userecho-top-users>`,
    );
    await page.locator("userecho-feedback [part=error]").waitFor();
    await page.locator("userecho-top-users [part=error]").waitFor();
    expect(await axe(page), "error").toEqual([]);
  });

  it("is operable with the keyboard alone", async ({ expect }) => {
    await mount(page, `<userecho-feedback forum="1" page-size="3"></userecho-feedback>`);
    await loaded();
    // The filters come with the forum's meta, which may follow the first rows (its statuses and
    // types can be computed from the forum's index): the tab order is read once they are drawn.
    await page.locator("userecho-feedback select[part=filter]").first().waitFor();
    const active = () =>
      page.evaluate(() => {
        const element = document.querySelector("userecho-feedback")!.shadowRoot!.activeElement;
        return element ? (element.getAttribute("part") ?? element.id) : null;
      });
    await page.locator("userecho-feedback [part=submit-button]").focus();
    const order: (string | null)[] = [];
    while (order.at(-1) !== "title" && order.length < 12) {
      await page.keyboard.press("Tab");
      order.push(await active());
    }
    // submit → search → sort → the filters UserEcho honours → first vote button → its title
    const filters = await page.locator("userecho-feedback select[part=filter]").count();
    expect(filters).toBeGreaterThan(0);
    const expected = ["search", "sort", ...Array<string>(filters).fill("filter"), "vote-button"];
    expect(order).toEqual([...expected, "title"]);
    await page.keyboard.press("Enter"); // expand the first topic
    expect(
      await page.locator("userecho-feedback [part=title]").first().getAttribute("aria-expanded"),
    ).toBe("true");
    await page.keyboard.press(" "); // and collapse it again
    expect(
      await page.locator("userecho-feedback [part=title]").first().getAttribute("aria-expanded"),
    ).toBe("false");
  });

  it("never clips a focus ring: rows that skip layout off screen leave room for it", async ({
    expect,
  }) => {
    await mount(page, both());
    await loaded();
    // For each focusable control in a topic row: how far its focus ring reaches past the edges
    // of every ancestor row that clips painting (paint containment, content-visibility), and
    // how much room that row leaves (its distance to the control plus overflow-clip-margin).
    const shortfalls = await page.evaluate(() => {
      const root = document.querySelector("userecho-feedback")!.shadowRoot!;
      const found: string[] = [];
      for (const control of root.querySelectorAll<HTMLElement>("li[part=topic] button")) {
        control.focus();
        const ring = getComputedStyle(control);
        const reach = parseFloat(ring.outlineWidth) + parseFloat(ring.outlineOffset);
        const box = control.getBoundingClientRect();
        for (let row = control.parentElement; row; row = row.parentElement) {
          const style = getComputedStyle(row);
          const clips =
            /paint|strict|content/.test(style.contain) || style.contentVisibility === "auto";
          if (!clips) continue;
          const edge = row.getBoundingClientRect();
          const margin = parseFloat(style.overflowClipMargin) || 0;
          const room = Math.min(
            box.left - edge.left,
            edge.right - box.right,
            box.top - edge.top,
            edge.bottom - box.bottom,
          );
          if (room + margin < reach)
            found.push(`${control.getAttribute("part")}: ${room + margin} < ${reach}`);
        }
      }
      return found;
    });
    expect(shortfalls).toEqual([]);
  });
});
