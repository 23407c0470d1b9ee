/**
 * What the worker's own client does not hand back but the check reports: each raw answer
 * (HTTP status and envelope, to see `details`, `category`, error shapes) and the worker's warning
 * lines (items its schemas dropped). URLs are kept as commands (`forums/1/topics`), never with
 * their query string, which carries the token.
 */
import type { EntityReader } from "../../src/upstream/normalise/index.ts";

/** One upstream answer as UserEcho sent it. */
export interface RawAnswer {
  /** The path below the API base, without `.json`: `forums/1/topics`. */
  command: string;
  httpStatus: number;
  /** The parsed body, or `undefined` when it was not JSON. */
  body: unknown;
}

/** A fetch for `UserEchoClient` that keeps every answer it passes on. */
export class AnswerRecorder {
  readonly answers: RawAnswer[] = [];
  readonly #basePath: string;

  constructor(baseUrl: string) {
    this.#basePath = new URL(baseUrl).pathname.replace(/\/+$/, "");
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    const command = url.pathname.slice(this.#basePath.length + 1).replace(/\.json$/, "");
    let body: unknown;
    try {
      body = JSON.parse(await response.clone().text());
    } catch {
      body = undefined;
    }
    this.answers.push({ command, httpStatus: response.status, body });
    return response;
  };

  /** The first answer to `command`, if it was asked. */
  first(command: string): RawAnswer | undefined {
    return this.answers.find((answer) => answer.command === command);
  }
}

/** An item the worker's schemas dropped, as the client logs it (id and field, never content). */
export interface DroppedItem {
  command: string;
  id: number | null;
  field: string;
}

/**
 * Collects the worker's `console.warn` lines while the checks run (they would otherwise be
 * mixed into the report) and keeps the dropped items among them.
 */
export function captureWorkerWarnings(): { dropped: DroppedItem[]; restore: () => void } {
  const dropped: DroppedItem[] = [];
  const original = console.warn;
  console.warn = (...parts: unknown[]) => {
    try {
      const line = JSON.parse(String(parts[0])) as Partial<DroppedItem> & { message?: string };
      if (line.message === "upstream item dropped") {
        dropped.push({
          command: String(line.command),
          id: typeof line.id === "number" ? line.id : null,
          field: String(line.field),
        });
      }
    } catch {
      // Not one of the worker's JSON lines: nothing the report needs.
    }
  };
  return { dropped, restore: () => (console.warn = original) };
}

/** The envelope's parts, read loosely: whatever UserEcho sent. */
export function envelopeOf(answer: RawAnswer | undefined): {
  status: unknown;
  data: unknown;
  details: unknown;
  keys: string[];
} {
  const body = answer?.body;
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { status: undefined, data: undefined, details: undefined, keys: [] };
  }
  const record = body as Record<string, unknown>;
  return {
    status: record["status"],
    data: record["data"],
    details: record["details"],
    keys: Object.keys(record),
  };
}

/**
 * Items as UserEcho sent them, unread: for shapes nothing in the worker reads yet (a user's
 * subscriptions, user groups), which the check reports as they are.
 */
export const asSent: EntityReader<unknown> = {
  name: "as sent",
  read: (raw) => raw ?? undefined,
  missing: () => "(item)",
};
