import { describe, it } from "vitest";
import { createApp } from "../src/app.ts";
import type { ApiComment, ApiTopic } from "../src/entities.ts";
import { PROFILE_NAMES } from "../src/profile.ts";
import { ATTACHMENT_PATH } from "../src/seed/attachments.ts";
import { getSeed } from "../src/seed/index.ts";
import { Store } from "../src/store.ts";
import { UPSTREAM, data, getJson } from "./support.ts";

const seed = getSeed();
const app = createApp({ store: new Store(seed) });

const IMG_SRC = /<img src="([^"]+)"/g;
const TOPIC_HREF = /<a href="(\/topics\/[^"]+)"/g;

/** Every relative `src` and `href` in the seed's descriptions and comments. */
function relativeUrls() {
  const texts = seed.topics.flatMap((t) => [
    t.description,
    ...seed.commentsOf(t.id).map((c) => c.text),
  ]);
  const all = (pattern: RegExp) =>
    texts
      .flatMap((text) => [...text.matchAll(pattern)].map((m) => m[1]!))
      .filter((url) => url.startsWith("/"));
  return { images: all(IMG_SRC), links: all(TOPIC_HREF) };
}

describe("rich text with relative URLs, as UserEcho stores it", () => {
  it("puts relative images and topic links in descriptions and comments", ({ expect }) => {
    const { images, links } = relativeUrls();
    expect(images.length).toBeGreaterThan(20);
    expect(images.every((src) => ATTACHMENT_PATH.test(src))).toBe(true);
    expect(links.length).toBeGreaterThan(10);
    const withImage = seed.topics.filter((t) => /<img src="\/s\/attachments\//.test(t.description));
    const commentsWithImage = seed.topics.flatMap((t) =>
      seed.commentsOf(t.id).filter((c) => c.text.includes('<img src="/s/attachments/')),
    );
    expect(withImage.length).toBeGreaterThan(10);
    expect(commentsWithImage.length).toBeGreaterThan(10);
    // Among the newest topics of the default forum and of the public knowledge base.
    for (const forumId of [1, 4]) {
      const newest = seed.topics.filter((t) => t.forumId === forumId).slice(-30);
      expect(
        newest.some((t) => withImage.includes(t)),
        String(forumId),
      ).toBe(true);
    }
  });

  it("links only to older topics of the same forum, by their community path", ({ expect }) => {
    for (const topic of seed.topics) {
      for (const [, href] of topic.description.matchAll(TOPIC_HREF)) {
        const target = seed.topics.find((t) => t.id === Number.parseInt(href!.slice(8), 10));
        expect(target?.forumId, href).toBe(topic.forumId);
        expect(target!.id).toBeLessThan(topic.id);
      }
    }
  });

  it("serves them in every profile, as stored", async ({ expect }) => {
    const topic = seed.topics.find((t) => /<img src="\/s\//.test(t.description))!;
    const comment = seed.topics
      .flatMap((t) => seed.commentsOf(t.id))
      .find((c) => c.text.includes('<img src="/s/'))!;
    for (const profile of PROFILE_NAMES) {
      const prefixed = createApp({ store: new Store(seed), profile });
      const read = data(await getJson<ApiTopic>(prefixed, `topics/${topic.id}.json`));
      expect(read.description, profile).toBe(topic.description);
      const comments = data(
        await getJson<ApiComment[]>(prefixed, `topics/${comment.topicId}/comments.json?limit=100`),
      );
      expect(comments.find((c) => c.id === comment.id)?.text, profile).toBe(comment.text);
    }
  });

  it("serves every attachment path as a PNG from the community host, and nothing else", async ({
    expect,
  }) => {
    const [src] = relativeUrls().images;
    const response = await app.request(`${UPSTREAM}${src}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(new TextDecoder().decode(bytes.slice(12, 16))).toBe("IHDR");

    for (const missing of [
      "/s/attachments/4217/0/1/not-a-hash.png",
      "/s/attachments/4217/0/1/0123456789abcdef0123456789abcdef.exe",
      "/s/attachments/",
    ]) {
      expect((await app.request(`${UPSTREAM}${missing}`)).status, missing).toBe(404);
    }
  });

  it("answers a relative topic link with that topic's community page", async ({ expect }) => {
    const [href] = relativeUrls().links;
    const response = await app.request(`${UPSTREAM}${href}`);
    expect(response.status).toBe(200);
    const id = Number.parseInt(href!.slice("/topics/".length), 10);
    const header = seed.topics.find((t) => t.id === id)!.header;
    expect(await response.text()).toContain(
      `<h1>${header.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)}</h1>`,
    );
  });
});
