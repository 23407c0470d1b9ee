import { Hono } from "hono";
import { describe, it } from "vitest";
import type { AppEnv } from "../../src/env.ts";
import { problemResponse } from "../../src/errors/index.ts";
import {
  addressBucket,
  clientIp,
  keyHolderKey,
  rateLimit,
  userKey,
  type RateLimitOptions,
} from "../../src/middleware/rate-limit/index.ts";

/** The bucket the per-IP limit would charge for a request with these headers. */
async function bucketOf(headers: Record<string, string>): Promise<string> {
  const app = new Hono<AppEnv>().get("/", (c) => c.text(clientIp(c)));
  return (await app.request("/", { headers })).text();
}

describe("the per-IP rate-limit bucket", () => {
  it("is Cloudflare's client address; headers the client writes do not choose it", async ({
    expect,
  }) => {
    const cloudflare = { "CF-Connecting-IP": "203.0.113.7" };
    expect(await bucketOf(cloudflare)).toBe("ip:203.0.113.7");
    for (const chosen of [
      { "X-Forwarded-For": "198.51.100.1" },
      { "X-Forwarded-For": "198.51.100.2, 203.0.113.7" },
      { "X-Real-IP": "198.51.100.3" },
      { "True-Client-IP": "198.51.100.4" },
      { Forwarded: "for=198.51.100.5" },
    ]) {
      expect(await bucketOf({ ...cloudflare, ...chosen }), JSON.stringify(chosen)).toBe(
        "ip:203.0.113.7",
      );
    }
    // Without Cloudflare's header every client shares one bucket, whatever else it sends.
    expect(await bucketOf({ "X-Forwarded-For": "198.51.100.1" })).toBe("ip:unknown");
  });

  it("keys an IPv6 client on its /64, so a subscriber cannot take a bucket per address", ({
    expect,
  }) => {
    const bucket = "2001:db8:85a3:8d3::/64";
    for (const address of [
      "2001:db8:85a3:8d3:1319:8a2e:370:7348",
      "2001:0db8:85a3:08d3:0000:0000:0000:0001",
      "2001:DB8:85A3:8D3::1",
      "2001:db8:85a3:8d3::",
      " 2001:db8:85a3:8d3:ffff:ffff:ffff:ffff ",
    ]) {
      expect(addressBucket(address), address).toBe(bucket);
    }
    expect(addressBucket("2001:db8:85a3:8d4::1")).toBe("2001:db8:85a3:8d4::/64");
    expect(addressBucket("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressBucket("::1")).toBe("0:0:0:0::/64");
    expect(addressBucket("fe80:1:2:3:4::")).toBe("fe80:1:2:3::/64");
    // `::` standing for a single zero group.
    expect(addressBucket("2001:db8:1:2:3:4::5")).toBe("2001:db8:1:2::/64");
  });

  it("keys IPv4 (mapped into IPv6 too) on the address itself", ({ expect }) => {
    expect(addressBucket("203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("203.0.113.8")).not.toBe(addressBucket("203.0.113.7"));
  });

  it("keys what does not parse as an address on the text itself", ({ expect }) => {
    for (const text of [
      "2001:db8::1::2",
      "2001:db8:1:2:3:4:5:6:7",
      "2001:db8:1:2:3:4:5",
      "2001:db8:1:2:3:4:5:6::",
      "2001:db8:1:2:3:4:5::6:7",
      "2001:db8:zz::1",
      "2001:db8:12345::1",
      "::ffff:1.2.3",
    ]) {
      expect(addressBucket(text), text).toBe(text);
    }
  });
});

describe("rateLimit", () => {
  /**
   * An app limited by `key`, against a limit of two per bucket. The binding stands in for
   * Workers' rate limiter, which only workerd has (the worker's own tests use the real one).
   */
  function limitedApp(key: RateLimitOptions["key"]) {
    const counts = new Map<string, number>();
    const asked: string[] = [];
    const binding = {
      async limit({ key }: { key: string }) {
        asked.push(key);
        counts.set(key, (counts.get(key) ?? 0) + 1);
        return { success: counts.get(key)! <= 2 };
      },
    } as RateLimit;
    const app = new Hono<AppEnv>();
    app.onError((error) => problemResponse(error));
    app.use("*", async (c, next) => {
      const who = c.req.header("X-Who");
      c.set("keyHolder", who ? { role: "partner", id: who } : undefined);
      c.set("identity", who ? { subject: who, name: who, expiresAt: 0 } : undefined);
      await next();
    });
    app.use("*", rateLimit({ binding: () => binding, key }));
    app.get("/", (c) => c.text("ok"));
    return { app, asked };
  }

  it("answers 429 with Retry-After once a bucket is over its limit", async ({ expect }) => {
    const { app, asked } = limitedApp(keyHolderKey);
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await app.request("/", { headers: { "X-Who": "acme" } })).status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await app.request("/", { headers: { "X-Who": "acme" } });
    expect(limited.headers.get("Retry-After")).toBe("60");
    expect((await app.request("/", { headers: { "X-Who": "other" } })).status).toBe(200);
    expect(asked.slice(0, 2)).toEqual(["partner:acme", "partner:acme"]);
    // A request the key function does not key is not counted at all.
    expect((await app.request("/")).status).toBe(200);
    expect(asked).not.toContain(undefined);
    expect(asked).toHaveLength(5);
  });

  it("keys users by their subject", async ({ expect }) => {
    const { app, asked } = limitedApp(userKey);
    await app.request("/", { headers: { "X-Who": "ada" } });
    await app.request("/");
    expect(asked).toEqual(["user:ada"]);
  });

  it("answers with a problem naming the limit", async ({ expect }) => {
    const { app } = limitedApp(() => "one bucket");
    await app.request("/");
    await app.request("/");
    const response = await app.request("/");
    expect(response.status).toBe(429);
    expect(await response.json()).toMatchObject({ status: 429, title: "Too many requests" });
  });
});
