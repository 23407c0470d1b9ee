/**
 * Cache generations. Every cache key of a forum (or of a topic) includes its current generation;
 * a write bumps it, so the next read misses and shows the change, with no need to find and purge
 * the old keys (they simply age out).
 *
 * The number lives in KV when a namespace is bound (global) and in the Cache API otherwise (per
 * location). Each isolate remembers what it read for a second, so a busy board costs at most one
 * generation lookup per second per isolate; the isolate that writes sees its own bump at once.
 */
const MEMO_MS = 1_000;
const GENERATION_KEY_BASE = "https://edge-cache.internal/generation/";
const KEEP_SECONDS = 30 * 24 * 3600;

export interface GenerationMemo {
  value: number;
  until: number;
}

export class Generations {
  readonly #cache: Cache;
  readonly #kv: KVNamespace | undefined;
  readonly #memo: Map<string, GenerationMemo>;

  /** @param memo what this isolate read lately; one map per isolate, shared by every request. */
  constructor(cache: Cache, kv?: KVNamespace, memo: Map<string, GenerationMemo> = new Map()) {
    this.#cache = cache;
    this.#kv = kv;
    this.#memo = memo;
  }

  async get(scope: string): Promise<number> {
    const memo = this.#memo.get(scope);
    if (memo && memo.until > Date.now()) return memo.value;
    const value = await this.#read(scope).catch(() => 0);
    this.#memo.set(scope, { value, until: Date.now() + MEMO_MS });
    return value;
  }

  /** Moves the scope to a new generation; returns it. */
  async bump(scope: string): Promise<number> {
    // Time-based values never go backwards across isolates, unlike a read-increment-write.
    const value = Math.max(Date.now(), (await this.#read(scope).catch(() => 0)) + 1);
    this.#memo.set(scope, { value, until: Date.now() + MEMO_MS });
    await Promise.all([
      this.#cache.put(
        GENERATION_KEY_BASE + encodeURIComponent(scope),
        new Response(String(value), { headers: { "Cache-Control": `max-age=${KEEP_SECONDS}` } }),
      ),
      this.#kv?.put(`generation:${scope}`, String(value), { expirationTtl: KEEP_SECONDS }),
    ]);
    return value;
  }

  async #read(scope: string): Promise<number> {
    const fromKv = this.#kv ? await this.#kv.get(`generation:${scope}`) : null;
    if (fromKv !== null) return Number(fromKv) || 0;
    const response = await this.#cache.match(GENERATION_KEY_BASE + encodeURIComponent(scope));
    return response ? Number(await response.text()) || 0 : 0;
  }
}
