/**
 * Control API under `/__emulator/` (no auth, never under `/api`): request and write counters
 * that tests read to prove what the worker sent upstream (or that a cache hit sent nothing),
 * and a reset that also puts the seed data back.
 */
import { Hono, type MiddlewareHandler } from "hono";
import { failure } from "./envelope.ts";

/** Path prefix of the control API. */
export const CONTROL_PREFIX = "/__emulator";

/** What a write changed: `users` are SSO users created or updated by a token. */
export type WriteKind = "topics" | "comments" | "votes" | "users";

export interface StatsSnapshot {
  /** Every request the emulator answered outside the control API. */
  readonly requests: number;
  /** Counts per `"<METHOD> <path without query>"`, e.g. `"GET /api/v2/forums.json"`. */
  readonly byPath: Readonly<Record<string, number>>;
  /** Writes applied (failed write requests are counted in `byPath` only). */
  readonly writes: Readonly<Record<WriteKind, number>>;
}

const NO_WRITES: Readonly<Record<WriteKind, number>> = {
  topics: 0,
  comments: 0,
  votes: 0,
  users: 0,
};

/** Mutable request counters; one instance per app. */
export class RequestStats {
  #requests = 0;
  readonly #byPath = new Map<string, number>();
  #writes = { ...NO_WRITES };

  record(method: string, path: string): void {
    const key = `${method} ${path}`;
    this.#requests++;
    this.#byPath.set(key, (this.#byPath.get(key) ?? 0) + 1);
  }

  recordWrite(kind: WriteKind): void {
    this.#writes[kind]++;
  }

  reset(): void {
    this.#requests = 0;
    this.#byPath.clear();
    this.#writes = { ...NO_WRITES };
  }

  snapshot(): StatsSnapshot {
    return {
      requests: this.#requests,
      byPath: Object.fromEntries(this.#byPath),
      writes: { ...this.#writes },
    };
  }
}

/** Counts each request before anything else (faults included) can answer it. */
export function countRequests(stats: RequestStats): MiddlewareHandler {
  return async function countRequests(c, next) {
    stats.record(c.req.method, new URL(c.req.url).pathname);
    await next();
  };
}

/**
 * `GET /stats` → {@link StatsSnapshot}; `POST /reset` → zeroes the counters, calls `onReset`
 * (the app restores the seed data there) and returns the empty snapshot. Mount at
 * {@link CONTROL_PREFIX}.
 */
export function controlRoutes(stats: RequestStats, onReset: () => void = () => {}): Hono {
  const control = new Hono();
  control.get("/stats", (c) => c.json(stats.snapshot()));
  control.post("/reset", (c) => {
    stats.reset();
    onReset();
    return c.json(stats.snapshot());
  });
  // Answer unknown control paths here, so they are never counted as API traffic.
  control.all("*", (c) => c.json(failure("Unknown control endpoint"), 404));
  return control;
}
