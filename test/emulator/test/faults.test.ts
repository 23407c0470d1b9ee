import { describe, it } from "vitest";
import { createApp } from "../src/app.ts";
import { AGENT_TOKEN, UPSTREAM } from "./support.ts";

const forums = `${UPSTREAM}/api/v2/forums.json?access_token=${AGENT_TOKEN}`;

async function withFault(fault: unknown, times?: number) {
  const app = createApp({ profile: "extended" });
  await app.request(`${UPSTREAM}/__emulator/faults`, {
    method: "POST",
    body: JSON.stringify({ match: { path: "/forums" }, fault, ...(times ? { times } : {}) }),
  });
  return app;
}

describe("fault injection", () => {
  it("answers any status with the error envelope and Retry-After", async ({ expect }) => {
    const app = await withFault({ kind: "status", status: 429, retryAfter: 17 });
    const response = await app.request(forums);
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("17");
    expect(await response.json()).toMatchObject({ status: "error" });
  });

  it("sends malformed, error-envelope and truncated bodies", async ({ expect }) => {
    const malformed = await (await withFault({ kind: "malformed" })).request(forums);
    await expect(malformed.json()).rejects.toThrow();
    const envelope = await (await withFault({ kind: "envelope-error" })).request(forums);
    expect(envelope.status).toBe(200);
    expect(await envelope.json()).toMatchObject({ status: "error" });
    const truncated = await (await withFault({ kind: "truncated" })).request(forums);
    const text = await truncated.text();
    expect(text.startsWith('{"status":"success"')).toBe(true);
    expect(() => JSON.parse(text)).toThrow();
  });

  it("resets the connection mid-body", async ({ expect }) => {
    const response = await (await withFault({ kind: "reset" })).request(forums);
    await expect(response.text()).rejects.toThrow(/reset/);
  });

  it("carries a request out before it holds the answer back (late-answer)", async ({ expect }) => {
    const app = createApp({ profile: "extended" });
    const topic = `${UPSTREAM}/api/v2/topics/1001.json?access_token=${AGENT_TOKEN}`;
    await app.request(`${UPSTREAM}/__emulator/faults`, {
      method: "POST",
      body: JSON.stringify({
        match: { method: "POST", path: "/comments" },
        fault: { kind: "late-answer", ms: 10_000 },
      }),
    });
    const commentsOf = async () =>
      (
        (await (await app.request(topic)).json()) as {
          data: { comment_count: number };
        }
      ).data.comment_count;
    const before = await commentsOf();
    let answered = false;
    void Promise.resolve(
      app.request(`${UPSTREAM}/api/v2/topics/1001/comments.json?access_token=${AGENT_TOKEN}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: "made, answered late" }),
      }),
    ).then(() => (answered = true));
    await expect.poll(commentsOf).toBe(before + 1);
    expect(answered).toBe(false);
  });

  it("delays with latency, affects only `times` requests, and clears", async ({ expect }) => {
    const app = await withFault({ kind: "status", status: 503 }, 1);
    expect((await app.request(forums)).status).toBe(503);
    expect((await app.request(forums)).status).toBe(200);
    const slow = await withFault({ kind: "latency", ms: 50 });
    const started = Date.now();
    expect((await slow.request(forums)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    await slow.request(`${UPSTREAM}/__emulator/faults`, { method: "DELETE" });
    expect((await slow.request(`${UPSTREAM}/__emulator/faults`)).status).toBe(200);
  });
});
