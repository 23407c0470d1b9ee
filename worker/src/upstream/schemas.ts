import { z } from "zod";

/**
 * What we read from UserEcho API v2 responses (../shared/userecho-api/entities.md). Parsing
 * keeps only the fields listed here, so anything UserEcho adds later (or anything private, such
 * as `email`) is dropped at the door. Fields the docs disagree on are lenient.
 */
const upstreamId = z.number().int();
const timestamp = z.string();

export const UpstreamAuthor = z.object({
  id: upstreamId,
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

export const UpstreamVote = z.object({
  // The caller's own vote (1, -1, 0) on reads made with an sso_token (entities.md, inferred).
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
  updated: timestamp.nullish(),
  status: UpstreamStatus,
  type: UpstreamNamed,
  // The docs show `category` only as a write parameter; the emulator returns `{id, name}` or
  // null (inferred, see upstream/inferred.ts).
  category: UpstreamNamed.nullish(),
  tags: z.array(UpstreamNamed).nullish(),
  comment_count: z.number().int().nullish(),
  author: UpstreamAuthor,
  vote: UpstreamVote.nullish(),
  url: z.string().nullish(),
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
  author: UpstreamAuthor,
});

export const UpstreamUser = z.object({
  id: upstreamId,
  name: z.string().nullish(),
  display_name: z.string().nullish(),
  avatar_url: z.string().nullish(),
  rating: z.number().nullish(),
});

export const UpstreamDetails = z.object({
  count: z.number().int().min(0),
  limit: z.number().int().min(1),
  page: z.number().int().min(1),
  from: z.number().int().optional(),
});

export type UpstreamAuthor = z.infer<typeof UpstreamAuthor>;
export type UpstreamStatus = z.infer<typeof UpstreamStatus>;
export type UpstreamNamed = z.infer<typeof UpstreamNamed>;
export type UpstreamTopic = z.infer<typeof UpstreamTopic>;
export type UpstreamDetails = z.infer<typeof UpstreamDetails>;
export type UpstreamForum = z.infer<typeof UpstreamForum>;
export type UpstreamComment = z.infer<typeof UpstreamComment>;
export type UpstreamUser = z.infer<typeof UpstreamUser>;
