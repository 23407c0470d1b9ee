/**
 * Stable RFC 9457 problem `type` URIs. Clients (the widget, partners) switch on these, so a value
 * here never changes meaning once released. Kept free of runtime dependencies so the widget can
 * import it without pulling in the schema library.
 */
export const PROBLEM_BASE = "https://userecho-edge.dev/problems/";

/**
 * The window of every rate limit, and so the `Retry-After` of every 429, in seconds. The worker's
 * rate-limit bindings (wrangler.toml) all use it; test/deploy checks that they do.
 */
export const RATE_LIMIT_PERIOD_SECONDS = 60;

export const ProblemType = {
  invalidParameter: `${PROBLEM_BASE}invalid-parameter`,
  invalidBody: `${PROBLEM_BASE}invalid-body`,
  unauthorized: `${PROBLEM_BASE}unauthorized`,
  forbiddenOrigin: `${PROBLEM_BASE}forbidden-origin`,
  forbidden: `${PROBLEM_BASE}forbidden`,
  notFound: `${PROBLEM_BASE}not-found`,
  payloadTooLarge: `${PROBLEM_BASE}payload-too-large`,
  headersTooLarge: `${PROBLEM_BASE}headers-too-large`,
  unsupportedMediaType: `${PROBLEM_BASE}unsupported-media-type`,
  idempotencyConflict: `${PROBLEM_BASE}idempotency-conflict`,
  writeOutcomeUnknown: `${PROBLEM_BASE}write-outcome-unknown`,
  votingHandoff: `${PROBLEM_BASE}voting-handoff`,
  voteBudgetSpent: `${PROBLEM_BASE}vote-budget-spent`,
  upstreamRejected: `${PROBLEM_BASE}upstream-rejected`,
  userRefused: `${PROBLEM_BASE}user-refused`,
  overloaded: `${PROBLEM_BASE}overloaded`,
  methodNotAllowed: `${PROBLEM_BASE}method-not-allowed`,
  rateLimited: `${PROBLEM_BASE}rate-limited`,
  upstreamError: `${PROBLEM_BASE}upstream-error`,
  upstreamUnavailable: `${PROBLEM_BASE}upstream-unavailable`,
  upstreamTimeout: `${PROBLEM_BASE}upstream-timeout`,
  misconfigured: `${PROBLEM_BASE}misconfigured`,
  internal: `${PROBLEM_BASE}internal`,
} as const;

export type ProblemType = (typeof ProblemType)[keyof typeof ProblemType];

/** The media type of every error response of the worker. */
export const PROBLEM_CONTENT_TYPE = "application/problem+json";
