import { ApiError } from "../errors/index.ts";
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
 * Freshness, revalidation and request coalescing on top of an {@link EntryStore}.
 *
 * Coalescing is per isolate: while one call for a key is under way, every other request for the
 * same key awaits that call instead of making its own. The promise settles with plain data, so
 * sharing it across requests is safe in workerd.
 */
export class EdgeCache {
  readonly #store: EntryStore;
  readonly #inflight = new Map<string, Promise<CachedEntry>>();

  constructor(store: EntryStore) {
    this.#store = store;
  }

  async serve(
    key: string,
    policy: FreshnessPolicy,
    produce: () => Promise<CachedEntry>,
    waitUntil: (promise: Promise<unknown>) => void,
  ): Promise<CacheResult> {
    const inflight = this.#inflight.get(key);
    if (inflight) return { entry: await inflight, outcome: { kind: "miss", collapsed: true } };

    const cached = await this.#store.get(key).catch(() => undefined);
    if (!cached) {
      const collapsed = this.#inflight.has(key);
      const entry = await this.#refresh(key, policy, produce, waitUntil);
      return { entry, outcome: collapsed ? { kind: "miss", collapsed } : { kind: "miss" } };
    }

    const age = ageSeconds(cached);
    const ttl = policy.freshSeconds - age;
    if (ttl > 0) return { entry: cached, outcome: { kind: "hit", age, ttl } };

    if (age < policy.freshSeconds + policy.revalidateSeconds) {
      waitUntil(this.#refresh(key, policy, produce, waitUntil).catch(() => undefined));
      return { entry: cached, outcome: { kind: "stale", age, ttl, reason: "revalidating" } };
    }

    try {
      return {
        entry: await this.#refresh(key, policy, produce, waitUntil),
        outcome: { kind: "miss" },
      };
    } catch (error) {
      if (!isUpstreamFailure(error) || age >= policy.staleIfErrorSeconds) throw error;
      return {
        entry: cached,
        outcome: { kind: "stale", age, ttl, reason: "upstream-error", fwdStatus: error.status },
      };
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
    if (existing) return existing;
    const call = produce();
    this.#inflight.set(key, call);
    const settle = call
      .then((entry) => this.#store.put(key, entry, policy.staleIfErrorSeconds))
      .catch(() => undefined)
      // Only forget the call once the entry is readable from the store, so a request arriving
      // in between neither misses nor calls upstream again.
      .finally(() => {
        if (this.#inflight.get(key) === call) this.#inflight.delete(key);
      });
    waitUntil(settle);
    return call;
  }
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
 * failed, so nothing was stored.
 */
export function cacheStatus(outcome: CacheOutcome | { kind: "bypass" }, stored = true): string {
  const name = "userecho-edge";
  switch (outcome.kind) {
    case "hit":
      return `${name}; hit; ttl=${outcome.ttl}`;
    case "miss":
      if (outcome.collapsed) return `${name}; fwd=miss; collapsed`;
      return stored ? `${name}; fwd=miss; stored` : `${name}; fwd=miss`;
    case "stale":
      return outcome.reason === "revalidating"
        ? `${name}; fwd=stale; ttl=${outcome.ttl}; detail=revalidating`
        : `${name}; fwd=stale; fwd-status=${outcome.fwdStatus ?? 502}; ttl=${outcome.ttl}; detail=upstream-error`;
    case "bypass":
      return `${name}; fwd=bypass`;
  }
}
