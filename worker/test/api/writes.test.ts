import { afterEach, describe, it } from "vitest";
import {
  Comment,
  CommentPage,
  ForumMeta,
  MyVotes,
  ProblemType,
  SsoLink,
  TopicDetail,
  TopicPage,
  VoteResult,
} from "@userecho-edge/shared";
import { GROUP_MEMBERS } from "@userecho-edge/emulator";
import { generateKeyPair, importJWK, SignJWT, UnsecuredJWT, type JWK } from "jose";
import {
  clearFaults,
  credentials,
  EMULATOR_ORIGIN,
  emulatorStats,
  profileBaseUrl,
  setFaults,
  siteToken,
  worker,
  workerWith,
} from "../support/index.ts";

const ORIGIN = "https://site.example";

interface EmulatorStatsWithWrites {
  writes: { topics: number; comments: number; votes: number };
}

async function writes(): Promise<EmulatorStatsWithWrites["writes"]> {
  const response = await fetch(`${EMULATOR_ORIGIN}/__emulator/stats`);
  return ((await response.json()) as EmulatorStatsWithWrites).writes;
}

async function post(
  path: string,
  body: unknown,
  options: { token?: string; origin?: string | null; headers?: Record<string, string> } = {},
  app: { fetch: typeof worker } = { fetch: worker },
) {
  // A user of their own per call by default, so the per-user write limit of one test never
  // reaches another.
  const token =
    options.token ?? (await siteToken({ sub: `ada-${crypto.randomUUID()}`, name: "Ada Lovelace" }));
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    Authorization: `Bearer ${token}`,
    ...options.headers,
  };
  if (options.origin !== null) headers["Origin"] = options.origin ?? ORIGIN;
  return app.fetch(path, {
    method: "POST",
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("POST /v1/forums/:forumId/topics", () => {
  it("creates a topic as the signed-in user, visible on the next read", async ({ expect }) => {
    const title = `Offline mode for the editor ${crypto.randomUUID().slice(0, 8)}`;
    await worker("/v1/forums/2/topics?sort=new"); // cached before the write
    const response = await post("/v1/forums/2/topics", {
      title,
      description: "It would help on trains.\n\nAnd planes.",
      type: 5,
      category: 6,
    });
    expect(response.status).toBe(201);
    const topic = TopicDetail.parse(await response.json());
    expect(response.headers.get("Location")).toBe(`/v1/topics/${topic.id}`);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(topic).toMatchObject({ title, forumId: 2, author: { name: "Ada Lovelace" } });
    expect(topic.descriptionHtml).toBe("<p>It would help on trains.</p><p>And planes.</p>");

    const list = TopicPage.parse(await (await worker("/v1/forums/2/topics?sort=new")).json());
    expect(list.items[0]?.id).toBe(topic.id);
    expect((await worker(`/v1/topics/${topic.id}`)).status).toBe(200);
  });

  it("keeps only safe markup in a description the caller marks as html", async ({ expect }) => {
    const response = await post("/v1/forums/2/topics", {
      title: "Markup check",
      description: "<p>Hi <b>there</b><img src=x onerror=alert(1)><script>x()</script></p>",
      format: "html",
      type: 5,
    });
    const topic = TopicDetail.parse(await response.json());
    expect(topic.descriptionHtml).toBe("<p>Hi <b>there</b></p>");
  });

  it("shows typed text exactly as typed: tags, entities and line breaks stay", async ({
    expect,
  }) => {
    const cases: [string, string][] = [
      [
        "Please support <video> embeds in topics, and also <iframe> for YouTube",
        "<p>Please support &lt;video&gt; embeds in topics, and also &lt;iframe&gt; for YouTube</p>",
      ],
      ["Support <video> embeds please", "<p>Support &lt;video&gt; embeds please</p>"],
      ["a < b > c and &amp; too", "<p>a &lt; b &gt; c and &amp;amp; too</p>"],
      [
        "First <b>paragraph</b>\nsecond line\n\nSecond paragraph",
        "<p>First &lt;b&gt;paragraph&lt;/b&gt;<br>second line</p><p>Second paragraph</p>",
      ],
    ];
    for (const [description, html] of cases) {
      const response = await post("/v1/forums/2/topics", {
        title: "Typed text",
        description,
        type: 5,
      });
      expect(response.status, description).toBe(201);
      const { id, descriptionHtml } = TopicDetail.parse(await response.json());
      expect(descriptionHtml, description).toBe(html);
      // And so it stays on the next read, from UserEcho.
      const read = TopicDetail.parse(await (await worker(`/v1/topics/${id}`)).json());
      expect(read.descriptionHtml, description).toBe(html);
    }
    const comment = await post("/v1/topics/1004/comments", {
      text: "Also the <details> element would help",
    });
    expect(Comment.parse(await comment.json()).html).toBe(
      "<p>Also the &lt;details&gt; element would help</p>",
    );
  });

  it("validates the body and names the field", async ({ expect }) => {
    const cases: [unknown, string][] = [
      [{ type: 5 }, "title"],
      [{ title: "ab", type: 5 }, "title"],
      [{ title: "Fine title" }, "type"],
      [{ title: "Fine title", type: 1 }, "type"], // type 1 belongs to forum 1
      [{ title: "Fine title", type: 5, category: 1 }, "category"],
      [{ title: "Fine title", type: 5, tags: [1] }, "tags"],
      [{ title: "Fine title", type: 5, admin: true }, "admin"],
    ];
    for (const [body, parameter] of cases) {
      const response = await post("/v1/forums/2/topics", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await response.json(), JSON.stringify(body)).toMatchObject({
        type: ProblemType.invalidBody,
        parameter,
      });
    }
  });

  it("refuses malformed JSON, other media types and bodies over the limit", async ({ expect }) => {
    const malformed = await post("/v1/forums/2/topics", "{ not json");
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ type: ProblemType.invalidBody });

    const form = await post("/v1/forums/2/topics", "title=x", {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);

    const huge = await post("/v1/forums/2/topics", {
      title: "Huge",
      type: 5,
      description: "x".repeat(70_000),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ type: ProblemType.payloadTooLarge });
  });

  it("requires a signed-in user and an allowed origin", async ({ expect }) => {
    const body = { title: "Needs auth", type: 5 };
    const anonymous = await worker("/v1/forums/2/topics", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: ORIGIN },
      body: JSON.stringify(body),
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    // `https://*.customer.example` allows its sub-domains, not a domain ending in the same letters.
    for (const origin of ["https://evil.example", "https://evilcustomer.example", null]) {
      const response = await post("/v1/forums/2/topics", body, { origin });
      expect(response.status, String(origin)).toBe(403);
      expect(await response.json()).toMatchObject({ type: ProblemType.forbiddenOrigin });
    }
    const wildcard = await post("/v1/forums/2/topics", body, {
      origin: "https://shop.customer.example",
    });
    expect(wildcard.status).toBe(201);
  });

  it("answers 404 for a private forum", async ({ expect }) => {
    const response = await post("/v1/forums/3/topics", { title: "Secret", type: 8 });
    expect(response.status).toBe(404);
  });

  it("honours Idempotency-Key: one upstream write, the first result replayed", async ({
    expect,
  }) => {
    const key = crypto.randomUUID();
    const token = await siteToken({ sub: `idem-${key}`, name: "Ada Lovelace" });
    const body = { title: `Idempotent ${key.slice(0, 8)}`, type: 5 };
    const before = await writes();
    const first = await post("/v1/forums/2/topics", body, {
      token,
      headers: { "Idempotency-Key": key },
    });
    const second = await post("/v1/forums/2/topics", body, {
      token,
      headers: { "Idempotency-Key": key },
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await second.text()).toBe(await first.text());
    expect((await writes()).topics - before.topics).toBe(1);

    const reused = await post(
      "/v1/forums/2/topics",
      { ...body, title: "Something else" },
      { token, headers: { "Idempotency-Key": key } },
    );
    expect(reused.status).toBe(422);
    expect(await reused.json()).toMatchObject({ type: ProblemType.idempotencyConflict });
    expect((await writes()).topics - before.topics).toBe(1);

    // The same key from another user is another request.
    const other = await post("/v1/forums/2/topics", body, {
      token: await siteToken({ sub: "user-43", name: "Grace Hopper" }),
      headers: { "Idempotency-Key": key },
    });
    expect(other.status).toBe(201);
    expect((await writes()).topics - before.topics).toBe(2);
  });
});

describe("POST /v1/topics/:topicId/comments", () => {
  it("adds a comment as the user; the topic's comments show it at once", async ({ expect }) => {
    const path = "/v1/topics/1004/comments?limit=100";
    const before = CommentPage.parse(await (await worker(path)).json());
    const response = await post("/v1/topics/1004/comments", { text: "Same here <3" });
    expect(response.status).toBe(201);
    const comment = Comment.parse(await response.json());
    expect(comment).toMatchObject({ topicId: 1004, html: "<p>Same here &lt;3</p>" });
    expect(comment.author.name).toBe("Ada Lovelace");
    const after = CommentPage.parse(await (await worker(path)).json());
    expect(after.items).toHaveLength(before.items.length + 1);
    expect(after.items.at(-1)?.id).toBe(comment.id);
  });

  it("refuses an empty comment and a topic of a private forum", async ({ expect }) => {
    const empty = await post("/v1/topics/1004/comments", { text: "   " });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ parameter: "text" });
    const privateTopic = (await (
      await fetch(
        `${EMULATOR_ORIGIN}/api/v2/forums/3/topics.json?limit=1&access_token=${credentials.agentToken}`,
      )
    ).json()) as { data: { id: number }[] };
    const response = await post(`/v1/topics/${privateTopic.data[0]!.id}/comments`, { text: "hi" });
    expect(response.status).toBe(404);
  });
});

describe("exactly one upstream write per Idempotency-Key", () => {
  // A short budget, so that an answer held back by the emulator times out quickly.
  const app = workerWith({ UPSTREAM_TIMEOUT_MS: "400" });
  afterEach(clearFaults);

  /**
   * A topic of this test's own, so that the faults below, which match its comments' path, meet
   * no other suite's writes.
   */
  async function ownTopic(): Promise<number> {
    const created = await post("/v1/forums/2/topics", { title: "Exactly once", type: 5 });
    if (created.status !== 201) throw new Error(`topic not created: ${created.status}`);
    return TopicDetail.parse(await created.json()).id;
  }

  const comment = (topicId: number, key: string, token: string) =>
    post(
      `/v1/topics/${topicId}/comments`,
      { text: `Posted once ${key}` },
      { token, headers: { "Idempotency-Key": key } },
      app,
    );

  it("does not send a write again when its answer was lost to a timeout", async ({ expect }) => {
    const topicId = await ownTopic();
    const key = crypto.randomUUID();
    const token = await siteToken({ sub: `once-${key}`, name: "Ada Lovelace" });
    // UserEcho makes the comment, and its answer comes after the worker has given up.
    await setFaults({
      match: { method: "POST", path: `/topics/${topicId}/comments` },
      fault: { kind: "late-answer", ms: 5_000 },
      times: 1,
    });
    const before = await writes();
    const first = await comment(topicId, key, token);
    expect(first.status, await first.clone().text()).toBe(504);
    expect((await writes()).comments - before.comments).toBe(1);

    const retry = await comment(topicId, key, token);
    expect(retry.status).toBe(409);
    expect(await retry.json()).toMatchObject({
      type: ProblemType.writeOutcomeUnknown,
      status: 409,
    });
    const again = await comment(topicId, key, token);
    expect(again.status).toBe(409);
    expect((await writes()).comments - before.comments).toBe(1);

    // Another key is another request: the client that has looked may send the text again.
    const fresh = await comment(topicId, crypto.randomUUID(), token);
    expect(fresh.status).toBe(201);
    expect((await writes()).comments - before.comments).toBe(2);
  });

  it("frees the key when UserEcho turned the write away, so a retry makes it", async ({
    expect,
  }) => {
    const topicId = await ownTopic();
    const key = crypto.randomUUID();
    const token = await siteToken({ sub: `once-${key}`, name: "Ada Lovelace" });
    await setFaults({
      match: { method: "POST", path: `/topics/${topicId}/comments` },
      fault: { kind: "status", status: 503 },
      times: 1,
    });
    const before = await writes();
    const first = await comment(topicId, key, token);
    expect(first.status).toBe(503);
    expect((await writes()).comments - before.comments).toBe(0);
    const retry = await comment(topicId, key, token);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("Idempotent-Replayed")).toBeNull();
    const replay = await comment(topicId, key, token);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect((await writes()).comments - before.comments).toBe(1);
  });

  it("makes one write of two concurrent retries", async ({ expect }) => {
    const topicId = await ownTopic();
    const key = crypto.randomUUID();
    const token = await siteToken({ sub: `once-${key}`, name: "Ada Lovelace" });
    // The first write is slow, so the second request arrives while it is under way.
    await setFaults({
      match: { method: "POST", path: `/topics/${topicId}/comments` },
      fault: { kind: "latency", ms: 200 },
    });
    const before = await writes();
    const both = await Promise.all([comment(topicId, key, token), comment(topicId, key, token)]);
    const made = both.filter(
      (response) => response.status === 201 && !response.headers.has("Idempotent-Replayed"),
    );
    expect(made).toHaveLength(1);
    for (const response of both) expect([201, 409]).toContain(response.status);
    expect((await writes()).comments - before.comments).toBe(1);
  });
});

describe("POST /v1/topics/:topicId/votes", () => {
  it("hands off to the community by default", async ({ expect }) => {
    const response = await post("/v1/topics/1005/votes", { value: 1 });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ type: ProblemType.votingHandoff });
  });

  it("votes through the inferred endpoint when VOTING=inline; reads show the own vote", async ({
    expect,
  }) => {
    // Only the extended emulator has the inferred vote endpoint.
    const app = workerWith({ VOTING: "inline", USERECHO_BASE_URL: profileBaseUrl("extended") });
    const token = await siteToken({ sub: `voter-${crypto.randomUUID()}`, name: "Voter" });
    const before = TopicDetail.parse(await (await app.fetch("/v1/topics/1006")).json());
    const up = await post("/v1/topics/1006/votes", { value: 1 }, { token }, app);
    expect(up.status).toBe(200);
    const result = VoteResult.parse(await up.json());
    expect(result).toMatchObject({ topicId: 1006, myVote: 1 });
    expect(result.votes.up).toBe(before.votes.up + 1);

    const personal = await app.fetch("/v1/topics/1006", {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(personal.headers.get("Cache-Control")).toBe("private, no-store");
    expect(TopicDetail.parse(await personal.json()).myVote).toBe(1);
    const shared = TopicDetail.parse(await (await app.fetch("/v1/topics/1006")).json());
    expect(shared.votes.up).toBe(before.votes.up + 1);
    expect(shared.myVote).toBeUndefined();

    const withdrawn = VoteResult.parse(
      await (await post("/v1/topics/1006/votes", { value: 0 }, { token }, app)).json(),
    );
    expect(withdrawn).toMatchObject({ myVote: 0, votes: { up: before.votes.up } });
    const bad = await post("/v1/topics/1006/votes", { value: 2 }, { token }, app);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ parameter: "value" });
  });
});

describe("VOTING=auto: inline while UserEcho takes votes, and only the agent says it does not", () => {
  let hosts = 0;
  /** A worker on an upstream host of its own: what other tests learnt of votes does not apply. */
  const freshApp = (profile: "documented" | "extended") =>
    workerWith({
      VOTING: "auto",
      USERECHO_BASE_URL: profileBaseUrl(profile).replace("//demo.", `//votes-${hosts++}.`),
    });
  const votingOf = async (app: { fetch: typeof worker }) =>
    ForumMeta.parse(await (await app.fetch("/v1/forums/1/meta")).json()).voting;
  const visitor = (sub = `auto-${crypto.randomUUID()}`) => siteToken({ sub, name: "Auto Voter" });

  it("hands off for everyone once the agent's own no-op vote finds no endpoint", async ({
    expect,
  }) => {
    const app = freshApp("documented");
    expect(await votingOf(app)).toBe("inline");
    const first = await post(
      "/v1/topics/1005/votes",
      { value: 1 },
      { token: await visitor() },
      app,
    );
    expect(first.status).toBe(409);
    expect(await first.json()).toMatchObject({ type: ProblemType.votingHandoff });
    expect(await votingOf(app)).toBe("community");
    // The next visitor is handed off at once: no vote is sent to find out again.
    const votesSent = async () =>
      Object.entries((await emulatorStats()).byPath)
        .filter(([path]) => /^POST .*\/topics\/1005\/votes\.json$/.test(path))
        .reduce((sum, [, count]) => sum + count, 0);
    const before = await votesSent();
    const next = await post("/v1/topics/1005/votes", { value: 1 }, { token: await visitor() }, app);
    expect(next.status).toBe(409);
    expect(await votesSent()).toBe(before);
  });

  it("hands off only the visitor UserEcho refuses, when the agent's vote goes through", async ({
    expect,
  }) => {
    const app = freshApp("extended");
    // This visitor's vote and their no-op withdrawal find no endpoint; the agent's does.
    await setFaults({
      match: { method: "POST", path: "/topics/1007/votes" },
      fault: { kind: "status", status: 404 },
      times: 2,
    });
    const refused = await post(
      "/v1/topics/1007/votes",
      { value: 1 },
      { token: await visitor() },
      app,
    );
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ type: ProblemType.votingHandoff });
    expect(await votingOf(app)).toBe("inline");
    const other = await post(
      "/v1/topics/1007/votes",
      { value: 1 },
      { token: await visitor() },
      app,
    );
    expect(other.status).toBe(200);
    expect(VoteResult.parse(await other.json()).myVote).toBe(1);
  });

  it("gives a group member's weight, shows it back, and takes it back", async ({ expect }) => {
    const app = freshApp("extended");
    const token = await visitor(GROUP_MEMBERS.partner.guid);
    const topicId = 1011;
    const before = TopicDetail.parse(await (await app.fetch(`/v1/topics/${topicId}`)).json());
    const up = VoteResult.parse(
      await (await post(`/v1/topics/${topicId}/votes`, { value: 1 }, { token }, app)).json(),
    );
    expect(up.myVote).toBe(5);
    expect(up.votes.up).toBe(before.votes.up + 5);
    const mine = await app.fetch(`/v1/topics/${topicId}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(TopicDetail.parse(await mine.json()).myVote).toBe(5);
    const back = VoteResult.parse(
      await (await post(`/v1/topics/${topicId}/votes`, { value: 0 }, { token }, app)).json(),
    );
    expect(back).toMatchObject({ myVote: 0, votes: { up: before.votes.up } });
  });

  it("says the visitor's votes are spent, and keeps voting inline for the others", async ({
    expect,
  }) => {
    const app = freshApp("extended");
    const token = await visitor(GROUP_MEMBERS.spent.guid);
    const response = await post("/v1/topics/1012/votes", { value: 1 }, { token }, app);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ type: ProblemType.voteBudgetSpent, status: 409 });
    expect(await votingOf(app)).toBe("inline");
  });
});

describe("POST /v1/sso/link", () => {
  async function link(body: unknown, token?: string) {
    return post("/v1/sso/link", body, token === undefined ? {} : { token });
  }

  it("returns a community URL whose sso_token signs the right user in", async ({ expect }) => {
    const token = await siteToken(
      { sub: "sso-round-trip", name: "Round Trip", email: "rt@site.example" },
      { lifetimeSeconds: 600 },
    );
    const response = await link({ returnTo: "/topics/1004-x/" }, token);
    expect(response.status).toBe(200);
    const body = SsoLink.parse(await response.json());
    const url = new URL(body.url);
    expect(url.origin).toBe(EMULATOR_ORIGIN);
    expect(url.pathname).toBe("/topics/1004-x/");
    const expiresAt = Date.parse(body.expiresAt);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 600_000 + 1000);
    expect(expiresAt).toBeGreaterThan(Date.now());

    // UserEcho (the emulator) decrypts the token and knows the user.
    const me = await fetch(
      `${EMULATOR_ORIGIN}/api/v2/users/current.json?access_token=${credentials.anonymousToken}&sso_token=${url.searchParams.get("sso_token") !== null ? encodeURIComponent(url.searchParams.get("sso_token")!) : ""}`,
    );
    expect(me.status).toBe(200);
    expect(((await me.json()) as { data: { name: string } }).data.name).toBe("Round Trip");
  });

  it("refuses returnTo outside the community: no open redirect", async ({ expect }) => {
    for (const returnTo of [
      "https://evil.example/",
      "//evil.example/path",
      "javascript:alert(1)",
      "https://demo.userecho.com.evil.example/",
      "https://user:pass@demo.userecho.com/",
      "http://demo.userecho.com/",
    ]) {
      const response = await link({ returnTo });
      expect(response.status, returnTo).toBe(400);
      expect(await response.json(), returnTo).toMatchObject({ parameter: "returnTo" });
    }
  });
});

describe("a site that signs with ES256 and publishes a JWKS (SITE_JWKS_URL)", () => {
  const jwksPath = "/__site/jwks.json";
  /** A worker set up for JWKS only; each call is a fresh verifier with an empty key cache. */
  const jwksWorker = () =>
    workerWith({ SITE_JWT_SECRET: "", SITE_JWKS_URL: `${EMULATOR_ORIGIN}${jwksPath}` });
  const jwksFetches = async () => (await emulatorStats()).byPath[`GET ${jwksPath}`] ?? 0;

  async function es256Token(key: JWK | CryptoKey = credentials.sitePrivateJwk) {
    const now = Math.floor(Date.now() / 1000);
    const signingKey = "kty" in key ? await importJWK(key, "ES256") : key;
    return new SignJWT({ name: "Grace Hopper" })
      .setProtectedHeader({ alg: "ES256", kid: credentials.sitePrivateJwk.kid })
      .setSubject(`grace-${crypto.randomUUID()}`)
      .setAudience("userecho-edge")
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(signingKey);
  }

  it("accepts the site's tokens on writes and personal reads, fetching the keys once", async ({
    expect,
  }) => {
    const app = jwksWorker();
    const before = await jwksFetches();
    const token = await es256Token();
    const created = await post(
      "/v1/topics/1004/comments",
      { text: "Signed by a JWKS key" },
      { token },
      app,
    );
    expect(created.status).toBe(201);
    expect(Comment.parse(await created.json()).html).toContain("Signed by a JWKS key");
    const personal = await app.fetch("/v1/forums/1/topics?limit=3", {
      headers: { Authorization: `Bearer ${await es256Token()}` },
    });
    expect(personal.status).toBe(200);
    expect(personal.headers.get("Cache-Control")).toContain("private");
    expect(await jwksFetches()).toBe(before + 1);
  });

  it("refuses a token of another key under the same kid, and HS256 tokens", async ({ expect }) => {
    const app = jwksWorker();
    const { privateKey } = await generateKeyPair("ES256");
    const forged = await post(
      "/v1/topics/1004/comments",
      { text: "forged" },
      { token: await es256Token(privateKey) },
      app,
    );
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ type: ProblemType.unauthorized });
    const hs256 = await post(
      "/v1/topics/1004/comments",
      { text: "hs256" },
      { token: await siteToken() },
      app,
    );
    expect(hs256.status).toBe(401);
  });

  it("answers 503 when the key set cannot be fetched, and recovers", async ({ expect }) => {
    const app = jwksWorker();
    await setFaults({ match: { path: jwksPath }, fault: { kind: "status", status: 500 } });
    try {
      const down = await post(
        "/v1/topics/1004/comments",
        { text: "keys down" },
        { token: await es256Token() },
        app,
      );
      expect(down.status).toBe(503);
      expect(await down.text()).not.toContain(jwksPath);
    } finally {
      await clearFaults();
    }
    const up = await post(
      "/v1/topics/1004/comments",
      { text: "keys back" },
      { token: await es256Token() },
      app,
    );
    expect(up.status).toBe(201);
  });
});

describe("the site's identity token", () => {
  async function attempt(token: string, app: { fetch: typeof worker } = { fetch: worker }) {
    return app.fetch("/v1/forums/1/topics?limit=3", {
      headers: { Authorization: `Bearer ${token}` },
    });
  }

  it("is refused with 401 for every classic attack", async ({ expect }) => {
    const now = Math.floor(Date.now() / 1000);
    const secret = new TextEncoder().encode(credentials.siteJwtSecret);
    const sign = (payload: Record<string, unknown>, header: Record<string, unknown> = {}) =>
      new SignJWT({ name: "Mallory", ...payload })
        .setProtectedHeader({ alg: "HS256", ...header })
        .sign(secret);
    const { privateKey } = await generateKeyPair("RS256");
    const attacks: Record<string, string> = {
      "alg none": new UnsecuredJWT({ sub: "x", aud: "userecho-edge", exp: now + 60 }).encode(),
      "RS256 where HS256 is pinned": await new SignJWT({ sub: "x" })
        .setProtectedHeader({ alg: "RS256" })
        .setAudience("userecho-edge")
        .setExpirationTime(now + 60)
        .sign(privateKey),
      "bad signature": await siteToken(
        { sub: "x" },
        { secret: "another-secret-that-is-long-enough-0000" },
      ),
      expired: await sign({ sub: "x", aud: "userecho-edge", iat: now - 600, exp: now - 120 }),
      "nbf in the future": await sign({
        sub: "x",
        aud: "userecho-edge",
        exp: now + 300,
        nbf: now + 120,
      }),
      "wrong aud": await sign({ sub: "x", aud: "someone-else", exp: now + 60 }),
      "lifetime over the cap": await sign({
        sub: "x",
        aud: "userecho-edge",
        iat: now,
        exp: now + 7200,
      }),
      "missing sub": await sign({ aud: "userecho-edge", exp: now + 60 }),
      "missing exp": await sign({ sub: "x", aud: "userecho-edge" }),
      "crit header": await hs256Raw(
        { alg: "HS256", crit: ["urn:example:unknown"], "urn:example:unknown": true },
        { sub: "x", name: "Mallory", aud: "userecho-edge", exp: now + 60 },
      ),
      oversized: await sign({
        sub: "x",
        aud: "userecho-edge",
        exp: now + 60,
        pad: "x".repeat(9000),
      }),
      "not a JWT": "definitely.not.a-jwt",
    };
    for (const [name, token] of Object.entries(attacks)) {
      const response = await attempt(token);
      expect(response.status, name).toBe(401);
      const text = await response.text();
      expect(JSON.parse(text), name).toMatchObject({ type: ProblemType.unauthorized });
      expect(text, name).not.toContain(token);
    }
    const malformedHeader = await worker("/v1/forums", { headers: { Authorization: "Basic abc" } });
    expect(malformedHeader.status).toBe(401);
  });

  it("checks iss when SITE_JWT_ISSUER is set", async ({ expect }) => {
    const app = workerWith({ SITE_JWT_ISSUER: "https://site.example" });
    expect(
      (await attempt(await siteToken({ sub: "x", iss: "https://evil.example" }), app)).status,
    ).toBe(401);
    expect(
      (await attempt(await siteToken({ sub: "x", iss: "https://site.example" }), app)).status,
    ).toBe(200);
  });

  it("accepts a valid token and allows 30 s of clock skew", async ({ expect }) => {
    expect((await attempt(await siteToken({ sub: "ok" }))).status).toBe(200);
    const now = Math.floor(Date.now() / 1000);
    const skewed = await new SignJWT({ sub: "x", name: "Skew" })
      .setProtectedHeader({ alg: "HS256" })
      .setAudience("userecho-edge")
      .setIssuedAt(now + 20)
      .setNotBefore(now + 20)
      .setExpirationTime(now + 300)
      .sign(new TextEncoder().encode(credentials.siteJwtSecret));
    expect((await attempt(skewed)).status).toBe(200);
  });
});

describe("per-user write rate limit", () => {
  it("answers 429 once a user exceeds the write limit; others may still write", async ({
    expect,
  }) => {
    const token = await siteToken({ sub: `busy-${crypto.randomUUID()}`, name: "Busy" });
    let limited: Response | undefined;
    // Twice the limit and more: a window that rolls over mid-loop still ends in a 429.
    for (let i = 0; i < 50 && !limited; i++) {
      const response = await post("/v1/topics/1007/comments", { text: `comment ${i}` }, { token });
      if (response.status === 429) limited = response;
      else expect(response.status).toBe(201);
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited!.headers.get("Retry-After"))).toBeGreaterThan(0);
    const other = await post("/v1/topics/1007/comments", { text: "me too" });
    expect(other.status).toBe(201);
  });
});

describe("partner keys", () => {
  it("reads with a valid key, and gets 401 with a bad one", async ({ expect }) => {
    const ok = await worker("/v1/forums", { headers: { "X-Api-Key": credentials.partnerKey } });
    expect(ok.status).toBe(200);
    const bad = await worker("/v1/forums", {
      headers: { "X-Api-Key": "not-a-real-partner-key-123" },
    });
    expect(bad.status).toBe(401);
    const text = await bad.text();
    expect(JSON.parse(text)).toMatchObject({ type: ProblemType.unauthorized });
    expect(text).not.toContain("not-a-real-partner-key-123");
  });

  it("refuses a stored hash sent as the key: a leaked secret or KV dump opens nothing", async ({
    expect,
  }) => {
    for (const stored of [
      await sha256(credentials.partnerKey),
      await sha256(credentials.adminKey),
    ]) {
      const response = await worker("/v1/forums", { headers: { "X-Api-Key": stored } });
      expect(response.status).toBe(401);
    }
    const app = workerWith({});
    const key = `kv-partner-key-${crypto.randomUUID()}`;
    await app.env.PARTNER_KV!.put(`partner-key:${await sha256(key)}`, "kv-partner");
    const hashed = await app.fetch("/v1/forums", { headers: { "X-Api-Key": await sha256(key) } });
    expect(hashed.status).toBe(401);
  });

  it("finds keys stored as hashes in PARTNER_KV too", async ({ expect }) => {
    const key = `kv-partner-key-${crypto.randomUUID()}`;
    const app = workerWith({});
    await app.env.PARTNER_KV!.put(`partner-key:${await sha256(key)}`, "kv-partner");
    const lines: unknown[] = [];
    const logged = workerWith({}, { log: (line) => lines.push(line) });
    expect((await logged.fetch("/v1/forums", { headers: { "X-Api-Key": key } })).status).toBe(200);
    expect(lines[0]).toMatchObject({ partner: "kv-partner" });
    const unknown = await app.fetch("/v1/forums", { headers: { "X-Api-Key": `${key}-x` } });
    expect(unknown.status).toBe(401);
  });

  it("logs the partner's id, never the key", async ({ expect }) => {
    const lines: unknown[] = [];
    const app = workerWith({}, { log: (line) => lines.push(line) });
    await app.fetch("/v1/forums", { headers: { "X-Api-Key": credentials.partnerKey } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ partner: credentials.partnerId, status: 200 });
    expect(JSON.stringify(lines)).not.toContain(credentials.partnerKey);
  });

  it("limits each key on its own, not by IP", { timeout: 60_000 }, async ({ expect }) => {
    const app = workerWith({
      PARTNER_KEYS: `tiny:${await sha256("tiny-partner-key-0000000001")}`,
    });
    // The same IP keeps reading fine without a key while the partner is limited.
    let limited = 0;
    // Twice the limit and more: a window that rolls over mid-loop still ends in a 429.
    for (let i = 0; i < 2600 && limited === 0; i++) {
      const r = await app.fetch("/v1/health", {
        headers: { "X-Api-Key": "tiny-partner-key-0000000001", "CF-Connecting-IP": "192.0.2.1" },
      });
      if (r.status === 429) limited = i;
    }
    expect(limited).toBeGreaterThan(1000);
  });
});

/** Signs any header, even one jose refuses to produce (an unknown `crit`). */
async function hs256Raw(header: object, payload: object): Promise<string> {
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  const input = `${encode(header)}.${encode(payload)}`;
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(credentials.siteJwtSecret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const signature = new Uint8Array(
    await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(input)),
  );
  const encoded = btoa(String.fromCharCode(...signature))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
  return `${input}.${encoded}`;
}

async function sha256(value: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

describe("GET /v1/forums/:forumId/my-votes", () => {
  it("overlays the visitor's own votes on a page that stays shared", async ({ expect }) => {
    const app = workerWith({ VOTING: "inline", USERECHO_BASE_URL: profileBaseUrl("extended") });
    const token = await siteToken({ sub: `overlay-${crypto.randomUUID()}`, name: "Overlay" });
    const path = "/v1/forums/2/topics?sort=new&limit=10";
    const page = TopicPage.parse(await (await app.fetch(path)).json());
    const [voted, other] = page.items;
    expect((await post(`/v1/topics/${voted!.id}/votes`, { value: 1 }, { token }, app)).status).toBe(
      200,
    );
    const overlay = await app.fetch("/v1/forums/2/my-votes?sort=new&limit=10", {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(overlay.status).toBe(200);
    expect(overlay.headers.get("Cache-Control")).toBe("private, no-store");
    const { items } = MyVotes.parse(await overlay.json());
    expect(items.find((item) => item.topicId === voted!.id)?.myVote).toBe(1);
    expect(items.find((item) => item.topicId === other!.id)?.myVote).toBe(0);
    // The page itself is the same for everyone, and stays in the shared cache.
    const shared = await app.fetch(path);
    expect(shared.headers.get("Cache-Control")).toBe("public, no-cache");
    expect(TopicPage.parse(await shared.json()).items[0]?.myVote).toBeUndefined();
  });

  it("needs a signed-in visitor", async ({ expect }) => {
    const response = await worker("/v1/forums/1/my-votes");
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ type: ProblemType.unauthorized });
  });
});
