import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { api } from "./support/api.ts";
import { LOADED, useTestPage } from "./support/browser.ts";
import { dialogOpen, mount, settled } from "./support/board.ts";
import { siteJwt } from "./support/jwt.ts";

/**
 * The links of an expanded topic to the topic on the community: "Read the rest on the forum"
 * after a description or comment the worker cut at its bound (`truncated: true`), and "Follow
 * on the forum", where UserEcho's own subscribe button is. Both are signed in when the page
 * gives a token, like "Open on the forum".
 */
let page: Page;
let consoleErrors: string[];
useTestPage((opened) => ({ page, consoleErrors } = opened));

/** An admin's topic in UserEcho (the emulator's back office), with a comment, both `repeat`ed. */
const admin = async (path: string, body: unknown) => {
  const response = await fetch(`${inject("emulatorUrl")}/__emulator/admin${path}`, {
    method: "POST",
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as { topicId?: number; commentId?: number };
};

/** A paragraph of 1,000 characters; 300 of them pass the worker's 256 KiB bound. */
const paragraph = `<p>${"Lorem ipsum dolor sit amet. ".repeat(35)}${"x".repeat(13)}</p>`;
let longTopic: number;

beforeAll(async () => {
  const { topicId } = await admin("/topics", {
    forumId: 2,
    header: "A very long article",
    description: paragraph,
    repeat: 300,
  });
  longTopic = topicId!;
  await admin(`/topics/${longTopic}/comments`, { text: paragraph, repeat: 300 });
});

const openTopic = async (id: number) => {
  await page.evaluate(async (jwt) => {
    document.getElementById("root")!.innerHTML =
      `<userecho-launcher id="launcher" forum="2" position="none"></userecho-launcher>`;
    await customElements.whenDefined("userecho-launcher");
    (document.getElementById("launcher") as unknown as { getToken: unknown }).getToken = async () =>
      jwt;
  }, siteJwt());
  await page.evaluate(
    (topic) =>
      (document.getElementById("launcher") as unknown as { open(o: object): void }).open({
        topic,
      }),
    id,
  );
  await expect.poll(() => dialogOpen(page), LOADED).toBe(true);
  return page.locator("#launcher userecho-topic-view userecho-topic-detail");
};

const closeLauncher = async () => {
  await page.evaluate(() =>
    (document.getElementById("launcher") as unknown as { close(): void }).close(),
  );
  await expect.poll(() => dialogOpen(page), LOADED).toBe(false);
};

/** Clicks `link` and returns the URL the tab it opened lands on, signed in. */
async function followed(link: ReturnType<Page["locator"]>) {
  const popup = page.waitForEvent("popup");
  await link.click();
  const tab = await popup;
  await tab.waitForURL(/sso_token=/, { waitUntil: "commit" }).catch(() => undefined);
  const url = tab.url();
  await tab.close();
  return url;
}

describe("a topic's links to the forum", () => {
  it("reads the rest of a cut description and comment on the forum, signed in", async () => {
    const topic = await api.topic(longTopic);
    expect(topic.truncated).toBe(true);
    // Cut near the bound (and its open elements closed), well short of the 300,000 sent.
    expect(topic.descriptionHtml.length).toBeLessThan(262_144 + 64);
    const comments = await api.comments(longTopic, 1, 10);
    expect(comments.items.map((comment) => comment.truncated)).toEqual([true]);

    const detail = await openTopic(longTopic);
    await detail.locator("[part=description]").waitFor(LOADED);
    const readRest = detail.locator("[part=read-rest]");
    await expect.poll(() => readRest.count(), LOADED).toBe(2);
    expect((await readRest.allTextContents()).map((text) => text.trim())).toEqual([
      "Read the rest on the forum",
      "Read the rest on the forum",
    ]);
    // After the cut text: the description's link follows it, the comment's follows the comment.
    expect(
      await detail.locator("[part=description] + .read-rest [part=read-rest]").getAttribute("href"),
    ).toBe(topic.url);
    expect(await detail.locator("[part=comment] [part=read-rest]").count()).toBe(1);
    const url = await followed(readRest.first());
    expect(url).toContain("sso_token=");
    expect(url.startsWith(topic.url)).toBe(true);
    await closeLauncher();
    expect(consoleErrors).toEqual([]);
  });

  it("follows a topic on the forum, signed in, and offers no 'read the rest' for whole text", async () => {
    const listed = (await api.topics(2, { limit: 5, sort: "new" })).items;
    const shortId = listed.find((item) => item.id !== longTopic)!.id;
    const topic = await api.topic(shortId);
    expect(topic.truncated).toBe(false);
    const detail = await openTopic(shortId);
    await detail.locator("[part=comment-form]").waitFor(LOADED);
    await expect.poll(() => detail.locator("[part=comments], .muted").count()).toBeGreaterThan(0);
    expect(await detail.locator("[part=read-rest]").count()).toBe(0);
    const follow = detail.locator("[part=follow-link]");
    expect((await follow.textContent())?.trim()).toBe("Follow on the forum");
    expect(await follow.getAttribute("href")).toBe(topic.url);
    const url = await followed(follow);
    expect(url).toContain("sso_token=");
    expect(url.startsWith(topic.url)).toBe(true);
    await closeLauncher();
    expect(consoleErrors).toEqual([]);
  });

  it("says 'Follow on the forum' in the board's language, beside 'Open on the forum'", async () => {
    await mount(page, `<userecho-feedback forum="1" page-size="3" lang="fr"></userecho-feedback>`);
    await settled(page);
    await page.locator("userecho-feedback [part=title]").first().click();
    const detail = page.locator("userecho-feedback userecho-topic-detail");
    const follow = detail.locator("[part=follow-link]");
    await follow.waitFor(LOADED);
    expect((await follow.textContent())?.trim()).toBe("Suivre sur le forum");
    expect((await detail.locator("[part=forum-link]").textContent())?.trim()).toBe(
      "Ouvrir sur le forum",
    );
    expect(consoleErrors).toEqual([]);
  });
});
