import { describe, it } from "vitest";
import { decide, KEEP_MS, PENDING_MS, type Entry } from "../../src/idempotency/entry.ts";

const NOW = 1_800_000_000_000;
const RESPONSE = { status: 201, body: "{}", headers: {} };
const entry = (age: number, extra: Partial<Entry> = {}): Entry => ({
  fingerprint: "body",
  startedAt: NOW - age,
  ...extra,
});

describe("what a request may do with its Idempotency-Key", () => {
  it("writes when the key is new, or was last used longer ago than it is kept", ({ expect }) => {
    expect(decide(undefined, "body", NOW)).toEqual({ state: "new" });
    expect(decide(entry(KEEP_MS, { response: RESPONSE }), "other", NOW)).toEqual({ state: "new" });
    expect(decide(entry(KEEP_MS, { unknown: true }), "body", NOW)).toEqual({ state: "new" });
    expect(decide(entry(KEEP_MS - 1, { unknown: true }), "body", NOW)).toEqual({
      state: "unknown",
    });
  });

  it("waits for a write under way, and replays a finished one", ({ expect }) => {
    expect(decide(entry(0), "body", NOW)).toEqual({ state: "pending" });
    expect(decide(entry(PENDING_MS - 1), "body", NOW)).toEqual({ state: "pending" });
    expect(decide(entry(PENDING_MS + 1, { response: RESPONSE }), "body", NOW)).toEqual({
      state: "done",
      response: RESPONSE,
    });
  });

  it("refuses the key for another body, whatever became of the first", ({ expect }) => {
    for (const extra of [{}, { response: RESPONSE }, { unknown: true as const }]) {
      expect(decide(entry(1, extra), "other", NOW)).toEqual({ state: "mismatch" });
    }
  });

  it("never writes again when the first write may have been made", ({ expect }) => {
    expect(decide(entry(1, { unknown: true }), "body", NOW)).toEqual({ state: "unknown" });
    // A write that never finished: its isolate may have died after sending it.
    expect(decide(entry(PENDING_MS), "body", NOW)).toEqual({ state: "unknown" });
  });
});
