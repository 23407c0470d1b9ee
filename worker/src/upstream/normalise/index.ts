/**
 * The upstream boundary: every answer of UserEcho is read here, and nowhere else, into the
 * worker's model (../model.ts). It accepts every plausible encoding of an envelope, a list and
 * each entity (docs/USERECHO.md §2–§4 list them and say why), drops an unusable item alone
 * (counted, and logged by id and missing field, never by content), and tells the page size
 * UserEcho applied from what it sent. `worker/test/fuzz/upstream.test.ts` holds it to that
 * against a grammar of plausible answers.
 */
import type { EntityReader } from "./entities.ts";
import { readList, readSingle } from "./envelope.ts";
import { readId } from "./values.ts";

export { readAnswer, readList, type Answer, type Details } from "./envelope.ts";
export {
  commentReader,
  createdReader,
  forumReader,
  namedReader,
  readNamed,
  statusReader,
  topicReader,
  userReader,
  type EntityReader,
} from "./entities.ts";
export {
  hookCommentTopicId,
  hookObjectId,
  hookReader,
  hookTopicForumId,
  readHookEvents,
} from "./hooks.ts";
export { capShown, pageSizeInUse, type PageEvidence } from "./paging.ts";
export { readHttpUrl, readTimestamp } from "./values.ts";

/** A list's usable items, and what the list itself showed. */
export interface ReadItems<T> {
  items: T[];
  /** Items UserEcho sent, usable or not. */
  received: number;
  /** Items dropped because they could not be used. */
  dropped: number;
  /** The id of the first item sent, usable or not: to notice a page sent twice. */
  firstId: number | undefined;
  /** The list came as an object keyed by position or id: its order may be lost (envelope.ts). */
  keyed: boolean;
  /** Its keys ran on without a gap, as positions do: the order is very likely UserEcho's. */
  positional: boolean;
}

/** A list's items through `reader`, or `undefined` when `data` is no list at all. */
export function readItems<T>(
  data: unknown,
  reader: EntityReader<T>,
  command: string,
): ReadItems<T> | undefined {
  const list = readList(data);
  if (!list) return undefined;
  const items: T[] = [];
  for (const raw of list.items) {
    const item = reader.read(raw);
    if (item === undefined) logDropped(command, raw, reader.missing(raw));
    else items.push(item);
  }
  const first = list.items[0] as { id?: unknown } | undefined;
  return {
    items,
    received: list.items.length,
    dropped: list.items.length - items.length,
    firstId: readId(first?.id),
    keyed: list.keyed,
    positional: list.positional,
  };
}

/** One object through `reader`; `undefined` (and a log line) when it cannot be used. */
export function readItem<T>(
  data: unknown,
  reader: EntityReader<T>,
  command: string,
): T | undefined {
  const raw = readSingle(data);
  const item = reader.read(raw);
  if (item === undefined) logDropped(command, raw ?? null, reader.missing(raw));
  return item;
}

function logDropped(command: string, raw: unknown, field: string): void {
  const id = readId((raw as { id?: unknown } | null | undefined)?.id);
  console.warn(
    JSON.stringify({
      level: "warn",
      message: "upstream item dropped",
      command,
      id: id ?? null,
      field,
    }),
  );
}
