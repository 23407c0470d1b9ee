import type { Context } from "hono";
import {
  CommentPage,
  MyVotes,
  type PageQuery,
  TopicDetail,
  type TopicListQuery,
  TopicPage,
} from "@userecho-edge/shared";
import { parsedBody } from "../cache/entry.ts";
import { cachedEntry, type CachedRouteOptions, type Representation } from "../cache/index.ts";
import type { CachedEntry } from "../cache/entry.ts";
import type { AppEnv } from "../env.ts";
import { NotFoundError } from "../errors/index.ts";
import { Capabilities } from "../upstream/capabilities.ts";
import type { UserEchoClient } from "../upstream/client.ts";
import { ATTESTED_SORT } from "../upstream/inferred.ts";
import { fetchTopicList } from "../upstream/topic-list.ts";
import { readerClient, userClient } from "./clients.ts";
import { loadSanitizer } from "../sanitize/lazy.ts";
import { needsNames, ownVote, toComment, toTopic, toTopicDetail } from "./dto.ts";
import { loadForumMeta, loadForumNames, namesFor } from "./forum-meta.ts";
import { pageInfo, pageLinks } from "./paging.ts";
import { learnTopicForum, topicForum } from "./topic-forum.ts";
import { visibility } from "./visibility.ts";

/** The cache options of a forum's page of topics; a search is never shared. */
export function topicPageOptions(forumId: number, query: TopicListQuery): CachedRouteOptions {
  return {
    route: "topics",
    params: { forumId, ...query },
    scope: `forum:${forumId}`,
    unshared: query.q !== undefined,
  };
}

/** A page of a visible forum's topics, with its `Link` header. */
export async function produceTopicPage(
  c: Context<AppEnv>,
  forumId: number,
  query: TopicListQuery,
): Promise<Representation> {
  const upstream = await readerClient(c);
  const { page, applied, meta } = await topicList(c, upstream, forumId, query);
  const context = {
    forumId,
    communityOrigin: c.get("config").communityOrigin,
    personal: upstream.isUser,
    names: needsNames(page.items) ? [meta ?? (await loadForumNames(c, forumId))] : [],
  };
  const body: TopicPage = {
    items: page.items.map((topic) => toTopic(topic, context)),
    page: pageInfo(query.page, query.limit, page.total, page.received),
    applied,
  };
  const links = pageLinks(`/v1/forums/${forumId}/topics`, query, body.page);
  return { body: TopicPage.parse(body), headers: { Link: links } };
}

/**
 * The signed-in visitor's own votes on the page of topics the same query gives: a small
 * personal overlay, so the page itself stays in the shared cache. One upstream call, made as
 * the visitor (UserEcho says a reader's own vote as `vote.current_user`).
 */
export async function produceMyVotes(
  c: Context<AppEnv>,
  forumId: number,
  query: TopicListQuery,
): Promise<MyVotes> {
  const { page } = await topicList(c, await userClient(c), forumId, query);
  return MyVotes.parse({
    items: page.items.map((topic) => ({
      topicId: topic.id,
      myVote: ownVote(topic.vote?.current_user),
    })),
  });
}

/**
 * A page of a forum's topics, with the sorts and filters forum meta says UserEcho honours
 * (tried once, shared through the cache by every isolate) or, with TOPIC_SORTS/TOPIC_FILTERS
 * set, the ones the site owner names. The meta comes back too, when it was needed.
 */
async function topicList(
  c: Context<AppEnv>,
  upstream: UserEchoClient,
  forumId: number,
  query: TopicListQuery,
) {
  const { topicSorts, topicFilters } = c.get("config");
  const { type, status, category, tag } = query;
  const guessing =
    (topicSorts.detect && query.sort !== ATTESTED_SORT) ||
    (topicFilters.detect && [type, status, category, tag].some((id) => id !== undefined));
  const meta = guessing && query.q === undefined ? await loadForumMeta(c, forumId) : undefined;
  const list = await fetchTopicList(
    upstream,
    new Capabilities(upstream.baseUrl),
    { ...query, forumId, filters: { type, status, category, tag } },
    {
      sorts: meta && topicSorts.detect ? new Set(meta.sorts) : topicSorts.values,
      filters: meta && topicFilters.detect ? new Set(meta.filters) : topicFilters.values,
    },
  );
  learnTopicForum(forumId, list.page.items);
  return { ...list, meta };
}

/**
 * A topic's cache entry. It records the topic's forum, and every read, hit or not, checks that
 * forum against the visible forums again: a forum hidden since must not keep its topics public.
 */
export function topicOptions(c: Context<AppEnv>, topicId: number): CachedRouteOptions {
  return {
    route: "topic",
    params: { topicId },
    scope: `topic:${topicId}`,
    accept: async (entry: CachedEntry) => {
      const { forumId } = parsedBody<TopicDetail>(entry);
      const { items, everyForumVisible } = await visibility(c);
      const visible =
        forumId === null ? everyForumVisible : items.some((forum) => forum.id === forumId);
      if (!visible) throw new NotFoundError();
    },
  };
}

/** The topic, if it is on a visible forum now (404 otherwise), from the cache when it can. */
export async function loadVisibleTopic(c: Context<AppEnv>, topicId: number): Promise<TopicDetail> {
  const { entry } = await cachedEntry(c, topicOptions(c, topicId), () => produceTopic(c, topicId));
  return parsedBody<TopicDetail>(entry);
}

/** One topic, proven to be on a visible forum, its description sanitised. */
export async function produceTopic(c: Context<AppEnv>, topicId: number): Promise<Representation> {
  const upstream = await readerClient(c);
  const topic = await upstream.getTopic(topicId);
  const forumId = await topicForum(c, topic);
  const detail = toTopicDetail(
    topic,
    {
      forumId,
      communityOrigin: c.get("config").communityOrigin,
      personal: upstream.isUser,
      names: needsNames([topic]) ? await namesFor(c, forumId) : [],
    },
    await loadSanitizer(),
  );
  return { body: TopicDetail.parse(detail) };
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
  // `order_by=created` is what a real client sends for comments: oldest first.
  const page = await c.get("upstream").listComments(topicId, {
    page: query.page,
    limit: query.limit,
    order_by: "created",
  });
  const sanitizeHtml = await loadSanitizer();
  const body: CommentPage = {
    items: page.items.map((comment) => toComment(comment, topicId, sanitizeHtml)),
    page: pageInfo(query.page, query.limit, page.total, page.received),
  };
  const links = pageLinks(`/v1/topics/${topicId}/comments`, query, body.page);
  return { body: CommentPage.parse(body), headers: { Link: links } };
}
