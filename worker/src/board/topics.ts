import type { Context } from "hono";
import {
  CommentPage,
  MyVotes,
  type OwnVote,
  type PageQuery,
  TopicDetail,
  type TopicFilter,
  type TopicListQuery,
  TopicPage,
  type TopicSort,
} from "@userecho-edge/shared";
import { parsedBody } from "../cache/entry.ts";
import { cachedEntry, type CachedRouteOptions, type Representation } from "../cache/index.ts";
import { TOPIC_FILTERS } from "@userecho-edge/shared/topic-options";
import type { AppEnv } from "../env.ts";
import { InvalidParameterError, NotFoundError } from "../errors/index.ts";
import { loadSanitizer } from "../sanitize/lazy.ts";
import { Capabilities } from "../upstream/capabilities.ts";
import type { UpstreamPage, UserEchoClient } from "../upstream/client.ts";
import { ATTESTED_SORT, SORT_KEYS, TOPIC_ORDER_BY } from "../upstream/inferred.ts";
import type { UpstreamTopic } from "../upstream/model.ts";
import { upstreamTopicPage } from "../upstream/topic-list.ts";
import { readerClient, userClient } from "./clients.ts";
import { needsNames, ownVote, toComment, toTopic, toTopicDetail } from "./dto.ts";
import { indexPageQuery, loadForumIndex } from "./forum-index.ts";
import { honoured, loadForumMeta } from "./forum-meta.ts";
import { loadForumNames, namesFor } from "./forum-names.ts";
import { placeByIndexes, proveTopicForum } from "./forum-proof.ts";
import { recordListing } from "./listings.ts";
import { directPageInfo, pageInfo, pageLinks } from "./paging.ts";
import { canComputeSort, computeTopicPage } from "./topic-views.ts";
import { visibility } from "./visibility.ts";

/**
 * What a page of a forum's topics will be built with: the sort and filters that will be
 * applied, after the request was checked against what the forum serves. The cache key is made
 * of this, not of what was asked, so values that change nothing share one entry.
 */
export interface TopicListPlan {
  forumId: number;
  page: number;
  limit: number;
  /** Absent for a search, which keeps UserEcho's own order. */
  sort?: TopicSort;
  filters: Partial<Record<TopicFilter, number>>;
  q?: string;
}

/**
 * Checks a list request against the forum: a sort the site owner does not offer falls back to
 * `new`; a filter the forum cannot serve (no values, or nothing its topics carry) is left out; a
 * filter value that is none of the forum's (an unknown type id, say) is a 400 naming it.
 */
export async function planTopicList(
  c: Context<AppEnv>,
  forumId: number,
  query: TopicListQuery,
): Promise<TopicListPlan> {
  const { page, limit } = query;
  if (query.q !== undefined) return { forumId, page, limit, filters: {}, q: query.q };
  const requested = TOPIC_FILTERS.filter((filter) => query[filter] !== undefined);
  const sort = query.sort;
  if (sort === ATTESTED_SORT && requested.length === 0)
    return { forumId, page, limit, sort, filters: {} };
  const meta = await loadForumMeta(c, forumId);
  const filters: Partial<Record<TopicFilter, number>> = {};
  for (const filter of requested) {
    if (!meta.filters.includes(filter)) continue;
    const value = query[filter]!;
    const known =
      filter === "type"
        ? meta.types.some((type) => type.id === value)
        : filter === "status"
          ? meta.types.some((type) => type.statuses.some((status) => status.id === value))
          : filter === "category"
            ? meta.categories.some((category) => category.id === value)
            : meta.tags.some((tag) => tag.id === value);
    if (!known) throw new InvalidParameterError(filter, `is not a ${filter} of this forum`);
    filters[filter] = value;
  }
  return {
    forumId,
    page,
    limit,
    sort: meta.sorts.includes(sort) ? sort : ATTESTED_SORT,
    filters,
  };
}

/** The cache options of a page of topics; a search is never shared. */
export function topicPageOptions(plan: TopicListPlan): CachedRouteOptions {
  const { forumId, page, limit, sort, filters, q } = plan;
  return {
    route: "topics",
    params: { forumId, page, limit, sort, q, ...filters },
    scope: `forum:${forumId}`,
    unshared: q !== undefined,
  };
}

/** A page of a visible forum's topics, with its `Link` header. */
export async function produceTopicPage(
  c: Context<AppEnv>,
  plan: TopicListPlan,
): Promise<Representation> {
  const upstream = await readerClient(c);
  const list = await topicList(c, upstream, plan);
  const communityOrigin = c.get("config").communityOrigin;
  let body: TopicPage;
  if (list.kind === "direct") {
    const { page } = list;
    const context = {
      forumId: plan.forumId,
      communityOrigin,
      personal: upstream.isUser,
      names: needsNames(page.items) ? [await loadForumNames(c, plan.forumId)] : [],
    };
    body = {
      items: page.items.map((topic) => toTopic(topic, context)),
      page: await directPageInfo(page, samePages(upstream, plan)),
      applied: appliedOf(plan, []),
      exact: true,
    };
  } else {
    const { index, computed, sort } = list;
    const result = computeTopicPage(index, localQuery(plan, computed, sort));
    const votes = upstream.isUser ? await ownVotesAt(upstream, index, result.positions) : undefined;
    body = {
      items: result.items.map((topic) =>
        votes ? { ...topic, myVote: votes.get(topic.id) ?? 0 } : topic,
      ),
      page: pageInfo(plan.page, plan.limit, result.total, result.items.length),
      applied: appliedOf({ ...plan, sort }, computed),
      exact: index.complete,
    };
  }
  const links = pageLinks(`/v1/forums/${plan.forumId}/topics`, linkParams(plan), body.page);
  return { body: TopicPage.parse(body), headers: { Link: links } };
}

/**
 * The signed-in visitor's own votes on the page of topics the same query gives: a small
 * personal overlay, so the page itself stays in the shared cache. Made as the visitor (UserEcho
 * says a reader's own vote as `vote.current_user`): one call for a page UserEcho builds; for a
 * computed page, the visitor's reads of the `-created` pages that hold its topics, at most
 * {@link MAX_OVERLAY_READS} (a topic beyond is left out).
 */
export async function produceMyVotes(c: Context<AppEnv>, plan: TopicListPlan): Promise<MyVotes> {
  const user = await userClient(c);
  const list = await topicList(c, user, plan);
  if (list.kind === "direct") {
    return MyVotes.parse({
      items: list.page.items.map((topic) => ({
        topicId: topic.id,
        myVote: ownVote(topic.vote?.current_user),
      })),
    });
  }
  const result = computeTopicPage(list.index, localQuery(plan, list.computed, list.sort));
  const votes = await ownVotesAt(user, list.index, result.positions);
  return MyVotes.parse({
    items: result.items.flatMap((topic) => {
      const myVote = votes.get(topic.id);
      return myVote === undefined ? [] : [{ topicId: topic.id, myVote }];
    }),
  });
}

type TopicList =
  | { kind: "direct"; page: UpstreamPage<UpstreamTopic> }
  | {
      kind: "computed";
      index: Awaited<ReturnType<typeof loadForumIndex>>;
      computed: NonNullable<TopicPage["applied"]["computed"]>;
      /** The sort the page is computed in: the plan's, or `new` where that cannot be made. */
      sort: TopicSort;
    };

/**
 * The page as UserEcho builds it when it serves everything the plan needs (a search; the
 * attested `new` order; a sort or filter it was seen to honour, or that TOPIC_SORTS /
 * TOPIC_FILTERS name), else the forum's index, from which the page is computed.
 */
async function topicList(
  c: Context<AppEnv>,
  upstream: UserEchoClient,
  plan: TopicListPlan,
): Promise<TopicList> {
  if (plan.q !== undefined) {
    const page = await upstream.searchTopics(plan.forumId, {
      query: plan.q,
      page: plan.page,
      limit: plan.limit,
    });
    return { kind: "direct", page };
  }
  const sort = plan.sort ?? ATTESTED_SORT;
  const config = c.get("config");
  const capabilities = new Capabilities(upstream);
  const filters = Object.keys(plan.filters) as TopicFilter[];
  const computed: NonNullable<TopicPage["applied"]["computed"]> = [
    ...(honoured(config, capabilities, `sort:${sort}`) ? [] : (["sort"] as const)),
    ...filters.filter((filter) => !honoured(config, capabilities, `filter:${filter}`)),
  ];
  if (computed.length === 0) {
    const page = await upstreamTopicPage(upstream, capabilities, {
      forumId: plan.forumId,
      page: plan.page,
      limit: plan.limit,
      sort,
      filters: plan.filters,
      // Named by the site owner: UserEcho is trusted with them, pages are not checked.
      trusted:
        (sort === ATTESTED_SORT || !config.topicSorts.detect) &&
        (filters.length === 0 || !config.topicFilters.detect),
    });
    // A list that came as an object may have lost its order on the way (normalise/envelope.ts):
    // the page holds the right topics, put in order again by the key of the sort UserEcho applied
    // where the topics carry it, else kept as it came when its keys were positions; a page that
    // can be neither is not shown in that order.
    const carriesKey = page?.items.every((t) => SORT_KEYS[sort](t) !== undefined) ?? false;
    if (page && (!page.keyed || carriesKey || page.positional)) {
      if (!upstream.isUser) recordListing(upstream.baseUrl, plan.forumId, page.items);
      if (page.keyed && carriesKey) page.items.sort(bySortKey(sort));
      return { kind: "direct", page };
    }
    // UserEcho turned out not to honour it after all (now remembered), or its page could not be
    // put in order: compute it.
    computed.push(
      ...(sort === ATTESTED_SORT ? [] : (["sort"] as const)),
      ...filters.filter((filter) => !computed.includes(filter)),
    );
  }
  // Filters UserEcho honours are applied by UserEcho as the index is read (the topics may not
  // carry what they look at); the others, and the sort, are computed from it.
  const upstreamFilters = Object.fromEntries(
    filters.filter((filter) => !computed.includes(filter)).map((f) => [f, plan.filters[f]]),
  );
  const index = await loadForumIndex(c, plan.forumId, upstreamFilters);
  if (!computed.includes("sort") || canComputeSort(index, sort)) {
    return { kind: "computed", index, computed, sort };
  }
  // The topics do not carry what the sort orders by (UserEcho sends no `updated`), and UserEcho
  // was not seen to sort by it either: the page is the newest first, and `applied` says so.
  const computedFilters = computed.filter((part) => part !== "sort");
  return { kind: "computed", index, computed: computedFilters, sort: ATTESTED_SORT };
}

function localQuery(plan: TopicListPlan, computed: readonly string[], sort: TopicSort) {
  const filters = Object.fromEntries(
    (Object.keys(plan.filters) as TopicFilter[])
      .filter((filter) => computed.includes(filter))
      .map((filter) => [filter, plan.filters[filter]]),
  );
  return { page: plan.page, limit: plan.limit, sort, filters };
}

/** Largest key first, ties by id, newest first; a topic that does not say goes last. */
function bySortKey(sort: TopicSort) {
  const key = (topic: UpstreamTopic) => SORT_KEYS[sort](topic) ?? Number.NEGATIVE_INFINITY;
  return (a: UpstreamTopic, b: UpstreamTopic) =>
    key(a) === key(b) ? b.id - a.id : key(b) > key(a) ? 1 : -1;
}

/** Another page of the same list, for what a page alone cannot tell (board/paging.ts). */
function samePages(upstream: UserEchoClient, plan: TopicListPlan) {
  return (page: number) =>
    plan.q !== undefined
      ? upstream.searchTopics(plan.forumId, { query: plan.q, page, limit: plan.limit })
      : upstream.listTopics(plan.forumId, {
          ...indexPageQuery(plan.filters, page, plan.limit),
          order_by: TOPIC_ORDER_BY[plan.sort ?? ATTESTED_SORT],
        });
}

/** Most of a visitor's own reads one computed page's overlay makes. */
const MAX_OVERLAY_READS = 5;

/**
 * The visitor's own votes on the index's topics at `positions`: the index is in UserEcho's
 * `-created` order, so topic `i` is on page `floor(i / pageSize) + 1` of that list, read as the
 * visitor.
 */
async function ownVotesAt(
  user: UserEchoClient,
  index: Awaited<ReturnType<typeof loadForumIndex>>,
  positions: readonly number[],
): Promise<Map<number, OwnVote>> {
  const pages = [
    ...new Set(positions.map((position) => Math.floor(position / index.pageSize) + 1)),
  ];
  const read = await Promise.all(
    pages
      .slice(0, MAX_OVERLAY_READS)
      .map((page) =>
        user.listTopics(index.forumId, indexPageQuery(index.filters, page, index.pageSize)),
      ),
  );
  const votes = new Map<number, OwnVote>();
  for (const topic of read.flatMap((page) => page.items)) {
    votes.set(topic.id, ownVote(topic.vote?.current_user));
  }
  return votes;
}

function appliedOf(
  plan: TopicListPlan,
  computed: NonNullable<TopicPage["applied"]["computed"]>,
): TopicPage["applied"] {
  if (plan.q !== undefined) return { q: plan.q };
  return {
    ...(plan.sort === undefined ? {} : { sort: plan.sort }),
    ...plan.filters,
    ...(computed.length > 0 ? { computed } : {}),
  };
}

function linkParams(plan: TopicListPlan): Record<string, string | number | undefined> {
  return { page: plan.page, limit: plan.limit, sort: plan.sort, q: plan.q, ...plan.filters };
}

/**
 * A topic's cache entry, a 404 included: a hidden and a missing id are both cached as "not
 * visible" for the topic TTL, so they answer alike, at the cost of a lookup. A stale entry is
 * never served while it is refreshed: its forum must be proven again first (forum-proof.ts).
 */
export function topicOptions(c: Context<AppEnv>, topicId: number): CachedRouteOptions {
  return {
    route: "topic",
    params: { topicId },
    scope: `topic:${topicId}`,
    negative: true,
    noStale: true,
    // A forum hidden since the entry was stored (the forum list is cached apart) hides it now.
    accept: async (entry) => {
      const { forumId } = parsedBody<TopicDetail>(entry);
      const { items, everyForumVisible } = await visibility(c);
      const visible =
        forumId === null ? everyForumVisible : items.some((forum) => forum.id === forumId);
      if (!visible) throw new NotFoundError();
    },
  };
}

/**
 * The topic as everyone sees it, if it is on a visible forum now (404 otherwise), from the
 * shared cache when it can, whoever asks: its proof is the agent's, never a visitor's.
 */
export async function loadVisibleTopic(c: Context<AppEnv>, topicId: number): Promise<TopicDetail> {
  const { entry } = await cachedEntry(
    c,
    { ...topicOptions(c, topicId), sharedEvenIfPersonal: true },
    () => produceSharedTopic(c, topicId),
  );
  return parsedBody<TopicDetail>(entry);
}

/**
 * One topic: as everyone sees it, or, for a signed-in visitor, read again as them for their own
 * vote once the shared copy has proven it visible.
 */
export async function produceTopic(c: Context<AppEnv>, topicId: number): Promise<Representation> {
  if (!c.get("identity")) return produceSharedTopic(c, topicId);
  const { forumId } = await loadVisibleTopic(c, topicId);
  const mine = await (await userClient(c)).getTopic(topicId);
  return { body: TopicDetail.parse(await detailOf(c, mine, forumId, true)) };
}

/**
 * One topic, read with the agent token and proven to be on a visible forum. The forums' shared
 * indexes are asked first: an id they place on no visible forum is a 404 that costs nothing of
 * its own, hidden or missing alike.
 */
async function produceSharedTopic(c: Context<AppEnv>, topicId: number): Promise<Representation> {
  const placed = await placeByIndexes(c, topicId);
  if (placed === "absent") throw new NotFoundError();
  const topic = await c.get("upstream").getTopic(topicId);
  const forumId =
    typeof placed === "number" && topic.forum_id === undefined
      ? placed
      : await proveTopicForum(c, topic);
  return { body: TopicDetail.parse(await detailOf(c, topic, forumId, false)) };
}

async function detailOf(
  c: Context<AppEnv>,
  topic: UpstreamTopic,
  forumId: number | null,
  personal: boolean,
): Promise<TopicDetail> {
  return toTopicDetail(
    topic,
    {
      forumId,
      communityOrigin: c.get("config").communityOrigin,
      personal,
      names: needsNames([topic]) ? await namesFor(c, forumId) : [],
    },
    await loadSanitizer(),
  );
}

/** The cache options of a page of a topic's comments. */
export function commentPageOptions(topicId: number, query: PageQuery): CachedRouteOptions {
  return { route: "comments", params: { topicId, ...query }, scope: `topic:${topicId}` };
}

/** A page of a topic's comments, oldest first, sanitised, with its `Link` header. */
export async function produceCommentPage(
  c: Context<AppEnv>,
  topicId: number,
  query: PageQuery,
): Promise<Representation> {
  const upstream = c.get("upstream");
  // `order_by=created` is what a real client sends for comments: oldest first.
  const read = (page: number) =>
    upstream.listComments(topicId, { page, limit: query.limit, order_by: "created" });
  const page = await read(query.page);
  // A list keyed by id lost its order on the way (normalise/envelope.ts): oldest first again.
  if (page.keyed) {
    page.items.sort(
      (a, b) => Date.parse(a.created ?? "0") - Date.parse(b.created ?? "0") || a.id - b.id,
    );
  }
  const sanitizeHtml = await loadSanitizer();
  const { communityOrigin } = c.get("config");
  const body: CommentPage = {
    items: page.items.map((comment) => toComment(comment, topicId, communityOrigin, sanitizeHtml)),
    page: await directPageInfo(page, read),
  };
  const links = pageLinks(`/v1/topics/${topicId}/comments`, query, body.page);
  return { body: CommentPage.parse(body), headers: { Link: links } };
}
