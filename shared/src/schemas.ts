import * as z from "zod/mini";
import { TOPIC_FILTERS, TOPIC_SORTS } from "./topic-options.ts";

/**
 * The public `/v1` contract. Every response body the worker sends is parsed with one of these
 * schemas before it leaves, the TypeScript types below are inferred from them, and the OpenAPI
 * document is generated from them with the routes that use them (routes.ts): one source.
 *
 * Field names are ours (camelCase), never UserEcho's: the upstream shape stays behind the worker.
 * Written with `zod/mini`, whose schemas cost the worker little to build at start-up.
 */
export const contract = z.registry<{ id: string; description?: string }>();

/** `schema` with a description for the OpenAPI document (a new schema; `schema` is unchanged). */
export function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  return schema.check(z.describe(description)) as T;
}

const id = z.int().check(z.positive());
const isoDate = described(z.iso.datetime({ offset: true }), "ISO 8601 timestamp, UTC");

export const PageInfo = z
  .object({
    number: described(z.int().check(z.minimum(1)), "1-based number of this page"),
    size: described(
      z.int().check(z.minimum(1), z.maximum(100)),
      "The page size in use: what UserEcho served, which may be less than asked (it caps `limit`); further pages hold this many",
    ),
    total: described(
      z.nullable(z.int().check(z.minimum(0))),
      "Number of items over all pages; null when UserEcho does not say",
    ),
    totalPages: described(
      z.nullable(z.int().check(z.minimum(0))),
      "Number of pages; 0 when there are no items, null when the total is unknown",
    ),
    hasNext: described(z.boolean(), "Whether a next page may hold more items"),
  })
  .register(contract, { id: "PageInfo", description: "Where this page sits in the whole list." });

export const Author = z
  .object({
    id: described(z.nullable(id), "null when UserEcho does not say"),
    name: z.string(),
    avatarUrl: z.nullable(z.url()),
  })
  .register(contract, { id: "Author", description: "The public face of a user." });

export const Status = z
  .object({
    id,
    name: described(z.string(), "Empty for the 'no status yet' state"),
    color: described(z.string().check(z.regex(/^#[0-9a-f]{6}$/)), "CSS colour, `#rrggbb`"),
  })
  .register(contract, { id: "Status" });

export const TopicType = z.object({ id, name: z.string() }).register(contract, { id: "TopicType" });
export const Category = z.object({ id, name: z.string() }).register(contract, { id: "Category" });
export const Tag = z.object({ id, name: z.string() }).register(contract, { id: "Tag" });

export const VoteValue = z
  .union([z.literal(1), z.literal(0), z.literal(-1)])
  .register(contract, { id: "VoteValue", description: "1 up, -1 down, 0 withdraw" });

export const OwnVote = z.int().check(z.minimum(-5), z.maximum(5)).register(contract, {
  id: "OwnVote",
  description:
    "A visitor's own vote on a topic: the votes they gave (UserEcho user groups give a user up to 5 per topic), negative for a vote down, 0 for none",
});

export const Votes = z
  .object({
    score: described(z.int(), "Up-votes minus down-votes"),
    up: z.int().check(z.minimum(0)),
    down: z.int().check(z.minimum(0)),
  })
  .register(contract, { id: "Votes" });

const whenKnown = <T extends z.ZodMiniType>(date: T) =>
  described(z.nullable(date), "ISO 8601 timestamp, UTC; null when UserEcho does not say");

const topicShape = {
  id,
  forumId: described(
    z.nullable(id),
    "The topic's forum. null only on a single topic when UserEcho does not say and every forum is visible",
  ),
  title: z.string(),
  url: described(z.url(), "The topic's page on the community"),
  createdAt: whenKnown(isoDate),
  updatedAt: whenKnown(isoDate),
  type: described(z.nullable(TopicType), "null when UserEcho does not say"),
  status: described(z.nullable(Status), "null when UserEcho does not say"),
  category: z.nullable(Category),
  tags: z.array(Tag),
  votes: Votes,
  commentCount: z.int().check(z.minimum(0)),
  author: Author,
  myVote: described(
    z.optional(OwnVote),
    "The signed-in user's own vote; only in personalised (bearer) responses",
  ),
};

const truncated = described(
  z.boolean(),
  "true when the text was longer than the worker passes on (256 KiB of HTML) and was cut at a tag boundary: link to the topic's page for the rest",
);

export const Topic = z
  .object(topicShape)
  .register(contract, { id: "Topic", description: "A topic as listed on a board." });

export const TopicDetail = z
  .object({
    ...topicShape,
    descriptionHtml: described(z.string(), "Sanitised HTML, safe to insert into a page"),
    truncated,
  })
  .register(contract, { id: "TopicDetail", description: "One topic with its description." });

export const Comment = z
  .object({
    id,
    topicId: id,
    html: described(z.string(), "Sanitised HTML, safe to insert into a page"),
    truncated,
    isOfficial: z.boolean(),
    createdAt: whenKnown(isoDate),
    author: Author,
  })
  .register(contract, { id: "Comment" });

export const Forum = z
  .object({
    id,
    name: z.string(),
    description: z.nullable(z.string()),
    isDefault: z.boolean(),
    topicCount: z.int().check(z.minimum(0)),
  })
  .register(contract, { id: "Forum" });

export const TopicTypeWithStatuses = z
  .object({ id, name: z.string(), statuses: z.array(Status) })
  .register(contract, { id: "TopicTypeWithStatuses" });

/** Filters of the topic list, by query parameter name. */
export const TopicFilter = z.enum(TOPIC_FILTERS).register(contract, { id: "TopicFilter" });

export const ForumMeta = z
  .object({
    forumId: id,
    communityUrl: described(z.url(), "The community's home page, for 'continue on the forum'"),
    sorts: described(
      z.array(z.enum(TOPIC_SORTS)),
      "The sorts this forum's topic list serves, by UserEcho or computed at the edge; offer these",
    ),
    filters: described(
      z.array(TopicFilter),
      "The filters this forum's topic list serves, by UserEcho or computed at the edge (a filter the topics carry no data for is absent); offer these",
    ),
    voting: described(
      z.enum(["inline", "community"]),
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
    rank: z.int().check(z.minimum(1)),
    id,
    name: z.string(),
    avatarUrl: z.nullable(z.url()),
    rating: z.number(),
  })
  .register(contract, { id: "TopUser" });

export const Health = z
  .object({ status: z.literal("ok"), version: z.string() })
  .register(contract, { id: "Health" });

function listOf<T extends z.ZodMiniType, E extends z.core.$ZodLooseShape>(
  item: T,
  name: string,
  extra: E,
) {
  return z.object({ items: z.array(item), page: PageInfo, ...extra }).register(contract, {
    id: name,
    description: `A page of ${contract.get(item)?.id ?? "items"}.`,
  });
}

export const ForumList = z
  .object({ items: z.array(Forum) })
  .register(contract, { id: "ForumList" });

/** What a topic list actually applied: UserEcho may refuse or ignore a sort or a filter. */
export const AppliedQuery = z
  .object({
    sort: described(
      z.optional(z.enum(TOPIC_SORTS)),
      "The sort applied; absent for a search, which keeps UserEcho's own order",
    ),
    type: z.optional(id),
    status: z.optional(id),
    category: z.optional(id),
    tag: z.optional(id),
    q: z.optional(z.string()),
    computed: described(
      z.optional(z.array(z.enum(["sort", "type", "status", "category", "tag"]))),
      "The parts the worker computed itself from the forum's topics, because UserEcho does not honour them",
    ),
  })
  .register(contract, {
    id: "AppliedQuery",
    description:
      "The sort and filters this page was built with. A filter the forum cannot serve is absent, and a search is neither sorted nor filtered.",
  });

export const TopicPage = listOf(Topic, "TopicPage", {
  applied: AppliedQuery,
  exact: described(
    z.boolean(),
    "false when the page was computed from a forum larger than the worker reads for it (the newest 2,000 topics by default): it covers those only",
  ),
});
export const CommentPage = listOf(Comment, "CommentPage", {});

/**
 * The signed-in visitor's own votes on the topics of one page of a forum: a small personal
 * overlay for a list that stays in the shared cache.
 */
export const MyVotes = z
  .object({
    items: z.array(z.object({ topicId: id, myVote: OwnVote })),
  })
  .register(contract, {
    id: "MyVotes",
    description:
      "The signed-in visitor's own vote on each topic of the page the same query gives (0: none). A topic the worker could not read the vote of within its bound is left out.",
  });

export const TopUserPage = listOf(TopUser, "TopUserPage", {
  exact: described(
    z.boolean(),
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
  .strictObject({
    title: z.string().check(z.trim(), z.minLength(3), z.maxLength(200)),
    description: described(
      z.optional(z.string().check(z.maxLength(20_000))),
      "What the visitor typed; read as `format` says",
    ),
    format: described(z.optional(TextFormat), "How `description` is read; `text` by default"),
    type: described(id, "Topic type id, from the forum's meta"),
    category: described(z.optional(id), "Category id, from the forum's meta"),
    tags: z.optional(z.array(id).check(z.maxLength(10))),
  })
  .register(contract, { id: "CreateTopicRequest" });

export const CreateCommentRequest = z
  .strictObject({
    text: described(
      z.string().check(z.trim(), z.minLength(1), z.maxLength(10_000)),
      "What the visitor typed",
    ),
    format: described(z.optional(TextFormat), "How `text` is read; `text` by default"),
  })
  .register(contract, { id: "CreateCommentRequest" });

export const VoteRequest = z
  .strictObject({ value: VoteValue })
  .register(contract, { id: "VoteRequest" });

export const VoteResult = z
  .object({ topicId: id, votes: Votes, myVote: OwnVote })
  .register(contract, { id: "VoteResult" });

export const SsoLinkRequest = z
  .strictObject({
    returnTo: described(
      z.optional(z.string().check(z.maxLength(2_000))),
      "A URL on the community host",
    ),
  })
  .register(contract, { id: "SsoLinkRequest" });

export const SsoLink = z
  .object({
    url: described(z.url(), "Community URL carrying a fresh sso_token; lands the user signed in"),
    expiresAt: isoDate,
  })
  .register(contract, { id: "SsoLink" });

const purgeShape = (field: string, schema: z.ZodMiniType, description: string) =>
  z.strictObject({ [field]: described(schema, description) });

export const PurgeRequest = z
  .union(
    [
      purgeShape("forum", id, "A forum: its lists, its meta and its topics' pages"),
      purgeShape("topic", id, "A topic and its comments"),
      purgeShape("all", z.literal(true), "Everything the worker caches"),
    ],
    { error: 'send exactly one of "forum" (an id), "topic" (an id) or "all": true' },
  )
  .register(contract, { id: "PurgeRequest", description: "What to purge: exactly one field." });
export type PurgeRequest = z.infer<typeof PurgeRequest>;

export const PurgeResult = z
  .object({
    scopes: described(
      z.array(z.string()),
      "The cache scopes moved to a new generation, e.g. `forum:12`, `topic:345`, `all`",
    ),
    reach: described(
      z.enum(["global", "location"]),
      '`global` when CACHE_KV is bound or Workers Cache took the purge (every location\'s edge cache drops what it covers; see the README, "Fresh data after a change in UserEcho", for what each tier sees and when); `location` otherwise (only the Cloudflare location that ran the purge; others age out by their TTL)',
    ),
  })
  .register(contract, { id: "PurgeResult", description: "What was purged." });
export type PurgeResult = z.infer<typeof PurgeResult>;

export const HookDelivery = z
  .object({
    hook: described(
      z.string().check(z.minLength(1), z.maxLength(100)),
      "The event, e.g. `topic.created`, `comment.deleted`",
    ),
    created: described(z.optional(z.string()), "When UserEcho sent it"),
    data: described(
      z.optional(z.unknown()),
      "The topic or comment, shaped as UserEcho's API shows it",
    ),
  })
  .register(contract, {
    id: "HookDelivery",
    description:
      "What UserEcho POSTs to a webhook. Fields beyond these are ignored; `data` is read only for the ids that say what to purge.",
  });
export type HookDelivery = z.infer<typeof HookDelivery>;

export const HookAck = z
  .object({
    event: described(z.string(), "The event received, as UserEcho named it"),
    action: described(
      z.enum(["purge", "ignore"]),
      "`purge`: the cache scopes the event covers move on, after this answer; `ignore`: an event the board does not show (or one this worker does not know)",
    ),
  })
  .register(contract, { id: "HookAck", description: "The delivery was accepted." });
export type HookAck = z.infer<typeof HookAck>;

export const Problem = z
  .object({
    type: described(z.url(), "Stable identifier of the failure; see ProblemType"),
    title: z.string(),
    status: z.int().check(z.minimum(400), z.maximum(599)),
    detail: z.optional(z.string()),
    instance: z.optional(z.string()),
    requestId: z.optional(z.string()),
    parameter: described(z.optional(z.string()), "The input that was rejected, when there is one"),
    variable: described(z.optional(z.string()), "The misconfigured variable, never its value"),
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
export type OwnVote = z.infer<typeof OwnVote>;
export type TextFormat = z.infer<typeof TextFormat>;
export type CreateTopicRequest = z.infer<typeof CreateTopicRequest>;
export type CreateCommentRequest = z.infer<typeof CreateCommentRequest>;
export type VoteRequest = z.infer<typeof VoteRequest>;
export type VoteResult = z.infer<typeof VoteResult>;
export type SsoLinkRequest = z.infer<typeof SsoLinkRequest>;
export type SsoLink = z.infer<typeof SsoLink>;
