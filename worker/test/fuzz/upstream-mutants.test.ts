/**
 * The upstream suite is not vacuous: a deliberately broken normalising boundary makes it fail.
 *
 * The boundary is where UserEcho's answers become the worker's model. Each mutant below stands
 * between UserEcho and the rest of the worker (the test isolate's `fetch`, which the worker's
 * upstream client calls) and hands on what a boundary with one defect would: a forum whose type
 * it cannot read taken as public; one item of each list lost; an unknown private field copied
 * into a title. For each, the same property first passes on the dialects the mutant is about
 * (the worker as it is handles those), then fails with the mutant in place, with the invariant
 * that catches it.
 */
import fc from "fast-check";
import { afterEach, beforeAll, beforeEach, describe, it, vi } from "vitest";
import { canonicalDialect, type Dialect } from "@userecho-edge/emulator/chaos";
import { FUZZ_SEED } from "./index.ts";
import { oneVariant } from "./upstream/chaos.ts";
import { readRequests } from "./upstream/requests.ts";
import { quietLogs, runVisit, signInVisitor, workerSettings } from "./upstream/run.ts";

const MUTANT_RUNS = 12;

type Json = Record<string, unknown>;

interface Mutant {
  readonly name: string;
  /** The dialects the mutant is about: the rest canonical. */
  readonly dialect: fc.Arbitrary<Dialect>;
  /** What it does to a decoded answer of `command` (`forums`, `forums/1/topics`, …). */
  mutate(command: string, envelope: Json): void;
  /** The failure message the suite must give. */
  readonly caughtBy: RegExp;
}

const MUTANTS: readonly Mutant[] = [
  {
    name: "a forum type it cannot read is taken as public (fail open)",
    // With `forum_id` sent, today's worker keeps these forums hidden: the control passes.
    dialect: fc.nat({ max: 2 ** 31 - 1 }).map((seed): Dialect => ({
      ...canonicalDialect(seed),
      hiddenForumTypes: "unreadable",
      forumIdField: "present",
    })),
    mutate(command, envelope) {
      if (command !== "forums" || !Array.isArray(envelope["data"])) return;
      for (const forum of envelope["data"] as Json[]) {
        const type = forum["type"] as Json | null | undefined;
        if (typeof type?.["name"] !== "string" || type["name"] === "") {
          forum["type"] = { id: 1, name: "PUBLIC" };
        }
      }
    },
    caughtBy: /forum [34]|forums [\d,]*[34]|of forum [34] is shown|answered 200, expected 404/,
  },
  {
    // An item from the middle: a page that lost its last item reads like a page of a capped
    // list (one fewer than asked), which the boundary must accept, and only a walk to the end
    // tells the two apart.
    name: "an item in the middle of every list is lost",
    dialect: oneVariant("lists", "array"),
    mutate(command, envelope) {
      const data = envelope["data"];
      if (command.endsWith("/topics") && Array.isArray(data) && data.length > 2) {
        data.splice(Math.floor(data.length / 2), 1);
      }
    },
    caughtBy: /lacks|not a run of the list|can never be reached/,
  },
  {
    name: "unknown fields are kept and end up in the title",
    dialect: oneVariant("extraFields", "private"),
    mutate(command, envelope) {
      const data = envelope["data"];
      const items = Array.isArray(data)
        ? (data as unknown[])
        : command.startsWith("topics/")
          ? [data]
          : [];
      const topics = items.filter(
        (item): item is Json => typeof item === "object" && item !== null,
      );
      for (const topic of topics) {
        if (typeof topic["admin_note"] === "string" && typeof topic["header"] === "string") {
          topic["header"] = `${topic["header"]} (${topic["admin_note"]})`;
        }
      }
    },
    caughtBy: /carries upstream text/,
  },
];

const realFetch = globalThis.fetch.bind(globalThis);
const CHAOS_API = /\/profile\/chaos-[a-z0-9]+\/api\/v2\/(.+)\.json$/;

/** Puts `mutant` between UserEcho and the worker, until the test ends. */
function install(mutant: Mutant): void {
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const response = await realFetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    const command = CHAOS_API.exec(url.pathname)?.[1];
    if (command === undefined || (init?.method ?? "GET") !== "GET") return response;
    const text = await response.text();
    let envelope: Json;
    try {
      envelope = JSON.parse(text) as Json;
    } catch {
      return new Response(text, response);
    }
    mutant.mutate(command, envelope);
    return new Response(JSON.stringify(envelope), {
      status: response.status,
      headers: { "Content-Type": "application/json" },
    });
  });
}

beforeAll(signInVisitor);
beforeEach(quietLogs);
afterEach(() => vi.restoreAllMocks());

describe.each(MUTANTS)("a broken boundary: $name", (mutant) => {
  const property = (prefix: string) =>
    fc.asyncProperty(
      mutant.dialect,
      workerSettings,
      fc.array(readRequests, { minLength: 2, maxLength: 4 }),
      (dialect, settings, requests) => runVisit(dialect, settings, requests, prefix),
    );

  it("passes without the mutant", { timeout: 120_000 }, async () => {
    await fc.assert(property("mc"), { numRuns: MUTANT_RUNS, seed: FUZZ_SEED });
  });

  it("fails with it, naming the broken invariant", { timeout: 120_000 }, async ({ expect }) => {
    install(mutant);
    const result = await fc.check(property("mm"), { numRuns: MUTANT_RUNS, seed: FUZZ_SEED });
    expect(result.failed, "the suite missed the mutant").toBe(true);
    const error = result.errorInstance;
    const message = error instanceof Error ? error.message : String(error);
    expect(message).toMatch(mutant.caughtBy);
  });
});
