/**
 * Scaling-ratio measurement for the sanitiser's linear-time tests. A ratio, never an absolute
 * time: the run time on a 100 KB input over the run time on a 10 KB one. Linear time gives about
 * 10, quadratic time about 100.
 */

/** The sizes compared. */
export const SMALL = 10_000;
export const LARGE = 100_000;

/**
 * What a ratio must stay under: linear time measures about 10 and quadratic about 100. Well
 * clear of both, so that a machine busy with other test files cannot make a linear run fail.
 */
export const RATIO_BOUND = 40;

/**
 * `unit` repeated after `head`, cut to exactly `size` characters. Building from a repeated unit
 * keeps the input's shape the same at both sizes.
 */
export function fill(head: string, unit: string, size: number): string {
  return (head + unit.repeat(Math.ceil(size / unit.length))).slice(0, size);
}

/**
 * The ratio of the median run time of `run` on `make(LARGE)` to its median on `make(SMALL)`.
 * Warm runs first (the JIT), then small and large samples interleaved, so that a loaded machine
 * slows both alike. A sample repeats the call for at least 40 ms: workerd's clock counts whole
 * milliseconds.
 */
export function scalingRatio(
  run: (input: string) => unknown,
  make: (size: number) => string,
  samples = 9,
): number {
  const small = make(SMALL);
  const large = make(LARGE);
  const time = (input: string) => {
    const start = performance.now();
    let calls = 0;
    let elapsed: number;
    do {
      run(input);
      calls += 1;
      elapsed = performance.now() - start;
    } while (elapsed < 40);
    return elapsed / calls;
  };
  time(small);
  time(large);
  const smallTimes: number[] = [];
  const largeTimes: number[] = [];
  for (let i = 0; i < samples; i++) {
    smallTimes.push(time(small));
    largeTimes.push(time(large));
  }
  return median(largeTimes) / median(smallTimes);
}

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Visits every position, then scans from it to the end: the shape of the old hand-written
 * tokenizer's unterminated-tag path. The tests use it to show that the measurement does tell
 * quadratic time apart.
 */
export function quadraticScan(input: string): number {
  let found = 0;
  for (let i = 0; i < input.length; i += 100) {
    for (let j = i; j < input.length; j++) if (input.charCodeAt(j) === 0) found += 1;
  }
  return found;
}
