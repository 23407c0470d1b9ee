/**
 * What a site owner met against a plausible production UserEcho that the emulator's documented
 * profile did not show: a topic moved into a private forum, empty lists in every encoding, a cap
 * on `limit`, long descriptions, relative image URLs, and a UserEcho that ignores the parameter
 * that proves a topic's forum. Each case failed before the upstream boundary was rebuilt.
 */
import { afterEach, describe, it } from "vitest";
import { CommentPage, ProblemType, TopicDetail, TopicPage } from "@userecho-edge/shared";
import {
  EMULATOR_ORIGIN,
  clearFaults,
  countUpstreamCalls,
  emulator,
  profileBaseUrl,
  setFaults,
  workerWith,
} from "../support/index.ts";

afterEach(clearFaults);

let upstreams = 0;

/**
 * A worker on an upstream of its own (a host no other test uses), so that nothing another test
 * taught the isolate about UserEcho (where topics were listed, which guesses work) applies.
 */
function freshWorker(vars: Partial<Env> = {}) {
  const baseUrl = profileBaseUrl("documented").replace("demo.", `demo-robust-${upstreams++}.`);
  return workerWith({ USERECHO_BASE_URL: baseUrl, ...vars });
}

async function inject(body: Record<string, unknown>): Promise<{ topicId: number }> {
  const response = await fetch(`${EMULATOR_ORIGIN}/__emulator/inject`, {
    method: "POST",
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`inject: ${response.status}`);
  return response.json();
}

async function move(topicId: number, forumId: number): Promise<void> {
  const response = await fetch(`${EMULATOR_ORIGIN}/__emulator/inject/move`, {
    method: "POST",
    body: JSON.stringify({ topicId, forumId }),
  });
  if (!response.ok) throw new Error(`move: ${response.status}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a topic moved into a private forum", () => {
  it("answers 404 within one TTL, comments included, once its forum's list no longer has it", async ({
    expect,
  }) => {
    const { topicId } = await inject({
      forumId: 2,
      header: "Moved away later",
      comments: [{ text: "<p>a comment</p>" }],
    });
    const app = freshWorker({ CACHE_TTL: "topic=1,topics=1,index=1,comments=1" });
    // Listed on its forum, then read: the proof comes from the list.
    const list = TopicPage.parse(
      await (await app.fetch("/v1/forums/2/topics?sort=new&limit=5")).json(),
    );
    expect(list.items.map((t) => t.id)).toContain(topicId);
    expect((await app.fetch(`/v1/topics/${topicId}`)).status).toBe(200);
    expect((await app.fetch(`/v1/topics/${topicId}/comments`)).status).toBe(200);

    await move(topicId, 3); // forum 3 is private
    try {
      await sleep(1_100);
      // Served stale once while it is refreshed (the list may; the topic itself may not).
      await app.fetch("/v1/forums/2/topics?sort=new&limit=5");
      const refreshed = TopicPage.parse(
        await (await app.fetch("/v1/forums/2/topics?sort=new&limit=5")).json(),
      );
      expect(refreshed.items.map((t) => t.id)).not.toContain(topicId);
      for (const path of [`/v1/topics/${topicId}`, `/v1/topics/${topicId}/comments`]) {
        const response = await app.fetch(path);
        expect(response.status, path).toBe(404);
        expect(await response.json(), path).toMatchObject({ type: ProblemType.notFound });
      }
    } finally {
      await move(topicId, 2);
    }
  });
});

describe("an empty list, in each of its plausible encodings", () => {
  for (const data of ["null", "{}", "missing"] as const) {
    it(`answers 200 for a forum's topics and a topic's comments when data is ${data}`, async ({
      expect,
    }) => {
      await setFaults(
        { match: { path: "/forums/5/topics" }, fault: { kind: "empty", data } },
        { match: { path: "/topics/1004/comments" }, fault: { kind: "empty", data } },
      );
      const app = freshWorker();
      const topics = await app.fetch("/v1/forums/5/topics?sort=new");
      expect(topics.status).toBe(200);
      const page = TopicPage.parse(await topics.json());
      expect(page.items).toEqual([]);
      expect(page.page.hasNext).toBe(false);
      const comments = await app.fetch("/v1/topics/1004/comments");
      expect(comments.status).toBe(200);
      expect(CommentPage.parse(await comments.json()).items).toEqual([]);
    });
  }

  it("does not take down a cold topic of another forum, whose forum is proven", async ({
    expect,
  }) => {
    // Forum 5 answers with an empty list (and so proves nothing about the topic); forum 1
    // holds it.
    await setFaults({
      match: { path: "/forums/5/topics" },
      fault: { kind: "empty", data: "null" },
    });
    const [topic] = (await emulator<{ id: number }[]>("forums/1/topics", { limit: "1" })).data;
    const response = await freshWorker().fetch(`/v1/topics/${topic!.id}`);
    expect(response.status).toBe(200);
    expect(TopicDetail.parse(await response.json()).forumId).toBe(1);
  });
});

describe("a cap on limit", () => {
  it("reaches every topic exactly once walking /v1 pages, and says the page size in use", async ({
    expect,
  }) => {
    await setFaults({ match: { path: "/forums/1/topics" }, fault: { kind: "cap", limit: 50 } });
    const expected = new Set<number>();
    for (let page = 1; ; page++) {
      const { data } = await emulator<{ id: number }[]>("forums/1/topics", {
        limit: "50",
        page: String(page),
      });
      if (data.length === 0) break;
      for (const topic of data) expected.add(topic.id);
    }
    const app = freshWorker();
    for (const sort of ["new", "top"] as const) {
      const seen: number[] = [];
      let page = TopicPage.parse(
        await (await app.fetch(`/v1/forums/1/topics?sort=${sort}&limit=100`)).json(),
      );
      for (let number = 1; ; number++) {
        seen.push(...page.items.map((t) => t.id));
        if (!page.page.hasNext) break;
        page = TopicPage.parse(
          await (
            await app.fetch(`/v1/forums/1/topics?sort=${sort}&limit=100&page=${number + 1}`)
          ).json(),
        );
      }
      expect(new Set(seen).size, sort).toBe(seen.length);
      expect(new Set(seen), sort).toEqual(expected);
      if (sort === "new") {
        const first = TopicPage.parse(
          await (await app.fetch("/v1/forums/1/topics?sort=new&limit=100")).json(),
        );
        expect(first.page).toMatchObject({ size: 50, total: expected.size });
        expect(first.page.totalPages).toBe(Math.ceil(expected.size / 50));
      }
    }
  });
});

describe("long rich text", () => {
  const paragraph = (n: number) =>
    `<p>Paragraph ${n}: ${"lorem ipsum dolor sit amet ".repeat(20)}</p>`;
  const text = (length: number) => {
    let html = "";
    for (let n = 1; html.length < length; n++) html += paragraph(n);
    return html;
  };

  it("keeps a 166,000-character description whole", async ({ expect }) => {
    const description = text(166_000);
    const { topicId } = await inject({ forumId: 5, header: "Long story", description });
    const topic = TopicDetail.parse(
      await (await freshWorker().fetch(`/v1/topics/${topicId}`)).json(),
    );
    expect(topic.truncated).toBe(false);
    expect(topic.descriptionHtml).toBe(description);
  });

  it("cuts a longer one, never inside a tag, and says so", async ({ expect }) => {
    const description = text(300_000);
    const { topicId } = await inject({ forumId: 5, header: "Longer story", description });
    const topic = TopicDetail.parse(
      await (await freshWorker().fetch(`/v1/topics/${topicId}`)).json(),
    );
    expect(topic.truncated).toBe(true);
    // The bound, plus the end tag the parser adds to the paragraph the cut fell in.
    expect(topic.descriptionHtml.length).toBeLessThanOrEqual(262_144 + "</p>".length);
    expect(topic.descriptionHtml.length).toBeGreaterThan(250_000);
    expect(description.startsWith(topic.descriptionHtml.slice(0, -"</p>".length))).toBe(true);
    expect(topic.descriptionHtml).toMatch(/<\/p>$/);
  });
});

describe("relative URLs in rich text", () => {
  it("resolves images and links against the community before the scheme check", async ({
    expect,
  }) => {
    const { topicId } = await inject({
      forumId: 5,
      header: "Screenshot attached",
      description:
        '<p><img src="/s/attachments/42/0/7/abc123.png" alt="shot"> see <a href="/topics/12-dark-mode/">this one</a> and <a href="javascript:alert(1)">that</a></p>',
    });
    const topic = TopicDetail.parse(
      await (await freshWorker().fetch(`/v1/topics/${topicId}`)).json(),
    );
    const community = `https://${new URL(EMULATOR_ORIGIN).hostname}`;
    expect(topic.descriptionHtml).toContain(`src="${community}/s/attachments/42/0/7/abc123.png"`);
    expect(topic.descriptionHtml).toContain(`href="${community}/topics/12-dark-mode/"`);
    expect(topic.descriptionHtml).not.toContain("javascript:");
  });
});

describe("a UserEcho that ignores filter__id__gt", () => {
  it("still proves a cold topic's forum with documented parameters, and hides a private one", async ({
    expect,
  }) => {
    await setFaults({
      match: { path: "/topics.json" },
      fault: { kind: "ignore", param: "filter__id__gt" },
    });
    const app = freshWorker();
    const [topic] = (
      await emulator<{ id: number }[]>("forums/2/topics", { limit: "3", order_by: "created" })
    ).data;
    const response = await app.fetch(`/v1/topics/${topic!.id}`);
    expect(response.status).toBe(200);
    expect(TopicDetail.parse(await response.json()).forumId).toBe(2);

    const [hidden] = (await emulator<{ id: number }[]>("forums/3/topics", { limit: "1" })).data;
    expect((await app.fetch(`/v1/topics/${hidden!.id}`)).status).toBe(404);
    // Both answers are cached: asking again costs UserEcho nothing.
    const calls = await countUpstreamCalls(async () => {
      await app.fetch(`/v1/topics/${topic!.id}`);
      await app.fetch(`/v1/topics/${hidden!.id}`);
    });
    expect(calls).toBe(0);
  });
});
