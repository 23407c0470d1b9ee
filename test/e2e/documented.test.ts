import { describe, it } from "vitest";
import type { Page } from "playwright-core";
import type { TopicFilter } from "@userecho-edge/shared";
import { api } from "./support/api.ts";
import { useTestPage } from "./support/browser.ts";
import { mount, settled, titles } from "./support/board.ts";

/**
 * The board on a UserEcho that serves only what it documents (the emulator's `documented`
 * profile, the stack's first worker): the one attested sort, no filter but what UserEcho may
 * ignore. The worker computes the rest at the edge from the forum's index, and its meta offers
 * them; the board must offer and apply every one, as on the extended profile (issue 19).
 */
let page: Page;
let consoleErrors: string[];
useTestPage((opened) => ({ page, consoleErrors } = opened));

const board = `<userecho-feedback forum="1" page-size="8"></userecho-feedback>`;
const select = (name: string) => page.locator(`userecho-feedback select[data-filter=${name}]`);
const options = async (name: string) =>
  (await select(name).locator("option").allTextContents()).map((text) => text.trim());

describe("on a UserEcho that serves only what it documents", () => {
  it("shows Top, computed at the edge, ordered by votes", async ({ expect }) => {
    await mount(page, board);
    await settled(page);
    const meta = await api.meta(1);
    expect(meta.sorts).toEqual(["top", "new", "updated", "discussed"]);
    const sort = page.locator("userecho-feedback [part=sort]");
    await sort.waitFor();
    expect(await options("sort")).toEqual(["Top", "Newest", "Recently updated", "Most discussed"]);
    // The element asks for "top" (its default) and the worker applies it.
    expect(await sort.inputValue()).toBe("top");
    const top = await api.topics(1, { limit: 8, sort: "top" });
    expect(top.applied.sort).toBe("top");
    expect(top.applied.computed).toContain("sort");
    expect(await titles(page)).toEqual(top.items.map((topic) => topic.title));
    const scores = (
      await page.locator("userecho-feedback [part=vote-count]").allTextContents()
    ).map(Number);
    expect(scores).toEqual(top.items.map((topic) => topic.votes.score));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    // Another sort and back: the list follows the select.
    await sort.selectOption("discussed");
    const discussed = await api.topics(1, { limit: 8, sort: "discussed" });
    await expect.poll(() => titles(page)).toEqual(discussed.items.map((topic) => topic.title));
    await sort.selectOption("top");
    await expect.poll(() => titles(page)).toEqual(top.items.map((topic) => topic.title));
    expect(consoleErrors).toEqual([]);
  });

  it("filters by type, status and tag, and offers no category filter it cannot serve", async ({
    expect,
  }) => {
    await mount(page, board);
    await settled(page);
    const meta = await api.meta(1);
    // A documented topic carries no category, so the worker cannot compute that filter, and
    // UserEcho was not seen to honour it: the meta leaves it out, and the board offers none.
    expect([...meta.filters].sort()).toEqual(["status", "tag", "type"]);
    expect(meta.categories.length).toBeGreaterThan(0);
    await select("tag").waitFor();
    expect(await select("category").count()).toBe(0);
    expect(await options("type")).toEqual(["All", ...meta.types.map((type) => type.name)]);
    expect(await options("tag")).toEqual(["All", ...meta.tags.map((tag) => tag.name)]);

    // Each filter alone, then back to "All": the board shows what the worker lists for it.
    const type = meta.types.find((candidate) => candidate.statuses.some((s) => s.name))!;
    const status = type.statuses.find((s) => s.name)!;
    const chosen: [TopicFilter, number][] = [
      ["type", type.id],
      ["status", status.id],
      ["tag", meta.tags[0]!.id],
    ];
    const all = await api.topics(1, { limit: 8, sort: "top" });
    for (const [name, id] of chosen) {
      const filtered = await api.topics(1, { limit: 8, sort: "top", [name]: id });
      expect(filtered.applied[name], name).toBe(id);
      expect(filtered.items.length, name).toBeGreaterThan(0);
      await select(name).selectOption(String(id));
      await expect
        .poll(() => titles(page), { message: name })
        .toEqual(filtered.items.map((topic) => topic.title));
      if (name === "type") {
        // The status filter now offers that type's statuses.
        expect(await options("status")).toEqual([
          "All",
          ...type.statuses.filter((s) => s.name).map((s) => s.name),
        ]);
      }
      await select(name).selectOption("");
      await expect.poll(() => titles(page)).toEqual(all.items.map((topic) => topic.title));
    }

    // Two at once: a type and one of its statuses.
    await select("type").selectOption(String(type.id));
    await select("status").selectOption(String(status.id));
    const both = await api.topics(1, { limit: 8, sort: "top", type: type.id, status: status.id });
    await expect.poll(() => titles(page)).toEqual(both.items.map((topic) => topic.title));
    expect(consoleErrors).toEqual([]);
  });
});
