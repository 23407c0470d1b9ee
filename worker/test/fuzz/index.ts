/**
 * Property-based fuzzing of `/v1`: the invariants every response must hold, the oracle of
 * documented statuses (read from `/v1/openapi.json`), and the runner that turns a generated
 * {@link FuzzRequest} into a real request to the worker in workerd.
 */
import { PROBLEM_BASE, PROBLEM_CONTENT_TYPE, ProblemType } from "@userecho-edge/shared";
import type { RequestLogLine } from "../../src/middleware/request-log/index.ts";
import { emulatorStats, workerWith } from "../support/index.ts";
import { assertNoSecrets, assertNoSecretsIn } from "@userecho-edge/emulator/secrets";
import { signToken, type TokenSpec } from "./tokens.ts";

export { assertNoSecrets, assertNoSecretsIn } from "@userecho-edge/emulator/secrets";

/**
 * One seed for every property, so a CI failure replays locally. fast-check prints the seed and
 * the shrunk counterexample (and its `path`) when a property fails.
 */
export const FUZZ_SEED = 20_261_101;

/**
 * Cases per property: 10 000 in all, about 45 s of test time on two cores. Writes cost the most
 * (many reach the emulator, and each success bumps cache generations).
 */
export const RUNS = {
  routes: 3_500,
  reads: 3_500,
  personalReads: 800,
  writes: 1_500,
  ssoLink: 700,
} as const;

/** A request as the arbitraries describe it; the token is signed only when it is sent. */
export interface FuzzRequest {
  method: string;
  /** Path and query, as a client would write them (the URL parser normalises dot segments). */
  path: string;
  headers: Readonly<Record<string, string>>;
  /** `Authorization: <prefix><signed token><suffix>`, signed with a fresh `sub` per case. */
  bearer?: { prefix: string; token: TokenSpec; suffix: string };
  body?: string | Uint8Array;
  /**
   * Send it a second time with the same headers (same token, same `Idempotency-Key`), the same
   * body or `body`, one after the other or both at once.
   */
  retry?: { body?: string; concurrent: boolean };
}

/** What the invariants look at, beside the response. */
export interface SentCase {
  request: FuzzRequest;
  /** The method the worker saw: fetch upper-cases `get`, `post` … but not `patch`. */
  method: string;
  /** The URL the worker saw (after the client's URL parsing). */
  url: URL;
  response: Response;
  body: string;
}

/** How a case reaches the worker: `workerWith(...).fetch` or `worker`. */
export type Sender = (path: string, init?: RequestInit) => Promise<Response>;

const BASE = "https://edge.test";

/**
 * A worker with the deployed configuration (wrangler.toml plus the test secrets), whose request
 * log is checked for secrets instead of printed: ten thousand log lines would drown the output,
 * and a log line is one more place a key must never reach.
 */
export function fuzzWorker(vars: Partial<Env> = {}): Sender {
  const app = workerWith(vars, {
    log: (line: RequestLogLine) => assertNoSecretsIn(JSON.stringify(line), "request log line"),
  });
  return (path, init) => app.fetch(path, init);
}

/**
 * Sends `request` (signing its token now) and reads the whole response; with `retry`, sends it
 * again with the same token and returns both cases.
 */
export async function send(fetcher: Sender, request: FuzzRequest): Promise<SentCase[]> {
  const headers = new Headers(request.headers);
  // What Cloudflare would say: a client of its own per case (a retry is the same client).
  if (!headers.has("CF-Connecting-IP")) headers.set("CF-Connecting-IP", nextClientAddress());
  const apiKey = headers.get("X-Api-Key");
  if (request.bearer) {
    const token = await signToken(request.bearer.token);
    headers.set("Authorization", `${request.bearer.prefix}${token}${request.bearer.suffix}`);
  }
  const url = new URL(request.path, BASE);
  const { method } = new Request(url, { method: request.method });
  const once = async (body: string | Uint8Array | undefined): Promise<SentCase> => {
    const init: RequestInit = { method: request.method, headers };
    if (body !== undefined) init.body = body;
    if (apiKey !== null) apiKeyUses.set(apiKey, (apiKeyUses.get(apiKey) ?? 0) + 1);
    const response = await fetcher(request.path, init);
    return { request, method, url, response, body: await response.clone().text() };
  };
  const { retry } = request;
  if (!retry) return [await once(request.body)];
  const again = retry.body ?? request.body;
  if (retry.concurrent) return Promise.all([once(request.body), once(again)]);
  return [await once(request.body), await once(again)];
}

let clientAddresses = 0;

/** 10.0.0.1, 10.0.0.2, …: no two cases share a per-IP bucket, so no case exhausts one. */
function nextClientAddress(): string {
  const n = ++clientAddresses;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** How often each `X-Api-Key` value was sent: a partner's key is its own rate-limit bucket. */
const apiKeyUses = new Map<string, number>();

/** Reads per partner key per minute (wrangler.toml, PARTNER_RATE_LIMITER). */
const PARTNER_READS_PER_MINUTE = 1200;

type OpenApi = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

/** Which statuses a request may get, according to the API's own description. */
export interface StatusOracle {
  allowed(method: string, url: URL, headers: Headers): ReadonlySet<number>;
}

/**
 * Builds the oracle from `/v1/openapi.json`:
 *
 * - a documented operation: its documented responses, plus 401 (bad credentials are refused on
 *   every `/v1` route, the document's global `security`), 429 (the per-IP and per-partner read
 *   limits run before every route) and 431 (headers over 16 KiB are refused before anything
 *   else), minus every 5xx: the emulator is healthy, so a 502/503/504
 *   would be the worker's fault, and 500 `misconfigured` cannot happen with this configuration;
 * - an undocumented path or method under `/v1`: 404 or 405, or 401/429/431 from the same
 *   middleware;
 * - a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`): 204, or 431;
 * - outside `/v1`: 404.
 */
export async function statusOracle(fetcher: Sender): Promise<StatusOracle> {
  const response = await fetcher("/v1/openapi.json");
  if (response.status !== 200) throw new Error(`openapi.json answered ${response.status}`);
  const document = (await response.json()) as OpenApi;
  const routes = Object.entries(document.paths).map(([template, operations]) => ({
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
    operations,
  }));
  return {
    allowed(method, url, headers) {
      const path = url.pathname;
      if (!path.startsWith("/v1/") && path !== "/v1") return new Set([404]);
      if (method === "OPTIONS" && headers.has("Access-Control-Request-Method")) {
        return new Set([204, 431]);
      }
      const operation = routes.find((route) => route.pattern.test(path))?.operations[
        method === "HEAD" ? "get" : method.toLowerCase()
      ];
      const statuses = operation ? Object.keys(operation.responses).map(Number) : [404, 405];
      return new Set([...statuses, 401, 429, 431].filter((status) => status < 500));
    },
  };
}

const STACK_TRACE = [
  /(?:^|\n|\\n)\s*at [^\n]*:\d+:\d+/, // a V8 frame: "    at fn (file.ts:12:5)"
  /\.(?:ts|js|mjs|cjs|tsx):\d+/, // a source position
  /node_modules/,
  /file:\/\//,
  /\b(?:TypeError|RangeError|ReferenceError|SyntaxError|ZodError): /,
];

/** Throws when `text` looks like it carries a stack trace or a source path. */
export function assertNoStackTrace(text: string, where = "body"): void {
  for (const pattern of STACK_TRACE) {
    const match = pattern.exec(text);
    if (match) throw new Error(`${where} looks like a stack trace: ${JSON.stringify(match[0])}`);
  }
}

const PROBLEM_TYPES: ReadonlySet<string> = new Set(Object.values(ProblemType));

/**
 * Throws unless an error response (status >= 400) is RFC 9457 `application/problem+json` whose
 * `type` is one of ours, `title` is set and `status` equals the HTTP status, and is not
 * publicly cacheable. HEAD responses carry no body, so only their headers are checked.
 */
export function assertProblem(method: string, response: Response, body: string): void {
  const type = response.headers.get("Content-Type") ?? "";
  if (!type.toLowerCase().startsWith(PROBLEM_CONTENT_TYPE)) {
    throw new Error(`error ${response.status} has Content-Type ${JSON.stringify(type)}`);
  }
  if (/\bpublic\b/i.test(response.headers.get("Cache-Control") ?? "")) {
    throw new Error(`error ${response.status} is publicly cacheable`);
  }
  if (method === "HEAD") return;
  let problem: Record<string, unknown>;
  try {
    problem = JSON.parse(body) as Record<string, unknown>;
  } catch {
    throw new Error(`error ${response.status} body is not JSON: ${body.slice(0, 200)}`);
  }
  if (typeof problem !== "object" || problem === null) throw new Error("problem is not an object");
  if (typeof problem["type"] !== "string" || !PROBLEM_TYPES.has(problem["type"])) {
    throw new Error(`problem type ${JSON.stringify(problem["type"])} is not under ${PROBLEM_BASE}`);
  }
  if (typeof problem["title"] !== "string" || problem["title"] === "") {
    throw new Error("problem has no title");
  }
  if (problem["status"] !== response.status) {
    throw new Error(`problem status ${String(problem["status"])} != HTTP ${response.status}`);
  }
}

/** The invariants a known bug may break (leaks and stack traces are never excused). */
export type Invariant = "status" | "problem" | "personal" | "cors" | "limits";

/** A response the suite accepts although it is wrong: a bug with a failing test of its own. */
export interface KnownBug {
  /** The focused test that fails until the bug is fixed: `worker/src/fuzz/<test>`. */
  test: string;
  /** The one invariant the bug breaks; the case's other invariants are still checked. */
  invariant: Invariant;
  matches(sent: SentCase): boolean;
}

/** How often each known bug was seen, for the summary the properties print. */
export const knownBugHits = new Map<string, number>();

/** Statuses seen in this test file, so a run shows how much got past validation. */
export const statusCounts = new Map<number, number>();

/** One line for the end of a test file: statuses seen, upstream calls, known bugs hit. */
export async function summary(): Promise<string> {
  const statuses = [...statusCounts].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
  const bugs = [...knownBugHits].map(([test, n]) => `${test}×${n}`);
  const { requests } = await emulatorStats();
  return (
    `statuses ${statuses.join(" ")}; emulator requests ${requests}` +
    (bugs.length ? `; known bugs: ${bugs.join(", ")}` : "")
  );
}

/**
 * Checks the invariants on one case and throws on the first broken one:
 *
 * 1. the status is documented (see {@link statusOracle}): never a 5xx, but for the stated bound
 *    on upstream lookups ({@link isShedLoad});
 * 2. an error is a problem document whose `status` is the HTTP status;
 * 3. no header or body carries a secret, raw or encoded ({@link assertNoSecrets});
 * 4. no body carries a stack trace ({@link assertNoStackTrace});
 * 5. (beyond the brief, as cheap) a personal response is never publicly cacheable, and CORS
 *    never allows an origin outside `ALLOWED_ORIGINS`;
 * 6. no 429 comes from a bucket the client chose with a header ({@link assertOwnBucket}).
 *
 * A broken 1, 2, 5 or 6 that one of `knownBugs` explains is counted, not failed: the bug's own test
 * fails instead, and the run goes on looking for new bugs. Leaks (3, 4) are never excused.
 */
export async function checkInvariants(
  oracle: StatusOracle,
  sent: SentCase,
  knownBugs: readonly KnownBug[] = [],
): Promise<void> {
  const { method, response, body } = sent;
  statusCounts.set(response.status, (statusCounts.get(response.status) ?? 0) + 1);
  await assertNoSecrets(response);
  assertNoStackTrace(body);
  const checks: [Invariant, () => void][] = [
    ["status", () => assertDocumentedStatus(oracle, sent)],
    [
      "problem",
      () => {
        if (response.status >= 400) assertProblem(method, response, body);
      },
    ],
    ["personal", () => assertNotSharedIfPersonal(sent)],
    ["cors", () => assertCors(sent)],
    ["limits", () => assertOwnBucket(sent)],
  ];
  for (const [invariant, check] of checks) {
    try {
      check();
    } catch (error) {
      const known = knownBugs.find((bug) => bug.invariant === invariant && bug.matches(sent));
      if (!known) throw error;
      knownBugHits.set(known.test, (knownBugHits.get(known.test) ?? 0) + 1);
    }
  }
}

/**
 * A 429 is the client's own doing only when its own bucket is over the limit: every case comes
 * from an address of its own ({@link send}), every signed-in case is a user of its own, so only a
 * partner key used more than its limit may be refused. Any other 429 was charged to a bucket that
 * a header the client writes (`X-Forwarded-For`, …) chose, and one client could exhaust another's.
 */
export function assertOwnBucket(sent: SentCase): void {
  if (sent.response.status !== 429) return;
  const apiKey = new Headers(sent.request.headers).get("X-Api-Key");
  if (apiKey !== null && (apiKeyUses.get(apiKey) ?? 0) > PARTNER_READS_PER_MINUTE) return;
  throw new Error(
    `429 for ${sent.method} ${sent.url.pathname} from a bucket the client did not exhaust; ` +
      `headers: ${JSON.stringify(sent.request.headers)}`,
  );
}

/**
 * Of the two requests of a retry (one Idempotency-Key, one user), at most one may be answered
 * with a write of its own: any other success is the first one replayed (`Idempotent-Replayed`).
 */
export function assertOneWritePerKey(cases: readonly SentCase[]): void {
  const made = cases.filter(
    ({ response }) =>
      response.status >= 200 &&
      response.status < 300 &&
      response.headers.get("Idempotent-Replayed") !== "true",
  );
  if (made.length > 1) {
    const { request } = cases[0]!;
    throw new Error(
      `${made.length} writes for one Idempotency-Key (${request.retry?.concurrent ? "concurrent" : "in turn"}): ` +
        `${request.method} ${request.path}, statuses ${cases.map((c) => c.response.status).join(", ")}`,
    );
  }
}

/** Throws unless the status is one the {@link StatusOracle} allows for this request. */
export function assertDocumentedStatus(oracle: StatusOracle, sent: SentCase): void {
  const allowed = oracle.allowed(sent.method, sent.url, new Headers(sent.request.headers));
  if (!allowed.has(sent.response.status) && !isShedLoad(sent)) {
    throw new Error(
      `${sent.method} ${sent.url.pathname} answered ${sent.response.status}, ` +
        `documented: ${[...allowed].sort().join(", ")}; body: ${sent.body.slice(0, 300)}`,
    );
  }
}

/**
 * The one 5xx a healthy UserEcho may still see: the worker's own bound on the upstream calls that
 * visitors' requests cause (FORUM_PROOFS_PER_MINUTE), a 503 `overloaded` that says when to come
 * back. Like a 429, it is the stated limit at work, not a failure.
 */
function isShedLoad(sent: SentCase): boolean {
  if (sent.response.status !== 503 || !sent.response.headers.has("Retry-After")) return false;
  try {
    return (JSON.parse(sent.body) as { type?: unknown }).type === ProblemType.overloaded;
  } catch {
    return false;
  }
}

/**
 * A response to a request with `Authorization` is personal (README, "Edge cache"): it must not
 * be publicly cacheable, or a shared cache would hand one user's view to the next. The OpenAPI
 * document is the same for everyone and exempt.
 */
export function assertNotSharedIfPersonal(sent: SentCase): void {
  const personal = sent.request.bearer !== undefined || "Authorization" in sent.request.headers;
  if (!personal || sent.url.pathname === "/v1/openapi.json") return;
  const cacheControl = sent.response.headers.get("Cache-Control") ?? "";
  if (/\bpublic\b/i.test(cacheControl)) {
    throw new Error(`personal ${sent.response.status} is publicly cacheable: ${cacheControl}`);
  }
}

/**
 * The test configuration's `ALLOWED_ORIGINS` ("https://site.example, https://*.customer.example"),
 * written out independently of the worker's matcher.
 */
const ALLOWED_ORIGIN =
  /^https:\/\/(?:site\.example|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.customer\.example)$/i;

/**
 * CORS: `Access-Control-Allow-Origin` only ever echoes the request's own `Origin`, and only an
 * allowed one (never `*` or `null`); every `/v1` answer says `Vary: Origin`.
 */
export function assertCors(sent: SentCase): void {
  const allowOrigin = sent.response.headers.get("Access-Control-Allow-Origin");
  const origin = new Headers(sent.request.headers).get("Origin");
  if (allowOrigin !== null && (allowOrigin !== origin || !ALLOWED_ORIGIN.test(allowOrigin))) {
    throw new Error(
      `CORS allows ${JSON.stringify(allowOrigin)} for Origin ${JSON.stringify(origin)}`,
    );
  }
  const vary = sent.response.headers.get("Vary") ?? "";
  if (/^\/v1(?:\/|$)/.test(sent.url.pathname) && !/\borigin\b/i.test(vary)) {
    throw new Error(`/v1 answer without Vary: Origin (Vary: ${JSON.stringify(vary)})`);
  }
}
