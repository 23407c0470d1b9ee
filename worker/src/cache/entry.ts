/** A response as the edge cache keeps it: plain data, so it can be shared across requests. */
export interface CachedEntry {
  status: number;
  /** The JSON body, serialised once. */
  body: string;
  /** Strong validator of `body`. */
  etag: string;
  /** Extra headers that belong to the representation, e.g. `Link`. */
  headers: Record<string, string>;
  /** When the upstream answer was received (ms since epoch). Freshness is counted from here. */
  storedAt: number;
}

export async function createEntry(
  body: string,
  headers: Record<string, string> = {},
  now = Date.now(),
): Promise<CachedEntry> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body));
  const etag = `"${base64url(new Uint8Array(digest).slice(0, 18))}"`;
  return { status: 200, body, etag, headers, storedAt: now };
}

/**
 * "Not there", cached like an answer (`CachedRouteOptions.negative`). It carries no body: the
 * 404 it stands for is rendered like any other (errors/index.ts), so it reads the same.
 */
export function negativeEntry(now = Date.now()): CachedEntry {
  return { status: 404, body: "", etag: '"404"', headers: {}, storedAt: now };
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

const parsedBodies = new WeakMap<CachedEntry, unknown>();
const encodedBodies = new WeakMap<CachedEntry, Uint8Array>();

/**
 * The entry's body as a value, parsed once per entry and isolate: code that reads a cached
 * representation (the visible forums, a topic's forum) does so on every request. Shared, so
 * read-only.
 */
export function parsedBody<T>(entry: CachedEntry): T {
  let parsed = parsedBodies.get(entry);
  if (parsed === undefined) {
    parsed = JSON.parse(entry.body);
    parsedBodies.set(entry, parsed);
  }
  return parsed as T;
}

/** The body as UTF-8, encoded once per entry: a Response copies bytes faster than it encodes. */
export function encodedBody(entry: CachedEntry): Uint8Array {
  let bytes = encodedBodies.get(entry);
  if (!bytes) {
    bytes = new TextEncoder().encode(entry.body);
    encodedBodies.set(entry, bytes);
  }
  return bytes;
}

/** Seconds since the entry was stored. */
export function ageSeconds(entry: CachedEntry, now = Date.now()): number {
  return Math.max(0, Math.floor((now - entry.storedAt) / 1000));
}
