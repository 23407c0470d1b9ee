import { DurableObject } from "cloudflare:workers";

/** A stored outcome of a write: replayed as is to a retry. */
export interface RecordedResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export type BeginResult =
  | { state: "new" }
  | { state: "done"; response: RecordedResponse }
  | { state: "pending" }
  | { state: "mismatch" };

interface Entry {
  fingerprint: string;
  startedAt: number;
  response?: RecordedResponse;
}

/** How long a key is remembered (the IETF idempotency-key draft suggests at least 24 h). */
const KEEP_MS = 24 * 3600 * 1000;
/** A write that never completed (the isolate died) stops blocking its key after this. */
const PENDING_MS = 60 * 1000;

/**
 * One Durable Object per (user, Idempotency-Key): its input gate serialises `begin` calls, so of
 * two concurrent retries exactly one gets `new` and performs the upstream write, wherever in the
 * world they arrive. The outcome is kept for 24 h and replayed to later retries.
 */
export class IdempotencyLedger extends DurableObject<Env> {
  async begin(fingerprint: string): Promise<BeginResult> {
    const entry = await this.ctx.storage.get<Entry>("entry");
    const now = Date.now();
    if (entry && now - entry.startedAt < KEEP_MS) {
      if (entry.fingerprint !== fingerprint) return { state: "mismatch" };
      if (entry.response) return { state: "done", response: entry.response };
      if (now - entry.startedAt < PENDING_MS) return { state: "pending" };
    }
    await this.ctx.storage.put<Entry>("entry", { fingerprint, startedAt: now });
    await this.ctx.storage.setAlarm(now + KEEP_MS);
    return { state: "new" };
  }

  async complete(response: RecordedResponse): Promise<void> {
    const entry = await this.ctx.storage.get<Entry>("entry");
    if (entry) await this.ctx.storage.put<Entry>("entry", { ...entry, response });
  }

  /** The write failed in a way a retry may fix: forget the key. */
  async abandon(): Promise<void> {
    await this.ctx.storage.delete("entry");
  }

  override async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }
}
