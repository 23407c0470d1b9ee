import { MisconfiguredError } from "../errors/index.ts";

/** A partner, as logs and rate limits know it: by id, never by key. */
export interface Partner {
  readonly id: string;
}

const KV_PREFIX = "partner-key:";
const HEX_SHA256 = /^[0-9a-f]{64}$/;
const parsed = new WeakMap<object, ReadonlyMap<string, string>>();

/**
 * Finds the partner an `X-Api-Key` belongs to. Keys are stored only as SHA-256 hashes, in the
 * `PARTNER_KEYS` secret (`id:hex,id:hex`) or in the `PARTNER_KV` namespace
 * (`partner-key:<hex>` → id), so neither a leaked config nor a KV dump yields a usable key.
 */
export async function findPartner(env: Env, key: string): Promise<Partner | undefined> {
  if (key.length < 16 || key.length > 256) return undefined;
  const hash = await sha256Hex(key);
  const fromSecret = partnerKeys(env).get(hash);
  if (fromSecret) return { id: fromSecret };
  const fromKv = await env.PARTNER_KV?.get(KV_PREFIX + hash);
  return fromKv ? { id: fromKv } : undefined;
}

export async function sha256Hex(value: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(value));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function partnerKeys(env: Env): ReadonlyMap<string, string> {
  let map = parsed.get(env);
  if (map) return map;
  const entries = new Map<string, string>();
  for (const part of (env.PARTNER_KEYS ?? "").split(",")) {
    if (part.trim() === "") continue;
    const [id, hash] = part.split(":").map((s) => s.trim());
    if (!id || !/^[A-Za-z0-9_.-]{1,64}$/.test(id) || !hash || !HEX_SHA256.test(hash)) {
      throw new MisconfiguredError("PARTNER_KEYS", "expects id:sha256-hex pairs, comma-separated");
    }
    entries.set(hash, id);
  }
  map = entries;
  parsed.set(env, map);
  return map;
}
