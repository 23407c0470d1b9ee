import * as z from "zod/mini";

/**
 * What we read from UserEcho API v2 responses (docs/USERECHO.md §4). Parsing keeps only the
 * fields listed here, so anything UserEcho adds later (or anything private, such as `email`) is
 * dropped at the door.
 *
 * Only what UserEcho documents is required; everything else is optional, and shapes the sources
 * disagree on are accepted in each form seen. Items of a list are parsed one by one
 * (client.ts), so one odd item costs that item, never the page.
 */
const upstreamId = z.int();
/** An ISO 8601 timestamp; an item with an unreadable one is dropped, not the page. */
const timestamp = z
  .string()
  .check(z.refine((value) => !Number.isNaN(Date.parse(value)), "not a date"));
const text = z.nullish(z.string());

export const UpstreamAuthor = z.object({
  // Shown on topics; on comments no source shows it.
  id: z.nullish(upstreamId),
  name: text,
  display_name: text,
  avatar_url: text,
});

export const UpstreamStatus = z.object({ id: upstreamId, name: text, color: text });

export const UpstreamNamed = z.object({ id: upstreamId, name: text });

/** An object `{id, name, …}`, or the bare id of the older format (docs/USERECHO.md §4). */
const namedOrId = <T extends z.ZodMiniObject>(object: T) => z.union([object, upstreamId]);

export const UpstreamVote = z.object({
  // The caller's own vote (1, -1, 0) on reads made with an sso_token.
  current_user: z.nullish(z.int()),
  diff: z.nullish(z.int()),
  positive: z.nullish(z.int()),
  negative: z.nullish(z.int()),
});

export const UpstreamTopic = z.object({
  id: upstreamId,
  header: z.string(),
  description: text,
  created: timestamp,
  updated: z.catch(z.nullish(timestamp), undefined),
  status: namedOrId(UpstreamStatus),
  type: namedOrId(UpstreamNamed),
  // Not shown on any documented topic: written as an id, returned in an unknown shape.
  category: z.catch(z.nullish(namedOrId(UpstreamNamed)), undefined),
  // The documented sample shows `[]`; an element's shape is shown nowhere, so anything that is
  // not an object with an id or a bare id is dropped rather than sinking the topic.
  tags: z.pipe(
    z.catch(z.nullish(z.array(z.unknown())), undefined),
    z.transform((tags) =>
      (tags ?? []).flatMap((tag) => {
        const parsed = namedOrId(UpstreamNamed).safeParse(tag);
        return parsed.success ? [parsed.data] : [];
      }),
    ),
  ),
  comment_count: z.nullish(z.int()),
  author: z.nullish(UpstreamAuthor),
  vote: z.nullish(UpstreamVote),
  url: text,
  // Only UserEcho's export shows it; used when present (v1/topic-forum.ts).
  forum_id: z.nullish(upstreamId),
});

export const UpstreamForum = z.object({
  id: upstreamId,
  name: z.string(),
  description: text,
  type: z.nullish(z.object({ id: z.nullish(upstreamId), name: z.string() })),
  is_default: z.nullish(z.boolean()),
  topic_count: z.nullish(z.int()),
});

export const UpstreamComment = z.object({
  id: upstreamId,
  // Sources disagree on the text field: `text` in v2 client code, `comment` in v1 and the export.
  text,
  comment: text,
  is_official: z.nullish(z.boolean()),
  created: timestamp,
  author: z.nullish(UpstreamAuthor),
});

export const UpstreamUser = z.object({
  id: upstreamId,
  name: text,
  display_name: text,
  avatar_url: text,
  rating: z.nullish(z.number()),
});

/** Paging numbers; documented only on topic and user lists ("may be available" elsewhere). */
export const UpstreamDetails = z.object({
  count: z.int().check(z.minimum(0)),
  limit: z.optional(z.int().check(z.minimum(1))),
  page: z.optional(z.int().check(z.minimum(1))),
  from: z.optional(z.int()),
});

/** The one thing a write's answer is known to carry (docs/USERECHO.md §7). */
export const UpstreamCreated = z.object({ id: upstreamId });

/**
 * A registered webhook (docs/USERECHO.md §13): the documented answer of `POST hooks` has `id`,
 * `target_url` and an `events` map; `event` is read too, should a list show one per hook.
 */
export const UpstreamHook = z.object({
  id: upstreamId,
  target_url: z.string(),
  events: z.optional(z.unknown()),
  event: z.optional(z.unknown()),
});

export type UpstreamAuthor = z.infer<typeof UpstreamAuthor>;
export type UpstreamStatus = z.infer<typeof UpstreamStatus>;
export type UpstreamNamed = z.infer<typeof UpstreamNamed>;
export type UpstreamTopic = z.infer<typeof UpstreamTopic>;
export type UpstreamDetails = z.infer<typeof UpstreamDetails>;
export type UpstreamHook = z.infer<typeof UpstreamHook>;
export type UpstreamForum = z.infer<typeof UpstreamForum>;
export type UpstreamComment = z.infer<typeof UpstreamComment>;
export type UpstreamUser = z.infer<typeof UpstreamUser>;
