import {
  IdempotencyConflictError,
  InvalidParameterError,
  WriteOutcomeUnknownError,
} from "../errors/index.ts";
import type { RecordedResponse } from "./entry.ts";
import type { IdempotencyLedger } from "./ledger.ts";
import { WriteProgress, type SendWrite } from "./outcome.ts";

export { IdempotencyLedger } from "./ledger.ts";
export type { RecordedResponse } from "./entry.ts";
export type { SendWrite } from "./outcome.ts";

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * Runs a write at most once per (scope, Idempotency-Key): the first call performs it and records
 * its response; a retry with the same key and body gets that response back; the same key with a
 * different body is refused (422), and a retry while the first is still running gets 409.
 *
 * `perform` hands its one upstream write to `send`. A write that fails before it is sent, or that
 * UserEcho refuses, frees the key for a retry; one whose outcome is unknown (a timeout, a lost
 * connection, an unreadable answer, or a failure after it was made) keeps it, and every retry
 * gets 409 `write-outcome-unknown` rather than a second write. Without a key, the write simply
 * runs.
 */
export async function idempotent(
  namespace: DurableObjectNamespace<IdempotencyLedger>,
  options: { scope: string; key: string | undefined; fingerprint: string },
  perform: (send: SendWrite) => Promise<RecordedResponse>,
): Promise<{ response: RecordedResponse; replayed: boolean }> {
  if (options.key === undefined) {
    return { response: await perform(new WriteProgress().send), replayed: false };
  }
  if (!KEY_PATTERN.test(options.key)) {
    throw new InvalidParameterError("Idempotency-Key", "must be 1-200 visible ASCII characters");
  }
  const ledger = namespace.get(namespace.idFromName(`${options.scope}\n${options.key}`));
  const begun = await ledger.begin(options.fingerprint);
  switch (begun.state) {
    case "done":
      return { response: begun.response, replayed: true };
    case "pending":
      throw new IdempotencyConflictError(
        "A request with this Idempotency-Key is in progress.",
        409,
      );
    case "mismatch":
      throw new IdempotencyConflictError(
        "This Idempotency-Key was used with a different request.",
        422,
      );
    case "unknown":
      throw new WriteOutcomeUnknownError();
    case "new":
      break;
  }
  const progress = new WriteProgress();
  let response: RecordedResponse;
  try {
    response = await perform(progress.send);
  } catch (error) {
    // The client gets the write's own error. Should the ledger fail too, the entry stays
    // pending, and turns unknown once that has run out: never a second write.
    await (progress.mayHaveWritten ? ledger.markUnknown() : ledger.abandon()).catch(() => {});
    throw error;
  }
  await ledger.complete(response);
  return { response, replayed: false };
}
