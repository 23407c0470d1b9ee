import { z } from "zod";

/**
 * What we read from UserEcho API v2 responses (docs/USERECHO.md, "Objects"). Parsing keeps only
 * the fields listed here, so anything UserEcho adds later (or anything private, such as
 * `email`) is dropped at the door.
 *
 * Only what UserEcho documents is required; everything else is optional, and shapes the sources
 * disagree on are accepted in each form seen. Items of a list are parsed one by one
 * (client.ts), so one odd item costs that item, never the page.
 */
const upstreamId = z.number().int();
/** An ISO 8601 timestamp; an item with an unreadable one is dropped, not the page. */
const timestamp = z.string().refine((value) => !Number.isNaN(Date.parse(value)), "not a date");

export const UpstreamAuthor = z.object({
  // Shown on topics; on comments no source shows it.
  id: upstreamId.nullish(),
  name: z.string().nullish(),
  display_name: z.string().nullish(),
  avatar_url: z.string().nullish(),
});

export const UpstreamStatus = z.object({
  id: upstreamId,
  name: z.string().nullish(),
  color: z.string().nullish(),
});

export const UpstreamNamed = z.object({ id: upstreamId, name: z.string().nullish() });

/** An object `{id, name, …}`, or the bare id of the older format (docs/USERECHO.md). */
const namedOrId = <T extends z.ZodObject>(object: T) => z.union([object, upstreamId]);

export const UpstreamVote = z.object({
  // The caller's own vote (1, -1, 0) on reads made with an sso_token.
  current_user: z.number().int().nullish(),
  diff: z.number().int().nullish(),
  positive: z.number().int().nullish(),
  negative: z.number().int().nullish(),
});

export const UpstreamTopic = z.object({
  id: upstreamId,
  header: z.string(),
  description: z.string().nullish(),
  created: timestamp,
  updated: timestamp.nullish().catch(undefined),
  status: namedOrId(UpstreamStatus),
  type: namedOrId(UpstreamNamed),
  // Not shown on any documented topic: written as an id, returned in an unknown shape.
  category: namedOrId(UpstreamNamed).nullish().catch(undefined),
  // The documented sample shows `[]`; an element's shape is shown nowhere, so anything that is
  // not an object with an id or a bare id is dropped rather than sinking the topic.
  tags: z
    .array(z.unknown())
    .nullish()
    .catch(undefined)
    .transform((tags) =>
      (tags ?? []).flatMap((tag) => {
        const parsed = namedOrId(UpstreamNamed).safeParse(tag);
        return parsed.success ? [parsed.data] : [];
      }),
    ),
  comment_count: z.number().int().nullish(),
  author: UpstreamAuthor.nullish(),
  vote: UpstreamVote.nullish(),
  url: z.string().nullish(),
  // Only UserEcho's export shows it; used when present (v1/topic-forum.ts).
  forum_id: upstreamId.nullish(),
});

export const UpstreamForum = z.object({
  id: upstreamId,
  name: z.string(),
  description: z.string().nullish(),
  type: z.object({ id: upstreamId.nullish(), name: z.string() }).nullish(),
  is_default: z.boolean().nullish(),
  topic_count: z.number().int().nullish(),
});

export const UpstreamComment = z.object({
  id: upstreamId,
  // Sources disagree on the text field: `text` in v2 client code, `comment` in v1 and the export.
  text: z.string().nullish(),
  comment: z.string().nullish(),
  is_official: z.boolean().nullish(),
  created: timestamp,
  author: UpstreamAuthor.nullish(),
});

export const UpstreamUser = z.object({
  id: upstreamId,
  name: z.string().nullish(),
  display_name: z.string().nullish(),
  avatar_url: z.string().nullish(),
  rating: z.number().nullish(),
});

/** Paging numbers; documented only on topic and user lists ("may be available" elsewhere). */
export const UpstreamDetails = z.object({
  count: z.number().int().min(0),
  limit: z.number().int().min(1).optional(),
  page: z.number().int().min(1).optional(),
  from: z.number().int().optional(),
});

/** The one thing a write's answer is known to carry (docs/USERECHO.md, "Writes"). */
export const UpstreamCreated = z.object({ id: upstreamId });

export type UpstreamAuthor = z.infer<typeof UpstreamAuthor>;
export type UpstreamStatus = z.infer<typeof UpstreamStatus>;
export type UpstreamNamed = z.infer<typeof UpstreamNamed>;
export type UpstreamTopic = z.infer<typeof UpstreamTopic>;
export type UpstreamDetails = z.infer<typeof UpstreamDetails>;
export type UpstreamForum = z.infer<typeof UpstreamForum>;
export type UpstreamComment = z.infer<typeof UpstreamComment>;
export type UpstreamUser = z.infer<typeof UpstreamUser>;
