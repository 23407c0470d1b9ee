import { describe, it } from "vitest";
import { findKeyHolder } from "../../src/api-keys/index.ts";
import { sha256Hex } from "../../src/crypto/sha256.ts";
import { MisconfiguredError } from "../../src/errors/index.ts";

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

describe("the key lists", () => {
  it("take keys of 16 to 256 characters only", async ({ expect }) => {
    for (const key of ["k".repeat(15), "k".repeat(16), "k".repeat(256), "k".repeat(257)]) {
      const env = { PARTNER_KEYS: `p${key.length}:${await sha256Hex(key)}` } as Env;
      const found = await findKeyHolder(env, key);
      expect(found, String(key.length)).toEqual(
        key.length >= 16 && key.length <= 256
          ? { role: "partner", id: `p${key.length}` }
          : undefined,
      );
    }
  });

  it("read `id:hex` pairs with spaces and empty entries, and refuse anything else", async ({
    expect,
  }) => {
    const hash = await sha256Hex(PARTNER_KEY);
    const spaced = { PARTNER_KEYS: ` , acme : ${hash} ,, ` } as Env;
    expect(await findKeyHolder(spaced, PARTNER_KEY)).toEqual({ role: "partner", id: "acme" });
    for (const [name, value] of [
      ["PARTNER_KEYS", `acme:${hash.slice(1)}`],
      ["PARTNER_KEYS", `acme:${hash.toUpperCase()}`],
      ["PARTNER_KEYS", `:${hash}`],
      ["PARTNER_KEYS", `acme`],
      ["PARTNER_KEYS", `ac me:${hash}`],
      ["ADMIN_KEYS", `ops:${hash}x`],
      ["ADMIN_KEYS", `${"o".repeat(65)}:${hash}`],
    ] as const) {
      const error = await findKeyHolder({ [name]: value } as unknown as Env, PARTNER_KEY).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error, value).toBeInstanceOf(MisconfiguredError);
      expect((error as MisconfiguredError).message).toBe(
        `${name}: expects id:sha256-hex pairs, comma-separated`,
      );
    }
    expect(await findKeyHolder({} as Env, PARTNER_KEY)).toBeUndefined();
  });

  it("look partners up in PARTNER_KV by the key's hash", async ({ expect }) => {
    const asked: string[] = [];
    const kv = {
      get: async (name: string) => {
        asked.push(name);
        return name === `partner-key:${await sha256Hex(PARTNER_KEY)}` ? "kv-partner" : null;
      },
    } as unknown as KVNamespace;
    expect(await findKeyHolder({ PARTNER_KV: kv } as Env, PARTNER_KEY)).toEqual({
      role: "partner",
      id: "kv-partner",
    });
    expect(asked).toEqual([`partner-key:${await sha256Hex(PARTNER_KEY)}`]);
    expect(await findKeyHolder({ PARTNER_KV: kv } as Env, ADMIN_KEY)).toBeUndefined();
  });
});
