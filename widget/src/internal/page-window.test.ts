import { describe, expect, it } from "vitest";
import { pageWindow } from "./page-window.ts";

describe("pageWindow", () => {
  it("shows every page when there are few", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 4)).toEqual([1, 2, 0, 4]);
  });

  it("keeps first, last and the current page ±1, with one gap marker per gap", () => {
    expect(pageWindow(1, 10)).toEqual([1, 2, 0, 10]);
    expect(pageWindow(5, 10)).toEqual([1, 0, 4, 5, 6, 0, 10]);
    expect(pageWindow(10, 10)).toEqual([1, 0, 9, 10]);
    expect(pageWindow(3, 10)).toEqual([1, 2, 3, 4, 0, 10]);
  });

  it("draws nothing for an empty list", () => {
    expect(pageWindow(1, 0)).toEqual([]);
  });

  it("always contains the current page, in order, without two gaps in a row", () => {
    for (let total = 1; total <= 30; total++) {
      for (let current = 1; current <= total; current++) {
        const pages = pageWindow(current, total);
        expect(pages).toContain(current);
        const numbers = pages.filter((n) => n !== 0);
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
        expect(pages.join(",")).not.toMatch(/(^|,)0,0(,|$)/);
        expect(pages.length).toBeLessThanOrEqual(7);
      }
    }
  });
});
