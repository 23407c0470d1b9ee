import { describe, it } from "vitest";
import { MisconfiguredError, NotFoundError, UpstreamError } from "../errors/index.ts";
import { credentials, EMULATOR_ORIGIN } from "../testing/index.ts";
import { UserEchoClient } from "./client.ts";
import { UpstreamTopic } from "./schemas.ts";

const baseUrl = `${EMULATOR_ORIGIN}/api/v2`;

function client(options: Partial<ConstructorParameters<typeof UserEchoClient>[0]> = {}) {
  return new UserEchoClient({
    baseUrl,
    accessToken: credentials.agentToken,
    timeoutMs: 5_000,
    ...options,
  });
}

/** A fetch that answers every call with one fixed upstream response. */
function answering(body: string, init: ResponseInit = {}): typeof fetch {
  return async () =>
    new Response(body, { headers: { "Content-Type": "application/json" }, ...init });
}

describe("UserEchoClient against the emulator", () => {
  it("lists a forum's topics with paging details", async ({ expect }) => {
    const page = await client().listTopics(1, { page: 2, limit: 5, order_by: "-created" });
    expect(page.items).toHaveLength(5);
    expect(page.details).toMatchObject({ page: 2, limit: 5, from: 6 });
    expect(page.details.count).toBeGreaterThan(5);
    const created = page.items.map((topic) => Date.parse(topic.created));
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it("drops fields it does not know, such as the author's e-mail", async ({ expect }) => {
    const page = await client().listTopics(1, { limit: 1 });
    expect(Object.keys(page.items[0]!.author)).not.toContain("email");
  });

  it("turns an unknown forum's error envelope into NotFoundError", async ({ expect }) => {
    await expect(client().listTopics(999_999, {})).rejects.toBeInstanceOf(NotFoundError);
  });

  it("reports a rejected token as a misconfigured secret, without its value", async ({
    expect,
  }) => {
    const error = await client({ accessToken: "wrong-token" })
      .listTopics(1, {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MisconfiguredError);
    expect((error as MisconfiguredError).members.variable).toBe("USERECHO_API_TOKEN");
    expect(String((error as Error).message)).not.toContain("wrong-token");
  });

  it("sends the token only in the upstream query string", async ({ expect }) => {
    const seen: URL[] = [];
    await client({
      fetch: async (input, init) => {
        seen.push(new URL(input instanceof Request ? input.url : input));
        return fetch(input, init);
      },
    }).listTopics(1, { limit: 1 });
    expect(seen[0]?.origin).toBe(EMULATOR_ORIGIN);
    expect(seen[0]?.searchParams.get("access_token")).toBe(credentials.agentToken);
  });
});

describe("UserEchoClient with a misbehaving upstream", () => {
  it("rejects a body that is not JSON", async ({ expect }) => {
    const bad = client({ fetch: answering("<html>Bad gateway</html>") });
    await expect(bad.listTopics(1, {})).rejects.toBeInstanceOf(UpstreamError);
  });

  it("rejects a truncated JSON body", async ({ expect }) => {
    const bad = client({ fetch: answering('{"status":"success","data":[{"id":1,') });
    await expect(bad.listTopics(1, {})).rejects.toBeInstanceOf(UpstreamError);
  });

  it("rejects a success envelope whose data has the wrong shape", async ({ expect }) => {
    const bad = client({
      fetch: answering(JSON.stringify({ status: "success", data: [{ id: "x" }], details: {} })),
    });
    await expect(bad.listTopics(1, {})).rejects.toBeInstanceOf(UpstreamError);
  });

  it("rejects an error envelope sent with HTTP 200", async ({ expect }) => {
    const bad = client({
      fetch: answering(JSON.stringify({ status: "error", message: "Internal failure" })),
    });
    await expect(bad.getOne("topics/1", {}, UpstreamTopic)).rejects.toBeInstanceOf(UpstreamError);
  });
});
