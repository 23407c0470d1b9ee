import {
  MisconfiguredError,
  UnauthorizedError,
  UpstreamRejectedError,
  UpstreamUnavailableError,
  UserRefusedError,
} from "../errors/index.ts";

/** Sends the one upstream write of a request and answers with UserEcho's answer. */
export type SendWrite = <T>(write: () => Promise<T>) => Promise<T>;

/**
 * Whether a failed upstream write is known not to have been made: UserEcho answered and refused
 * it (or the credentials it came with: the worker's, or the visitor's own), or it was never sent (a 429 back-off, the warm-up's
 * budget) or was turned away at the door (429, 503). A timeout, a lost connection or an
 * unreadable answer prove nothing: the write may have been made.
 */
export function provesNothingWritten(error: unknown): boolean {
  if (
    error instanceof UpstreamRejectedError ||
    error instanceof MisconfiguredError ||
    // UserEcho refused this visitor's own credentials (their sign-in ran out, or they are blocked).
    error instanceof UserRefusedError ||
    error instanceof UnauthorizedError
  ) {
    return true;
  }
  return error instanceof UpstreamUnavailableError && error.status === 503;
}

/**
 * How far one request got with its write, so that a failure can tell whether the key may be
 * used again: until the write is sent, and when UserEcho refused it, nothing was written.
 */
export class WriteProgress {
  #mayHaveWritten = false;

  /** Whether the write may have been made, though no response of it is recorded. */
  get mayHaveWritten(): boolean {
    return this.#mayHaveWritten;
  }

  readonly send: SendWrite = async (write) => {
    this.#mayHaveWritten = true;
    try {
      return await write();
    } catch (error) {
      if (provesNothingWritten(error)) this.#mayHaveWritten = false;
      throw error;
    }
  };
}
