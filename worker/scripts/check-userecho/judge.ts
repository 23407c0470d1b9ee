/**
 * How the checks judge what UserEcho answered: pure functions from answers (raw, or read by the
 * worker's own code) to checks, and the texts that describe them without quoting a URL, a
 * token or UserEcho's own messages.
 */
import { ApiError, UpstreamRefusedError } from "../../src/errors/index.ts";
import type { Verdict } from "../../src/upstream/capabilities.ts";
import { ALL_PAGE_SIZE, type UpstreamPage } from "../../src/upstream/client.ts";
import { topicInForumAnswer } from "../../src/upstream/inferred.ts";
import type { UpstreamTopic } from "../../src/upstream/model.ts";
import { envelopeOf, type RawAnswer } from "./observe.ts";

/** `pass`: the guess holds; `fail`: it does not (the worker falls back); `unknown`: no telling. */
export type CheckStatus = "pass" | "fail" | "unknown";

/** One row of the report. */
export interface Check {
  id: string;
  status: CheckStatus;
  evidence: string;
  /** For the run-time guesses: what UserEcho did with the parameter. */
  verdict?: Verdict;
  /** Set on a failed check the worker cannot do without: the run exits 1. */
  essential?: true;
}

/** What a call made during the checks gave: the answers recorded meanwhile, and its value or error. */
export type Observed<T> = { answers: RawAnswer[] } & ({ value: T } | { error: unknown });

/** The readings of the forum proof's two answers, as a check (without why it matters). */
export function forumProofCheck(
  forumId: number,
  topicId: number,
  own: Observed<UpstreamPage<UpstreamTopic>>,
  otherId: number | undefined,
  other: Observed<UpstreamPage<UpstreamTopic>> | undefined,
): Check {
  const id = "topics.by-id";
  for (const read of [own, other]) {
    if (read !== undefined && "error" in read) {
      return read.error instanceof UpstreamRefusedError
        ? {
            id,
            status: "fail",
            verdict: "refused",
            evidence: "filter__id__gt refused (an error answer)",
          }
        : { id, status: "unknown", evidence: `could not ask: ${describeError(read.error)}` };
    }
  }
  const reading = (read: Observed<UpstreamPage<UpstreamTopic>> | undefined) =>
    read === undefined || "error" in read
      ? undefined
      : topicInForumAnswer(read.value.items, topicId);
  const ownReading = reading(own);
  const otherReading = reading(other);
  if (ownReading === "ignored" || otherReading === "ignored") {
    return {
      id,
      status: "fail",
      verdict: "ignored",
      evidence: "filter__id__gt ignored (topics with lower ids came back)",
    };
  }
  if (ownReading !== "found") {
    return {
      id,
      status: "fail",
      evidence: `forum ${forumId} does not answer with its own topic ${topicId}`,
    };
  }
  if (otherReading === "found") {
    return {
      id,
      status: "fail",
      evidence: `forum ${otherId} also answers with topic ${topicId} of forum ${forumId}`,
    };
  }
  return {
    id,
    status: "pass",
    verdict: "works",
    evidence:
      `filter__id__gt with order_by=created: forum ${forumId} answers with its topic ${topicId}` +
      (otherId === undefined ? "" : `, forum ${otherId} does not`),
  };
}

/** `details` on a list's answer: present and readable as the worker reads it, or not. */
export function detailsCheck(id: string, answer: RawAnswer | undefined): Check {
  if (answer === undefined) return { id, status: "unknown", evidence: "the list was not read" };
  const envelope = envelopeOf(answer);
  if (envelope.status !== "success") {
    return { id, status: "unknown", evidence: `the list was refused (HTTP ${answer.httpStatus})` };
  }
  if (envelope.details === undefined) {
    return {
      id,
      status: "fail",
      evidence: "absent: the worker pages until a short or empty page, and knows no total",
    };
  }
  const d = isRecord(envelope.details) ? envelope.details : {};
  if (typeof d["count"] !== "number" || d["count"] < 0) {
    const keys = isRecord(envelope.details)
      ? Object.keys(envelope.details).join(", ")
      : typeof envelope.details;
    return { id, status: "fail", evidence: `present but not {count, limit, page, from}: ${keys}` };
  }
  return {
    id,
    status: "pass",
    evidence: `count=${String(d["count"])}, limit=${String(d["limit"] ?? "-")}, page=${String(d["page"] ?? "-")}, from=${String(d["from"] ?? "-")}`,
  };
}

/** A probe's verdict as a check. */
export function verdictCheck(
  id: string,
  read: { value: Verdict | undefined } | { error: unknown },
  texts: Record<Verdict | "unknown", string>,
): Check {
  if ("error" in read) {
    return { id, status: "unknown", evidence: `could not ask: ${describeError(read.error)}` };
  }
  const verdict = read.value;
  if (verdict === undefined) return { id, status: "unknown", evidence: texts.unknown };
  return { id, status: verdict === "works" ? "pass" : "fail", verdict, evidence: texts[verdict] };
}

/**
 * What one list says about `limit=100`: served, capped (and where), or no telling. What came
 * back weighs more than what `details` says: fewer items than were asked and than the list
 * holds is a cap, whatever `details.limit` claims.
 */
export function limitReading(
  name: string,
  read: Observed<{ received: number; total: number | undefined }>,
  command: string,
): { status: CheckStatus; evidence: string; cap?: number } {
  if ("error" in read) {
    const refused = read.error instanceof UpstreamRefusedError;
    return {
      status: refused ? "fail" : "unknown",
      evidence: `${name} ${refused ? "refused it" : `could not be read: ${describeError(read.error)}`}`,
    };
  }
  const { received, total } = read.value;
  const details = envelopeOf(read.answers.find((a) => a.command === command)).details;
  const limit =
    isRecord(details) && typeof details["limit"] === "number" ? details["limit"] : undefined;
  const said =
    `${received} came back` +
    (total === undefined ? "" : ` of ${total}`) +
    (limit === undefined ? "" : `, details.limit=${limit}`);
  const expected = total === undefined ? undefined : Math.min(ALL_PAGE_SIZE, total);
  if (expected !== undefined && received < expected) {
    return { status: "fail", cap: received, evidence: `${name}: capped at ${received} (${said})` };
  }
  if (limit !== undefined) {
    return limit >= ALL_PAGE_SIZE
      ? { status: "pass", evidence: `${name}: ${said}` }
      : { status: "fail", cap: limit, evidence: `${name}: capped at ${limit} (${said})` };
  }
  if (received >= ALL_PAGE_SIZE) return { status: "pass", evidence: `${name}: ${said}` };
  if (expected !== undefined) {
    return { status: "unknown", evidence: `${name}: all ${total} fit in one page (${said})` };
  }
  if (received === 50) {
    return {
      status: "fail",
      cap: 50,
      evidence: `${name}: ${said}, UserEcho's default page: limit ignored?`,
    };
  }
  return { status: "unknown", evidence: `${name}: ${said}: cannot tell` };
}

/**
 * How an answer encodes its list: `[]`, `[n items]`, `null`, `{}`, an object, missing, or not
 * a list answer at all (an error, no envelope).
 */
export function listEncoding(answer: RawAnswer | undefined): string {
  if (answer === undefined) return "no answer";
  const envelope = envelopeOf(answer);
  if (envelope.keys.length === 0) return `no JSON envelope (HTTP ${answer.httpStatus})`;
  if (envelope.status !== "success") return `an error (HTTP ${answer.httpStatus})`;
  if (!envelope.keys.includes("data")) return "data missing";
  return valueShape(envelope.data);
}

/** A value's shape, never its content: `[]`, `[3 items]`, `null`, `{}`, `{a, b}`, `"string"`. */
export function valueShape(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? "[]" : `[${value.length} items]`;
  if (isRecord(value)) {
    const keys = Object.keys(value);
    return keys.length === 0 ? "{}" : `{${keys.join(", ")}}`;
  }
  return typeof value;
}

/** Where a URL in rich text points, by its form (never the URL itself). */
export type UrlForm =
  "absolute" | "protocol-relative" | "root-relative" | "relative" | "data:" | "other scheme";

export function urlForm(value: string): UrlForm {
  const url = value.trim();
  if (/^https?:\/\//i.test(url)) return "absolute";
  if (url.startsWith("//")) return "protocol-relative";
  if (url.startsWith("/")) return "root-relative";
  if (/^data:/i.test(url)) return "data:";
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return "other scheme";
  return "relative";
}

/**
 * Where a relative URL points, without the part that names a thing: its leading segments up to
 * the first that holds a digit, at most two (`/s/attachments/…`, `/topics/…`).
 */
export function pathPattern(value: string): string {
  const segments = value.trim().split(/[?#]/)[0]!.split("/").filter(Boolean);
  const kept: string[] = [];
  for (const segment of segments) {
    if (kept.length === 2 || /\d/.test(segment)) break;
    kept.push(segment);
  }
  const prefix = value.trim().startsWith("/") ? "/" : "";
  return `${prefix}${kept.join("/")}${kept.length < segments.length ? `${kept.length > 0 ? "/" : ""}…` : ""}`;
}

/** The `src` of every `<img>` and the `href` of every `<a>` in a piece of HTML. */
export function embeddedUrls(html: string): { images: string[]; links: string[] } {
  const values = (tag: string, attribute: string) =>
    [
      ...html.matchAll(
        new RegExp(
          `<${tag}\\b[^>]*?\\s${attribute}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`,
          "gi",
        ),
      ),
    ].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
  return { images: values("img", "src"), links: values("a", "href") };
}

/** A worker error's own text (fixed texts, never UserEcho's message or a URL). */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? `unexpected ${error.name}` : "unexpected failure";
}

/** An envelope's status and keys; never its message. */
export function describeEnvelope(envelope: ReturnType<typeof envelopeOf>): string {
  if (envelope.keys.length === 0) return "no JSON envelope";
  const status = typeof envelope.status === "string" ? JSON.stringify(envelope.status) : "none";
  // UserEcho's message is not shown: its texts mean nothing, and could echo the request.
  return `status ${status}, keys ${envelope.keys.join(", ")}`;
}

/** Items the worker's schemas dropped, counted per command (ids folded) and field. */
export function summariseDropped(dropped: readonly { command: string; field: string }[]): string {
  const counts = new Map<string, number>();
  for (const { command, field } of dropped) {
    const key = `${command.replace(/\d+/g, "{id}")} (field ${field})`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => `${count} × ${key}`).join(", ");
}

/** Counts of the shapes of a field's values: object, bare id, null, other. */
export function shapes(values: readonly unknown[]): string {
  return countShapes(
    values.map((v) =>
      v === null
        ? "null"
        : typeof v === "number"
          ? "bare id"
          : isRecord(v) && typeof v["id"] === "number"
            ? "object"
            : "other",
    ),
  );
}

/** `object: 3, bare id: 1`. */
export function countShapes(kinds: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => `${kind}: ${count}`).join(", ");
}

/** A plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value if it is an array, else an empty one. */
export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** An absolute http(s) URL, as the worker accepts a topic's `url`. */
export function isHttpUrl(value: unknown): boolean {
  return typeof value === "string" && /^https?:\/\//i.test(value);
}
