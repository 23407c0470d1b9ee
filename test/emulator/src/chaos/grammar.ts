/**
 * The grammar of plausible UserEcho answers: every encoding an entity, a list or an envelope may
 * plausibly take, written from UserEcho's documentation, what third-party clients cope with, and
 * what a PHP or Django back end tends to emit (docs/USERECHO.md §2–§4 say which of these are
 * documented). It changes encodings, page caps and error behaviour, never the data itself: which
 * topics exist, which forum is private, and the order a sort UserEcho honours gives, are the
 * seed's.
 *
 * A {@link Dialect} is one community's UserEcho: one choice per dimension below. A dimension
 * either fixes one variant for every value, or says `mixed`, and then each value draws its own
 * from a PRNG seeded per request (encode.ts), so a given dialect and request always get the same
 * answer. The first variant of each dimension is the canonical one (what the `documented` and
 * `extended` profiles send), so a generator that shrinks towards the first variant shrinks
 * towards a UserEcho the worker has always handled.
 */
import { Random } from "../seed/random.ts";

/** How a non-empty list travels in `data`. */
export const LIST_ENCODINGS = [
  "array",
  /**
   * An object keyed by position in the whole result, as PHP's `json_encode` writes
   * `array_slice($all, $offset, $limit, true)`: `{"50": …, "51": …}`. The first page starts at
   * key 0 and is therefore sequential, which PHP writes as an array.
   */
  "keyed-by-position",
  /**
   * An object keyed by id (`$out[$topic->id] = $topic`), in the order of the result. A JSON
   * parser that builds a plain object iterates integer keys in ascending order, so the order of
   * the text is not the order a client sees unless it sorts again.
   */
  "keyed-by-id",
  "mixed",
] as const;

/** How an empty list travels: PHP's empty array is `[]` or `{}`, Python's `None` is `null`. */
export const EMPTY_LIST_ENCODINGS = ["array", "null", "object", "missing", "mixed"] as const;

/** Ids and counts: JSON numbers, or decimal strings as an older API or a PHP cast gives them. */
export const NUMBER_ENCODINGS = ["number", "string", "mixed"] as const;

/**
 * References to a status, a type or a category on a topic: the documented object, the bare id
 * of the older format a real client copes with, the bare id as a string, or the object with its
 * id as a string.
 */
export const REFERENCE_ENCODINGS = [
  "object",
  "bare-id",
  "bare-id-string",
  "object-string-id",
  "mixed",
] as const;

/** A topic's tags: objects `{id, name}`, bare ids, ids as strings, or the tags' names. */
export const TAG_ENCODINGS = ["objects", "ids", "id-strings", "names", "mixed"] as const;

/** Booleans: JSON, PHP/MySQL integers, or those integers as strings. */
export const BOOLEAN_ENCODINGS = ["boolean", "integer", "string", "mixed"] as const;

/**
 * Timestamps: the documented ISO 8601 with milliseconds and `Z`; without milliseconds; with
 * microseconds (Django's default); with a numeric offset (the same instant); or MySQL's
 * `YYYY-MM-DD HH:MM:SS`, which UserEcho's API v1 used, in UTC.
 */
export const TIMESTAMP_ENCODINGS = [
  "iso-milliseconds",
  "iso-seconds",
  "iso-microseconds",
  "iso-offset",
  "sql-utc",
  "mixed",
] as const;

/**
 * A readable forum type: the documented `{id, name: "PUBLIC"}`, its id as a string, its name in
 * other casings, the bare name, or the object without its id.
 */
export const FORUM_TYPE_ENCODINGS = [
  "object",
  "object-string-id",
  "lowercase-name",
  "titlecase-name",
  "bare-name",
  "name-only",
  "mixed",
] as const;

/**
 * Types of forums that are not public (private, knowledge bases, help desks): readable as above,
 * or unreadable: `null`, missing, `{}`, a bare id, an object without a name. A forum whose type
 * cannot be read must be treated as not public. Public forums always have a readable type:
 * otherwise which forums are public would change.
 */
export const HIDDEN_FORUM_TYPE_ENCODINGS = ["readable", "unreadable", "mixed"] as const;

/**
 * A topic's `forum_id`: absent, as in every documented topic, or sent, as UserEcho's export has
 * it. Without it, a client must prove a topic's forum some other way before showing it.
 */
export const FORUM_ID_FIELD = ["absent", "present", "mixed"] as const;

/** Optional fields (see {@link OPTIONAL_FIELDS}): present, missing, or `null`. */
export const OPTIONAL_ENCODINGS = ["present", "missing", "null", "mixed"] as const;

/** A topic's `url`: absolute, as third-party clients read it, or relative to the community. */
export const URL_ENCODINGS = ["absolute", "relative", "mixed"] as const;

/** A comment's text field: `text` (v2 clients), `comment` (v1 and the export), or both. */
export const COMMENT_TEXT_ENCODINGS = ["text", "comment", "both", "mixed"] as const;

/** A user's name: `name` and `display_name` (the documented samples disagree), or only one. */
export const USER_NAME_ENCODINGS = ["both", "name", "display-name", "mixed"] as const;

/**
 * Fields nobody asked for: none beyond the entity's own, unknown ones (`_links`, counters), or
 * private ones too (staff notes, e-mail addresses), which must never reach `/v1`.
 */
export const EXTRA_FIELD_ENCODINGS = ["none", "unknown", "private", "mixed"] as const;

/**
 * Which lists carry `details`: the documented ones (a forum's topics and users), every list,
 * none, or each answer its own way.
 */
export const DETAILS_PRESENCE = ["documented", "everywhere", "none", "mixed"] as const;

/** `details.limit`: the page size applied, or the `limit` asked for (inconsistent). */
export const DETAILS_LIMIT = ["applied", "asked", "mixed"] as const;

/** `details.page` and `details.from`: 1-based as documented, 0-based, or missing. */
export const DETAILS_POSITION = ["one-based", "zero-based", "missing", "mixed"] as const;

/** The `limit` UserEcho applies at most; `null` honours what is asked, up to 100. */
export const LIMIT_CAPS = [null, 50, 25] as const;

/**
 * An `order_by` or filter no source shows UserEcho accepting: accepted and applied, refused
 * with an error, or silently ignored. Nobody knows which UserEcho does.
 */
export const UNATTESTED_PARAMETERS = ["accept", "refuse", "ignore"] as const;

/** `filter__id__gt`, attested by one third-party program only. */
export const ID_FILTER = ["honoured", "ignored", "refused"] as const;

/** `Content-Type` of JSON answers: PHP sends `text/html` unless told otherwise. */
export const CONTENT_TYPES = ["json", "json-charset", "text-html", "mixed"] as const;

/** Share of answers sent gzip-encoded (`Content-Encoding: gzip`, correctly). */
export const GZIP_RATES = [0, 0.3, 1] as const;

/** Share of items made unusable (no usable id, or no header): each must be dropped alone. */
export const UNUSABLE_RATES = [0, 0.03, 0.1] as const;

/** Share of read requests whose first attempt fails with a 5xx; a retry gets the answer. */
export const TRANSIENT_RATES = [0, 0.05, 0.2] as const;

/**
 * Share of read requests that fail twice in a row (a single retry does not help): an outage
 * (5xx, an HTML error page, an empty body) or a refusal (an error envelope at HTTP 200 or 4xx).
 */
export const HARD_FAILURE_RATES = [0, 0.03, 0.1] as const;

/** Success envelopes that carry a `message` of their own (a text that must never leak). */
export const SUCCESS_MESSAGES = ["never", "sometimes"] as const;

type Of<T extends readonly unknown[]> = T[number];

/** One community's UserEcho: a choice per dimension, and the seed of per-value choices. */
export interface Dialect {
  /** Seeds the per-request PRNG and which items are unusable. */
  readonly seed: number;
  readonly lists: Of<typeof LIST_ENCODINGS>;
  readonly emptyLists: Of<typeof EMPTY_LIST_ENCODINGS>;
  readonly numbers: Of<typeof NUMBER_ENCODINGS>;
  readonly references: Of<typeof REFERENCE_ENCODINGS>;
  readonly tags: Of<typeof TAG_ENCODINGS>;
  readonly booleans: Of<typeof BOOLEAN_ENCODINGS>;
  readonly timestamps: Of<typeof TIMESTAMP_ENCODINGS>;
  readonly forumTypes: Of<typeof FORUM_TYPE_ENCODINGS>;
  readonly hiddenForumTypes: Of<typeof HIDDEN_FORUM_TYPE_ENCODINGS>;
  readonly optional: Of<typeof OPTIONAL_ENCODINGS>;
  readonly forumIdField: Of<typeof FORUM_ID_FIELD>;
  readonly urls: Of<typeof URL_ENCODINGS>;
  readonly commentText: Of<typeof COMMENT_TEXT_ENCODINGS>;
  readonly userNames: Of<typeof USER_NAME_ENCODINGS>;
  readonly extraFields: Of<typeof EXTRA_FIELD_ENCODINGS>;
  readonly details: Of<typeof DETAILS_PRESENCE>;
  readonly detailsLimit: Of<typeof DETAILS_LIMIT>;
  readonly detailsPosition: Of<typeof DETAILS_POSITION>;
  readonly detailsNumbers: Of<typeof NUMBER_ENCODINGS>;
  readonly limitCap: Of<typeof LIMIT_CAPS>;
  readonly unattested: Of<typeof UNATTESTED_PARAMETERS>;
  readonly idFilter: Of<typeof ID_FILTER>;
  readonly contentTypes: Of<typeof CONTENT_TYPES>;
  readonly gzip: Of<typeof GZIP_RATES>;
  readonly unusable: Of<typeof UNUSABLE_RATES>;
  readonly transient: Of<typeof TRANSIENT_RATES>;
  readonly hardFailures: Of<typeof HARD_FAILURE_RATES>;
  readonly successMessages: Of<typeof SUCCESS_MESSAGES>;
}

/** Every dimension with its variants, canonical first: what generators draw from. */
export const DIMENSIONS = {
  lists: LIST_ENCODINGS,
  emptyLists: EMPTY_LIST_ENCODINGS,
  numbers: NUMBER_ENCODINGS,
  references: REFERENCE_ENCODINGS,
  tags: TAG_ENCODINGS,
  booleans: BOOLEAN_ENCODINGS,
  timestamps: TIMESTAMP_ENCODINGS,
  forumTypes: FORUM_TYPE_ENCODINGS,
  hiddenForumTypes: HIDDEN_FORUM_TYPE_ENCODINGS,
  optional: OPTIONAL_ENCODINGS,
  forumIdField: FORUM_ID_FIELD,
  urls: URL_ENCODINGS,
  commentText: COMMENT_TEXT_ENCODINGS,
  userNames: USER_NAME_ENCODINGS,
  extraFields: EXTRA_FIELD_ENCODINGS,
  details: DETAILS_PRESENCE,
  detailsLimit: DETAILS_LIMIT,
  detailsPosition: DETAILS_POSITION,
  detailsNumbers: NUMBER_ENCODINGS,
  limitCap: LIMIT_CAPS,
  unattested: UNATTESTED_PARAMETERS,
  idFilter: ID_FILTER,
  contentTypes: CONTENT_TYPES,
  gzip: GZIP_RATES,
  unusable: UNUSABLE_RATES,
  transient: TRANSIENT_RATES,
  hardFailures: HARD_FAILURE_RATES,
  successMessages: SUCCESS_MESSAGES,
} as const satisfies { readonly [K in Exclude<keyof Dialect, "seed">]: readonly Dialect[K][] };

export type Dimension = keyof typeof DIMENSIONS;

/** The canonical dialect: the first variant of every dimension. */
export function canonicalDialect(seed = 0): Dialect {
  const dialect: Record<string, unknown> = { seed };
  for (const [name, variants] of Object.entries(DIMENSIONS)) dialect[name] = variants[0];
  return dialect as unknown as Dialect;
}

/**
 * Relative weights of the variants when a dialect is drawn from a bare seed (`chaos-<seed>`):
 * encodings lean towards the unusual, while failures stay rare enough that a board renders in
 * `pnpm dev`. Dimensions not listed draw every variant alike.
 */
const SEEDED_WEIGHTS: { readonly [K in Dimension]?: readonly number[] } = {
  lists: [2, 1, 1, 3],
  emptyLists: [1, 1, 1, 1, 3],
  numbers: [1, 1, 3],
  references: [1, 1, 1, 1, 3],
  tags: [1, 1, 1, 1, 3],
  booleans: [1, 1, 1, 3],
  timestamps: [1, 1, 1, 1, 1, 3],
  forumTypes: [1, 1, 1, 1, 1, 1, 3],
  hiddenForumTypes: [1, 1, 2],
  optional: [1, 1, 1, 3],
  extraFields: [1, 1, 1, 3],
  details: [2, 1, 1, 2],
  limitCap: [2, 2, 1],
  gzip: [2, 1, 1],
  unusable: [1, 2, 0],
  transient: [1, 2, 0],
  hardFailures: [3, 1, 0],
};

/** The dialect of `/profile/chaos-<seed>`: every dimension drawn from the seed. */
export function dialectFromSeed(seed: number): Dialect {
  const random = new Random(mix(seed, 0x5eed));
  const dialect: Record<string, unknown> = { seed: seed >>> 0 };
  for (const [name, variants] of Object.entries(DIMENSIONS) as [Dimension, readonly unknown[]][]) {
    const weights = SEEDED_WEIGHTS[name] ?? variants.map(() => 1);
    dialect[name] = random.weighted(variants.map((variant, i) => [variant, weights[i] ?? 0]));
  }
  return dialect as unknown as Dialect;
}

/**
 * The dialect of `/profile/chaos` (`pnpm dev` with `EMULATOR_PROFILE=chaos`): a seed whose drawn
 * dialect mixes nearly every encoding, caps `limit` at 50, refuses unattested parameters and
 * `filter__id__gt`, breaks 3 % of items and fails 5 % of first attempts, but never fails hard,
 * so that a board renders.
 */
export const DEFAULT_CHAOS_SEED = 8263;

/**
 * A dialect from untrusted JSON (the control API): every dimension must name one of its
 * variants; missing ones take the canonical variant. Throws with the first bad dimension.
 */
export function parseDialect(input: unknown): Dialect {
  if (typeof input !== "object" || input === null) throw new Error("a dialect is an object");
  const record = input as Record<string, unknown>;
  const dialect: Record<string, unknown> = { ...canonicalDialect() };
  const seed = record["seed"];
  if (seed !== undefined) {
    if (typeof seed !== "number" || !Number.isInteger(seed)) throw new Error("seed: an integer");
    dialect["seed"] = seed >>> 0;
  }
  for (const [name, variants] of Object.entries(DIMENSIONS) as [Dimension, readonly unknown[]][]) {
    if (!(name in record)) continue;
    if (!variants.includes(record[name])) {
      throw new Error(`${name}: one of ${variants.map((v) => JSON.stringify(v)).join(", ")}`);
    }
    dialect[name] = record[name];
  }
  return dialect as unknown as Dialect;
}

/** The dimensions in which `dialect` differs from the canonical one, for failure messages. */
export function describeDialect(dialect: Dialect): string {
  const canonical = canonicalDialect(dialect.seed);
  const parts = (Object.keys(DIMENSIONS) as Dimension[])
    .filter((name) => dialect[name] !== canonical[name])
    .map((name) => `${name}=${String(dialect[name])}`);
  return `seed=${dialect.seed}${parts.length ? ` ${parts.join(" ")}` : " (canonical)"}`;
}

/**
 * Optional fields per entity: the ones no document requires (docs/USERECHO.md §4). Each may be
 * missing or `null` under {@link Dialect.optional}; every other field is always sent, in some
 * encoding.
 */
export const OPTIONAL_FIELDS = {
  forum: ["description", "allow_anonymous_topic", "created", "comment_count", "vote_count"],
  topic: ["description", "updated", "category", "tags", "url", "custom_fields"],
  author: ["id", "title", "avatar_url"],
  status: ["color", "updated"],
  vote: ["current_user", "total"],
  comment: ["is_official", "author"],
  user: ["avatar_url", "title", "slug", "language", "last_activity", "date_joined"],
  category: ["topic_count"],
} as const;

// ---------------------------------------------------------------------------------------------
// Determinism: every choice is a function of the dialect's seed and what was asked.

/**
 * 32-bit FNV-1a of a text, mixed with a number, then MurmurHash3's finaliser: FNV alone barely
 * moves its high bits when only the last character changes (`topic:1001`, `topic:1002`).
 */
export function hash(text: string, salt = 0): number {
  let value = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    value = Math.imul(value ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  value = Math.imul(value ^ (value >>> 16), 0x85ebca6b);
  value = Math.imul(value ^ (value >>> 13), 0xc2b2ae35);
  return (value ^ (value >>> 16)) >>> 0;
}

function mix(a: number, b: number): number {
  return hash(`${a >>> 0}:${b >>> 0}`);
}

/** The entities a list can hold, and the ones that can be made unusable. */
export type ItemKind = "topic" | "comment" | "user" | "type" | "status" | "category" | "tag";

/** How an unusable item is broken: no usable id, or (topics) no header. */
export type Breakage =
  | "id-missing"
  | "id-null"
  | "id-empty"
  | "id-zero"
  | "header-missing"
  | "header-null"
  | "header-empty";

const ID_BREAKAGES: readonly Breakage[] = ["id-missing", "id-null", "id-empty", "id-zero"];
const TOPIC_BREAKAGES: readonly Breakage[] = [
  ...ID_BREAKAGES,
  "header-missing",
  "header-null",
  "header-empty",
];

/**
 * Whether the record `kind`/`id` is unusable in this dialect, and how. A property of the record,
 * not of the request: it is broken in every list that holds it and when read on its own, as a
 * corrupt row would be. Forums are never broken (that would change which topics are public).
 */
export function breakageOf(dialect: Dialect, kind: ItemKind, id: number): Breakage | undefined {
  if (dialect.unusable === 0) return undefined;
  const roll = hash(`${kind}:${id}`, dialect.seed);
  if (roll / 4294967296 >= dialect.unusable) return undefined;
  const breakages = kind === "topic" ? TOPIC_BREAKAGES : ID_BREAKAGES;
  return breakages[hash(`${kind}:${id}:how`, dialect.seed) % breakages.length];
}

/** Whether an item of `kind` with this id reaches `/v1` in this dialect. */
export function isUsable(dialect: Dialect, kind: ItemKind, id: number): boolean {
  return breakageOf(dialect, kind, id) === undefined;
}

/** The PRNG of one request: the same dialect and request always draw the same choices. */
export function requestRandom(dialect: Dialect, requestKey: string): Random {
  return new Random(hash(requestKey, dialect.seed));
}

/** Picks a variant of a dimension: the dialect's own, or, under `mixed`, one per value. */
export function variantOf<T extends string>(
  choice: T | "mixed",
  variants: readonly (T | "mixed")[],
  random: Random,
): T {
  if (choice !== "mixed") return choice;
  return random.pick(variants.filter((variant): variant is T => variant !== "mixed"));
}

// ---------------------------------------------------------------------------------------------
// What must never reach a visitor: planted in private fields and in every upstream message.

/** In every private field the grammar adds; must never appear in a `/v1` answer. */
export const PRIVATE_SENTINEL = "CHAOS-PRIVATE";
/** In every `message` the grammar sends; must never appear in a `/v1` answer. */
export const MESSAGE_SENTINEL = "CHAOS-MESSAGE";
/** Matches either sentinel, whatever the case. */
export const LEAK_PATTERN = /chaos-(?:private|message)/i;
