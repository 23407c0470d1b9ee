/**
 * Fault injection, per test: `POST /__emulator/faults` installs rules, `DELETE` removes them.
 * A rule matches requests by method and path (a substring of the path, `.json` included) and
 * makes the emulator misbehave the way a real upstream does on a bad day.
 *
 * ```json
 * { "match": { "path": "/forums/2/topics" }, "fault": { "kind": "status", "status": 429, "retryAfter": 30 }, "times": 1 }
 * ```
 */
import type { MiddlewareHandler } from "hono";
import { Hono } from "hono";
import { failure } from "./envelope.ts";

export type Fault =
  /** Answer normally, after a delay. */
  | { kind: "latency"; ms: number }
  /**
   * Carry the request out at once, then hold its answer back for `ms`: a write that was made,
   * whose answer the caller may give up waiting for.
   */
  | { kind: "late-answer"; ms: number }
  /** Any status code, with the error envelope; `retryAfter` seconds for 429/503. */
  | { kind: "status"; status: number; retryAfter?: number }
  /** HTTP 200 with a body that is not JSON at all. */
  | { kind: "malformed" }
  /** HTTP 200 with `{"status":"error","message":…}`. */
  | { kind: "envelope-error" }
  /** The real answer, cut in the middle of its JSON. */
  | { kind: "truncated" }
  /** The real list, with one item's `field` replaced by something no schema accepts. */
  | { kind: "corrupt-item"; index?: number; field?: string }
  /**
   * The list UserEcho would send for an empty one, in one of its plausible encodings: `data`
   * null, `{}`, or left out; no `details`.
   */
  | { kind: "empty"; data: "null" | "{}" | "missing" }
  /**
   * A cap on `limit`: pages come `limit` items long at most (paged by the cap), and
   * `details.limit` echoes what was asked, as a careless API would.
   */
  | { kind: "cap"; limit: number }
  /** A query parameter dropped before the request is read: UserEcho ignoring it. */
  | { kind: "ignore"; param: string }
  /** HTTP 200 with this JSON body, whatever was asked: an answer UserEcho should not give. */
  | { kind: "body"; body: unknown }
  /** Headers sent, then the connection drops. */
  | { kind: "reset" }
  /** Headers sent, then nothing: the body never ends. */
  | { kind: "hang" };

export interface FaultRule {
  match: { path?: string; method?: string };
  fault: Fault;
  /** How many matching requests the rule affects; unlimited when absent. */
  times?: number;
}

interface ActiveRule extends FaultRule {
  hits: number;
}

/** A never-ending wait, long enough to outlive any timeout under test. */
const HANG_MS = 10 * 60 * 1000;

export class FaultRegistry {
  #rules: ActiveRule[] = [];

  set(rules: FaultRule[]): void {
    this.#rules = rules.map((rule) => ({ ...rule, hits: 0 }));
  }

  clear(): void {
    this.#rules = [];
  }

  list(): readonly ActiveRule[] {
    return this.#rules;
  }

  /** The fault for this request, counting the hit. */
  take(method: string, path: string): Fault | undefined {
    for (const rule of this.#rules) {
      if (rule.match.method && rule.match.method.toUpperCase() !== method) continue;
      if (rule.match.path && !path.includes(rule.match.path)) continue;
      if (rule.times !== undefined && rule.hits >= rule.times) continue;
      rule.hits += 1;
      return rule.fault;
    }
    return undefined;
  }
}

/** Control routes, mounted under `/__emulator/faults`. */
export function faultRoutes(registry: FaultRegistry): Hono {
  const routes = new Hono();
  routes.get("/", (c) => c.json({ rules: registry.list() }));
  routes.post("/", async (c) => {
    const body = (await c.req.json()) as FaultRule | FaultRule[];
    registry.set(Array.isArray(body) ? body : [body]);
    return c.json({ rules: registry.list() });
  });
  routes.delete("/", (c) => {
    registry.clear();
    return c.json({ rules: [] });
  });
  return routes;
}

/** The middleware that applies the faults, before auth and routing. */
export function injectFaults(registry: FaultRegistry): MiddlewareHandler {
  return async function injectFaultsMiddleware(c, next) {
    const fault = registry.take(c.req.method, new URL(c.req.url).pathname);
    if (!fault) return next();
    switch (fault.kind) {
      case "latency":
        await sleep(fault.ms);
        return next();
      case "late-answer":
        await next();
        await sleep(fault.ms);
        return;
      case "status":
        return c.json(failure(`Injected HTTP ${fault.status}`), fault.status as 500, {
          ...(fault.retryAfter === undefined ? {} : { "Retry-After": String(fault.retryAfter) }),
        });
      case "malformed":
        return c.body("<html><body>502 Bad Gateway</body></html>", 200, {
          "Content-Type": "application/json",
        });
      case "envelope-error":
        return c.json(failure("Injected internal failure"), 200);
      case "truncated": {
        await next();
        const text = await c.res.text();
        c.res = new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), {
          status: 200,
          headers: { "Content-Type": "application/json" },
        });
        return;
      }
      case "corrupt-item": {
        await next();
        const body = (await c.res.json()) as { data?: unknown };
        const item = Array.isArray(body.data) ? body.data[fault.index ?? 0] : undefined;
        if (item && typeof item === "object") {
          (item as Record<string, unknown>)[fault.field ?? "header"] = { not: "valid" };
        }
        c.res = new Response(JSON.stringify(body), {
          status: 200,
          headers: { "Content-Type": "application/json" },
        });
        return;
      }
      case "empty": {
        await next();
        const body = (await c.res.json()) as Record<string, unknown>;
        delete body["details"];
        if (fault.data === "missing") delete body["data"];
        else body["data"] = fault.data === "null" ? null : {};
        c.res = new Response(JSON.stringify(body), {
          status: 200,
          headers: { "Content-Type": "application/json" },
        });
        return;
      }
      case "cap": {
        const url = new URL(c.req.url);
        const asked = Number(url.searchParams.get("limit") ?? 50);
        url.searchParams.set("limit", String(Math.min(asked, fault.limit)));
        c.req.raw = new Request(url, c.req.raw);
        await next();
        const body = (await c.res.json()) as { details?: Record<string, unknown> };
        if (body.details) body.details["limit"] = asked;
        c.res = new Response(JSON.stringify(body), {
          status: c.res.status,
          headers: { "Content-Type": "application/json" },
        });
        return;
      }
      case "ignore": {
        const url = new URL(c.req.url);
        url.searchParams.delete(fault.param);
        c.req.raw = new Request(url, c.req.raw);
        return next();
      }
      case "body":
        return c.json(fault.body as object, 200);
      case "reset":
        return new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"status":"success","data":['));
              controller.error(new Error("connection reset by peer"));
            },
          }),
          { status: 200, headers: { "Content-Type": "application/json" } },
        );
      case "hang":
        return new Response(
          new ReadableStream({
            async start(controller) {
              controller.enqueue(new TextEncoder().encode('{"status":"success",'));
              await sleep(HANG_MS);
              controller.close();
            },
          }),
          { status: 200, headers: { "Content-Type": "application/json" } },
        );
    }
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
