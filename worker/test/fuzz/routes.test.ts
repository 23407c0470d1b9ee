import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  anyPath,
  credentialHeaders,
  method,
  otherHeaders,
  queryString,
  writeBody,
  createCommentBody,
} from "./arbitraries.ts";
import {
  checkInvariants,
  FUZZ_SEED,
  fuzzWorker,
  RUNS,
  send,
  statusOracle,
  summary,
  type FuzzRequest,
  type StatusOracle,
} from "./index.ts";
import { KNOWN_BUGS } from "./known-bugs.ts";

const WITHOUT_BODY = new Set(["GET", "HEAD", "get"]);

/** Any method on any path (real routes with fuzzed ids, and near misses), any headers. */
const anyRequest: fc.Arbitrary<FuzzRequest> = fc
  .record({
    method,
    path: anyPath,
    query: queryString,
    credentials: credentialHeaders,
    headers: otherHeaders,
    body: fc.option(writeBody(createCommentBody), { nil: undefined, freq: 2 }),
  })
  .map(({ method, path, query, credentials, headers, body }) => ({
    method,
    path: `${path}${query}`,
    headers: { ...headers, ...credentials.headers },
    ...(credentials.bearer ? { bearer: credentials.bearer } : {}),
    ...(body === undefined || WITHOUT_BODY.has(method) ? {} : { body }),
  }));

describe("fuzz: any method, any path, any headers", () => {
  const fetcher = fuzzWorker();
  let oracle: StatusOracle;
  beforeAll(async () => {
    oracle = await statusOracle(fetcher);
  });
  afterAll(async () => console.log(await summary()));

  it(`keeps every invariant (${RUNS.routes} cases)`, { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(anyRequest, async (request) => {
        for (const sent of await send(fetcher, request)) {
          await checkInvariants(oracle, sent, KNOWN_BUGS);
        }
      }),
      { numRuns: RUNS.routes, seed: FUZZ_SEED },
    );
  });
});
