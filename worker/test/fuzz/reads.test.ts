import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  apiKey,
  authorizationJunk,
  forumIds,
  idSegment,
  ifNoneMatch,
  otherHeaders,
  queryString,
  signedIn,
  topicIds,
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
import { tokenSpec } from "./tokens.ts";

/** The GET routes, with fuzzed ids; now and then with a trailing slash. */
const readPath = fc
  .tuple(
    fc.oneof(
      fc.constant("/v1/forums"),
      idSegment(forumIds).map((id) => `/v1/forums/${id}/meta`),
      { weight: 3, arbitrary: idSegment(forumIds).map((id) => `/v1/forums/${id}/topics`) },
      idSegment(topicIds).map((id) => `/v1/topics/${id}`),
      { weight: 2, arbitrary: idSegment(topicIds).map((id) => `/v1/topics/${id}/comments`) },
      { weight: 2, arbitrary: fc.constant("/v1/users/top") },
      fc.constantFrom("/v1/health", "/v1/openapi.json"),
    ),
    fc.oneof({ weight: 19, arbitrary: fc.constant("") }, fc.constant("/")),
  )
  .map(([path, slash]) => `${path}${slash}`);

/** Anonymous, partner (valid key or junk) or junk `Authorization`: what the shared cache serves. */
const readCredentials = fc.oneof(
  { weight: 6, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: apiKey.map((key) => ({ "X-Api-Key": key })) },
  { weight: 1, arbitrary: authorizationJunk.map((value) => ({ Authorization: value })) },
);

const sharedRead: fc.Arbitrary<FuzzRequest> = fc
  .record({
    method: fc.oneof({ weight: 5, arbitrary: fc.constant("GET") }, fc.constant("HEAD")),
    path: readPath,
    query: queryString,
    credentials: readCredentials,
    headers: otherHeaders,
  })
  .map(({ method, path, query, credentials, headers }) => ({
    method,
    path: `${path}${query}`,
    headers: { ...headers, ...credentials },
  }));

/** Reads as a signed-in user: never cached, so every one reaches the emulator. */
const personalRead: fc.Arbitrary<FuzzRequest> = fc
  .record({
    path: readPath,
    query: queryString,
    credentials: fc.oneof(
      { weight: 4, arbitrary: signedIn },
      tokenSpec.map((token) => ({ headers: {}, bearer: { prefix: "Bearer ", token, suffix: "" } })),
    ),
    ifNoneMatch: fc.option(ifNoneMatch, { nil: undefined }),
  })
  .map(({ path, query, credentials, ifNoneMatch }) => ({
    method: "GET",
    path: `${path}${query}`,
    headers: ifNoneMatch === undefined ? {} : { "If-None-Match": ifNoneMatch },
    ...(credentials.bearer ? { bearer: credentials.bearer } : {}),
  }));

describe("fuzz: reads", () => {
  const fetcher = fuzzWorker();
  let oracle: StatusOracle;
  beforeAll(async () => {
    oracle = await statusOracle(fetcher);
  });
  afterAll(async () => console.log(await summary()));

  const property = (request: FuzzRequest) =>
    send(fetcher, request).then(async (cases) => {
      for (const sent of cases) await checkInvariants(oracle, sent, KNOWN_BUGS);
    });

  it(
    `anonymous and partner reads keep every invariant (${RUNS.reads} cases)`,
    {
      timeout: 120_000,
    },
    async () => {
      await fc.assert(fc.asyncProperty(sharedRead, property), {
        numRuns: RUNS.reads,
        seed: FUZZ_SEED,
      });
    },
  );

  it(
    `signed-in reads keep every invariant (${RUNS.personalReads} cases)`,
    {
      timeout: 120_000,
    },
    async () => {
      await fc.assert(fc.asyncProperty(personalRead, property), {
        numRuns: RUNS.personalReads,
        seed: FUZZ_SEED,
      });
    },
  );
});
