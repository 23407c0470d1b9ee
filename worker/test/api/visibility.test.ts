/**
 * A topic is public only while its forum is: visibility is checked on every read, a cached
 * answer included, and a refresh that finds a topic gone or hidden evicts it.
 */
import { afterEach, describe, it } from "vitest";
import { ProblemType, TopicDetail } from "@userecho-edge/shared";
import { clearFaults, setFaults, workerWith } from "../support/index.ts";

afterEach(clearFaults);

describe("a cached topic whose forum is no longer visible", () => {
  it("answers 404, topic and comments, though its answers are still cached", async ({ expect }) => {
    const open = workerWith({});
    const first = await open.fetch("/v1/topics/1004");
    expect(first.status).toBe(200);
    const { forumId } = TopicDetail.parse(await first.json());
    expect((await open.fetch("/v1/topics/1004/comments")).status).toBe(200);
    expect((await open.fetch("/v1/topics/1004")).headers.get("Cache-Status")).toMatch(/hit$/);

    // The site owner narrows ALLOWED_FORUMS to another forum: the cached entries remain.
    const other = [1, 2, 5].find((id) => id !== forumId)!;
    const narrowed = workerWith({ ALLOWED_FORUMS: String(other) });
    for (const path of ["/v1/topics/1004", "/v1/topics/1004/comments"]) {
      const response = await narrowed.fetch(path);
      expect(response.status, path).toBe(404);
      expect(await response.json(), path).toMatchObject({ type: ProblemType.notFound });
    }
  });

  it("is not served stale while UserEcho fails: a hidden topic stays hidden", async ({
    expect,
  }) => {
    const open = workerWith({ CACHE_TTL: "topic=0", CACHE_SWR_SECONDS: "0" });
    expect((await open.fetch("/v1/topics/1005")).status).toBe(200);
    await setFaults({ match: { path: "/topics/1005" }, fault: { kind: "status", status: 503 } });
    // Still visible: UserEcho failing gets the stale copy.
    expect((await open.fetch("/v1/topics/1005")).status).toBe(200);
    const { forumId } = TopicDetail.parse(await (await open.fetch("/v1/topics/1005")).json());
    const other = [1, 2, 5].find((id) => id !== forumId)!;
    const narrowed = workerWith({
      ALLOWED_FORUMS: String(other),
      CACHE_TTL: "topic=0",
      CACHE_SWR_SECONDS: "0",
    });
    expect((await narrowed.fetch("/v1/topics/1005")).status).toBe(404);
  });
});

describe("a topic that UserEcho no longer has", () => {
  it("answers 404 once its TTL is over, never served stale meanwhile, then from the cache", async ({
    expect,
  }) => {
    const app = workerWith({ CACHE_TTL: "topic=0" }); // stale at once
    expect((await app.fetch("/v1/topics/1006")).status).toBe(200);
    // UserEcho now refuses the topic (deleted, or moved to a private forum).
    await setFaults({ match: { path: "/topics/1006.json" }, fault: { kind: "envelope-error" } });
    // A stale topic is proven again before it is served: the refresh finds it gone.
    const gone = await app.fetch("/v1/topics/1006");
    expect(gone.status).toBe(404);
    expect(gone.headers.get("Cache-Status")).toMatch(/fwd=miss/);
    expect((await app.fetch("/v1/topics/1006/comments")).status).toBe(404);
  });
});
