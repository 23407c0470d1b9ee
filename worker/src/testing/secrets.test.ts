import { describe, it } from "vitest";
import { findSecrets, SECRETS } from "./secrets.ts";

describe("the leak check itself", () => {
  it("finds a secret raw, URL-encoded and inside base64 at any alignment", ({ expect }) => {
    const secret = SECRETS["ssoKey"]!;
    expect(findSecrets(`x ${secret} y`)).toEqual(["ssoKey"]);
    expect(findSecrets(encodeURIComponent(`token=${secret}`))).toEqual(["ssoKey"]);
    for (const prefix of ["", "a", "ab", "abc"]) {
      const encoded = btoa(`${prefix}{"k":"${secret}"}`);
      expect(findSecrets(`Server-Timing: x;desc="${encoded}"`), prefix).toEqual(["ssoKey"]);
      const urlSafe = encoded.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
      expect(findSecrets(urlSafe), prefix).toEqual(["ssoKey"]);
    }
    expect(findSecrets("nothing secret here, just base64: aGVsbG8gd29ybGQgaGVsbG8=")).toEqual([]);
  });
});
