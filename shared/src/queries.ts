import * as z from "zod/mini";
import { described } from "./schemas.ts";
import { TOPIC_SORTS } from "./topic-options.ts";

/**
 * Path and query parameters of the `/v1` routes. The worker validates with these, the OpenAPI
 * document describes them, and the cache key is built from their *parsed* output, so two URLs
 * that mean the same page share one cache entry.
 */
const MAX_ID = 2_147_483_647;

/** An integer from a URL: the text coerced to a number, then checked. */
const integerParam = (...checks: z.core.$ZodCheck<number>[]) =>
  z.pipe(z.coerce.number(), z.int().check(...checks));

const positiveId = integerParam(z.positive(), z.maximum(MAX_ID));

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;
/** Deep pages are never what a visitor wants; the bound keeps cache keys and upstream work finite. */
export const PAGE_NUMBER_MAX = 10_000;

export const pageQuery = {
  page: described(
    z._default(integerParam(z.minimum(1), z.maximum(PAGE_NUMBER_MAX)), 1),
    "1-based page",
  ),
  limit: described(
    z._default(integerParam(z.minimum(1), z.maximum(PAGE_SIZE_MAX)), PAGE_SIZE_DEFAULT),
    "Page size, 1-100",
  ),
};

export const TopicSort = z.enum(TOPIC_SORTS);
export type TopicSort = z.infer<typeof TopicSort>;

export const TopicListQuery = z.object({
  ...pageQuery,
  sort: described(
    z._default(TopicSort, "top"),
    "top: most votes; new: newest; updated: recently active; discussed: most comments",
  ),
  type: described(z.optional(positiveId), "Only topics of this type id"),
  status: described(z.optional(positiveId), "Only topics with this status id"),
  category: described(z.optional(positiveId), "Only topics in this category id"),
  tag: described(z.optional(positiveId), "Only topics with this tag id"),
  q: described(
    z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(200))),
    "Full-text search",
  ),
});
export type TopicListQuery = z.infer<typeof TopicListQuery>;

export const PageQuery = z.object(pageQuery);
export type PageQuery = z.infer<typeof PageQuery>;

export const IdPath = positiveId;
export const ForumPath = z.object({ forumId: described(positiveId, "Forum id") });
export const TopicPath = z.object({ topicId: described(positiveId, "Topic id") });

/**
 * The secret path segment of the webhook URL (USERECHO_WEBHOOK_TOKEN). Only URL-safe characters,
 * and a bound, so that a junk path is refused before any comparison.
 */
export const HookPath = z.object({
  token: described(
    z.string().check(z.minLength(1), z.maxLength(256), z.regex(/^[A-Za-z0-9._~-]+$/)),
    "The worker's USERECHO_WEBHOOK_TOKEN",
  ),
});
