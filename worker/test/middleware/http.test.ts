import { describe, it } from "vitest";
import { ProblemType } from "@userecho-edge/shared";
import type { RequestLogLine } from "../../src/middleware/request-log/index.ts";
import { credentials, siteToken, worker, workerWith } from "../support/index.ts";

describe("CORS", () => {
  const app = workerWith({ ALLOWED_ORIGINS: "https://www.example.com, https://*.example.org" });

  it("echoes an allowed exact or wildcard origin, with Vary: Origin", async ({ expect }) => {
    for (const origin of [
      "https://www.example.com",
      "https://a.example.org",
      "https://a.b.example.org",
    ]) {
      const response = await app.fetch("/v1/forums", { headers: { Origin: origin } });
      expect(response.headers.get("Access-Control-Allow-Origin"), origin).toBe(origin);
      expect(response.headers.get("Access-Control-Expose-Headers")).toContain("Cache-Status");
      expect(response.headers.get("Vary")).toContain("Origin");
    }
  });

  it("gives a disallowed origin no CORS headers at all", async ({ expect }) => {
    for (const origin of [
      "https://evil.com",
      "https://example.org",
      // Ends in the same letters, but is another domain.
      "https://evilexample.org",
      "http://a.example.org",
      "https://www.example.com.evil.com",
      "null",
    ]) {
      const response = await app.fetch("/v1/forums", { headers: { Origin: origin } });
      expect(response.status).toBe(200);
      const cors = [...response.headers.keys()].filter((h) => h.startsWith("access-control-"));
      expect(cors, origin).toEqual([]);
      expect(response.headers.get("Vary")).toContain("Origin");
    }
  });

  it("lets `http://localhost:*` allow one host on any port, and nothing else", async ({
    expect,
  }) => {
    const local = workerWith({ ALLOWED_ORIGINS: "http://localhost:*" });
    const allowed = async (origin: string) =>
      (await local.fetch("/v1/forums", { headers: { Origin: origin } })).headers.get(
        "Access-Control-Allow-Origin",
      ) === origin;
    expect(await allowed("http://localhost:3000")).toBe(true);
    expect(await allowed("http://localhost:5173")).toBe(true);
    expect(await allowed("http://localhost")).toBe(true);
    for (const origin of [
      "https://localhost:3000",
      "http://localhost.evil.com:3000",
      "http://127.0.0.1:3000",
      "http://a.localhost:3000",
    ]) {
      expect(await allowed(origin), origin).toBe(false);
    }
  });

  it("answers preflight for allowed origins only", async ({ expect }) => {
    const preflight = (origin: string) =>
      app.fetch("/v1/forums/1/topics", {
        method: "OPTIONS",
        headers: {
          Origin: origin,
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "authorization, content-type",
        },
      });
    const allowed = await preflight("https://www.example.com");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("Access-Control-Allow-Origin")).toBe("https://www.example.com");
    expect(allowed.headers.get("Access-Control-Allow-Methods")).toContain("POST");
    expect(allowed.headers.get("Access-Control-Allow-Headers")).toContain("Authorization");
    const denied = await preflight("https://evil.com");
    expect(denied.status).toBe(204);
    expect(denied.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect(denied.headers.get("Access-Control-Allow-Methods")).toBeNull();
  });
});

describe("security headers", () => {
  it("are on every response: success, error and unknown route", async ({ expect }) => {
    for (const path of ["/v1/forums", "/v1/forums/1/topics?limit=0", "/v1/nope", "/nothing-here"]) {
      const response = await worker(path);
      expect(response.headers.get("X-Content-Type-Options"), path).toBe("nosniff");
      expect(response.headers.get("Content-Security-Policy"), path).toContain("default-src 'none'");
      expect(response.headers.get("Referrer-Policy"), path).toBe("no-referrer");
      expect(response.headers.get("X-Frame-Options"), path).toBe("DENY");
      expect(response.headers.get("X-Request-Id"), path).toMatch(/.+/);
    }
  });

  it("Cache-Status is on every /v1 response", async ({ expect }) => {
    for (const path of ["/v1/health", "/v1/openapi.json", "/v1/forums/1/topics?limit=0", "/v1/x"]) {
      expect((await worker(path)).headers.get("Cache-Status"), path).toMatch(/^userecho-edge; /);
    }
  });
});

describe("rate limit on reads", () => {
  it(
    "answers 429 with Retry-After once a client IP is over its limit",
    { timeout: 30_000 },
    async ({ expect }) => {
      const headers = { "CF-Connecting-IP": "203.0.113.77" };
      let limited: Response | undefined;
      // Twice the limit and more: a window that rolls over mid-loop still ends in a 429.
      for (let i = 0; i < 1300 && !limited; i++) {
        const response = await worker("/v1/health", { headers });
        if (response.status === 429) limited = response;
      }
      expect(limited?.status).toBe(429);
      expect(Number(limited!.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(await limited!.json()).toMatchObject({ type: ProblemType.rateLimited, status: 429 });
      // Another client is not affected.
      const other = await worker("/v1/health", { headers: { "CF-Connecting-IP": "203.0.113.78" } });
      expect(other.status).toBe(200);
    },
  );
});

describe("request log", () => {
  it("writes one JSON line per request, with no secret in it", async ({ expect }) => {
    const lines: RequestLogLine[] = [];
    const app = workerWith({}, { log: (line) => lines.push(line) });
    await app.fetch("/v1/forums/1/topics?limit=16");
    await app.fetch("/v1/forums/1/topics?limit=16");
    await app.fetch("/v1/forums/1/topics?limit=500");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      level: "info",
      message: "request",
      method: "GET",
      route: "/v1/forums/:forumId/topics",
      status: 200,
      cache: "miss",
    });
    expect(lines[0]!.upstreamCalls).toBeGreaterThan(0);
    expect(lines[1]).toMatchObject({ cache: "hit", upstreamCalls: 0 });
    expect(lines[2]).toMatchObject({ status: 400 });
    expect(lines[0]!.requestId).not.toBe(lines[1]!.requestId);
    const text = JSON.stringify(lines);
    for (const secret of [credentials.agentToken, "access_token"])
      expect(text).not.toContain(secret);
  });

  it("adds Server-Timing without upstream details, which stay in the log", async ({ expect }) => {
    const lines: RequestLogLine[] = [];
    const app = workerWith({}, { log: (line) => lines.push(line) });
    await app.fetch("/v1/forums/1/topics?limit=18");
    const response = await app.fetch("/v1/forums/1/topics?limit=18");
    expect(response.headers.get("Server-Timing")).toMatch(/^edge;dur=\d+, cache;desc="hit"$/);
    expect(lines.at(-1)).toMatchObject({ cache: "hit", upstreamCalls: 0 });
    expect(lines.at(-1)?.cacheTtl).toBeGreaterThan(0);
  });
});

describe("bad configuration", () => {
  it("answers 500 naming the variable, never its value", async ({ expect }) => {
    const cases: [Partial<Env>, string][] = [
      [{ USERECHO_API_TOKEN: "" }, "USERECHO_API_TOKEN"],
      [{ USERECHO_ALIAS: "", USERECHO_BASE_URL: "" }, "USERECHO_ALIAS"],
      [{ USERECHO_BASE_URL: "not a url SECRET-ISH" }, "USERECHO_BASE_URL"],
      [{ CACHE_TTL: "topics=forever" }, "CACHE_TTL"],
      [{ ALLOWED_ORIGINS: "https://ok.com/path" }, "ALLOWED_ORIGINS"],
      [{ VOTING: "sometimes" }, "VOTING"],
    ];
    for (const [vars, variable] of cases) {
      const response = await workerWith(vars).fetch("/v1/forums");
      expect(response.status, variable).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text), variable).toMatchObject({
        type: ProblemType.misconfigured,
        variable,
      });
      expect(text).not.toContain("SECRET-ISH");
      expect(text).not.toContain("forever");
    }
  });

  it("reports a token UserEcho rejects as a misconfigured secret", async ({ expect }) => {
    const response = await workerWith({ USERECHO_API_TOKEN: "revoked-token" }).fetch(
      "/v1/users/top?limit=3",
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ variable: "USERECHO_API_TOKEN" });
    expect(text).not.toContain("revoked-token");
  });
});

describe("abuse", () => {
  it("refuses huge headers with a clear 431 problem", async ({ expect }) => {
    const response = await worker("/v1/forums", { headers: { "X-Padding": "x".repeat(20_000) } });
    expect(response.status).toBe(431);
    expect(response.headers.get("Content-Type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ type: ProblemType.headersTooLarge, status: 431 });
    const normal = await worker("/v1/forums", { headers: { "X-Padding": "x".repeat(2_000) } });
    expect(normal.status).toBe(200);
  });
});

/** A rate-limit binding that allows `limit` calls per key, counted here. */
function countingLimiter(limit: number): RateLimit {
  const counts = new Map<string, number>();
  return {
    async limit({ key }: { key: string }) {
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      return { success: count <= limit };
    },
  } as RateLimit;
}

describe("guessing credentials", () => {
  it("is rate-limited per client IP like any request: 429, not 401, once over", async ({
    expect,
  }) => {
    const app = workerWith({ READ_RATE_LIMITER: countingLimiter(3) });
    const ip = { "CF-Connecting-IP": "203.0.113.90" };
    for (let i = 0; i < 3; i++) {
      expect((await app.fetch("/v1/health", { headers: ip })).status).toBe(200);
    }
    const key = await app.fetch("/v1/health", {
      headers: { ...ip, "X-Api-Key": `guess-${crypto.randomUUID()}` },
    });
    expect(key.status).toBe(429);
    expect(await key.json()).toMatchObject({ type: ProblemType.rateLimited });
    const bearer = await app.fetch("/v1/health", {
      headers: { ...ip, Authorization: "Bearer garbage.garbage.garbage" },
    });
    expect(bearer.status).toBe(429);
  });

  it("charges Cloudflare's client address, whatever X-Forwarded-For the client writes", async ({
    expect,
  }) => {
    const app = workerWith({ READ_RATE_LIMITER: countingLimiter(3) });
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      const response = await app.fetch("/v1/health", {
        headers: {
          "CF-Connecting-IP": "203.0.113.92",
          "X-Forwarded-For": `198.51.100.${i + 1}`,
          "X-Real-IP": `198.51.100.${i + 1}`,
        },
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    // And a header naming the limited address does not pull another client into its bucket.
    const other = await app.fetch("/v1/health", {
      headers: { "CF-Connecting-IP": "203.0.113.93", "X-Forwarded-For": "203.0.113.92" },
    });
    expect(other.status).toBe(200);
  });

  it("charges an IPv6 client by its /64, not by each of its addresses", async ({ expect }) => {
    const app = workerWith({ READ_RATE_LIMITER: countingLimiter(3) });
    const statuses = [];
    for (let i = 1; i <= 5; i++) {
      const response = await app.fetch("/v1/health", {
        headers: {
          "CF-Connecting-IP": `2001:db8:77:1::${i.toString(16)}:${crypto.randomUUID().slice(0, 4)}`,
        },
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const neighbour = await app.fetch("/v1/health", {
      headers: { "CF-Connecting-IP": "2001:db8:77:2::1" },
    });
    expect(neighbour.status).toBe(200);
  });

  it("counts every refused key against the client's IP", async ({ expect }) => {
    const app = workerWith({ READ_RATE_LIMITER: countingLimiter(3) });
    const ip = { "CF-Connecting-IP": "203.0.113.91" };
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      const response = await app.fetch("/v1/health", {
        headers: { ...ip, "X-Api-Key": `guess-${i}-${crypto.randomUUID()}` },
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // A real partner is limited per key, not by the IP's bad guesses.
    const partner = await app.fetch("/v1/health", {
      headers: { ...ip, "X-Api-Key": credentials.partnerKey },
    });
    expect(partner.status).toBe(200);
  });

  it("refuses a partner key sent with a bearer token: neither rides on the other", async ({
    expect,
  }) => {
    const response = await worker("/v1/forums/1/topics", {
      headers: { "X-Api-Key": credentials.partnerKey, Authorization: "Bearer junk" },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      type: ProblemType.invalidParameter,
      parameter: "Authorization",
    });
  });

  it("refuses a site token whose sub holds a control character", async ({ expect }) => {
    for (const sub of ["ada\u0000admin", "line\nbreak", "del\u007f"]) {
      const response = await worker("/v1/sso/link", {
        method: "POST",
        headers: {
          Authorization: `Bearer ${await siteToken({ sub })}`,
          "Content-Type": "application/json",
          Origin: "https://site.example",
        },
        body: "{}",
      });
      expect(response.status, JSON.stringify(sub)).toBe(401);
    }
  });
});
