/**
 * UserEcho's entities, read from any plausible encoding into the canonical model (../model.ts).
 * Each reader answers `undefined` for an item it cannot use: a topic without a readable id or
 * title, a forum without an id or name, anything else without an id. Every other field is
 * optional, and one that cannot be read is left out rather than sinking the item.
 */
import type {
  UpstreamAuthor,
  UpstreamComment,
  UpstreamCreated,
  UpstreamForum,
  UpstreamNamed,
  UpstreamStatus,
  UpstreamTopic,
  UpstreamUser,
  UpstreamVote,
} from "../model.ts";
import {
  isRecord,
  readBoolean,
  readCount,
  readId,
  readInteger,
  readNumber,
  readText,
  readTimestamp,
  readTitle,
} from "./values.ts";
import { readList } from "./envelope.ts";

/** A reader of one kind of entity, and the fields without which it drops an item. */
export interface EntityReader<T> {
  readonly name: string;
  read(raw: unknown): T | undefined;
  /** Why `read` gave up on `raw`, for the log: the first required field it lacks. */
  missing(raw: unknown): string;
}

function reader<T>(
  name: string,
  required: Readonly<Record<string, (value: unknown) => unknown>>,
  read: (raw: Record<string, unknown>) => T | undefined,
): EntityReader<T> {
  return {
    name,
    read: (raw) => (isRecord(raw) ? read(raw) : undefined),
    missing: (raw) => {
      if (!isRecord(raw)) return "(item)";
      for (const [field, check] of Object.entries(required)) {
        if (check(raw[field]) === undefined) return field;
      }
      return "(item)";
    },
  };
}

/**
 * A type, category or tag: an object `{id, name}` (the id a number or a string), or the bare id
 * of the older format. A tag sent as a bare word has no id to filter by, and is left out.
 */
export function readNamed(value: unknown): UpstreamNamed | undefined {
  if (isRecord(value)) {
    const id = readId(value["id"]);
    return id === undefined ? undefined : { id, name: readText(value["name"]) };
  }
  const id = readId(value);
  return id === undefined ? undefined : { id, name: undefined };
}

export function readStatus(value: unknown): UpstreamStatus | undefined {
  const named = readNamed(value);
  if (!named) return undefined;
  return { ...named, color: isRecord(value) ? readText(value["color"]) : undefined };
}

function readAuthor(value: unknown): UpstreamAuthor | undefined {
  if (!isRecord(value)) return undefined;
  return {
    id: readId(value["id"]),
    name: readText(value["name"]) ?? readText(value["display_name"]),
    avatar_url: readText(value["avatar_url"]),
  };
}

function readVote(value: unknown): UpstreamVote | undefined {
  // A bare number where the object was expected can only be the score.
  if (!isRecord(value)) {
    const diff = readInteger(value);
    return diff === undefined
      ? undefined
      : { diff, current_user: undefined, positive: undefined, negative: undefined };
  }
  return {
    current_user: readInteger(value["current_user"]),
    diff: readInteger(value["diff"]),
    positive: readCount(value["positive"]),
    negative: readCount(value["negative"]),
  };
}

/** A list of names inside an item (a topic's tags); `undefined` when the field is absent. */
function readNamedList(value: unknown): UpstreamNamed[] | undefined {
  if (value === undefined) return undefined;
  const list = readList(value);
  if (!list) return undefined;
  return list.items.flatMap((item) => readNamed(item) ?? []);
}

export const topicReader = reader<UpstreamTopic>(
  "topic",
  { id: readId, header: readTitle },
  (raw) => {
    const id = readId(raw["id"]);
    const header = readTitle(raw["header"]);
    if (id === undefined || header === undefined) return undefined;
    return {
      id,
      header,
      description: readText(raw["description"]),
      created: readTimestamp(raw["created"]),
      updated: readTimestamp(raw["updated"]),
      status: readStatus(raw["status"]),
      type: readNamed(raw["type"]),
      category: raw["category"] === null ? null : readNamed(raw["category"]),
      tags: readNamedList(raw["tags"]),
      comment_count: readCount(raw["comment_count"]),
      author: readAuthor(raw["author"]),
      vote: readVote(raw["vote"]),
      url: readText(raw["url"]),
      forum_id: readId(raw["forum_id"]),
    };
  },
);

export const forumReader = reader<UpstreamForum>(
  "forum",
  { id: readId, name: readTitle },
  (raw) => {
    const id = readId(raw["id"]);
    const name = readTitle(raw["name"]);
    if (id === undefined || name === undefined) return undefined;
    const type = raw["type"];
    return {
      id,
      name,
      description: readText(raw["description"]),
      // `{id, name}` in the documented forum; a bare name is read too. Anything else leaves the
      // type unknown, and a forum of unknown type is never shown (upstream/inferred.ts).
      type: (isRecord(type) ? readText(type["name"]) : readText(type))?.trim().toUpperCase(),
      is_default: readBoolean(raw["is_default"]),
      topic_count: readCount(raw["topic_count"]),
    };
  },
);

export const commentReader = reader<UpstreamComment>("comment", { id: readId }, (raw) => {
  const id = readId(raw["id"]);
  if (id === undefined) return undefined;
  return {
    id,
    text: readText(raw["text"]) ?? readText(raw["comment"]),
    is_official: readBoolean(raw["is_official"]),
    created: readTimestamp(raw["created"]),
    author: readAuthor(raw["author"]),
  };
});

export const userReader = reader<UpstreamUser>("user", { id: readId }, (raw) => {
  const id = readId(raw["id"]);
  if (id === undefined) return undefined;
  return {
    id,
    name: readText(raw["display_name"]) ?? readText(raw["name"]),
    avatar_url: readText(raw["avatar_url"]),
    rating: readNumber(raw["rating"]),
    is_staff: readBoolean(raw["is_staff"]),
  };
});

export const namedReader: EntityReader<UpstreamNamed> = {
  name: "named",
  read: (raw) => (isRecord(raw) ? readNamed(raw) : undefined),
  missing: () => "id",
};

export const statusReader: EntityReader<UpstreamStatus> = {
  name: "status",
  read: (raw) => (isRecord(raw) ? readStatus(raw) : undefined),
  missing: () => "id",
};

/** A write's answer: the whole object when it reads, else at least its id. */
export const createdReader = reader<UpstreamCreated>("created", { id: readId }, (raw) => {
  const id = readId(raw["id"]);
  return id === undefined ? undefined : { id };
});
