import { describe, it } from "vitest";
import {
  MisconfiguredError,
  UpstreamError,
  UpstreamRejectedError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from "../../src/errors/index.ts";
import { provesNothingWritten, WriteProgress } from "../../src/idempotency/outcome.ts";

describe("what a failed upstream write proves", () => {
  it("proves nothing written when UserEcho refused it or turned it away", ({ expect }) => {
    for (const error of [
      new UpstreamRejectedError(),
      new MisconfiguredError("USERECHO_SSO_KEY", "UserEcho rejected the minted sso_token"),
      new UpstreamUnavailableError("UserEcho is overloaded.", { status: 503 }),
      new UpstreamUnavailableError("UserEcho asked us to slow down.", {
        status: 503,
        retryAfterSeconds: 30,
      }),
    ]) {
      expect(provesNothingWritten(error), error.message).toBe(true);
    }
  });

  it("proves nothing when the answer timed out, was lost or could not be read", ({ expect }) => {
    for (const error of [
      new UpstreamTimeoutError(400),
      new UpstreamUnavailableError("UserEcho could not be reached.", { status: 502 }),
      new UpstreamError("UserEcho answered with an error (HTTP 500).", { transient: true }),
      new TypeError("anything else"),
      undefined,
    ]) {
      expect(provesNothingWritten(error), String(error)).toBe(false);
    }
  });
});

describe("a write's progress", () => {
  it("may have written once the write is sent, until UserEcho is seen to refuse it", async ({
    expect,
  }) => {
    const unsent = new WriteProgress();
    expect(unsent.mayHaveWritten).toBe(false);

    const made = new WriteProgress();
    expect(await made.send(async () => 42)).toBe(42);
    expect(made.mayHaveWritten).toBe(true);

    const timedOut = new WriteProgress();
    const timeout = new UpstreamTimeoutError(400);
    await expect(
      timedOut.send(async () => {
        throw timeout;
      }),
    ).rejects.toBe(timeout);
    expect(timedOut.mayHaveWritten).toBe(true);

    const refused = new WriteProgress();
    await expect(
      refused.send(async () => {
        throw new UpstreamRejectedError();
      }),
    ).rejects.toBeInstanceOf(UpstreamRejectedError);
    expect(refused.mayHaveWritten).toBe(false);
  });

  it("knows the write may have been made while it is still under way", async ({ expect }) => {
    const progress = new WriteProgress();
    let seen: boolean | undefined;
    await progress.send(async () => {
      seen = progress.mayHaveWritten;
    });
    expect(seen).toBe(true);
  });
});
