import type { ProblemType } from "@userecho-edge/shared";
import { ApiRequestError } from "../api/client.ts";
import { fill } from "../i18n/messages.ts";
import type en from "./locales/en.ts";

/** Every explanation of a failure. English (`locales/en.ts`) defines the keys. */
export type ErrorMessages = { readonly [K in keyof typeof en]: string };

/** The last segment of each `ProblemType` URI (`rate-limited`, …): stable, as the URIs are. */
type Slug<T> = T extends `${string}/problems/${infer S}` ? S : never;
export type ProblemSlug = Slug<ProblemType>;

/**
 * The limits the worker checks writes against (the `/v1` contract: title trimmed 3–200,
 * description at most 20 000, comment trimmed 1–10 000), so the widget refuses the same input
 * before sending it, with the same message.
 */
export const LIMITS = {
  title: { min: 3, max: 200, message: "titleLength" },
  description: { min: 0, max: 20_000, message: "descriptionLength" },
  text: { min: 1, max: 10_000, message: "commentLength" },
} as const satisfies Record<string, { min: number; max: number; message: keyof ErrorMessages }>;

export type Field = keyof typeof LIMITS;

/** The message key for a field's value the worker would refuse; `undefined` when it is fine. */
export function invalidField(field: Field, value: string): keyof ErrorMessages | undefined {
  const { min, max, message } = LIMITS[field];
  const length = (field === "description" ? value : value.trim()).length;
  return length < min || length > max ? message : undefined;
}

/** What was being loaded or sent, so "not found" can say what is missing. */
export interface Subject {
  /** The forum of a board whose topics did not load; not a forum id when none is set. */
  forum?: number;
  /** A topic (its detail or comments) did not load. */
  topic?: boolean;
}

/** Formats a field's message with its limits written the locale's way. */
export function fieldMessage(
  messages: ErrorMessages,
  number: (n: number) => string,
  key: keyof ErrorMessages,
): string {
  const limits = Object.values(LIMITS).find((limit) => limit.message === key);
  return fill(messages[key], limits ? { min: number(limits.min), max: number(limits.max) } : {});
}

const BY_SLUG: Partial<Record<ProblemSlug, keyof ErrorMessages>> = {
  "rate-limited": "rateLimited",
  "upstream-unavailable": "unavailable",
  "upstream-timeout": "unavailable",
  "upstream-error": "unavailable",
  internal: "unavailable",
  misconfigured: "unavailable",
  unauthorized: "unauthorized",
  "forbidden-origin": "forbiddenOrigin",
  "idempotency-conflict": "duplicate",
  "voting-handoff": "votingHandoff",
  "vote-budget-spent": "voteBudgetSpent",
  "write-outcome-unknown": "writeOutcomeUnknown",
  "upstream-rejected": "rejected",
  "payload-too-large": "descriptionLength",
};

/**
 * One localised sentence for a failure, chosen by the worker's problem `type` (and, for invalid
 * input, its `parameter`), else by the HTTP status; never the worker's English `detail`. A
 * request that got no answer (status 0) is a connection problem.
 */
export function describeError(
  messages: ErrorMessages,
  number: (n: number) => string,
  error: unknown,
  subject: Subject = {},
): string {
  const { forum } = subject;
  if (forum !== undefined && !(Number.isInteger(forum) && forum > 0)) return messages.forumMissing;
  if (!(error instanceof ApiRequestError)) return messages.unknown;
  const { status, problem } = error;
  if (status === 0) return messages.network;
  // Any JSON error body parses as a "problem"; only the worker's carry a string `type`.
  const type: unknown = problem?.type;
  const slug = (typeof type === "string" ? type.split("/problems/")[1] : undefined) as
    ProblemSlug | undefined;
  let key: keyof ErrorMessages | undefined = slug && BY_SLUG[slug];
  if (slug === "invalid-body" || slug === "invalid-parameter") {
    const parameter = problem?.parameter;
    key =
      parameter === "title" || parameter === "description" || parameter === "text"
        ? LIMITS[parameter].message
        : "invalid";
  }
  if (slug === "not-found" || (!key && status === 404)) {
    key = subject.forum ? "forumNotFound" : subject.topic ? "topicNotFound" : "notFound";
  }
  key ??=
    status === 429
      ? "rateLimited"
      : status === 401
        ? "unauthorized"
        : status === 403
          ? "forbiddenOrigin"
          : status >= 500
            ? "unavailable"
            : "unknown";
  return key === "forumNotFound"
    ? fill(messages.forumNotFound, { forum: subject.forum ?? "" })
    : fieldMessage(messages, number, key);
}
