import { describe, it, type ExpectStatic } from "vitest";
import { readConfig } from "../../src/config/index.ts";
import { MisconfiguredError } from "../../src/errors/index.ts";

/** The least a deployment sets: an alias and the agent token. */
const env = (vars: Record<string, string | undefined> = {}) =>
  ({ USERECHO_ALIAS: "demo", USERECHO_API_TOKEN: "agent-token", ...vars }) as unknown as Env;

/** Expects readConfig to refuse `vars`, naming `variable`, with `detail` and no value. */
function refuses(
  expect: ExpectStatic,
  vars: Record<string, string | undefined>,
  variable: string,
  detail: string,
) {
  let error: unknown;
  try {
    readConfig(env(vars));
  } catch (caught) {
    error = caught;
  }
  expect(error, JSON.stringify(vars)).toBeInstanceOf(MisconfiguredError);
  const { members, message } = error as MisconfiguredError;
  expect(members, JSON.stringify(vars)).toEqual({ variable });
  expect(message, JSON.stringify(vars)).toBe(`${variable}: ${detail}`);
}

describe("readConfig", () => {
  it("fills in every default from an alias and a token", ({ expect }) => {
    const config = readConfig(env({ USERECHO_API_TOKEN: "  agent-token \n" }));
    expect(config).toMatchObject({
      upstreamBaseUrl: "https://demo.userecho.com/api/v2",
      communityOrigin: "https://demo.userecho.com",
      apiToken: "agent-token",
      upstreamTimeoutMs: 8_000,
      warmupMaxCalls: 20,
      allowedForums: undefined,
      voting: "auto",
    });
    expect(config.cache).toEqual({
      forums: { freshSeconds: 300, revalidateSeconds: 300, staleIfErrorSeconds: 86_400 },
      meta: { freshSeconds: 300, revalidateSeconds: 300, staleIfErrorSeconds: 86_400 },
      topics: { freshSeconds: 60, revalidateSeconds: 300, staleIfErrorSeconds: 86_400 },
      index: { freshSeconds: 60, revalidateSeconds: 300, staleIfErrorSeconds: 86_400 },
      topic: { freshSeconds: 60, revalidateSeconds: 300, staleIfErrorSeconds: 86_400 },
      comments: { freshSeconds: 60, revalidateSeconds: 300, staleIfErrorSeconds: 86_400 },
      users: { freshSeconds: 300, revalidateSeconds: 300, staleIfErrorSeconds: 86_400 },
    });
    expect(config.topicSorts).toEqual({
      values: new Set(["top", "new", "updated", "discussed"]),
      detect: true,
    });
    expect(config.topicFilters).toEqual({
      values: new Set(["type", "status", "category", "tag"]),
      detect: true,
    });
    expect(config.allowedOrigins("https://site.example")).toBe(false);
  });

  it("reads each setting once per environment", ({ expect }) => {
    const bindings = env();
    expect(readConfig(bindings)).toBe(readConfig(bindings));
    expect(readConfig(env())).not.toBe(readConfig(bindings));
  });

  it("requires the agent token", ({ expect }) => {
    refuses(expect, { USERECHO_API_TOKEN: undefined }, "USERECHO_API_TOKEN", "secret is not set");
    refuses(expect, { USERECHO_API_TOKEN: "  " }, "USERECHO_API_TOKEN", "secret is not set");
  });

  it("builds UserEcho's URLs from the alias, or from USERECHO_BASE_URL", ({ expect }) => {
    expect(readConfig(env({ USERECHO_ALIAS: " Acme-1 " }))).toMatchObject({
      upstreamBaseUrl: "https://acme-1.userecho.com/api/v2",
      communityOrigin: "https://acme-1.userecho.com",
    });
    expect(
      readConfig(env({ USERECHO_BASE_URL: " http://127.0.0.1:8788/profile/x/api/v2// " })),
    ).toMatchObject({
      upstreamBaseUrl: "http://127.0.0.1:8788/profile/x/api/v2",
      // The alias still names the community.
      communityOrigin: "https://demo.userecho.com",
    });
    expect(
      readConfig(
        env({ USERECHO_ALIAS: "", USERECHO_BASE_URL: "https://feedback.example.com/api/v2" }),
      ),
    ).toMatchObject({
      upstreamBaseUrl: "https://feedback.example.com/api/v2",
      communityOrigin: "https://feedback.example.com",
    });
    expect(
      readConfig(env({ USERECHO_COMMUNITY_URL: " https://ideas.example.com/some/path " }))
        .communityOrigin,
    ).toBe("https://ideas.example.com");
    expect(
      readConfig(env({ USERECHO_COMMUNITY_URL: "http://localhost:8788" })).communityOrigin,
    ).toBe("http://localhost:8788");
    expect(readConfig(env({ USERECHO_COMMUNITY_URL: "  " })).communityOrigin).toBe(
      "https://demo.userecho.com",
    );
  });

  it("reads a missing alias or base URL as unset", ({ expect }) => {
    const bindings = { USERECHO_API_TOKEN: "t", USERECHO_BASE_URL: "https://f.example/api/v2" };
    expect(readConfig(bindings as unknown as Env).communityOrigin).toBe("https://f.example");
    // Blank is unset too: the alias names UserEcho's URLs.
    expect(readConfig(env({ USERECHO_BASE_URL: "   " })).upstreamBaseUrl).toBe(
      "https://demo.userecho.com/api/v2",
    );
    expect(readConfig(env({ CACHE_TTL: "topics=30, ,meta=5" })).cache.meta.freshSeconds).toBe(5);
  });

  it("refuses URLs and aliases it cannot use", ({ expect }) => {
    refuses(
      expect,
      { USERECHO_ALIAS: "not an alias" },
      "USERECHO_ALIAS",
      "is not a valid sub-domain label",
    );
    refuses(
      expect,
      { USERECHO_ALIAS: "-acme" },
      "USERECHO_ALIAS",
      "is not a valid sub-domain label",
    );
    refuses(
      expect,
      { USERECHO_ALIAS: "acme-" },
      "USERECHO_ALIAS",
      "is not a valid sub-domain label",
    );
    refuses(
      expect,
      { USERECHO_ALIAS: "a".repeat(64) },
      "USERECHO_ALIAS",
      "is not a valid sub-domain label",
    );
    expect(readConfig(env({ USERECHO_ALIAS: "a".repeat(63) })).communityOrigin).toBe(
      `https://${"a".repeat(63)}.userecho.com`,
    );
    expect(readConfig(env({ USERECHO_ALIAS: "a" })).communityOrigin).toBe("https://a.userecho.com");
    refuses(
      expect,
      { USERECHO_ALIAS: " " },
      "USERECHO_ALIAS",
      "is not set (nor is USERECHO_BASE_URL)",
    );
    refuses(
      expect,
      { USERECHO_BASE_URL: "not a url" },
      "USERECHO_BASE_URL",
      "is not an absolute URL",
    );
    refuses(
      expect,
      { USERECHO_BASE_URL: "ftp://files.example/api" },
      "USERECHO_BASE_URL",
      "must be an http(s) URL",
    );
    for (const url of [
      "https://x.example/api?token=a-secret-value",
      "https://user:a-secret-value@x.example/api",
      "https://x.example/api#frag",
      "https://user@x.example/api",
      "https://:pass@x.example/api",
    ]) {
      refuses(
        expect,
        { USERECHO_BASE_URL: url },
        "USERECHO_BASE_URL",
        "must not carry a query or credentials",
      );
    }
    refuses(
      expect,
      { USERECHO_COMMUNITY_URL: "ideas" },
      "USERECHO_COMMUNITY_URL",
      "is not an absolute URL",
    );
    refuses(
      expect,
      { USERECHO_COMMUNITY_URL: "javascript:alert(1)" },
      "USERECHO_COMMUNITY_URL",
      "must be an http(s) URL",
    );
  });

  it("reads numbers within their bounds, and refuses the rest", ({ expect }) => {
    expect(readConfig(env({ UPSTREAM_TIMEOUT_MS: "100" })).upstreamTimeoutMs).toBe(100);
    expect(readConfig(env({ UPSTREAM_TIMEOUT_MS: "60000" })).upstreamTimeoutMs).toBe(60_000);
    expect(readConfig(env({ UPSTREAM_TIMEOUT_MS: " " })).upstreamTimeoutMs).toBe(8_000);
    for (const value of ["99", "60001", "1.5", "abc", "-5"]) {
      refuses(
        expect,
        { UPSTREAM_TIMEOUT_MS: value },
        "UPSTREAM_TIMEOUT_MS",
        "must be an integer from 100 to 60000",
      );
    }
    expect(readConfig(env({ WARMUP_MAX_CALLS: "0" })).warmupMaxCalls).toBe(0);
    expect(readConfig(env({ WARMUP_MAX_CALLS: "1000" })).warmupMaxCalls).toBe(1_000);
    refuses(
      expect,
      { WARMUP_MAX_CALLS: "1001" },
      "WARMUP_MAX_CALLS",
      "must be an integer from 0 to 1000",
    );
    refuses(
      expect,
      { WARMUP_MAX_CALLS: "-1" },
      "WARMUP_MAX_CALLS",
      "must be an integer from 0 to 1000",
    );
    refuses(
      expect,
      { COMPUTED_MAX_TOPICS: "99" },
      "COMPUTED_MAX_TOPICS",
      "must be an integer from 100 to 10000",
    );
    refuses(
      expect,
      { FORUM_PROOFS_PER_MINUTE: "0" },
      "FORUM_PROOFS_PER_MINUTE",
      "must be an integer from 1 to 10000",
    );
    const cache = readConfig(
      env({ CACHE_SWR_SECONDS: "0", CACHE_STALE_IF_ERROR_SECONDS: "2592000" }),
    ).cache;
    expect(cache.topics).toEqual({
      freshSeconds: 60,
      revalidateSeconds: 0,
      staleIfErrorSeconds: 2_592_000,
    });
    refuses(
      expect,
      { CACHE_SWR_SECONDS: "2592001" },
      "CACHE_SWR_SECONDS",
      "must be an integer from 0 to 2592000",
    );
    refuses(
      expect,
      { CACHE_STALE_IF_ERROR_SECONDS: "x" },
      "CACHE_STALE_IF_ERROR_SECONDS",
      "must be an integer from 0 to 2592000",
    );
  });

  it("sets a fresh TTL per route, keeping the others' defaults", ({ expect }) => {
    const { cache } = readConfig(env({ CACHE_TTL: " topics = 30 ,, meta=86400 " }));
    expect(cache.topics.freshSeconds).toBe(30);
    expect(cache.meta.freshSeconds).toBe(86_400);
    expect(cache.forums.freshSeconds).toBe(300);
    expect(readConfig(env({ CACHE_TTL: "users=0" })).cache.users.freshSeconds).toBe(0);
    for (const value of ["nope=5", "topics", "=5"]) {
      refuses(
        expect,
        { CACHE_TTL: value },
        "CACHE_TTL",
        "expects route=seconds for forums, meta, topics, index, topic, comments, users",
      );
    }
    refuses(expect, { CACHE_TTL: "users=x" }, "CACHE_TTL", "must be an integer from 0 to 86400");
    refuses(
      expect,
      { CACHE_TTL: "topics=86401" },
      "CACHE_TTL",
      "must be an integer from 0 to 86400",
    );
  });

  it("reads forum ids, the voting mode, sorts and filters", ({ expect }) => {
    expect(readConfig(env({ ALLOWED_FORUMS: " 1, 2 ,,2" })).allowedForums).toEqual(new Set([1, 2]));
    expect(readConfig(env({ ALLOWED_FORUMS: " , " })).allowedForums).toBeUndefined();
    for (const value of ["0", "1,x", "-3", "1.5"]) {
      refuses(
        expect,
        { ALLOWED_FORUMS: value },
        "ALLOWED_FORUMS",
        "expects comma-separated forum ids",
      );
    }
    expect(readConfig(env({ VOTING: " inline " })).voting).toBe("inline");
    expect(readConfig(env({ VOTING: "" })).voting).toBe("auto");
    expect(readConfig(env({ VOTING: "community" })).voting).toBe("community");
    refuses(expect, { VOTING: "sometimes" }, "VOTING", 'must be "auto", "community", "inline"');
    // Staff stay off the leaderboard unless a deployment says otherwise.
    expect(readConfig(env()).leaderboardStaff).toBe("hide");
    expect(readConfig(env({ LEADERBOARD_STAFF: " " })).leaderboardStaff).toBe("hide");
    expect(readConfig(env({ LEADERBOARD_STAFF: " show " })).leaderboardStaff).toBe("show");
    expect(readConfig(env({ LEADERBOARD_STAFF: "hide" })).leaderboardStaff).toBe("hide");
    for (const value of ["everyone", "Show"]) {
      refuses(
        expect,
        { LEADERBOARD_STAFF: value },
        "LEADERBOARD_STAFF",
        'must be "hide" or "show"',
      );
    }
    expect(readConfig(env({ TOPIC_SORTS: " new , top" })).topicSorts).toEqual({
      values: new Set(["new", "top"]),
      detect: false,
    });
    expect(readConfig(env({ TOPIC_FILTERS: "status" })).topicFilters).toEqual({
      values: new Set(["status"]),
      detect: false,
    });
    refuses(
      expect,
      { TOPIC_SORTS: "new,best" },
      "TOPIC_SORTS",
      "expects a comma-separated subset of top, new, updated, discussed",
    );
    refuses(
      expect,
      { TOPIC_FILTERS: "colour" },
      "TOPIC_FILTERS",
      "expects a comma-separated subset of type, status, category, tag",
    );
  });

  it("reads ALLOWED_ORIGINS, and refuses entries that are not bare origins", ({ expect }) => {
    const { allowedOrigins } = readConfig(
      env({ ALLOWED_ORIGINS: "https://site.example, http://localhost:*, https://*.shop.example" }),
    );
    expect(allowedOrigins("https://site.example")).toBe(true);
    expect(allowedOrigins("http://localhost:5173")).toBe(true);
    expect(allowedOrigins("https://a.shop.example")).toBe(true);
    expect(allowedOrigins("https://localhost:5173")).toBe(false);
    expect(allowedOrigins("not an origin")).toBe(false);
    refuses(
      expect,
      { ALLOWED_ORIGINS: "site.example" },
      "ALLOWED_ORIGINS",
      "contains an entry that is not an origin",
    );
    for (const value of [
      "https://site.example/",
      "https://site.example/path",
      "https://site.example?x=1",
      "file:///tmp",
      // An opaque origin serialises as "null": allowing it would let any sandboxed frame in.
      "data:/#x",
      "foo://bar/#x",
    ]) {
      refuses(
        expect,
        { ALLOWED_ORIGINS: value },
        "ALLOWED_ORIGINS",
        "entries must be bare origins, no path",
      );
    }
  });
});
