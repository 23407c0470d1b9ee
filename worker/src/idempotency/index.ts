import { IdempotencyConflictError, InvalidParameterError } from "../errors/index.ts";
import type { IdempotencyLedger, RecordedResponse } from "./ledger.ts";

export { IdempotencyLedger, type RecordedResponse } from "./ledger.ts";

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * Runs a write at most once per (scope, Idempotency-Key): the first call performs it and records
 * its response; a retry with the same key and body gets that response back; the same key with a
 * different body is refused (422), and a retry while the first is still running gets 409.
 * Without a key, the write simply runs.
 */
export async function idempotent(
  namespace: DurableObjectNamespace<IdempotencyLedger>,
  options: { scope: string; key: string | undefined; fingerprint: string },
  perform: () => Promise<RecordedResponse>,
): Promise<{ response: RecordedResponse; replayed: boolean }> {
  if (options.key === undefined) return { response: await perform(), replayed: false };
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
    case "new":
      break;
  }
  let response: RecordedResponse;
  try {
    response = await perform();
  } catch (error) {
    await ledger.abandon();
    throw error;
  }
  await ledger.complete(response);
  return { response, replayed: false };
}
