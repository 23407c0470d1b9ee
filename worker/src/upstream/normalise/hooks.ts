/**
 * UserEcho's webhooks, read like every other answer: the events `GET hooks/events` names, a
 * registered hook, and what a delivery's `data` (a topic or a comment "as in the API") says it
 * is about. The field names no source shows are guesses, kept in upstream/inferred.ts.
 */
import {
  HOOK_COMMENT_TOPIC_FIELDS,
  HOOK_EVENT_NAME_FIELDS,
  HOOK_TOPIC_FORUM_FIELDS,
} from "../inferred.ts";
import type { UpstreamHook } from "../model.ts";
import type { EntityReader } from "./entities.ts";
import { isRecord, readId, readText } from "./values.ts";

const EVENT_NAME = /^[a-z_]+\.[a-z_]+$/;

function field(data: unknown, name: string): unknown {
  return isRecord(data) ? data[name] : undefined;
}

/** An id, or an object `{id}`: how a delivery may name what it belongs to. */
function idOrObjectId(value: unknown): number | undefined {
  return readId(value) ?? readId(field(value, "id"));
}

/** The topic or comment a delivery is about: `data.id`, as the API shows objects. */
export function hookObjectId(data: unknown): number | undefined {
  return readId(field(data, "id"));
}

/** The forum of a delivered topic, when the delivery says. */
export function hookTopicForumId(data: unknown): number | undefined {
  for (const name of HOOK_TOPIC_FORUM_FIELDS) {
    const id = idOrObjectId(field(data, name));
    if (id !== undefined) return id;
  }
  return undefined;
}

/** The topic of a delivered comment, when the delivery says. */
export function hookCommentTopicId(data: unknown): number | undefined {
  for (const name of HOOK_COMMENT_TOPIC_FIELDS) {
    const id = idOrObjectId(field(data, name));
    if (id !== undefined) return id;
  }
  return undefined;
}

/** The event names in an answer of `GET hooks/events`; `undefined` when it names none readably. */
export function readHookEvents(data: unknown): string[] | undefined {
  const isName = (value: unknown): value is string =>
    typeof value === "string" && EVENT_NAME.test(value);
  if (Array.isArray(data)) {
    const names = data.map((item) =>
      isName(item) ? item : HOOK_EVENT_NAME_FIELDS.map((name) => field(item, name)).find(isName),
    );
    return names.every(isName) ? names : undefined;
  }
  if (isRecord(data)) {
    const names = Object.keys(data);
    return names.length > 0 && names.every(isName) ? names : undefined;
  }
  return undefined;
}

/**
 * A registered hook: the documented answer of `POST hooks` has `id`, `target_url` and an `events`
 * map (event → whether it is on); a list may show one `event` per hook instead.
 */
export const hookReader: EntityReader<UpstreamHook> = {
  name: "hook",
  read: (raw) => {
    const id = readId(field(raw, "id"));
    const target = readText(field(raw, "target_url"));
    if (id === undefined || target === undefined) return undefined;
    const events = field(raw, "events");
    const one = field(raw, "event");
    const names = isRecord(events)
      ? Object.entries(events)
          .filter(([, on]) => on === true || on === 1 || on === "true")
          .map(([name]) => name)
      : Array.isArray(events)
        ? events.filter((name): name is string => typeof name === "string")
        : typeof one === "string"
          ? [one]
          : [];
    return { id, target_url: target, events: names };
  },
  missing: (raw) => (readId(field(raw, "id")) === undefined ? "id" : "target_url"),
};
