import { z } from "zod";

/**
 * Query parameters of the `/v1` list routes. The worker validates with these, the OpenAPI
 * document describes them, and the cache key is built from their *parsed* output, so two URLs
 * that mean the same page share one cache entry.
 */
const positiveId = z.coerce.number().int().positive().max(2_147_483_647);

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;
/** Deep pages are never what a visitor wants; the bound keeps cache keys and upstream work finite. */
export const PAGE_NUMBER_MAX = 10_000;

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(PAGE_NUMBER_MAX).default(1).describe("1-based page"),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(PAGE_SIZE_MAX)
    .default(PAGE_SIZE_DEFAULT)
    .describe("Page size, 1-100"),
};

export const TopicSort = z.enum(["top", "new", "updated", "discussed"]);
export type TopicSort = z.infer<typeof TopicSort>;

export const TopicListQuery = z.object({
  ...pageQuery,
  sort: TopicSort.default("top").describe(
    "top: most votes; new: newest; updated: recently active; discussed: most comments",
  ),
  type: positiveId.optional().describe("Only topics of this type id"),
  status: positiveId.optional().describe("Only topics with this status id"),
  category: positiveId.optional().describe("Only topics in this category id"),
  tag: positiveId.optional().describe("Only topics with this tag id"),
  q: z.string().trim().min(2).max(200).optional().describe("Full-text search"),
});
export type TopicListQuery = z.infer<typeof TopicListQuery>;

export const PageQuery = z.object(pageQuery);
export type PageQuery = z.infer<typeof PageQuery>;

export const IdPath = positiveId;
