import { describe, it } from "vitest";
import type { Page } from "playwright-core";
import type { ForumMeta, Status } from "@userecho-edge/shared";
import { api } from "./support/api.ts";
import { axe, useTestPage } from "./support/browser.ts";

/**
 * <userecho-roadmap> against the worker and the emulator: one column per status, in the forum's
 * order, each the worker's topic list filtered by that status.
 */
let page: Page;
let consoleErrors: string[];
useTestPage((opened) => ({ page, consoleErrors } = opened));

async function mountRoadmap(attributes: string): Promise<void> {
  await page.evaluate(async (html) => {
    document.getElementById("root")!.innerHTML = html;
    await customElements.whenDefined("userecho-roadmap");
  }, `<h1>Roadmap</h1><userecho-roadmap forum="1" ${attributes}></userecho-roadmap>`);
  // Every column drawn (no skeleton left).
  await page.waitForFunction(() => {
    const root = document.querySelector("userecho-roadmap")?.shadowRoot;
    return (
      !!root?.querySelector("[part=column]") &&
      root.querySelector("[aria-busy]")?.getAttribute("aria-busy") === "false"
    );
  });
}

/** Every status once, in the forum's order (each type's in turn). */
function forumStatuses(meta: ForumMeta): Status[] {
  const seen = new Map<number, Status>();
  for (const type of meta.types)
    for (const s of type.statuses) if (!seen.has(s.id)) seen.set(s.id, s);
  return [...seen.values()];
}

const columns = () =>
  page.evaluate(() =>
    [
      ...document.querySelector("userecho-roadmap")!.shadowRoot!.querySelectorAll("[part=column]"),
    ].map((column) => ({
      status: column.querySelector("[part=status]")!.textContent!.trim(),
      count: column.querySelector("[part=count]")!.textContent!.trim(),
      cards: [...column.querySelectorAll("[part=card-title]")].map((b) => b.textContent!.trim()),
    })),
  );

describe("<userecho-roadmap>", () => {
  it("shows one column per named status, in the forum's order, each with its count and topics", async ({
    expect,
  }) => {
    await mountRoadmap('page-size="3"');
    const meta = await api.meta(1);
    const sort = meta.sorts.includes("top") ? "top" : "new";
    const statuses = forumStatuses(meta);
    // The initial status has no name: no column.
    expect(statuses.some((status) => status.name === "")).toBe(true);
    const expected = await Promise.all(
      statuses
        .filter((status) => status.name !== "")
        .map(async (status) => {
          const list = await api.topics(1, { status: status.id, limit: 3, sort });
          return {
            status: status.name,
            count: `${list.page.total} ${list.page.total === 1 ? "topic" : "topics"}`,
            cards: list.items.map((topic) => topic.title),
          };
        }),
    );
    expect(await columns()).toEqual(expected);
    expect(consoleErrors).toEqual([]);
  });

  it("shows the statuses asked for, in the forum's order, and pages a column with Show more", async ({
    expect,
  }) => {
    const meta = await api.meta(1);
    const sort = meta.sorts.includes("top") ? "top" : "new";
    const named = forumStatuses(meta).filter((status) => status.name !== "");
    // The two fullest columns, asked for in reverse order.
    const totals = await Promise.all(
      named.map(
        async (s) => (await api.topics(1, { status: s.id, limit: 1, sort })).page.total ?? 0,
      ),
    );
    const fullest = named
      .map((status, i) => ({ status, total: totals[i]! }))
      .sort((a, b) => b.total - a.total)
      .slice(0, 2)
      .map((entry) => entry.status);
    const wanted = [...fullest].reverse();
    await mountRoadmap(`page-size="2" statuses="${wanted.map((s) => s.id).join(",")}"`);
    const inForumOrder = named.filter((status) => fullest.includes(status));
    expect((await columns()).map((column) => column.status)).toEqual(
      inForumOrder.map((status) => status.name),
    );
    const first = inForumOrder[0]!;
    const page1 = await api.topics(1, { status: first.id, limit: 2, sort });
    const page2 = await api.topics(1, { status: first.id, limit: 2, sort, page: 2 });
    expect(page1.page.hasNext).toBe(true);
    await page
      .locator("userecho-roadmap [part=column]")
      .first()
      .locator("[part=more-button]")
      .click();
    await expect
      .poll(async () => (await columns())[0]!.cards)
      .toEqual([...page1.items, ...page2.items].map((topic) => topic.title));
    // Focus goes to the first new card.
    expect(
      await page.evaluate(() =>
        document
          .querySelector("userecho-roadmap")!
          .shadowRoot!.activeElement?.closest("[data-topic-id]")
          ?.getAttribute("data-topic-id"),
      ),
    ).toBe(String(page2.items[0]!.id));
    expect(consoleErrors).toEqual([]);
  });

  it("opens a card's topic in a dialog; Escape closes it and focus returns to the card", async ({
    expect,
  }) => {
    await mountRoadmap('page-size="2"');
    const card = page.locator("userecho-roadmap [part=card-title]").first();
    const title = (await card.textContent())!.trim();
    await card.click();
    const dialog = page.locator("userecho-roadmap [part=dialog]");
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    const view = page.locator("userecho-roadmap userecho-topic-view");
    await view.locator("[part=description]").waitFor();
    expect((await view.locator("[part=heading]").textContent())?.trim()).toBe(title);
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(
      await page.evaluate(() =>
        document.querySelector("userecho-roadmap")!.shadowRoot!.activeElement?.textContent?.trim(),
      ),
    ).toBe(title);
    expect(consoleErrors).toEqual([]);
  });

  it("scrolls its columns sideways on a narrow screen, and the keyboard reaches every card", async ({
    expect,
  }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    try {
      await mountRoadmap('page-size="2"');
      const scroller = await page.locator("userecho-roadmap [part=columns]").evaluate((el) => ({
        overflow: getComputedStyle(el).overflowX,
        wider: el.scrollWidth > el.clientWidth,
        pageWider: document.documentElement.scrollWidth > window.innerWidth,
      }));
      expect(scroller).toEqual({ overflow: "auto", wider: true, pageWider: false });
      expect(await axe(page)).toEqual([]);

      const cards = await page
        .locator("userecho-roadmap [part=card]")
        .evaluateAll((items) => items.map((item) => item.getAttribute("data-topic-id")));
      const reached = new Set<string>();
      await page.locator("h1").click();
      for (let i = 0; i < cards.length * 2 + 20 && reached.size < cards.length; i++) {
        await page.keyboard.press("Tab");
        const id = await page.evaluate(
          () =>
            document
              .querySelector("userecho-roadmap")!
              .shadowRoot!.activeElement?.closest("[data-topic-id]")
              ?.getAttribute("data-topic-id") ?? null,
        );
        if (id) reached.add(id);
      }
      expect([...reached].sort()).toEqual([...cards].sort());
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
    expect(consoleErrors).toEqual([]);
  });
});
