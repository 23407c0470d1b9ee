import { describe, it } from "vitest";
import { assertNoStackTrace } from "../fuzz/index.ts";
import {
  assertNoSecrets,
  assertNoSecretsIn,
  base64Cores,
  SECRETS,
} from "@userecho-edge/emulator/secrets";

const toBase64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));
const urlSafe = (base64: string) =>
  base64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

describe("assertNoSecrets", () => {
  const leaks = (text: string) => {
    try {
      assertNoSecretsIn(text, "test");
      return false;
    } catch {
      return true;
    }
  };

  it("finds every secret raw, cut off, JSON-escaped and URL-encoded", ({ expect }) => {
    for (const [name, secret] of Object.entries(SECRETS)) {
      expect(leaks(`x${secret}y`), name).toBe(true);
      expect(leaks(`token=${secret.slice(3, 19)}…`), name).toBe(true);
      expect(leaks(JSON.stringify({ detail: secret })), name).toBe(true);
      expect(leaks(`?t=${encodeURIComponent(secret)}`), name).toBe(true);
      expect(leaks(`?t=${new URLSearchParams({ t: secret }).toString()}`), name).toBe(true);
      const everyByte = [...new TextEncoder().encode(secret)]
        .map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`)
        .join("");
      expect(leaks(`?t=${everyByte}`), name).toBe(true);
    }
  });

  it("finds every secret in Base64 and Base64url, at any offset in a longer blob", ({ expect }) => {
    for (const [name, secret] of Object.entries(SECRETS)) {
      for (const prefix of ["", "a", "ab", "abc", '{"k":"', "0123456789"]) {
        const blob = `${prefix}${secret}"}`;
        expect(leaks(`sso_token=${toBase64(blob)}`), `${name} after ${prefix.length}`).toBe(true);
        expect(leaks(`jwt.${urlSafe(toBase64(blob))}.sig`), `${name} url-safe`).toBe(true);
      }
    }
  });

  it("keeps quiet about text without secrets", ({ expect }) => {
    expect(leaks(JSON.stringify({ items: [{ title: "Offline mode", votes: 3 }] }))).toBe(false);
    expect(leaks("UE-AGENT-TOKEN")).toBe(false); // a prefix shorter than the 16-character window
    expect(base64Cores(new TextEncoder().encode("abc"))).toEqual(["YWJj", "FiY", "hYm"]);
  });

  it("reads headers and body of a response without consuming it", async ({ expect }) => {
    const leaky = new Response("{}", { headers: { "X-Debug": `key=${SECRETS["partnerKey"]}` } });
    await expect(assertNoSecrets(leaky)).rejects.toThrow(/header x-debug leaks partnerKey/);
    const escaped = new Response(JSON.stringify({ t: SECRETS["ssoKey"] }).replace(/U/g, "\\u0055"));
    await expect(assertNoSecrets(escaped)).rejects.toThrow(/ssoKey/);
    const clean = new Response('{"ok":true}');
    await assertNoSecrets(clean);
    expect(await clean.text()).toBe('{"ok":true}');
  });
});

describe("assertNoStackTrace", () => {
  it("finds V8 frames, source positions and node_modules", ({ expect }) => {
    const traces = [
      "Error: x\n    at handler (/work/main/worker/src/app.ts:12:5)",
      JSON.stringify({ detail: "TypeError: x\n    at f (index.js:1:2)" }),
      "failed in routes.ts:42",
      "/app/node_modules/hono/dist/index.js",
    ];
    for (const trace of traces) expect(() => assertNoStackTrace(trace), trace).toThrow();
    expect(() => assertNoStackTrace('{"title":"Meet at 10:30 at the office"}')).not.toThrow();
  });
});
