import { describe, it } from "vitest";
import { sanitizeHtml } from "../../src/sanitize/index.ts";
import { plainTextToHtml } from "../../src/sanitize/plain-text.ts";
import { ADVERSARIAL } from "./support/adversarial.ts";
import { fill, LARGE, RATIO_BOUND, quadraticScan, scalingRatio } from "./support/scaling.ts";

/**
 * Timings, so not part of the unit tests that mutation testing runs (stryker.config.mjs).
 *
 * Linear time on hostile input (a CPU denial of service otherwise: the hand-written tokenizer
 * took 2.4 s on 20 KB of `<b>` + `<a ` repeated). Each pattern's run time on 100 KB over its run
 * time on 10 KB must stay far below the quadratic factor of 100.
 */
const LIMIT = RATIO_BOUND;

describe("sanitizeHtml in linear time", () => {
  // Each ratio test times about 30 runs: more than the default timeout on a loaded machine.
  it("the measurement tells quadratic time apart", { timeout: 30_000 }, ({ expect }) => {
    expect(scalingRatio(quadraticScan, (n) => "x".repeat(n), 3)).toBeGreaterThan(LIMIT);
  });

  for (const [name, make] of Object.entries(ADVERSARIAL)) {
    it(name, { timeout: 30_000 }, ({ expect }) => {
      const run = (input: string) => sanitizeHtml(input, { maxLength: LARGE });
      expect(scalingRatio(run, make)).toBeLessThan(LIMIT);
    });
  }
});

describe("plainTextToHtml in linear time", () => {
  for (const [name, make] of Object.entries({
    "<\\n": (n: number) => fill("", "<\n", n),
    "\\n": (n: number) => fill("", "\n", n),
    "<": (n: number) => fill("", "<", n),
    "\\r\\n\\r\\n<": (n: number) => fill("", "\r\n\r\n<", n),
    "x then whitespace-only lines": (n: number) => fill("x", " \n", n),
  })) {
    it(`${name} repeated`, { timeout: 30_000 }, ({ expect }) => {
      expect(scalingRatio(plainTextToHtml, make)).toBeLessThan(LIMIT);
    });
  }
});
