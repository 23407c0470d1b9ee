/**
 * Content injection, for tests that need hostile data exactly as an attacker would store it:
 * `POST /__emulator/inject` adds one topic with a raw header, a raw HTML description, raw author
 * names and raw comments. The public write API (writes.ts) cannot: it trims the header, escapes
 * a description without tags, and attributes every write to the signed-in user.
 *
 * ```json
 * { "forumId": 5, "header": "<b>bold</b>", "description": "<p>hi <img src=x onerror=alert(1)></p>",
 *   "author": "Ann <i>", "comments": [{ "text": "<svg onload=alert(1)>", "author": "Bob" }] }
 * ```
 *
 * Answers 201 `{ "topicId": 181, "commentIds": [12001] }`. Authors are users found or created by
 * name, like SSO users, so the store's indexes and totals stay consistent; `/__emulator/reset`
 * forgets them with everything else.
 *
 * `POST /__emulator/inject/clone` with `{ "forumId": 1, "copies": 9 }` grows a forum for
 * benchmarks: every topic it has gets `copies` copies (header, description, type, category, tags,
 * author; no votes or comments), so there are many more full pages, each one like the seed's.
 * Answers 201 `{ "forumId": 1, "topics": 1800 }`, the forum's new topic count. With
 * `{ "forumId": 1, "topics": 2000 }` instead of `copies`, it copies the forum's topics in turn
 * until the forum has exactly that many (a forum of a given size, for benchmarks of bounds).
 *
 * `POST /__emulator/inject/move` with `{ "topicId": 1004, "forumId": 3 }` moves a topic to another
 * forum, as an admin does in UserEcho's interface (a private forum, say). Answers 200.
 */
import { Hono } from "hono";
import { ApiError, BadRequestError } from "./errors.ts";
import type { SeedTopic } from "./seed/index.ts";
import type { Store } from "./store.ts";

/** A comment to add under the injected topic, oldest first. */
export interface InjectedComment {
  /** HTML, stored as sent. */
  readonly text: string;
  /** Display name, stored as sent; the seed's first user when absent. */
  readonly author?: string;
  readonly isOfficial?: boolean;
}

export interface Injection {
  readonly forumId: number;
  /** A type of that forum; its first type when absent. */
  readonly typeId?: number;
  /** Plain text, stored as sent (not trimmed). */
  readonly header: string;
  /** HTML, stored as sent. */
  readonly description?: string;
  /** Display name, stored as sent; the seed's first user when absent. */
  readonly author?: string;
  readonly comments?: readonly InjectedComment[];
}

export interface Injected {
  readonly topicId: number;
  readonly commentIds: readonly number[];
}

/** A bound on one clone request: enough for any benchmark, small enough to answer at once. */
const MAX_CLONED_TOPICS = 100_000;

/** Far above the API's own limits: tests inject 100 KB strings in several fields at once. */
const MAX_INJECT_BYTES = 2 * 1024 * 1024;

/** The guid prefix of users created here, so they never collide with a site's SSO users. */
const GUID_PREFIX = "emulator-inject:";

/** Control routes, mounted under `/__emulator/inject`. */
export function injectRoutes(store: () => Store): Hono {
  const routes = new Hono();
  routes.post("/", async (c) => {
    const text = await c.req.text();
    if (new TextEncoder().encode(text).byteLength > MAX_INJECT_BYTES) {
      throw new ApiError(413, "Injection too large");
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new BadRequestError("Injection body is not valid JSON");
    }
    return c.json(inject(store(), parseInjection(body)), 201);
  });
  routes.post("/move", async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new BadRequestError("Move body is not valid JSON");
    }
    const value = object(body, "body");
    const topicId = id(value["topicId"], "topicId");
    const forumId = id(value["forumId"], "forumId");
    if (store().topic(topicId) === undefined) throw new BadRequestError(`No topic ${topicId}`);
    if (store().forum(forumId) === undefined) throw new BadRequestError(`No forum ${forumId}`);
    store().moveTopic(topicId, forumId);
    return c.json({ topicId, forumId });
  });
  routes.post("/clone", async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new BadRequestError("Clone body is not valid JSON");
    }
    const value = object(body, "body");
    const forumId = id(value["forumId"], "forumId");
    const copies = value["copies"];
    const topics = value["topics"];
    if (topics !== undefined && copies === undefined) {
      if (typeof topics !== "number" || !Number.isSafeInteger(topics) || topics < 0) {
        throw new BadRequestError("'topics' must be a non-negative integer");
      }
      return c.json({ forumId, topics: growForum(store(), forumId, topics) }, 201);
    }
    if (typeof copies !== "number" || !Number.isSafeInteger(copies) || copies < 0) {
      throw new BadRequestError("'copies' must be a non-negative integer");
    }
    return c.json({ forumId, topics: cloneTopics(store(), forumId, copies) }, 201);
  });
  return routes;
}

/**
 * Gives every topic of the forum `copies` copies through the store's own write method; returns
 * the forum's topic count.
 *
 * @throws BadRequestError when the forum does not exist or the clone would be too large.
 */
export function cloneTopics(store: Store, forumId: number, copies: number): number {
  if (store.forum(forumId) === undefined) throw new BadRequestError(`No forum ${forumId}`);
  const originals = [...store.topicsOf(forumId)];
  if (originals.length * copies > MAX_CLONED_TOPICS) {
    throw new ApiError(413, `At most ${MAX_CLONED_TOPICS} topics per clone`);
  }
  for (let copy = 0; copy < copies; copy++) {
    for (const topic of originals) copyTopic(store, topic);
  }
  return store.topicsOf(forumId).length;
}

/**
 * Copies the forum's topics in turn, oldest first, until it has `topics` of them; returns that
 * count.
 *
 * @throws BadRequestError when the forum does not exist, has more topics already, or none to
 *   copy; 413 when it would take more than the bound of one clone.
 */
export function growForum(store: Store, forumId: number, topics: number): number {
  if (store.forum(forumId) === undefined) throw new BadRequestError(`No forum ${forumId}`);
  const originals = [...store.topicsOf(forumId)];
  if (topics < originals.length) {
    throw new BadRequestError(`Forum ${forumId} has ${originals.length} topics already`);
  }
  if (topics > originals.length && originals.length === 0) {
    throw new BadRequestError(`Forum ${forumId} has no topic to copy`);
  }
  if (topics - originals.length > MAX_CLONED_TOPICS) {
    throw new ApiError(413, `At most ${MAX_CLONED_TOPICS} topics per clone`);
  }
  for (let next = originals.length; next < topics; next++) {
    copyTopic(store, originals[next % originals.length]!);
  }
  return store.topicsOf(forumId).length;
}

/** A copy of the topic in its forum: no votes, no comments. */
function copyTopic(store: Store, topic: SeedTopic): void {
  store.createTopic({
    forumId: topic.forumId,
    typeId: topic.typeId,
    categoryId: topic.categoryId,
    tagIds: topic.tagIds,
    header: topic.header,
    description: topic.description,
    authorId: topic.authorId,
  });
}

/**
 * Adds the topic and its comments through the store's own write methods.
 *
 * @throws BadRequestError when the forum or type does not exist.
 */
export function inject(store: Store, injection: Injection): Injected {
  const forum = store.forum(injection.forumId);
  if (forum === undefined) throw new BadRequestError(`No forum ${injection.forumId}`);
  const typeId = injection.typeId ?? store.typesOf(forum.id)[0]?.id;
  if (typeId === undefined || store.type(typeId)?.forumId !== forum.id) {
    throw new BadRequestError(`No type ${String(injection.typeId)} in forum ${forum.id}`);
  }
  const topic = store.createTopic({
    forumId: forum.id,
    typeId,
    categoryId: null,
    tagIds: [],
    header: injection.header,
    description: injection.description ?? "",
    authorId: authorId(store, injection.author),
  });
  const commentIds = (injection.comments ?? []).map(
    (comment) =>
      store.createComment({
        topicId: topic.id,
        authorId: authorId(store, comment.author),
        text: comment.text,
        isOfficial: comment.isOfficial === true,
      }).id,
  );
  return { topicId: topic.id, commentIds };
}

/** The user with this display name, created on first use; the seed's first user for none. */
function authorId(store: Store, name: string | undefined): number {
  if (name === undefined) return store.users()[0]!.id;
  return store.signInWithSso({
    guid: `${GUID_PREFIX}${name}`,
    displayName: name,
    forceUpdateAvatar: false,
  }).user.id;
}

function parseInjection(body: unknown): Injection {
  const value = object(body, "body");
  const comments = value["comments"];
  if (comments !== undefined && !Array.isArray(comments)) {
    throw new BadRequestError("'comments' must be a list");
  }
  return {
    forumId: id(value["forumId"], "forumId"),
    ...(value["typeId"] === undefined ? {} : { typeId: id(value["typeId"], "typeId") }),
    header: text(value["header"], "header", true)!,
    description: text(value["description"], "description") ?? "",
    ...optionalName(value["author"], "author"),
    comments: ((comments as unknown[] | undefined) ?? []).map((item, index) => {
      const comment = object(item, `comments[${index}]`);
      const official = comment["isOfficial"];
      if (official !== undefined && typeof official !== "boolean") {
        throw new BadRequestError(`'comments[${index}].isOfficial' must be a boolean`);
      }
      return {
        text: text(comment["text"], `comments[${index}].text`, true)!,
        ...optionalName(comment["author"], `comments[${index}].author`),
        ...(official === undefined ? {} : { isOfficial: official }),
      };
    }),
  };
}

function object(value: unknown, name: string): Readonly<Record<string, unknown>> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new BadRequestError(`'${name}' must be a JSON object`);
  }
  return value as Readonly<Record<string, unknown>>;
}

function id(value: unknown, name: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    throw new BadRequestError(`'${name}' must be a positive integer id`);
  }
  return value;
}

/** A string; `required` ones must not be empty (whitespace alone is kept: it is content). */
function text(value: unknown, name: string, required = false): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== "string" || (required && value === "")) {
    throw new BadRequestError(`'${name}' must be a${required ? " non-empty" : ""} string`);
  }
  return value;
}

function optionalName(value: unknown, name: string): { author?: string } {
  const author = text(value, name);
  return author === undefined ? {} : { author };
}
