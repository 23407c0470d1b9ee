import { beforeEach, describe, it } from "vitest";
import type { Page } from "playwright-core";
import { extendedApi as api } from "./support/api.ts";
import { useTestPage } from "./support/browser.ts";
import { type BoardElement, events, mount, recordEvents, titles } from "./support/board.ts";
import { siteJwt } from "./support/jwt.ts";

/**
 * What the board does when UserEcho honours every guess the worker makes (the emulator's
 * extended profile): every sort and filter, and the inferred vote endpoint (`VOTING=inline`).
 * The page is served by the stack's second worker, whose upstream is that profile.
 */
let page: Page;
let consoleErrors: string[];
useTestPage((opened) => ({ page, consoleErrors } = opened), { worker: "extendedWorkerUrl" });
beforeEach(async () => {
  await recordEvents(page);
});

const board = (attributes = "") =>
  `<userecho-feedback forum="1" ${attributes}></userecho-feedback>`;
const topics = () => page.locator("userecho-feedback li[part=topic]");

describe("with a UserEcho that honours every guess", () => {
  it("sorts, and filters with selects built from the forum's meta", async ({ expect }) => {
    await mount(page, board('page-size="8"'));
    await topics().first().waitFor();
    expect((await api.meta(1)).sorts).toEqual(["top", "new", "updated", "discussed"]);
    await page.locator("userecho-feedback [part=sort]").selectOption("new");
    const newest = await api.topics(1, { limit: 8, sort: "new" });
    await expect.poll(() => titles(page)).toEqual(newest.items.map((topic) => topic.title));

    const meta = await api.meta(1);
    const typeSelect = page.locator("userecho-feedback select[data-filter=type]");
    expect(
      (await typeSelect.locator("option").allTextContents()).map((text) => text.trim()),
    ).toEqual(["All", ...meta.types.map((type) => type.name)]);
    const type = meta.types.find((candidate) => candidate.statuses.some((s) => s.name))!;
    await typeSelect.selectOption(String(type.id));
    const byType = await api.topics(1, { limit: 8, sort: "new", type: type.id });
    await expect.poll(() => titles(page)).toEqual(byType.items.map((topic) => topic.title));
    // The status filter now offers the statuses of that type.
    const statusSelect = page.locator("userecho-feedback select[data-filter=status]");
    expect(
      (await statusSelect.locator("option").allTextContents()).map((text) => text.trim()),
    ).toEqual(["All", ...type.statuses.filter((s) => s.name).map((s) => s.name)]);
    const category = meta.categories[0]!;
    await page
      .locator("userecho-feedback select[data-filter=category]")
      .selectOption(String(category.id));
    const byCategory = await api.topics(1, {
      limit: 8,
      sort: "new",
      type: type.id,
      category: category.id,
    });
    await expect.poll(() => titles(page)).toEqual(byCategory.items.map((topic) => topic.title));
    // The element's properties follow the visitor's choices.
    expect(
      await page.evaluate(() => {
        const el = document.querySelector("userecho-feedback") as unknown as BoardElement;
        return [el.sort, el.type, el.category];
      }),
    ).toEqual(["new", type.id, category.id]);
    expect(consoleErrors).toEqual([]);
  });

  it("votes inline and the worker's count stands", async ({ expect }) => {
    await mount(page, board('page-size="3"'));
    await page.evaluate((token) => {
      (
        document.querySelector("userecho-feedback") as unknown as { getToken: () => unknown }
      ).getToken = async () => token;
    }, siteJwt());
    await topics().first().waitFor();
    expect((await api.meta(1)).voting).toBe("inline");
    const [first] = (await api.topics(1, { limit: 3, sort: "top" })).items;
    const response = page.waitForResponse(/\/votes$/);
    await page.locator("userecho-feedback [part=vote-button]").first().click();
    const result = (await (await response).json()) as { votes: { score: number }; myVote: number };
    expect(result.myVote).toBe(1);
    await expect
      .poll(() => page.locator("userecho-feedback [part=vote-count]").first().textContent())
      .toBe(String(result.votes.score));
    expect(result.votes.score).toBe(first!.votes.score + 1);
    expect((await events(page)).find((e) => e.type === "userecho-vote")?.detail).toMatchObject({
      topicId: first!.id,
      value: 1,
    });
    expect(consoleErrors).toEqual([]);
  });
});
