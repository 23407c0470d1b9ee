import { describe, it } from "vitest";
import { Hono } from "hono/tiny";
import { Health, type Route, VoteRequest } from "@userecho-edge/shared";
import type { AppEnv } from "../../src/env.ts";
import { mountRoutes } from "../../src/api/mount.ts";
import { siteToken, workerWith } from "../support/index.ts";

/**
 * What a declaration's flags do by themselves (api/mount.ts): routes declared here, not in
 * shared/src/routes.ts, whose handlers do nothing about the cache or Idempotency-Key.
 */
const success = { status: 200, description: "Test", schema: Health } as const;
const testRoutes = {
  cachedRead: {
    operationId: "cachedRead",
    method: "get",
    path: "/v1/test/cached",
    summary: "A cached read",
    description: "Declared cached; its handler only says how to key and produce it.",
    tags: ["service"],
    auth: "read",
    cached: "item",
    success,
  },
  idempotentWrite: {
    operationId: "idempotentWrite",
    method: "post",
    path: "/v1/test/writes",
    summary: "An idempotent write",
    description: "Declared idempotent; its handler never calls idempotent() itself.",
    tags: ["service"],
    auth: "user",
    idempotent: true,
    body: VoteRequest,
    success: { ...success, status: 201 },
  },
} as const satisfies Readonly<Record<string, Route>>;

function testWorker(run: string) {
  const calls = { produced: 0, written: 0 };
  const routes = new Hono<AppEnv>();
  mountRoutes(routes, testRoutes, {
    cachedRead: () => ({
      // A key of this test's own: the isolate's cache outlives a test.
      cache: { route: "forums", params: { test: run } },
      produce: async () => ({ body: { produced: ++calls.produced } }),
    }),
    idempotentWrite: (_c, { body }) => ({
      action: `test-writes:${run}`,
      perform: async (send) => {
        const written = await send(async () => ++calls.written);
        return {
          status: 201,
          body: JSON.stringify({ written, value: body.value }),
          headers: { Location: `/v1/test/writes/${written}` },
        };
      },
    }),
  });
  return { app: workerWith({}, { extraRoutes: routes }), calls };
}

describe("mountRoutes applies what a declaration says", () => {
  it("serves a `cached` route through the edge cache: ETag, Cache-Status, 304", async ({
    expect,
  }) => {
    const { app, calls } = testWorker(crypto.randomUUID());
    const first = await app.fetch("/v1/test/cached");
    expect(first.status).toBe(200);
    expect(first.headers.get("Cache-Status")).toMatch(/fwd=miss/);
    expect(first.headers.get("Cache-Control")).toBe("public, no-cache");
    const etag = first.headers.get("ETag");
    expect(etag).toBeTruthy();
    expect(await first.json()).toEqual({ produced: 1 });

    const second = await app.fetch("/v1/test/cached");
    expect(second.headers.get("Cache-Status")).toMatch(/; hit$/);
    expect(second.headers.get("ETag")).toBe(etag);
    expect(await second.json()).toEqual({ produced: 1 });

    const revalidated = await app.fetch("/v1/test/cached", {
      headers: { "If-None-Match": etag! },
    });
    expect(revalidated.status).toBe(304);
    expect(calls.produced).toBe(1);
  });

  it("replays an `idempotent` route's write for the same Idempotency-Key", async ({ expect }) => {
    const { app, calls } = testWorker(crypto.randomUUID());
    const token = await siteToken({ sub: `ada-${crypto.randomUUID()}` });
    const post = (body: unknown, key: string) =>
      app.fetch("/v1/test/writes", {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Authorization: `Bearer ${token}`,
          Origin: "https://site.example",
          "Idempotency-Key": key,
        },
        body: JSON.stringify(body),
      });
    const key = crypto.randomUUID();

    const first = await post({ value: 1 }, key);
    expect(first.status).toBe(201);
    expect(first.headers.get("Idempotent-Replayed")).toBeNull();
    expect(first.headers.get("Cache-Control")).toBe("private, no-store");
    const written = await first.json();

    const retry = await post({ value: 1 }, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    expect(retry.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(await retry.json()).toEqual(written);
    expect(calls.written).toBe(1);

    // The same key with another body is refused; another key writes again.
    expect((await post({ value: -1 }, key)).status).toBe(422);
    expect((await post({ value: 1 }, crypto.randomUUID())).status).toBe(201);
    expect(calls.written).toBe(2);
  });

  it("guards a route as its declaration's `auth` says (shared/src/guards.ts)", async ({
    expect,
  }) => {
    const { app, calls } = testWorker(crypto.randomUUID());
    const anonymous = await app.fetch("/v1/test/writes", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: "https://site.example" },
      body: JSON.stringify({ value: 1 }),
    });
    expect(anonymous.status).toBe(401);
    const token = await siteToken({ sub: `ada-${crypto.randomUUID()}` });
    const foreign = await app.fetch("/v1/test/writes", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Authorization: `Bearer ${token}`,
        Origin: "https://evil.example",
      },
      body: JSON.stringify({ value: 1 }),
    });
    expect(foreign.status).toBe(403);
    const text = await app.fetch("/v1/test/writes", {
      method: "POST",
      headers: {
        "Content-Type": "text/plain",
        Authorization: `Bearer ${token}`,
        Origin: "https://site.example",
      },
      body: JSON.stringify({ value: 1 }),
    });
    expect(text.status).toBe(415);
    expect(calls.written).toBe(0);
  });

  it("refuses, at mount time, a declaration it cannot honour", ({ expect }) => {
    const base = {
      summary: "Misdeclared",
      description: "A declaration the worker cannot honour.",
      tags: ["service"],
      success,
    } as const;
    const cachedWrite = {
      ...base,
      operationId: "cachedWrite",
      method: "post",
      path: "/v1/test/cached-write",
      auth: "user",
      cached: "item",
    } as const satisfies Route;
    expect(() =>
      mountRoutes(
        new Hono<AppEnv>(),
        { cachedWrite },
        {
          cachedWrite: () => ({
            cache: { route: "forums", params: {} },
            produce: async () => ({ body: {} }),
          }),
        },
      ),
    ).toThrow(/only a GET route can be cached/);

    const idempotentRead = {
      ...base,
      operationId: "idempotentRead",
      method: "get",
      path: "/v1/test/idempotent-read",
      auth: "read",
      idempotent: true,
    } as const satisfies Route;
    expect(() =>
      mountRoutes(
        new Hono<AppEnv>(),
        { idempotentRead },
        {
          idempotentRead: () => ({
            action: "x",
            perform: async () => ({ status: 200, body: "", headers: {} }),
          }),
        },
      ),
    ).toThrow(/only a POST route of a signed-in user can be idempotent/);
  });

  it("answers 500 when a handler answers around its declaration (a cast hid it)", async ({
    expect,
  }) => {
    const routes = new Hono<AppEnv>();
    mountRoutes(
      routes,
      { cachedRead: testRoutes.cachedRead },
      {
        cachedRead: ((c: { json: (body: unknown) => Response }) => c.json({})) as never,
      },
    );
    const app = workerWith({}, { extraRoutes: routes });
    const response = await app.fetch("/v1/test/cached");
    expect(response.status).toBe(500);
  });
});
