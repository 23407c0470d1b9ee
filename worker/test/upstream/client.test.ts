import { describe, it, vi } from "vitest";
import {
  MisconfiguredError,
  NotFoundError,
  UpstreamError,
  UpstreamRefusedError,
  UpstreamRejectedError,
  UserRefusedError,
} from "../../src/errors/index.ts";
import { credentials, profileBaseUrl } from "../support/index.ts";
import { UserEchoClient } from "../../src/upstream/client.ts";
import { topicReader } from "../../src/upstream/normalise/index.ts";

let clients = 0;

/**
 * A client of the documented emulator. Each gets a base URL of its own (a query-less path
 * suffix the emulator ignores is not possible, so a distinct host), because what a client learns
 * about credentials is remembered per upstream.
 */
function client(options: Partial<ConstructorParameters<typeof UserEchoClient>[0]> = {}) {
  return new UserEchoClient({
    baseUrl: profileBaseUrl("documented").replace("demo.", `demo-${clients++}.`),
    accessToken: credentials.agentToken,
    timeoutMs: 5_000,
    ...options,
  });
}

/** A fetch that answers calls to `path` with a fixed body, and passes the rest on. */
function answering(path: string, body: unknown, init: ResponseInit = {}): typeof fetch {
  return async (input, init2) => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (!url.pathname.endsWith(path)) return fetch(input, init2);
    const text = typeof body === "string" ? body : JSON.stringify(body);
    return new Response(text, { headers: { "Content-Type": "application/json" }, ...init });
  };
}

describe("UserEchoClient against what UserEcho documents", () => {
  it("pages a forum's topics, with the total where details come", async ({ expect }) => {
    const page = await client().listTopics(1, { page: 2, limit: 5, order_by: "-created" });
    expect(page.items).toHaveLength(5);
    expect(page.total).toBeGreaterThan(5);
    const created = page.items.map((topic) => Date.parse(topic.created!));
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it("reads lists without details to the end", async ({ expect }) => {
    const forums = await client().listForums();
    expect(forums.map((forum) => forum.id)).toEqual([1, 2, 3, 4, 5, 6]);
    const comments = await client().listComments(1004, { order_by: "created" });
    expect(comments.total).toBeUndefined();
    expect(comments.items.length).toBeGreaterThan(0);
  });

  it("accepts the older topic format: bare-integer status and type, read as unnamed references", async ({
    expect,
  }) => {
    const page = await client().listTopics(1, { limit: 100 });
    expect(page.items).toHaveLength(100);
    expect(page.items.some((topic) => topic.status?.name === undefined)).toBe(true);
    expect(page.items.some((topic) => topic.type?.name !== undefined)).toBe(true);
    expect(page.items.every((topic) => typeof topic.status?.id === "number")).toBe(true);
  });

  it("drops fields it does not know, such as the author's e-mail", async ({ expect }) => {
    const topic = await new UserEchoClient({
      baseUrl: profileBaseUrl("extended"),
      accessToken: credentials.agentToken,
      timeoutMs: 5_000,
    }).getTopic(1004);
    expect(Object.keys(topic.author ?? {})).not.toContain("email");
  });

  it("tells a missing topic from a wrong token, though both are HTTP-200 envelopes", async ({
    expect,
  }) => {
    const missing = await client()
      .getTopic(999_999)
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    const refusedList = await client()
      .listComments(999_999, {})
      .catch((e: unknown) => e);
    expect(refusedList).toBeInstanceOf(UpstreamRefusedError);
    const wrong = await client({ accessToken: "wrong-token" })
      .getTopic(1004)
      .catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(MisconfiguredError);
    expect((wrong as MisconfiguredError).members.variable).toBe("USERECHO_API_TOKEN");
    expect(String((wrong as Error).message)).not.toContain("wrong-token");
  });

  it("blames the anonymous token, or refuses the one visitor UserEcho refuses", async ({
    expect,
  }) => {
    const base = client();
    // A refused sso_token (a wrong SSO key, or a user UserEcho blocks) is that visitor's 403:
    // nothing about it is remembered for the next visitor.
    const refused = await base
      .asUser(credentials.anonymousToken, "bm90LWEtdG9rZW4=")
      .listTopics(1, { limit: 1 })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UserRefusedError);
    const expired = await base
      .asUser(credentials.anonymousToken, "bm90LWEtdG9rZW4=", Math.floor(Date.now() / 1000) - 1)
      .listTopics(1, { limit: 1 })
      .catch((e: unknown) => e);
    expect(expired).toMatchObject({ status: 401 });
    const badAnon = await client()
      .asUser("wrong-anonymous-token", "bm90LWEtdG9rZW4=")
      .listTopics(1, { limit: 1 })
      .catch((e: unknown) => e);
    expect((badAnon as MisconfiguredError).members.variable).toBe("USERECHO_ANON_TOKEN");
  });

  it("sends the token only in the upstream query string", async ({ expect }) => {
    const seen: URL[] = [];
    await client({
      fetch: async (input, init) => {
        seen.push(new URL(input instanceof Request ? input.url : input));
        return fetch(input, init);
      },
    }).listTopics(1, { limit: 1 });
    expect(seen[0]?.searchParams.get("access_token")).toBe(credentials.agentToken);
    expect(seen[0]?.origin).toContain(".userecho.com");
  });
});

describe("UserEchoClient with a misbehaving upstream", () => {
  it("rejects a body that is not JSON", async ({ expect }) => {
    const bad = client({ fetch: answering("/topics.json", "<html>Bad gateway</html>") });
    await expect(bad.listTopics(1, {})).rejects.toBeInstanceOf(UpstreamError);
  });

  it("rejects a truncated JSON body", async ({ expect }) => {
    const bad = client({
      fetch: answering("/topics.json", '{"status":"success","data":[{"id":1,'),
    });
    await expect(bad.listTopics(1, {})).rejects.toBeInstanceOf(UpstreamError);
  });

  it("serves a list with one malformed item, logging its id and field, not its content", async ({
    expect,
  }) => {
    const real = await client().listTopics(1, { limit: 3 });
    const broken = JSON.parse(JSON.stringify(real.items)) as Record<string, unknown>[];
    broken[1]!["header"] = { secret: "payload-of-the-odd-item" };
    const warn = vi.spyOn(console, "warn");
    const page = await client({
      fetch: answering("/topics.json", { status: "success", data: broken }),
    }).listTopics(1, {});
    expect(page.items.map((topic) => topic.id)).toEqual([real.items[0]!.id, real.items[2]!.id]);
    expect(page.received).toBe(3);
    const line = warn.mock.calls.map((call) => String(call[0])).find((l) => l.includes("dropped"));
    expect(JSON.parse(line!)).toMatchObject({ id: real.items[1]!.id, field: "header" });
    expect(line).not.toContain("payload-of-the-odd-item");
  });

  it("reads every encoding of an empty list as an empty list", async ({ expect }) => {
    for (const data of [null, {}, "", undefined, []]) {
      const body = data === undefined ? { status: "success" } : { status: "success", data };
      const page = await client({ fetch: answering("/topics.json", body) }).listTopics(1, {});
      expect(page.items, JSON.stringify(body)).toEqual([]);
      expect(page.received).toBe(0);
    }
  });

  it("reads a list keyed by id, and says its order was lost", async ({ expect }) => {
    const real = await client().listTopics(1, { limit: 3 });
    const keyed = Object.fromEntries(real.items.map((topic) => [topic.id, { ...topic }]));
    const page = await client({
      fetch: answering("/topics.json", { status: "success", data: keyed }),
    }).listTopics(1, {});
    expect(page.items.map((topic) => topic.id).sort()).toEqual(real.items.map((t) => t.id).sort());
    expect(page.keyed).toBe(true);
  });

  it("rejects a success envelope whose data is no list at all", async ({ expect }) => {
    const bad = client({ fetch: answering("/topics.json", { status: "success", data: "x" }) });
    await expect(bad.listTopics(1, {})).rejects.toBeInstanceOf(UpstreamError);
  });

  it("tells the page size UserEcho applied from what it sent, not from what was asked", async ({
    expect,
  }) => {
    // 137 topics, UserEcho caps at 50 and echoes the limit asked in details.
    const capped = (page: number) => {
      const start = (page - 1) * 50;
      const data = Array.from({ length: Math.max(0, Math.min(50, 137 - start)) }, (_, i) => ({
        id: start + i + 1,
        header: `Topic ${start + i + 1}`,
      }));
      return { status: "success", data, details: { count: 137, limit: 100, page } };
    };
    const fetchCapped: typeof fetch = async (input) => {
      const url = new URL(input instanceof Request ? input.url : input);
      const page = Number(url.searchParams.get("page") ?? 1);
      return new Response(JSON.stringify(capped(page)));
    };
    const first = await client({ fetch: fetchCapped }).listTopics(1, { page: 1, limit: 100 });
    expect(first).toMatchObject({ received: 50, total: 137, size: 50 });
    // A cold page 3 pins the size too: 37 items left after two pages of 50.
    const last = await client({ fetch: fetchCapped }).listTopics(1, { page: 3, limit: 100 });
    expect(last).toMatchObject({ received: 37, size: 50 });
  });

  it("stops reading a list whose page parameter is ignored", async ({ expect }) => {
    let calls = 0;
    const forums = await client({
      fetch: async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : input);
        if (!url.pathname.endsWith("/forums.json")) return fetch(input, init);
        calls += 1;
        // Fifty, UserEcho's default page size: as if `limit` and `page` were both ignored.
        const data = Array.from({ length: 50 }, (_, i) => ({
          id: i + 1,
          name: `Forum ${i + 1}`,
          type: { id: 1, name: "PUBLIC" },
        }));
        return new Response(JSON.stringify({ status: "success", data }));
      },
    }).listForums();
    expect(forums).toHaveLength(50);
    expect(calls).toBe(2);
  });

  it("reads a write's answer leniently: the id is enough", async ({ expect }) => {
    const written = await client({
      fetch: answering("/comments.json", { status: "success", data: { id: 77 } }),
    }).createComment(1004, "<p>Hi</p>");
    expect(written).toEqual({ id: 77, object: undefined });
  });

  it("reports a write refused while the credentials work as rejected (422)", async ({ expect }) => {
    const refused = client({
      fetch: answering("/comments.json", { status: "error", message: "Created successfully" }),
    });
    await expect(refused.createComment(1004, "x")).rejects.toBeInstanceOf(UpstreamRejectedError);
  });

  it("reads an error envelope as a refusal only when the same credentials still work", async ({
    expect,
  }) => {
    const everythingFails = client({
      fetch: async () => new Response(JSON.stringify({ status: "fail", message: "Not found" })),
    });
    const error = await everythingFails.getOne("topics/1", {}, topicReader).catch((e) => e);
    expect(error).toBeInstanceOf(MisconfiguredError);
  });
});
