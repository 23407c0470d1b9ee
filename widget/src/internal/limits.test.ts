import { describe, expect, it } from "vitest";
import { clampCount } from "./limits.ts";

describe("clampCount", () => {
  it("keeps an integer from 1 to 100", () => {
    expect(clampCount(20, 10)).toBe(20);
    expect(clampCount(1, 10)).toBe(1);
    expect(clampCount(100, 10)).toBe(100);
  });

  it("clamps, truncates, and falls back when there is no number", () => {
    expect(clampCount(500, 10)).toBe(100);
    expect(clampCount(-3, 10)).toBe(1);
    expect(clampCount(7.9, 10)).toBe(7);
    expect(clampCount(undefined, 10)).toBe(10);
    expect(clampCount(Number.NaN, 20)).toBe(20);
    expect(clampCount("abc", 20)).toBe(20);
    expect(clampCount(0, 20)).toBe(20);
  });
});
