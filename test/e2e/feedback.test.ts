import { beforeEach, describe, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { api } from "./support/api.ts";
import { useTestPage } from "./support/browser.ts";
import {
  type BoardElement,
  announcement,
  events,
  focusedId,
  isNetworkLog,
  mount,
  recordEvents,
  titles,
} from "./support/board.ts";

/**
 * <userecho-feedback> against the worker and the emulator: what it shows is compared with what
 * the worker's /v1 API returns for the same query.
 */
let page: Page;
let consoleErrors: string[];
useTestPage((opened) => ({ page, consoleErrors } = opened));
beforeEach(async () => {
  await recordEvents(page);
});

const board = (attributes = "") =>
  `<userecho-feedback forum="1" ${attributes}></userecho-feedback>`;
const topics = () => page.locator("userecho-feedback li[part=topic]");

describe("<userecho-feedback>", () => {
  it("shows each topic as the worker returns it", async ({ expect }) => {
    await mount(page, board('page-size="10"'));
    await topics().first().waitFor();
    const expected = await api.topics(1, { limit: 10, sort: "top" });
    expect(await titles(page)).toEqual(expected.items.map((topic) => topic.title));

    const shown = await page.evaluate(() =>
      [
        ...document
          .querySelector("userecho-feedback")!
          .shadowRoot!.querySelectorAll("li[part=topic]"),
      ].map((li) => {
        const text = (part: string) =>
          li.querySelector(`[part~=${part}]`)?.textContent?.trim() ?? null;
        const status = li.querySelector<HTMLElement>("[part=status]");
        return {
          id: Number(li.getAttribute("data-topic-id")),
          votes: text("vote-count"),
          status: status?.textContent?.trim() ?? null,
          statusBackground: status ? getComputedStyle(status).backgroundColor : null,
          type: text("type"),
          category: text("category"),
          comments: text("comment-count"),
          author: text("author"),
          avatar: !!li.querySelector("[part=author] [part=avatar]"),
          date: li.querySelector("time")?.getAttribute("datetime") ?? null,
          relative: text("date"),
        };
      }),
    );
    const rgb = (hex: string) =>
      `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;
    const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
    expect(shown).toEqual(
      expected.items.map((topic) => ({
        id: topic.id,
        votes: new Intl.NumberFormat("en").format(topic.votes.score),
        status: topic.status?.name || null,
        statusBackground: topic.status?.name ? rgb(topic.status.color) : null,
        type: topic.type?.name ?? "",
        category: topic.category?.name ?? null,
        comments: `${topic.commentCount} ${topic.commentCount === 1 ? "comment" : "comments"}`,
        author: expect.stringContaining(topic.author.name) as unknown as string,
        avatar: true,
        date: topic.createdAt,
        relative: expect.any(String) as unknown as string,
      })),
    );
    // Relative dates come from Intl.RelativeTimeFormat: the newest topic's is one of its outputs.
    expect(shown.every((topic) => topic.relative && topic.relative.length > 0)).toBe(true);
    expect(rtf.resolvedOptions().locale).toBe("en");
    await expect
      .poll(() => page.locator("userecho-feedback [part=count]").textContent())
      .toBe(`${expected.page.total} topics`);
    expect((await events(page)).some((event) => event.type === "userecho-load")).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  it("pages with numbered buttons, marks the current page and moves focus to the heading", async ({
    expect,
  }) => {
    await mount(page, board('page-size="10"'));
    await topics().first().waitFor();
    const second = await api.topics(1, { limit: 10, page: 2, sort: "top" });
    const current = page.locator("userecho-feedback [part=pagination] [aria-current=page]");
    expect(await current.textContent()).toContain("1");

    await page
      .locator("userecho-feedback [part=pagination] button", { hasText: /^\s*2\s*$/ })
      .click();
    await expect.poll(() => titles(page)).toEqual(second.items.map((topic) => topic.title));
    expect((await current.textContent())?.trim()).toBe("2");
    expect(await current.getAttribute("aria-label")).toBe("Page 2");
    await expect.poll(() => focusedId(page)).toBe("heading");
    await expect.poll(() => announcement(page)).toBe(`Page 2 of ${second.page.totalPages}`);

    await page.locator("userecho-feedback [part=pagination] button", { hasText: "Next" }).click();
    const third = await api.topics(1, { limit: 10, page: 3, sort: "top" });
    await expect.poll(() => titles(page)).toEqual(third.items.map((topic) => topic.title));
    expect(consoleErrors).toEqual([]);
  });

  it("draws a long page ten topics per task, then its paging, and only then fires userecho-load", async ({
    expect,
  }) => {
    // Every state the board passes through, caught by a MutationObserver (a microtask after
    // each render), and the number of rows when userecho-load fires.
    const states = await page.evaluate(async () => {
      const seen: { rows: number; busy: string | null; pager: boolean }[] = [];
      const rowsAtLoad: number[] = [];
      document.getElementById("root")!.innerHTML =
        '<userecho-feedback forum="1" page-size="50"></userecho-feedback>';
      const board = document.querySelector("userecho-feedback")!;
      const root = board.shadowRoot!;
      const state = () => ({
        rows: root.querySelectorAll("li[part=topic]").length,
        busy: root.querySelector("[aria-busy]")?.getAttribute("aria-busy") ?? null,
        pager: !!root.querySelector("[part=pagination]"),
      });
      new MutationObserver(() => {
        const now = state();
        const last = seen.at(-1);
        if (now.rows && (!last || JSON.stringify(last) !== JSON.stringify(now))) seen.push(now);
      }).observe(root, { childList: true, subtree: true, attributes: true });
      board.addEventListener("userecho-load", () => rowsAtLoad.push(state().rows));
      await new Promise<void>((resolve) => {
        const check = () => (rowsAtLoad.length ? resolve() : setTimeout(check, 20));
        check();
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { seen, rowsAtLoad };
    });
    expect([...new Set(states.seen.map((s) => s.rows))]).toEqual([10, 20, 30, 40, 50]);
    for (const s of states.seen.filter((s) => s.rows < 50)) {
      expect(s, "while drawing").toMatchObject({ busy: "true", pager: false });
    }
    expect(states.seen.at(-1)).toEqual({ rows: 50, busy: "false", pager: true });
    expect(states.rowsAtLoad).toEqual([50]);
    const expected = await api.topics(1, { limit: 50, sort: "top" });
    expect(await titles(page)).toEqual(expected.items.map((topic) => topic.title));
    expect(consoleErrors).toEqual([]);
  });

  it("searches after a pause in typing and aborts the request it supersedes", async ({
    expect,
  }) => {
    await mount(page, board('page-size="10"'));
    await topics().first().waitFor();
    // Record every topics request the page makes and whether its signal was aborted.
    await page.evaluate(() => {
      const w = window as unknown as { searches: { q: string; aborted: boolean }[] };
      w.searches = [];
      const original = window.fetch;
      window.fetch = (input, init) => {
        const url = new URL(String(input));
        const q = url.searchParams.get("q");
        if (q !== null && url.pathname.endsWith("/topics")) {
          const entry = { q, aborted: false };
          w.searches.push(entry);
          init?.signal?.addEventListener("abort", () => (entry.aborted = true));
        }
        return original(input, init);
      };
    });
    // Hold the first search long enough to be superseded.
    await page.route(/\/topics\?.*q=sy(&|$)/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await route.continue().catch(() => undefined);
    });
    const search = page.locator("userecho-feedback [part=search]");
    await search.pressSequentially("sy", { delay: 40 });
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { searches: unknown[] }).searches.length),
      )
      .toBe(1);
    await search.pressSequentially("nc", { delay: 40 });
    const expected = await api.topics(1, { limit: 10, sort: "top", q: "sync" });
    expect(expected.items.length).toBeGreaterThan(0);
    await expect.poll(() => titles(page)).toEqual(expected.items.map((topic) => topic.title));
    const searches = await page.evaluate(
      () => (window as unknown as { searches: { q: string; aborted: boolean }[] }).searches,
    );
    // Debounced: no request for "s" (too short) or "syn" (typed too fast), and "sy" was aborted.
    expect(searches).toEqual([
      { q: "sy", aborted: true },
      { q: "sync", aborted: false },
    ]);
    // A search carries no total (UserEcho's search has no details): the page is announced.
    await expect
      .poll(() => announcement(page))
      .toBe(expected.page.total === null ? "Page 1" : `${expected.page.total} topics`);

    await search.fill("zzqxv nothing like this");
    await page.locator("userecho-feedback [part=empty]").waitFor();
    expect((await api.topics(1, { q: "zzqxv nothing like this" })).items).toEqual([]);
    expect((await page.locator("userecho-feedback [part=empty]").textContent())?.trim()).toBe(
      "No topics match your search.",
    );
    expect(consoleErrors).toEqual([]);
  });

  it("expands a topic to its sanitised description and its comments, paged", async ({ expect }) => {
    await mount(page, board('page-size="20" sort="discussed"'));
    await topics().first().waitFor();
    // The most discussed topic, so that its comments take more than one page.
    const first = (await api.topics(1, { limit: 20, sort: "discussed" })).items.reduce((a, b) =>
      b.commentCount > a.commentCount ? b : a,
    );
    expect(first.commentCount).toBeGreaterThan(10);
    const title = page.locator(`userecho-feedback li[data-topic-id="${first.id}"] [part=title]`);
    expect(await title.getAttribute("aria-expanded")).toBe("false");
    await title.click();
    expect(await title.getAttribute("aria-expanded")).toBe("true");
    const detail = await api.topic(first!.id);
    const description = page.locator("userecho-feedback [part=description]");
    await description.waitFor();
    const expectedText = await page.evaluate(
      (html) => new DOMParser().parseFromString(html, "text/html").body.textContent,
      detail.descriptionHtml,
    );
    expect(await description.textContent()).toBe(expectedText);
    expect(await title.getAttribute("aria-controls")).toBe(`topic-${first!.id}`);

    const comments = await api.comments(first!.id, 1, 10);
    const shown = page.locator("userecho-feedback [part=comment]");
    await shown.first().waitFor();
    const texts = () => shown.locator(".html").allTextContents();
    const html = (list: typeof comments) =>
      Promise.all(
        list.items.map((comment) =>
          page.evaluate(
            (h) => new DOMParser().parseFromString(h, "text/html").body.textContent,
            comment.html,
          ),
        ),
      );
    expect(await texts()).toEqual(await html(comments));
    // Comments carry no total (no details on UserEcho's comment list): previous and next only.
    expect(comments.page).toMatchObject({ totalPages: null, hasNext: true });
    await page
      .locator("userecho-topic-detail [part=pagination] button", { hasText: "Next" })
      .click();
    const second = await api.comments(first!.id, 2, 10);
    await expect.poll(texts).toEqual(await html(second));
    // Focus moved to the comments heading, inside the topic's detail.
    expect(await focusedId(page, "userecho-feedback")).toBe(`topic-${first!.id}`);
    expect(
      await page.evaluate(
        () =>
          document
            .querySelector("userecho-feedback")!
            .shadowRoot!.querySelector("userecho-topic-detail")!.shadowRoot!.activeElement?.id,
      ),
    ).toBe("comments-heading");

    await title.click();
    expect(await title.getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator("userecho-feedback userecho-topic-detail").count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it('appends pages with paging="more" and focuses the first new topic', async ({ expect }) => {
    await mount(page, board('page-size="5" paging="more"'));
    await topics().first().waitFor();
    expect(await page.locator("userecho-feedback [part=pagination]").count()).toBe(0);
    await page.locator("userecho-feedback [part=more-button]").click();
    const both = [
      ...(await api.topics(1, { limit: 5, page: 1, sort: "top" })).items,
      ...(await api.topics(1, { limit: 5, page: 2, sort: "top" })).items,
    ];
    await expect.poll(() => titles(page)).toEqual(both.map((topic) => topic.title));
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            document.querySelector("userecho-feedback")!.shadowRoot!.activeElement?.textContent ??
            "",
        ),
      )
      .toBe(both[5]!.title);
    await expect.poll(() => announcement(page)).toBe("5 more topics loaded");
    expect(consoleErrors).toEqual([]);
  });

  it("shows a skeleton while loading, without animation when motion is reduced", async ({
    expect,
  }) => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/v1\/forums\/1\/topics/, async (route) => {
      await held;
      await route.continue();
    });
    await page.emulateMedia({ reducedMotion: "reduce" });
    await mount(page, board());
    const skeleton = page.locator("userecho-feedback [part=skeleton]");
    // The skeleton pulses as one block (its bars do not animate one by one).
    const pulse = () => skeleton.evaluate((el) => getComputedStyle(el).animationName);
    try {
      await skeleton.waitFor();
      expect(await skeleton.evaluate((el) => el.parentElement?.getAttribute("aria-busy"))).toBe(
        "true",
      );
      expect(await pulse()).toBe("none");
      await page.emulateMedia({ reducedMotion: "no-preference" });
      expect(await pulse()).toBe("pulse");
      expect(
        await skeleton
          .locator(".bar")
          .first()
          .evaluate((el) => getComputedStyle(el).animationName),
      ).toBe("none");
    } finally {
      release(); // a failed check must not leave the page's requests held for the next test
    }
    await topics().first().waitFor();
    expect(await skeleton.count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });

  it("shows an error with a retry when the worker fails, and recovers", async ({ expect }) => {
    // A wrong endpoint: the worker's static assets answer 404 for /nowhere/v1/….
    await mount(
      page,
      `<userecho-feedback forum="1" endpoint="${inject("workerUrl")}/nowhere"></userecho-feedback>`,
    );
    const error = page.locator("userecho-feedback [part=error]");
    await error.waitFor();
    expect(await error.getAttribute("role")).toBe("alert");
    expect(await error.textContent()).toContain("The board could not be loaded.");
    const failures = (await events(page)).filter((event) => event.type === "userecho-error");
    expect(failures[0]?.detail).toMatchObject({ action: "load", status: 404 });

    // A worker that fails once (503 problem), then answers: "Try again" recovers.
    let failed = 0;
    await page.route(/\/v1\/forums\/1\/topics/, async (route) => {
      if (failed++ > 0) return route.continue();
      await route.fulfill({
        status: 503,
        contentType: "application/problem+json",
        body: JSON.stringify({
          type: "https://userecho-edge.dev/problems/upstream-unavailable",
          title: "UserEcho is unavailable",
          status: 503,
          detail: "UserEcho did not answer in time.",
        }),
      });
    });
    await page.evaluate((endpoint) => {
      (document.querySelector("userecho-feedback") as unknown as BoardElement).endpoint = endpoint;
    }, inject("workerUrl"));
    // The worker's reason, localised by its problem type, not its English detail.
    await expect
      .poll(() => error.textContent())
      .toContain("The forum is not answering right now. Please try again in a moment.");
    expect(await error.textContent()).not.toContain("UserEcho did not answer in time.");
    await page.locator("userecho-feedback [part=retry-button]").click();
    await topics().first().waitFor();
    const expected = await api.topics(1, { limit: 20, sort: "top" });
    expect(await titles(page)).toEqual(expected.items.map((topic) => topic.title));
    await expect.poll(() => focusedId(page)).toBe("heading");
    // Chromium logs the 404 and 503 responses themselves; the widget logs nothing.
    expect(consoleErrors.filter((message) => !isNetworkLog(message))).toEqual([]);
  });

  it("asks the page to sign the visitor in when an action needs it and there is no token", async ({
    expect,
  }) => {
    await mount(page, board('page-size="3"'));
    await topics().first().waitFor();
    const [first] = (await api.topics(1, { limit: 3, sort: "top" })).items;
    const bubbled = page.evaluate(
      () =>
        new Promise<{ detail: unknown; composed: boolean; bubbles: boolean }>((resolve) =>
          document.body.addEventListener(
            "userecho-sign-in-request",
            (event) =>
              resolve({
                detail: (event as CustomEvent).detail,
                composed: event.composed,
                bubbles: event.bubbles,
              }),
            { once: true },
          ),
        ),
    );
    await page.locator("userecho-feedback [part=vote-button]").first().click();
    expect(await bubbled).toEqual({
      detail: { action: "vote", topicId: first!.id },
      composed: true,
      bubbles: true,
    });
    expect((await page.locator("userecho-feedback [part=notice]").textContent())?.trim()).toBe(
      "Please sign in to continue.",
    );
    // Nothing changed optimistically for a visitor who is not signed in.
    expect(await page.locator("userecho-feedback [part=vote-count]").first().textContent()).toBe(
      String(first!.votes.score),
    );
    await page.locator("userecho-feedback [part=submit-button]").click();
    const requests = (await events(page)).filter((e) => e.type === "userecho-sign-in-request");
    expect(requests.map((e) => e.detail)).toEqual([
      { action: "vote", topicId: first!.id },
      { action: "submit" },
    ]);
    // A callback that returns no token (nobody signed in) also asks the page.
    await page.evaluate(() => {
      (document.querySelector("userecho-feedback") as unknown as BoardElement).getToken = () =>
        null;
    });
    await page.locator("userecho-feedback [part=vote-button]").first().click();
    await expect
      .poll(
        async () =>
          (await events(page)).filter((e) => e.type === "userecho-sign-in-request").length,
      )
      .toBe(3);
    expect(consoleErrors).toEqual([]);
  });

  it("the continue-on-the-forum link is a plain link to the community without a token", async ({
    expect,
  }) => {
    await mount(page, board('page-size="3"'));
    await topics().first().waitFor();
    const [first] = (await api.topics(1, { limit: 3, sort: "top" })).items;
    const link = page.locator("userecho-feedback [part=forum-link]");
    expect(await link.getAttribute("href")).toBe(`${new URL(first!.url).origin}/`);
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await link.getAttribute("rel")).toBe("noopener");
  });
});
