/**
 * What the ledger keeps per (scope, Idempotency-Key), and what a new request with that key may
 * do. Free of Durable Object APIs, so that its rules can be tested (and mutation-tested) on
 * their own.
 */

/** A stored outcome of a write: replayed as is to a retry. */
export interface RecordedResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export interface Entry {
  fingerprint: string;
  startedAt: number;
  response?: RecordedResponse;
  /** The write reached UserEcho and nobody knows what became of it. */
  unknown?: true;
}

export type BeginResult =
  | { state: "new" }
  | { state: "done"; response: RecordedResponse }
  | { state: "pending" }
  | { state: "mismatch" }
  | { state: "unknown" };

/** How long a key is remembered (the IETF idempotency-key draft suggests at least 24 h). */
export const KEEP_MS = 24 * 3600 * 1000;
/** How long a write may run before a retry stops waiting for it to finish. */
export const PENDING_MS = 60 * 1000;

/**
 * What a request with `fingerprint` may do, given what the key holds at `now`. Only `new` sends
 * the write. A write that never finished is not sent again once it is no longer pending: its
 * isolate may have died after sending it, and only UserEcho knows whether it did.
 */
export function decide(entry: Entry | undefined, fingerprint: string, now: number): BeginResult {
  if (entry === undefined || now - entry.startedAt >= KEEP_MS) return { state: "new" };
  if (entry.fingerprint !== fingerprint) return { state: "mismatch" };
  if (entry.response) return { state: "done", response: entry.response };
  if (entry.unknown || now - entry.startedAt >= PENDING_MS) return { state: "unknown" };
  return { state: "pending" };
}
