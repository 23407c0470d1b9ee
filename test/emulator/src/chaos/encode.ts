/**
 * Re-encodes the emulator's own answers (the `extended` profile's objects, which carry every
 * field) in the encodings a {@link Dialect} chooses. Values never change: an id stays the same
 * id whether it travels as `12`, `"12"` or inside `{id: "12"}`, a timestamp the same instant.
 */
import type { ListKind } from "../profile.ts";
import type { Random } from "../seed/random.ts";
import {
  BOOLEAN_ENCODINGS,
  COMMENT_TEXT_ENCODINGS,
  DETAILS_LIMIT,
  DETAILS_POSITION,
  DETAILS_PRESENCE,
  EMPTY_LIST_ENCODINGS,
  EXTRA_FIELD_ENCODINGS,
  FORUM_ID_FIELD,
  FORUM_TYPE_ENCODINGS,
  HIDDEN_FORUM_TYPE_ENCODINGS,
  LIST_ENCODINGS,
  MESSAGE_SENTINEL,
  NUMBER_ENCODINGS,
  OPTIONAL_ENCODINGS,
  OPTIONAL_FIELDS,
  PRIVATE_SENTINEL,
  REFERENCE_ENCODINGS,
  TAG_ENCODINGS,
  TIMESTAMP_ENCODINGS,
  URL_ENCODINGS,
  USER_NAME_ENCODINGS,
  breakageOf,
  variantOf,
  type Dialect,
  type ItemKind,
} from "./grammar.ts";

type Json = Record<string, unknown>;

/** The list kinds whose items can be made unusable, and what they hold. */
const ITEM_KIND: Readonly<Record<ListKind, ItemKind | undefined>> = {
  forums: undefined,
  types: "type",
  statuses: "status",
  categories: "category",
  tags: "tag",
  topics: "topic",
  search: "topic",
  comments: "comment",
  users: "user",
  // Not re-encoded: no part of the board reads them (user groups, subscriptions).
  groups: undefined,
  subscriptions: undefined,
};

/** Lists that carry `details` in UserEcho's documentation (docs/USERECHO.md §3). */
const DOCUMENTED_DETAILS: ReadonlySet<ListKind> = new Set(["topics", "users"]);

/** What a page was cut from: the paging UserEcho applied, and what was asked. */
export interface PageFacts {
  /** Records over all pages. */
  readonly count: number;
  /** 1-based page number asked for. */
  readonly page: number;
  /** The page size applied (after any cap). */
  readonly limit: number;
  /** The `limit` asked for, if any. */
  readonly askedLimit: number | undefined;
}

/**
 * One answer's encoder. Records, in {@link Encoder.notes}, which variants it used, for the
 * chaos log (what the worker was sent, in words).
 */
export class Encoder {
  readonly #dialect: Dialect;
  readonly #random: Random;
  readonly notes = new Set<string>();

  constructor(dialect: Dialect, random: Random) {
    this.#dialect = dialect;
    this.#random = random;
  }

  /** Draws a variant of a dimension and notes it. */
  #pick<T extends string>(
    dimension: string,
    choice: T | "mixed",
    variants: readonly (T | "mixed")[],
  ): T {
    const variant = variantOf(choice, variants, this.#random);
    if (variant !== variants[0]) this.notes.add(`${dimension}:${variant}`);
    return variant;
  }

  chance(p: number): boolean {
    return this.#random.chance(p);
  }

  number(value: unknown): unknown {
    if (typeof value !== "number") return value;
    const variant = this.#pick("numbers", this.#dialect.numbers, NUMBER_ENCODINGS);
    return variant === "string" ? String(value) : value;
  }

  boolean(value: unknown): unknown {
    if (typeof value !== "boolean") return value;
    const variant = this.#pick("booleans", this.#dialect.booleans, BOOLEAN_ENCODINGS);
    if (variant === "integer") return value ? 1 : 0;
    if (variant === "string") return value ? "1" : "0";
    return value;
  }

  timestamp(value: unknown): unknown {
    if (typeof value !== "string") return value;
    const time = Date.parse(value);
    if (Number.isNaN(time)) return value;
    const iso = new Date(time).toISOString(); // 2024-01-02T03:04:05.678Z
    switch (this.#pick("timestamps", this.#dialect.timestamps, TIMESTAMP_ENCODINGS)) {
      case "iso-milliseconds":
        return iso;
      case "iso-seconds":
        return `${iso.slice(0, 19)}Z`;
      case "iso-microseconds":
        return `${iso.slice(0, 23)}${String(this.#random.int(0, 999)).padStart(3, "0")}Z`;
      case "iso-offset": {
        const minutes = this.#random.pick([0, 120, -300, 330, 60]);
        const local = new Date(time + minutes * 60_000).toISOString().slice(0, 23);
        const sign = minutes < 0 ? "-" : "+";
        const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, "0");
        const mm = String(Math.abs(minutes) % 60).padStart(2, "0");
        return `${local}${sign}${hh}:${mm}`;
      }
      case "sql-utc":
        return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
    }
  }

  /** Drops or nulls the entity's optional fields, each as the dialect says. */
  #optional(entity: keyof typeof OPTIONAL_FIELDS, record: Json): Json {
    for (const field of OPTIONAL_FIELDS[entity]) {
      if (!(field in record)) continue;
      const variant = this.#pick("optional", this.#dialect.optional, OPTIONAL_ENCODINGS);
      if (variant === "missing") Reflect.deleteProperty(record, field);
      else if (variant === "null") record[field] = null;
    }
    return record;
  }

  /** Fields nobody asked for; private ones carry {@link PRIVATE_SENTINEL}. */
  #extras(kind: string, id: unknown, record: Json): Json {
    const variant = this.#pick("extraFields", this.#dialect.extraFields, EXTRA_FIELD_ENCODINGS);
    if (variant === "none") return record;
    record["_links"] = { self: `/api/v2/${kind}s/${String(id)}.json` };
    record["sort_rank"] = this.#random.int(0, 1000) / 10;
    if (variant === "private") {
      record["admin_note"] = `${PRIVATE_SENTINEL}: staff note on ${kind} ${String(id)}`;
      record["ip_address"] = `${PRIVATE_SENTINEL} 203.0.113.${this.#random.int(1, 254)}`;
      if (!("email" in record)) {
        record["email"] = `${PRIVATE_SENTINEL.toLowerCase()}.${kind}.${String(id)}@example.invalid`;
      }
    }
    return record;
  }

  /** A record of `kind` made unusable when the dialect says this one is broken. */
  #broken(kind: ItemKind, id: number, record: Json): Json {
    const breakage = breakageOf(this.#dialect, kind, id);
    if (breakage === undefined) return record;
    this.notes.add(`unusable:${kind} ${id} ${breakage}`);
    switch (breakage) {
      case "id-missing":
        delete record["id"];
        break;
      case "id-null":
        record["id"] = null;
        break;
      case "id-empty":
        record["id"] = "";
        break;
      case "id-zero":
        record["id"] = 0;
        break;
      case "header-missing":
        delete record["header"];
        break;
      case "header-null":
        record["header"] = null;
        break;
      case "header-empty":
        record["header"] = "";
        break;
    }
    return record;
  }

  /** A status, type or category on a topic: an object, or the older bare id. */
  reference(value: unknown, nested?: (object: Json) => Json): unknown {
    if (typeof value !== "object" || value === null) return value;
    const object = { ...(value as Json) };
    const id = object["id"];
    switch (this.#pick("references", this.#dialect.references, REFERENCE_ENCODINGS)) {
      case "object":
        return nested ? nested(object) : object;
      case "object-string-id":
        return { ...(nested ? nested(object) : object), id: String(id) };
      case "bare-id":
        return id;
      case "bare-id-string":
        return String(id);
    }
  }

  tags(value: unknown): unknown {
    if (!Array.isArray(value)) return value;
    const tags = value as { id: number; name: string }[];
    switch (this.#pick("tags", this.#dialect.tags, TAG_ENCODINGS)) {
      case "objects":
        return tags.map((tag) => ({ id: tag.id, name: tag.name }));
      case "ids":
        return tags.map((tag) => tag.id);
      case "id-strings":
        return tags.map((tag) => String(tag.id));
      case "names":
        return tags.map((tag) => tag.name);
    }
  }

  status(value: Json): Json {
    const status: Json = {
      id: value["id"],
      name: value["name"],
      color: value["color"],
      updated: this.timestamp(value["updated"]),
    };
    return this.#optional("status", status);
  }

  author(value: unknown): unknown {
    if (typeof value !== "object" || value === null) return value;
    const raw = value as Json;
    const author: Json = {
      id: this.number(raw["id"]),
      name: raw["name"],
      title: raw["title"],
      avatar_url: raw["avatar_url"],
      ...("email" in raw ? { email: raw["email"] } : {}),
    };
    return this.#optional("author", author);
  }

  topic(raw: Json): Json {
    const id = raw["id"] as number;
    const vote = (raw["vote"] ?? {}) as Json;
    const topic: Json = {
      id: this.number(id),
      header: raw["header"],
      description: raw["description"],
      created: this.timestamp(raw["created"]),
      updated: this.timestamp(raw["updated"]),
      status: this.reference(raw["status"], (status) => this.status(status)),
      type: this.reference(raw["type"]),
      category: raw["category"] === null ? null : this.reference(raw["category"]),
      tags: this.tags(raw["tags"]),
      comment_count: this.number(raw["comment_count"]),
      author: this.author(raw["author"]),
      vote: this.#optional("vote", {
        diff: this.number(vote["diff"]),
        positive: this.number(vote["positive"]),
        total: this.number(vote["total"]),
        negative: this.number(vote["negative"]),
        current_user: this.number(vote["current_user"]),
      }),
      custom_fields: raw["custom_fields"],
      url: this.url(raw["url"]),
    };
    if (this.#pick("forumIdField", this.#dialect.forumIdField, FORUM_ID_FIELD) === "present") {
      topic["forum_id"] = this.number(raw["forum_id"]);
    }
    this.#optional("topic", topic);
    return this.#broken("topic", id, this.#extras("topic", id, topic));
  }

  url(value: unknown): unknown {
    if (typeof value !== "string") return value;
    if (this.#pick("urls", this.#dialect.urls, URL_ENCODINGS) === "absolute") return value;
    const url = new URL(value);
    return `${url.pathname}${url.search}`;
  }

  forum(raw: Json): Json {
    const id = raw["id"] as number;
    const forum: Json = {
      id: this.number(id),
      name: raw["name"],
      description: raw["description"],
      type: raw["type"],
      is_default: this.boolean(raw["is_default"]),
      allow_anonymous_topic: this.boolean(raw["allow_anonymous_topic"]),
      created: this.timestamp(raw["created"]),
      topic_count: this.number(raw["topic_count"]),
      comment_count: this.number(raw["comment_count"]),
      vote_count: this.number(raw["vote_count"]),
    };
    this.#optional("forum", forum);
    this.#forumType(forum, raw["type"] as { id: number; name: string });
    return this.#extras("forum", id, forum);
  }

  /**
   * A forum's type. Public forums (`PUBLIC`) always get a readable encoding; the others may get
   * one that cannot be read at all, which must leave them hidden.
   */
  #forumType(forum: Json, type: { id: number; name: string }): void {
    const hidden =
      type.name !== "PUBLIC" &&
      this.#pick(
        "hiddenForumTypes",
        this.#dialect.hiddenForumTypes,
        HIDDEN_FORUM_TYPE_ENCODINGS,
      ) === "unreadable";
    if (hidden) {
      const unreadable = this.#random.pick([
        "null",
        "missing",
        "empty-object",
        "bare-id",
        "bare-id-string",
        "id-only",
        "null-name",
        "empty-name",
      ] as const);
      this.notes.add(`forumType:unreadable ${unreadable}`);
      const values: Record<typeof unreadable, unknown> = {
        null: null,
        missing: undefined,
        "empty-object": {},
        "bare-id": type.id,
        "bare-id-string": String(type.id),
        "id-only": { id: type.id },
        "null-name": { id: type.id, name: null },
        "empty-name": { id: type.id, name: "" },
      };
      if (unreadable === "missing") delete forum["type"];
      else forum["type"] = values[unreadable];
      return;
    }
    const name = type.name;
    switch (this.#pick("forumTypes", this.#dialect.forumTypes, FORUM_TYPE_ENCODINGS)) {
      case "object":
        forum["type"] = { id: type.id, name };
        break;
      case "object-string-id":
        forum["type"] = { id: String(type.id), name };
        break;
      case "lowercase-name":
        forum["type"] = { id: type.id, name: name.toLowerCase() };
        break;
      case "titlecase-name":
        forum["type"] = {
          id: type.id,
          name: name.toLowerCase().replace(/\b[a-z]/g, (letter) => letter.toUpperCase()),
        };
        break;
      case "bare-name":
        forum["type"] = name;
        break;
      case "name-only":
        forum["type"] = { name };
        break;
    }
  }

  comment(raw: Json): Json {
    const id = raw["id"] as number;
    const text = raw["text"];
    const variant = this.#pick("commentText", this.#dialect.commentText, COMMENT_TEXT_ENCODINGS);
    const comment: Json = {
      id: this.number(id),
      ...(variant === "comment" ? {} : { text }),
      ...(variant === "text" ? {} : { comment: text }),
      is_official: this.boolean(raw["is_official"]),
      created: this.timestamp(raw["created"]),
      author: this.author(raw["author"]),
    };
    this.#optional("comment", comment);
    return this.#broken("comment", id, this.#extras("comment", id, comment));
  }

  user(raw: Json): Json {
    const id = raw["id"] as number;
    const variant = this.#pick("userNames", this.#dialect.userNames, USER_NAME_ENCODINGS);
    const user: Json = {
      ...raw,
      id: this.number(id),
      rating: this.number(raw["rating"]),
      updates_count: this.number(raw["updates_count"]),
      is_staff: this.boolean(raw["is_staff"]),
      is_authenticated: this.boolean(raw["is_authenticated"]),
      last_activity: this.timestamp(raw["last_activity"]),
      date_joined: this.timestamp(raw["date_joined"]),
    };
    if (variant === "name") delete user["display_name"];
    if (variant === "display-name") delete user["name"];
    this.#optional("user", user);
    return this.#broken("user", id, this.#extras("user", id, user));
  }

  /** A type, category or tag of a forum's lists. */
  named(kind: "type" | "category" | "tag", raw: Json): Json {
    const id = raw["id"] as number;
    const named: Json = { ...raw, id: this.number(id) };
    if ("topic_count" in named) {
      named["topic_count"] = this.number(named["topic_count"]);
      this.#optional("category", named);
    }
    return this.#broken(kind, id, this.#extras(kind, id, named));
  }

  statusItem(raw: Json): Json {
    const id = raw["id"] as number;
    const status = { ...this.status(raw), id: this.number(id) };
    return this.#broken("status", id, this.#extras("status", id, status));
  }

  /** One item of a list of `kind`, re-encoded. */
  item(kind: ListKind, raw: Json): Json {
    switch (kind) {
      case "forums":
        return this.forum(raw);
      case "types":
        return this.named("type", raw);
      case "statuses":
        return this.statusItem(raw);
      case "categories":
        return this.named("category", raw);
      case "tags":
        return this.named("tag", raw);
      case "topics":
      case "search":
        return this.topic(raw);
      case "comments":
        return this.comment(raw);
      case "users":
        return this.user(raw);
      case "groups":
      case "subscriptions":
        return raw;
    }
  }

  /**
   * The JSON text of `data` for a page of a list, or `undefined` to leave `data` out. Built as
   * text, because an object keyed by id must keep the order of the result in the text, which a
   * JavaScript object would not.
   */
  listData(items: readonly Json[], ids: readonly number[], offset: number): string | undefined {
    if (items.length === 0) {
      switch (this.#pick("emptyLists", this.#dialect.emptyLists, EMPTY_LIST_ENCODINGS)) {
        case "array":
          return "[]";
        case "null":
          return "null";
        case "object":
          return "{}";
        case "missing":
          return undefined;
      }
    }
    const texts = items.map((item) => JSON.stringify(item));
    const keyed = (keys: readonly (number | string)[]) =>
      `{${texts.map((text, i) => `${JSON.stringify(String(keys[i]))}:${text}`).join(",")}}`;
    switch (this.#pick("lists", this.#dialect.lists, LIST_ENCODINGS)) {
      case "array":
        return `[${texts.join(",")}]`;
      case "keyed-by-position":
        // PHP writes a sequential array (keys 0…n-1) as a JSON array.
        return offset === 0 ? `[${texts.join(",")}]` : keyed(texts.map((_, i) => offset + i));
      case "keyed-by-id":
        return keyed(ids);
    }
  }

  /** `details` for a page of `kind`, or `undefined` when this answer has none. */
  details(kind: ListKind, facts: PageFacts): Json | undefined {
    const presence = this.#pick("details", this.#dialect.details, DETAILS_PRESENCE);
    const present =
      presence === "everywhere" || (presence === "documented" && DOCUMENTED_DETAILS.has(kind));
    if (!present) return undefined;
    const number = (value: number) =>
      this.#pick("detailsNumbers", this.#dialect.detailsNumbers, NUMBER_ENCODINGS) === "string"
        ? String(value)
        : value;
    const limitVariant = this.#pick("detailsLimit", this.#dialect.detailsLimit, DETAILS_LIMIT);
    const limit =
      limitVariant === "asked" && facts.askedLimit !== undefined ? facts.askedLimit : facts.limit;
    const details: Json = { count: number(facts.count), limit: number(limit) };
    const offset = (facts.page - 1) * facts.limit;
    switch (this.#pick("detailsPosition", this.#dialect.detailsPosition, DETAILS_POSITION)) {
      case "one-based":
        details["page"] = number(facts.page);
        details["from"] = number(offset + 1);
        break;
      case "zero-based":
        details["page"] = number(facts.page - 1);
        details["from"] = number(offset);
        break;
      case "missing":
        break;
    }
    return details;
  }

  /** The success envelope's text around a `data` text. */
  envelope(data: string | undefined, details: Json | undefined): string {
    const parts = ['"status":"success"'];
    if (data !== undefined) parts.push(`"data":${data}`);
    if (details !== undefined) parts.push(`"details":${JSON.stringify(details)}`);
    if (this.#dialect.successMessages === "sometimes" && this.#random.chance(0.2)) {
      this.notes.add("message:on-success");
      parts.push(`"message":${JSON.stringify(`${MESSAGE_SENTINEL}: request served`)}`);
    }
    return `{${parts.join(",")}}`;
  }
}

export { ITEM_KIND };
