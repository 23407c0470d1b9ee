import { z } from "zod";

/**
 * The public `/v1` contract. Every response body the worker sends is parsed with one of these
 * schemas before it leaves, the TypeScript types below are inferred from them, and the OpenAPI
 * document is generated from them: one source, three uses.
 *
 * Field names are ours (camelCase), never UserEcho's: the upstream shape stays behind the worker.
 */
export const contract = z.registry<{ id: string; description?: string }>();

const id = z.number().int().positive();
const isoDate = z.iso.datetime({ offset: true }).describe("ISO 8601 timestamp, UTC");

export const PageInfo = z
  .object({
    number: z.number().int().min(1).describe("1-based number of this page"),
    size: z.number().int().min(1).max(100).describe("Requested page size"),
    total: z
      .number()
      .int()
      .min(0)
      .nullable()
      .describe("Number of items over all pages; null when UserEcho does not say"),
    totalPages: z
      .number()
      .int()
      .min(0)
      .nullable()
      .describe("Number of pages; 0 when there are no items, null when the total is unknown"),
    hasNext: z.boolean().describe("Whether a next page may hold more items"),
  })
  .register(contract, { id: "PageInfo", description: "Where this page sits in the whole list." });

export const Author = z
  .object({
    id: id.nullable().describe("null when UserEcho does not say"),
    name: z.string(),
    avatarUrl: z.url().nullable(),
  })
  .register(contract, { id: "Author", description: "The public face of a user." });

export const Status = z
  .object({
    id,
    name: z.string().describe("Empty for the 'no status yet' state"),
    color: z
      .string()
      .regex(/^#[0-9a-f]{6}$/)
      .describe("CSS colour, `#rrggbb`"),
  })
  .register(contract, { id: "Status" });

export const TopicType = z.object({ id, name: z.string() }).register(contract, { id: "TopicType" });
export const Category = z.object({ id, name: z.string() }).register(contract, { id: "Category" });
export const Tag = z.object({ id, name: z.string() }).register(contract, { id: "Tag" });

export const VoteValue = z
  .union([z.literal(1), z.literal(0), z.literal(-1)])
  .register(contract, { id: "VoteValue", description: "1 up, -1 down, 0 withdraw" });

export const Votes = z
  .object({
    score: z.number().int().describe("Up-votes minus down-votes"),
    up: z.number().int().min(0),
    down: z.number().int().min(0),
  })
  .register(contract, { id: "Votes" });

export const Topic = z
  .object({
    id,
    forumId: id
      .nullable()
      .describe(
        "The topic's forum. null only on a single topic when UserEcho does not say and every forum is visible",
      ),
    title: z.string(),
    url: z.url().describe("The topic's page on the community"),
    createdAt: isoDate,
    updatedAt: isoDate,
    type: TopicType,
    status: Status,
    category: Category.nullable(),
    tags: z.array(Tag),
    votes: Votes,
    commentCount: z.number().int().min(0),
    author: Author,
    myVote: VoteValue.optional().describe(
      "The signed-in user's own vote; only in personalised (bearer) responses",
    ),
  })
  .register(contract, { id: "Topic", description: "A topic as listed on a board." });

export const TopicDetail = Topic.extend({
  descriptionHtml: z.string().describe("Sanitised HTML, safe to insert into a page"),
}).register(contract, { id: "TopicDetail", description: "One topic with its description." });

export const Comment = z
  .object({
    id,
    topicId: id,
    html: z.string().describe("Sanitised HTML, safe to insert into a page"),
    isOfficial: z.boolean(),
    createdAt: isoDate,
    author: Author,
  })
  .register(contract, { id: "Comment" });

export const Forum = z
  .object({
    id,
    name: z.string(),
    description: z.string().nullable(),
    isDefault: z.boolean(),
    topicCount: z.number().int().min(0),
  })
  .register(contract, { id: "Forum" });

export const TopicTypeWithStatuses = TopicType.extend({ statuses: z.array(Status) }).register(
  contract,
  { id: "TopicTypeWithStatuses" },
);

/** Filters of the topic list, by query parameter name. */
export const TopicFilter = z
  .enum(["type", "status", "category", "tag"])
  .register(contract, { id: "TopicFilter" });

export const ForumMeta = z
  .object({
    forumId: id,
    communityUrl: z.url().describe("The community's home page, for 'continue on the forum'"),
    sorts: z
      .array(z.enum(["top", "new", "updated", "discussed"]))
      .describe("The sorts UserEcho honours for this worker; offer only these"),
    filters: z
      .array(TopicFilter)
      .describe("The filters UserEcho honours for this worker; offer only these"),
    voting: z
      .enum(["inline", "community"])
      .describe(
        "inline: POST /v1/topics/{id}/votes works; community: voting hands off to the topic page via /v1/sso/link",
      ),
    types: z.array(TopicTypeWithStatuses),
    categories: z.array(Category),
    tags: z.array(Tag),
  })
  .register(contract, {
    id: "ForumMeta",
    description: "Everything a board needs to build its filters, in one response.",
  });

export const TopUser = z
  .object({
    rank: z.number().int().min(1),
    id,
    name: z.string(),
    avatarUrl: z.url().nullable(),
    rating: z.number(),
  })
  .register(contract, { id: "TopUser" });

export const Health = z
  .object({ status: z.literal("ok"), version: z.string() })
  .register(contract, { id: "Health" });

function listOf<T extends z.ZodType, E extends z.ZodRawShape>(item: T, name: string, extra: E) {
  return z
    .object({ items: z.array(item), page: PageInfo, ...extra })
    .register(contract, { id: name, description: `A page of ${item.meta()?.id ?? "items"}.` });
}

export const ForumList = z
  .object({ items: z.array(Forum) })
  .register(contract, { id: "ForumList" });

/** What a topic list actually applied: UserEcho may refuse or ignore a sort or a filter. */
export const AppliedQuery = z
  .object({
    sort: z
      .enum(["top", "new", "updated", "discussed"])
      .optional()
      .describe(
        "The sort applied: `new` when UserEcho does not honour the one asked for; absent for a search, which keeps UserEcho's own order",
      ),
    type: id.optional(),
    status: id.optional(),
    category: id.optional(),
    tag: id.optional(),
    q: z.string().optional(),
  })
  .register(contract, {
    id: "AppliedQuery",
    description:
      "The sort and filters this page was built with. A filter UserEcho refuses or ignores is absent, and a search is neither sorted nor filtered.",
  });

export const TopicPage = listOf(Topic, "TopicPage", { applied: AppliedQuery });
export const CommentPage = listOf(Comment, "CommentPage", {});

/**
 * The signed-in visitor's own votes on the topics of one page of a forum: a small personal
 * overlay for a list that stays in the shared cache.
 */
export const MyVotes = z
  .object({
    items: z.array(z.object({ topicId: id, myVote: VoteValue })),
  })
  .register(contract, {
    id: "MyVotes",
    description:
      "The signed-in visitor's own vote on each topic of the page the same query gives (0: none).",
  });
export const TopUserPage = listOf(TopUser, "TopUserPage", {
  exact: z
    .boolean()
    .describe(
      "false when UserEcho cannot sort users by rating and the community is larger than the worker ranks itself",
    ),
});

/* Writes, as the signed-in end user (Authorization: Bearer <site-signed JWT>). */

/**
 * How a text field of a write is read: `text` (the default) is shown exactly as typed, line
 * breaks included, with `<`, `>` and `&` as literal characters; `html` is a small safe markup
 * subset, and only a caller that means it should send it.
 */
export const TextFormat = z.enum(["text", "html"]).register(contract, {
  id: "TextFormat",
  description:
    "text: shown exactly as typed (the default); html: a small safe markup subset (p, br, b, strong, i, em, u, s, a, ul, ol, li, code, pre, blockquote)",
});

export const CreateTopicRequest = z
  .object({
    title: z.string().trim().min(3).max(200),
    description: z
      .string()
      .max(20_000)
      .optional()
      .describe("What the visitor typed; read as `format` says"),
    format: TextFormat.optional().describe("How `description` is read; `text` by default"),
    type: id.describe("Topic type id, from the forum's meta"),
    category: id.optional().describe("Category id, from the forum's meta"),
    tags: z.array(id).max(10).optional(),
  })
  .strict()
  .register(contract, { id: "CreateTopicRequest" });

export const CreateCommentRequest = z
  .object({
    text: z.string().trim().min(1).max(10_000).describe("What the visitor typed"),
    format: TextFormat.optional().describe("How `text` is read; `text` by default"),
  })
  .strict()
  .register(contract, { id: "CreateCommentRequest" });

export const VoteRequest = z
  .object({ value: VoteValue })
  .strict()
  .register(contract, { id: "VoteRequest" });

export const VoteResult = z
  .object({ topicId: id, votes: Votes, myVote: VoteValue })
  .register(contract, { id: "VoteResult" });

export const SsoLinkRequest = z
  .object({
    returnTo: z.string().max(2_000).optional().describe("A URL on the community host"),
  })
  .strict()
  .register(contract, { id: "SsoLinkRequest" });

export const SsoLink = z
  .object({
    url: z.url().describe("Community URL carrying a fresh sso_token; lands the user signed in"),
    expiresAt: isoDate,
  })
  .register(contract, { id: "SsoLink" });

export const Problem = z
  .object({
    type: z.url().describe("Stable identifier of the failure; see ProblemType"),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    parameter: z.string().optional().describe("The input that was rejected, when there is one"),
    variable: z.string().optional().describe("The misconfigured variable, never its value"),
  })
  .register(contract, { id: "Problem", description: "RFC 9457 problem details." });

export type PageInfo = z.infer<typeof PageInfo>;
export type Author = z.infer<typeof Author>;
export type Status = z.infer<typeof Status>;
export type TopicType = z.infer<typeof TopicType>;
export type Category = z.infer<typeof Category>;
export type Tag = z.infer<typeof Tag>;
export type Votes = z.infer<typeof Votes>;
export type Topic = z.infer<typeof Topic>;
export type TopicDetail = z.infer<typeof TopicDetail>;
export type Comment = z.infer<typeof Comment>;
export type Forum = z.infer<typeof Forum>;
export type ForumMeta = z.infer<typeof ForumMeta>;
export type TopicFilter = z.infer<typeof TopicFilter>;
export type AppliedQuery = z.infer<typeof AppliedQuery>;
export type TopUser = z.infer<typeof TopUser>;
export type Health = z.infer<typeof Health>;
export type ForumList = z.infer<typeof ForumList>;
export type TopicPage = z.infer<typeof TopicPage>;
export type CommentPage = z.infer<typeof CommentPage>;
export type MyVotes = z.infer<typeof MyVotes>;
export type TopUserPage = z.infer<typeof TopUserPage>;
export type Problem = z.infer<typeof Problem>;
export type VoteValue = z.infer<typeof VoteValue>;
export type TextFormat = z.infer<typeof TextFormat>;
export type CreateTopicRequest = z.infer<typeof CreateTopicRequest>;
export type CreateCommentRequest = z.infer<typeof CreateCommentRequest>;
export type VoteRequest = z.infer<typeof VoteRequest>;
export type VoteResult = z.infer<typeof VoteResult>;
export type SsoLinkRequest = z.infer<typeof SsoLinkRequest>;
export type SsoLink = z.infer<typeof SsoLink>;
