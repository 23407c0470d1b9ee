import { describe, it } from "vitest";
import { findKeyHolder } from "../../src/api-keys/index.ts";
import { sha256Hex } from "../../src/crypto/sha256.ts";

const PARTNER_KEY = "partner-key-of-the-unit-test-0001";
const ADMIN_KEY = "admin-key-of-the-unit-test-000001";

async function environment(): Promise<Env> {
  return {
    PARTNER_KEYS: `acme:${await sha256Hex(PARTNER_KEY)}`,
    ADMIN_KEYS: `ops:${await sha256Hex(ADMIN_KEY)}`,
  } as Env;
}

describe("X-Api-Key", () => {
  it("finds the partner or admin a key belongs to", async ({ expect }) => {
    const env = await environment();
    expect(await findKeyHolder(env, PARTNER_KEY)).toEqual({ role: "partner", id: "acme" });
    expect(await findKeyHolder(env, ADMIN_KEY)).toEqual({ role: "admin", id: "ops" });
    expect(await findKeyHolder(env, `${PARTNER_KEY}x`)).toBeUndefined();
  });

  it("does not take a stored hash for a key: a leaked secret yields no usable key", async ({
    expect,
  }) => {
    const env = await environment();
    expect(await findKeyHolder(env, await sha256Hex(PARTNER_KEY))).toBeUndefined();
    expect(await findKeyHolder(env, await sha256Hex(ADMIN_KEY))).toBeUndefined();
  });
});
