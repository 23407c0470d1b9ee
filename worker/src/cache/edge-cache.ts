import { ApiError, UpstreamTimeoutError } from "../errors/index.ts";
import { ageSeconds, type CachedEntry } from "./entry.ts";
import type { EntryStore } from "./store.ts";

/** How long an entry is served as is, served while revalidating, and kept for bad days. */
export interface FreshnessPolicy {
  /** Served directly. */
  freshSeconds: number;
  /** After `freshSeconds`, served at once while a background call refreshes it. */
  revalidateSeconds: number;
  /** While the upstream fails, served up to this age. Also how long stores keep the bytes. */
  staleIfErrorSeconds: number;
}

/** What the cache did, in the words of RFC 9211's `Cache-Status`. */
export type CacheOutcome =
  | { kind: "hit"; age: number; ttl: number }
  | { kind: "miss"; collapsed?: boolean }
  | {
      kind: "stale";
      age: number;
      ttl: number;
      reason: "revalidating" | "upstream-error";
      fwdStatus?: number;
    };

export interface CacheResult {
  entry: CachedEntry;
  outcome: CacheOutcome;
}

/**
 * A fetch of one key under way in this isolate. Plain data only: requests that join it poll
 * these fields from their own context instead of awaiting the fetching request's promise, since
 * in workerd a continuation of another request's promise can end up doing its I/O in that
 * request's context ("Cannot perform I/O on behalf of a different request", seen under load).
 */
export interface Flight {
  readonly startedAt: number;
  done: boolean;
  entry?: CachedEntry;
  error?: unknown;
}

/** How long a joining request waits for another one's fetch before giving up on it. */
const JOIN_TIMEOUT_MS = 20_000;
const JOIN_POLL_MS = 5;

/**
 * Freshness, revalidation and request coalescing on top of an {@link EntryStore}.
 *
 * Coalescing is per isolate: while one request fetches a key, every other request for the same
 * key waits for that fetch's result instead of calling upstream itself.
 */
export class EdgeCache {
  readonly #store: EntryStore;
  readonly #inflight: Map<string, Flight>;

  /**
   * @param inflight the fetches under way; pass the isolate's one map to a cache made per
   *   request, so that requests coalesce however their `env` was wrapped.
   */
  constructor(store: EntryStore, inflight: Map<string, Flight> = new Map()) {
    this.#store = store;
    this.#inflight = inflight;
  }

  async serve(
    key: string,
    policy: FreshnessPolicy,
    produce: () => Promise<CachedEntry>,
    waitUntil: (promise: Promise<unknown>) => void,
    { refreshWithinSeconds }: { refreshWithinSeconds?: number | undefined } = {},
  ): Promise<CacheResult> {
    const flight = this.#inflight.get(key);
    if (flight) return { entry: await join(flight), outcome: { kind: "miss", collapsed: true } };

    const cached = await this.#store.get(key).catch(() => undefined);
    if (!cached) {
      const collapsed = this.#inflight.has(key);
      const entry = await this.#refresh(key, policy, produce, waitUntil);
      return { entry, outcome: collapsed ? { kind: "miss", collapsed } : { kind: "miss" } };
    }

    const age = ageSeconds(cached);
    const ttl = policy.freshSeconds - age;
    // The warm-up: an entry about to turn stale is fetched again now, not by a visitor later.
    const refreshNow = refreshWithinSeconds !== undefined && ttl <= refreshWithinSeconds;
    if (!refreshNow && ttl > 0) return { entry: cached, outcome: { kind: "hit", age, ttl } };

    if (!refreshNow && age < policy.freshSeconds + policy.revalidateSeconds) {
      // One background refresh per key: when one is under way, there is nothing to add.
      if (!this.#inflight.has(key)) {
        waitUntil(
          this.#refresh(key, policy, produce, waitUntil).catch((error: unknown) =>
            this.#forgetIfGone(key, error),
          ),
        );
      }
      return { entry: cached, outcome: { kind: "stale", age, ttl, reason: "revalidating" } };
    }

    try {
      return {
        entry: await this.#refresh(key, policy, produce, waitUntil),
        outcome: { kind: "miss" },
      };
    } catch (error) {
      await this.#forgetIfGone(key, error);
      // A 404 is never covered by a stale copy: what is gone or hidden must stop showing.
      if (!isUpstreamFailure(error) || age >= policy.staleIfErrorSeconds) throw error;
      return {
        entry: cached,
        outcome: { kind: "stale", age, ttl, reason: "upstream-error", fwdStatus: error.status },
      };
    }
  }

  /**
   * A refresh that finds the thing gone or hidden (404) evicts the entry from every tier, so no
   * later request, and no stale-if-error, serves it again.
   */
  async #forgetIfGone(key: string, error: unknown): Promise<void> {
    if (error instanceof ApiError && error.status === 404) {
      await this.#store.delete(key).catch(() => undefined);
    }
  }

  /** One upstream call per key at a time; the store write happens after the response. */
  #refresh(
    key: string,
    policy: FreshnessPolicy,
    produce: () => Promise<CachedEntry>,
    waitUntil: (promise: Promise<unknown>) => void,
  ): Promise<CachedEntry> {
    const existing = this.#inflight.get(key);
    if (existing) return join(existing);
    const flight: Flight = { startedAt: Date.now(), done: false };
    this.#inflight.set(key, flight);
    const call = produce().then(
      (entry) => {
        Object.assign(flight, { entry, done: true });
        return entry;
      },
      (error: unknown) => {
        Object.assign(flight, { error, done: true });
        throw error;
      },
    );
    waitUntil(
      call
        .then((entry) => this.#store.put(key, entry, policy.staleIfErrorSeconds))
        .catch(() => undefined)
        // Only forget the flight once the entry is readable from the store, so a request
        // arriving in between neither misses nor calls upstream again.
        .finally(() => {
          if (this.#inflight.get(key) === flight) this.#inflight.delete(key);
        }),
    );
    return call;
  }
}

/** Waits, in the caller's own context, for another request's fetch to finish. */
async function join(flight: Flight): Promise<CachedEntry> {
  while (!flight.done) {
    if (Date.now() - flight.startedAt > JOIN_TIMEOUT_MS) {
      throw new UpstreamTimeoutError(JOIN_TIMEOUT_MS);
    }
    await new Promise((resolve) => setTimeout(resolve, JOIN_POLL_MS));
  }
  if (flight.error !== undefined) throw flight.error;
  return flight.entry!;
}

/** Failures that stale content may cover for: the upstream is down, slow or misbehaving. */
function isUpstreamFailure(error: unknown): error is ApiError {
  return (
    error instanceof ApiError &&
    (error.status === 502 || error.status === 503 || error.status === 504)
  );
}

/**
 * RFC 9211 `Cache-Status` value for an outcome. `stored` is false when the forwarded request
 * failed, so nothing was stored. No `ttl`: how long ago someone else asked the same is nobody's
 * business (the request log keeps it).
 */
export function cacheStatus(outcome: CacheOutcome | { kind: "bypass" }, stored = true): string {
  const name = "userecho-edge";
  switch (outcome.kind) {
    case "hit":
      return `${name}; hit`;
    case "miss":
      if (outcome.collapsed) return `${name}; fwd=miss; collapsed`;
      return stored ? `${name}; fwd=miss; stored` : `${name}; fwd=miss`;
    case "stale":
      return outcome.reason === "revalidating"
        ? `${name}; fwd=stale; detail=revalidating`
        : `${name}; fwd=stale; fwd-status=${outcome.fwdStatus ?? 502}; detail=upstream-error`;
    case "bypass":
      return `${name}; fwd=bypass`;
  }
}
