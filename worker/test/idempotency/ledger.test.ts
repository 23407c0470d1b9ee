import { env } from "cloudflare:test";
import { describe, it } from "vitest";

/** A ledger of its own for each test: one Durable Object per (scope, key). */
const ledger = () => env.IDEMPOTENCY.get(env.IDEMPOTENCY.idFromName(crypto.randomUUID()));

const RESPONSE = { status: 201, body: '{"id":1}', headers: { Location: "/v1/topics/1" } };

describe("the Idempotency-Key ledger", () => {
  it("lets exactly one of two concurrent retries write; the other finds it pending", async ({
    expect,
  }) => {
    const one = ledger();
    const states = (await Promise.all([one.begin("body"), one.begin("body")])).map(
      (result) => result.state,
    );
    expect(states.sort()).toEqual(["new", "pending"]);
  });

  it("replays a completed write, and refuses the key for another body", async ({ expect }) => {
    const one = ledger();
    expect(await one.begin("body")).toEqual({ state: "new" });
    await one.complete(RESPONSE);
    expect(await one.begin("body")).toEqual({ state: "done", response: RESPONSE });
    expect(await one.begin("other body")).toEqual({ state: "mismatch" });
  });

  it("frees an abandoned key, and never a key whose write may have been made", async ({
    expect,
  }) => {
    const abandoned = ledger();
    await abandoned.begin("body");
    await abandoned.abandon();
    expect(await abandoned.begin("body")).toEqual({ state: "new" });

    const unknown = ledger();
    await unknown.begin("body");
    await unknown.markUnknown();
    expect(await unknown.begin("body")).toEqual({ state: "unknown" });
    expect(await unknown.begin("body")).toEqual({ state: "unknown" });
    expect(await unknown.begin("other body")).toEqual({ state: "mismatch" });
  });
});
