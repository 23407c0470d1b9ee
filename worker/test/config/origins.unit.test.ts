import { describe, it } from "vitest";
import { originMatcher } from "../../src/config/index.ts";
import { MisconfiguredError } from "../../src/errors/index.ts";

describe("ALLOWED_ORIGINS", () => {
  it("lets `https://*.example.org` match its sub-domains, and only those", ({ expect }) => {
    const allowed = originMatcher("https://*.example.org");
    for (const origin of ["https://a.example.org", "https://a.b.example.org"]) {
      expect(allowed(origin), origin).toBe(true);
    }
    for (const origin of [
      // Another registrable domain that merely ends in the same letters.
      "https://evilexample.org",
      "https://a.evilexample.org",
      "https://example.org",
      "https://.example.org",
      "http://a.example.org",
      "https://a.example.org.evil.com",
      "https://a.example.org:8443",
      "https://a.example.org/path",
      "https://user@a.example.org",
    ]) {
      expect(allowed(origin), origin).toBe(false);
    }
  });

  it("keeps a port in a wildcard entry, and matches it exactly", ({ expect }) => {
    const allowed = originMatcher("https://*.example.org:8443");
    expect(allowed("https://a.example.org:8443")).toBe(true);
    expect(allowed("https://a.example.org")).toBe(false);
    expect(allowed("https://evilexample.org:8443")).toBe(false);
  });

  it("matches exact origins exactly, case-insensitive in the host", ({ expect }) => {
    const allowed = originMatcher(" https://www.example.com ,https://Other.Example.net");
    expect(allowed("https://www.example.com")).toBe(true);
    expect(allowed("https://other.example.net")).toBe(true);
    for (const origin of [
      "https://example.com",
      "http://www.example.com",
      "https://www.example.com.evil.com",
      "https://evilwww.example.com",
    ]) {
      expect(allowed(origin), origin).toBe(false);
    }
  });

  it("reads wildcard entries whole: anything around them makes them invalid", ({ expect }) => {
    for (const entry of [
      "xhttp://localhost:*",
      "http://localhost:*x",
      "xhttps://*.example.org",
      "https://*.example.org/path",
    ]) {
      expect(() => originMatcher(entry), entry).toThrow(MisconfiguredError);
    }
    const plain = originMatcher("http://*.example.test, http://localhost:*");
    expect(plain("http://a.example.test")).toBe(true);
    expect(plain("https://a.example.test")).toBe(false);
    expect(plain("http://localhost:1")).toBe(true);
    expect(plain("http://127.0.0.1:1")).toBe(false);
  });

  it("allows every origin with `*`, none when empty", ({ expect }) => {
    expect(originMatcher("https://a.example, *")("https://anything.test")).toBe(true);
    expect(originMatcher("")("https://site.example")).toBe(false);
    expect(originMatcher(undefined)("https://site.example")).toBe(false);
  });
});
