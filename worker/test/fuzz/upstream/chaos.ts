/**
 * The upstream side of the upstream fuzz suite: dialects of the emulator's chaos grammar as
 * fast-check arbitraries, and a chaos namespace per case, so each case's worker has an upstream
 * (and therefore caches, and what it learns about UserEcho) of its own.
 */
import fc from "fast-check";
import {
  DIMENSIONS,
  canonicalDialect,
  type ChaosLogEntry,
  type Dialect,
  type Dimension,
} from "@userecho-edge/emulator/chaos";
import { EMULATOR_ORIGIN } from "../../support/index.ts";

/**
 * Relative weights where drawing every variant alike would make the oracle weak: with hard
 * failures in most cases, most answers could excuse themselves with a 502.
 */
const WEIGHTS: { readonly [K in Dimension]?: readonly number[] } = {
  hardFailures: [10, 2, 1],
  transient: [3, 2, 1],
};

/** One dimension's variants, shrinking towards the first (canonical) one. */
function variants<K extends Dimension>(name: K): fc.Arbitrary<Dialect[K]> {
  const values = DIMENSIONS[name] as unknown as readonly Dialect[K][];
  const weights = WEIGHTS[name] ?? values.map(() => 1);
  // An index into the weighted list, so that shrinking the integer walks to the first variant.
  const slots = values.flatMap((value, i) => Array.from({ length: weights[i] ?? 1 }, () => value));
  return fc.integer({ min: 0, max: slots.length - 1 }).map((slot) => slots[slot]!);
}

/**
 * Any dialect of the grammar. `fixed` pins dimensions (e.g. no hard failures for a page walk);
 * the others vary. Shrinks towards the canonical dialect, so a counterexample names only the
 * dimensions it needs.
 */
export function dialects(fixed: Partial<Dialect> = {}): fc.Arbitrary<Dialect> {
  const arbitraries: Record<string, fc.Arbitrary<unknown>> = {
    seed: fc.nat({ max: 2 ** 31 - 1 }),
  };
  for (const name of Object.keys(DIMENSIONS) as Dimension[]) {
    arbitraries[name] = name in fixed ? fc.constant(fixed[name]) : variants(name);
  }
  return fc.record(arbitraries) as unknown as fc.Arbitrary<Dialect>;
}

/** The canonical dialect with one dimension changed: what a per-variant test runs against. */
export function oneVariant(dimension: Dimension, value: unknown): fc.Arbitrary<Dialect> {
  return fc
    .nat({ max: 2 ** 31 - 1 })
    .map((seed) => ({ ...canonicalDialect(seed), [dimension]: value }) as Dialect);
}

/** A chaos namespace with its dialect: the worker's `USERECHO_BASE_URL` and the log. */
export interface ChaosUpstream {
  readonly key: string;
  readonly dialect: Dialect;
  readonly baseUrl: string;
  /** What the namespace has answered so far, oldest first. */
  log(): Promise<ChaosLogEntry[]>;
}

let namespaces = 0;

/** Registers `dialect` under a fresh key (`prefix` keeps test files apart). */
export async function chaosUpstream(dialect: Dialect, prefix: string): Promise<ChaosUpstream> {
  const key = `${prefix}${namespaces++}`;
  const response = await fetch(`${EMULATOR_ORIGIN}/__emulator/chaos/${key}`, {
    method: "PUT",
    body: JSON.stringify(dialect),
  });
  if (response.status !== 200) {
    throw new Error(`the emulator refused the dialect: ${await response.text()}`);
  }
  return {
    key,
    dialect,
    baseUrl: `${EMULATOR_ORIGIN}/profile/chaos-${key}/api/v2`,
    async log() {
      const answer = await fetch(`${EMULATOR_ORIGIN}/__emulator/chaos/${key}/log`);
      return ((await answer.json()) as { entries: ChaosLogEntry[] }).entries;
    },
  };
}

/** Log lines worth reading in a failure message: anything not served plainly comes first. */
export function describeLog(entries: readonly ChaosLogEntry[], max = 14): string {
  if (entries.length === 0) return "  (no upstream request)";
  const interesting = entries.filter((e) => e.outcome !== "served" || e.notes.length > 0);
  const shown = (interesting.length > 0 ? interesting : entries).slice(0, max);
  const lines = shown.map(
    (e) =>
      `  ${e.request} #${e.attempt} → ${e.status} ${e.outcome}` +
      (e.notes.length
        ? ` [${e.notes.slice(0, 8).join(", ")}${e.notes.length > 8 ? ", …" : ""}]`
        : ""),
  );
  const more = entries.length - shown.length;
  return lines.join("\n") + (more > 0 ? `\n  … and ${more} more upstream request(s)` : "");
}
