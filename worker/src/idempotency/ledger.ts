import { DurableObject } from "cloudflare:workers";
import { decide, KEEP_MS, type BeginResult, type Entry, type RecordedResponse } from "./entry.ts";

/**
 * One Durable Object per (user, Idempotency-Key): its input gate serialises `begin` calls, so of
 * two concurrent retries exactly one gets `new` and performs the upstream write, wherever in the
 * world they arrive. The outcome is kept for 24 h and replayed to later retries.
 */
export class IdempotencyLedger extends DurableObject<Env> {
  async begin(fingerprint: string): Promise<BeginResult> {
    const entry = await this.ctx.storage.get<Entry>("entry");
    const now = Date.now();
    const result = decide(entry, fingerprint, now);
    if (result.state === "new") {
      await this.ctx.storage.put<Entry>("entry", { fingerprint, startedAt: now });
      await this.ctx.storage.setAlarm(now + KEEP_MS);
    }
    return result;
  }

  async complete(response: RecordedResponse): Promise<void> {
    const entry = await this.ctx.storage.get<Entry>("entry");
    if (entry) await this.ctx.storage.put<Entry>("entry", { ...entry, response });
  }

  /** The write failed before it was made, or UserEcho refused it: the key may be used again. */
  async abandon(): Promise<void> {
    await this.ctx.storage.delete("entry");
  }

  /** The write may have been made: it must not be sent again under this key. */
  async markUnknown(): Promise<void> {
    const entry = await this.ctx.storage.get<Entry>("entry");
    if (entry) await this.ctx.storage.put<Entry>("entry", { ...entry, unknown: true });
  }

  override async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }
}
