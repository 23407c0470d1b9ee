import { sha256Hex } from "../crypto/sha256.ts";
import { MisconfiguredError } from "../errors/index.ts";

/**
 * Whoever an `X-Api-Key` belongs to, as logs and rate limits know them: by id, never by key. A
 * partner reads; an admin may also purge the cache. Neither is a signed-in user.
 */
export interface KeyHolder {
  readonly role: "partner" | "admin";
  readonly id: string;
}

const PARTNER_KV_PREFIX = "partner-key:";
const HEX_SHA256 = /^[0-9a-f]{64}$/;
const ID = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * Finds who an `X-Api-Key` belongs to. Keys are stored only as SHA-256 hashes: partners' in the
 * `PARTNER_KEYS` secret (`id:hex,id:hex`) or in the `PARTNER_KV` namespace
 * (`partner-key:<hex>` → id), admins' in the `ADMIN_KEYS` secret, so neither a leaked config nor
 * a KV dump yields a usable key.
 */
export async function findKeyHolder(env: Env, key: string): Promise<KeyHolder | undefined> {
  if (key.length < 16 || key.length > 256) return undefined;
  const hash = await sha256Hex(key);
  const admin = hashedKeys(env.ADMIN_KEYS, "ADMIN_KEYS").get(hash);
  if (admin) return { role: "admin", id: admin };
  const partner =
    hashedKeys(env.PARTNER_KEYS, "PARTNER_KEYS").get(hash) ??
    (await env.PARTNER_KV?.get(PARTNER_KV_PREFIX + hash));
  return partner ? { role: "partner", id: partner } : undefined;
}

/** Parsed `id:hex` lists, by the secret's text: the same in every request of an isolate. */
const parsed = new Map<string, ReadonlyMap<string, string>>();

function hashedKeys(secret: string | undefined, name: string): ReadonlyMap<string, string> {
  const text = secret ?? "";
  let map = parsed.get(text);
  if (map) return map;
  const entries = new Map<string, string>();
  for (const part of text.split(",")) {
    if (part.trim() === "") continue;
    const [id, hash] = part.split(":").map((s) => s.trim());
    if (!id || !ID.test(id) || !hash || !HEX_SHA256.test(hash)) {
      throw new MisconfiguredError(name, "expects id:sha256-hex pairs, comma-separated");
    }
    entries.set(hash, id);
  }
  map = entries;
  // Stryker disable next-line CallExpression: a memo; parsing again gives the same map
  parsed.set(text, map);
  return map;
}
