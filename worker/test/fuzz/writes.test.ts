import fc from "fast-check";
import { SsoLink } from "@userecho-edge/shared";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  contentType,
  createCommentBody,
  createTopicBody,
  credentialHeaders,
  forumIds,
  idempotencyKey,
  idSegment,
  origin,
  signedIn,
  ssoLinkBody,
  topicIds,
  voteBody,
  writeBody,
} from "./arbitraries.ts";
import {
  assertOneWritePerKey,
  checkInvariants,
  FUZZ_SEED,
  fuzzWorker,
  RUNS,
  send,
  statusOracle,
  summary,
  type FuzzRequest,
  type SentCase,
  type StatusOracle,
} from "./index.ts";
import { KNOWN_BUGS } from "./known-bugs.ts";
import { credentials } from "../support/index.ts";

const COMMUNITY_ORIGIN = `https://${credentials.alias}.userecho.com`;

/** A write route with a fuzzed id (mostly a real one) and a body shaped for it (or not). */
const writeTarget = fc.oneof(
  fc.record({
    path: idSegment(forumIds, 40).map((id) => `/v1/forums/${id}/topics`),
    body: writeBody(createTopicBody),
  }),
  fc.record({
    path: idSegment(topicIds, 40).map((id) => `/v1/topics/${id}/comments`),
    body: writeBody(createCommentBody),
  }),
  fc.record({
    path: idSegment(topicIds, 40).map((id) => `/v1/topics/${id}/votes`),
    body: writeBody(voteBody),
  }),
);

/** Mostly `usual`, sometimes any value of `other`, now and then absent. */
const mostly = (usual: string, other: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 16, arbitrary: fc.constant(usual) },
    { weight: 3, arbitrary: other },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );

/** The headers of a write: mostly a browser on an allowed origin, sometimes anything. */
const writeHeaders = fc
  .record({
    Origin: mostly("https://site.example", origin),
    "Content-Type": mostly("application/json", contentType),
    "Idempotency-Key": fc.option(idempotencyKey, { nil: undefined }),
  })
  .map(
    (headers) =>
      Object.fromEntries(
        Object.entries(headers).filter(([, value]) => value !== undefined),
      ) as Record<string, string>,
  );

const writeCredentials = fc.oneof({ weight: 6, arbitrary: signedIn }, credentialHeaders);

/** Sometimes a retry: same token and key, same or another body, in turn or at once. */
const retry = fc.option(
  fc.record(
    {
      body: fc.constantFrom('{"text":"a different body"}', '{"value":1}'),
      concurrent: fc.boolean(),
    },
    { requiredKeys: ["concurrent"] },
  ),
  { nil: undefined, freq: 6 },
);

function request(
  target: { path: string; body: string | Uint8Array },
  headers: Record<string, string>,
  auth: Pick<FuzzRequest, "headers" | "bearer">,
  again: FuzzRequest["retry"],
): FuzzRequest {
  return {
    method: "POST",
    path: target.path,
    headers: { ...headers, ...auth.headers },
    body: target.body,
    ...(auth.bearer ? { bearer: auth.bearer } : {}),
    // Without a key, a retry is simply a second write.
    ...(again && "Idempotency-Key" in headers ? { retry: again } : {}),
  };
}

const writeRequest = fc
  .record({
    target: writeTarget,
    headers: writeHeaders,
    auth: writeCredentials,
    retry,
    inlineVoting: fc.boolean(),
  })
  .map(({ target, headers, auth, retry, inlineVoting }) => ({
    request: request(target, headers, auth, retry),
    inlineVoting,
  }));

const ssoLinkRequest = fc
  .record({
    body: writeBody(ssoLinkBody),
    headers: writeHeaders,
    auth: writeCredentials,
  })
  .map(({ body, headers, auth }) =>
    request({ path: "/v1/sso/link", body }, headers, auth, undefined),
  );

/** A link from /v1/sso/link leads to the community and nowhere else (no open redirect). */
function assertCommunityLink(sent: SentCase): void {
  if (sent.response.status !== 200) return;
  const { url } = SsoLink.parse(JSON.parse(sent.body));
  const target = new URL(url);
  if (target.origin !== COMMUNITY_ORIGIN || target.username || target.password) {
    throw new Error(`sso link leaves the community: ${url}`);
  }
  if (target.searchParams.getAll("sso_token").length !== 1) {
    throw new Error(`sso link must carry exactly one sso_token: ${url}`);
  }
}

describe("fuzz: writes", () => {
  // VOTING=community (the default) hands votes off with 409; inline sends them upstream.
  const community = fuzzWorker();
  const inline = fuzzWorker({ VOTING: "inline" });
  let oracle: StatusOracle;
  beforeAll(async () => {
    oracle = await statusOracle(community);
  });
  afterAll(async () => console.log(await summary()));

  it(
    `topic, comment and vote writes keep every invariant (${RUNS.writes} cases)`,
    {
      timeout: 120_000,
    },
    async () => {
      await fc.assert(
        fc.asyncProperty(writeRequest, async ({ request, inlineVoting }) => {
          const cases = await send(inlineVoting ? inline : community, request);
          for (const sent of cases) await checkInvariants(oracle, sent, KNOWN_BUGS);
          if (request.retry) assertOneWritePerKey(cases);
        }),
        { numRuns: RUNS.writes, seed: FUZZ_SEED },
      );
    },
  );

  it(
    `SSO links keep every invariant and stay on the community (${RUNS.ssoLink} cases)`,
    {
      timeout: 120_000,
    },
    async () => {
      await fc.assert(
        fc.asyncProperty(ssoLinkRequest, async (request) => {
          for (const sent of await send(community, request)) {
            await checkInvariants(oracle, sent, KNOWN_BUGS);
            assertCommunityLink(sent);
          }
        }),
        { numRuns: RUNS.ssoLink, seed: FUZZ_SEED },
      );
    },
  );
});
