import { describe, expect, it } from "vitest";
import { loadedMessages, Translator } from "../i18n/index.ts";
import { renewed, type BoardContext } from "./board-context.ts";

describe("renewed: the value a board's parts read", () => {
  const t = new Translator("en", loadedMessages("en")!);
  const first: BoardContext = {
    api: undefined,
    t,
    forum: 1,
    meta: undefined,
    level: 2,
    tokenProvider: undefined,
  };

  it("is frozen from the start", () => {
    expect(Object.isFrozen(renewed(undefined, { ...first }))).toBe(true);
  });

  it("stays the same object while nothing it says changes, so no part re-renders", () => {
    const current = renewed(undefined, { ...first });
    expect(renewed(current, { ...first })).toBe(current);
  });

  it("is a new frozen object when anything it says changes", () => {
    const current = renewed(undefined, { ...first });
    const signedIn = renewed(current, { ...first, tokenProvider: () => "jwt" });
    expect(signedIn).not.toBe(current);
    expect(Object.isFrozen(signedIn)).toBe(true);
    expect(renewed(signedIn, { ...signedIn, forum: 2 }).forum).toBe(2);
    expect(current.forum).toBe(1); // what a part held is untouched
  });
});
