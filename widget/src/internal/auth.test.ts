import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiRequestError } from "../api/client.ts";
import { authorised, forgetToken, jwtExpiry, tokenFrom } from "./auth.ts";

/** An unsigned JWT with the given claims: the widget reads `exp`, the worker checks the rest. */
const jwt = (claims: Record<string, unknown>) =>
  `${btoa(JSON.stringify({ alg: "HS256" }))}.${btoa(JSON.stringify(claims)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_")}.sig`;

afterEach(() => {
  vi.useRealTimers();
});

describe("jwtExpiry", () => {
  it("is the token's exp less 30 s", () => {
    expect(jwtExpiry(jwt({ exp: 2_000_000_000 }))).toBe(2_000_000_000_000 - 30_000);
  });

  it("is never for an opaque token or a JWT without exp", () => {
    expect(jwtExpiry("opaque-token")).toBe(Number.POSITIVE_INFINITY);
    expect(jwtExpiry(jwt({ sub: "1" }))).toBe(Number.POSITIVE_INFINITY);
    expect(jwtExpiry("a.%%%.c")).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("tokenFrom", () => {
  it("calls the callback once and reuses its token", async () => {
    const provider = vi.fn(() => "opaque");
    expect(await tokenFrom(provider)).toBe("opaque");
    expect(await tokenFrom(provider)).toBe("opaque");
    expect(provider).toHaveBeenCalledTimes(1);
  });

  it("shares one call between callers that ask at the same time", async () => {
    const provider = vi.fn(async () => "opaque");
    const [a, b] = await Promise.all([tokenFrom(provider), tokenFrom(provider)]);
    expect([a, b]).toEqual(["opaque", "opaque"]);
    expect(provider).toHaveBeenCalledTimes(1);
  });

  it("asks again once the JWT is 30 s from expiry", async () => {
    vi.useFakeTimers({ now: 1_000_000_000_000 });
    const exp = 1_000_000_000 + 60; // a minute from now
    let calls = 0;
    const provider = () => jwt({ exp, n: ++calls });
    const first = await tokenFrom(provider);
    vi.setSystemTime(1_000_000_000_000 + 20_000);
    expect(await tokenFrom(provider)).toBe(first);
    vi.setSystemTime(1_000_000_000_000 + 31_000);
    expect(await tokenFrom(provider)).not.toBe(first);
    expect(calls).toBe(2);
  });

  it("asks again after forgetToken, and after nobody was signed in", async () => {
    let token: string | null = null;
    const provider = vi.fn(() => token);
    expect(await tokenFrom(provider)).toBeUndefined();
    token = "now-signed-in";
    expect(await tokenFrom(provider)).toBe("now-signed-in");
    forgetToken(provider);
    token = "fresh";
    expect(await tokenFrom(provider)).toBe("fresh");
    expect(provider).toHaveBeenCalledTimes(3);
  });

  it("takes a callback that throws as nobody signed in", async () => {
    const provider = vi.fn(() => {
      throw new Error("session store down");
    });
    expect(await tokenFrom(provider)).toBeUndefined();
    expect(await tokenFrom(provider)).toBeUndefined();
    expect(provider).toHaveBeenCalledTimes(2);
  });
});

describe("authorised", () => {
  const unauthorised = () =>
    new ApiRequestError(401, {
      type: "https://userecho-edge.dev/problems/unauthorized",
      title: "Unauthorized",
      status: 401,
    });

  it("is signed out without a callback, or when it returns no token", async () => {
    const call = vi.fn(async () => "done");
    expect(await authorised(undefined, call)).toEqual({ signedIn: false });
    expect(await authorised(() => null, call)).toEqual({ signedIn: false });
    expect(call).not.toHaveBeenCalled();
  });

  it("runs the write with the token", async () => {
    const call = vi.fn(async (token: string) => `done with ${token}`);
    expect(await authorised(() => "t1", call)).toEqual({ signedIn: true, value: "done with t1" });
  });

  it("after a 401 asks for a fresh token once and retries with it", async () => {
    let n = 0;
    const provider = vi.fn(() => `token-${++n}`);
    const seen: string[] = [];
    const call = vi.fn(async (token: string) => {
      seen.push(token);
      if (token === "token-1") throw unauthorised();
      return "ok";
    });
    expect(await authorised(provider, call)).toEqual({ signedIn: true, value: "ok" });
    expect(seen).toEqual(["token-1", "token-2"]);
  });

  it("rejects when the fresh token is the same one, or the retry is refused too", async () => {
    const same = vi.fn(async () => {
      throw unauthorised();
    });
    await expect(authorised(() => "same", same)).rejects.toBeInstanceOf(ApiRequestError);
    expect(same).toHaveBeenCalledTimes(1);
    let n = 0;
    const always = vi.fn(async () => {
      throw unauthorised();
    });
    await expect(authorised(() => `t${++n}`, always)).rejects.toMatchObject({ status: 401 });
    expect(always).toHaveBeenCalledTimes(2);
  });

  it("is signed out when the 401 came because the visitor signed out meanwhile", async () => {
    let token: string | null = "old";
    const call = vi.fn(async () => {
      token = null;
      throw unauthorised();
    });
    expect(await authorised(() => token, call)).toEqual({ signedIn: false });
  });

  it("passes other failures on untouched", async () => {
    const failure = new ApiRequestError(502);
    await expect(
      authorised(
        () => "t",
        async () => {
          throw failure;
        },
      ),
    ).rejects.toBe(failure);
  });
});
