import type { Context } from "hono";
import type { Topic, TopicFilter } from "@userecho-edge/shared";
import { parsedBody } from "../cache/entry.ts";
import { cachedEntry } from "../cache/index.ts";
import type { AppEnv } from "../env.ts";
import { ALL_PAGE_SIZE, type UpstreamPage } from "../upstream/client.ts";
import { TOPIC_FILTER_PARAMS, TOPIC_ORDER_BY } from "../upstream/inferred.ts";
import type { UpstreamTopic } from "../upstream/model.ts";
import { needsNames, toTopic } from "./dto.ts";
import { loadForumNames } from "./forum-names.ts";
import { recordListing } from "./listings.ts";

/**
 * A forum's topics, read with documented parameters only (`page`, `limit`, `order_by=-created`),
 * kept as one cached entry per forum. From it the worker computes what UserEcho does not serve
 * (sorts and filters it refuses or ignores, board/topic-views.ts), proves which forum a topic is
 * on when UserEcho will not say (board/forum-proof.ts), and places a visitor's own votes.
 *
 * Bound: the newest `COMPUTED_MAX_TOPICS` topics (2,000 by default), read in pages of 100 (or
 * UserEcho's cap, if smaller), so a rebuild costs at most `ceil(bound / page size)` upstream calls
 * (20 with pages of 100; 40 with a cap of 50), once per TTL of the `index` route, coalesced, and
 * kept warm by the cron like any entry. A forum beyond the bound is indexed in part
 * (`complete: false`), and what is computed from it says `exact: false`.
 */
export interface ForumIndex {
  forumId: number;
  /**
   * Filters UserEcho applied to the pages read (ones it honours, when a page needs them with a
   * sort or filter the worker computes); none for the forum's whole index.
   */
  filters: Partial<Record<TopicFilter, number>>;
  /** Newest first, as a list shows them: no description, nothing personal. */
  topics: Topic[];
  /** Every topic of the forum is here; otherwise only the newest `topics.length`. */
  complete: boolean;
  /** UserEcho's count of the forum's topics, when it said. */
  total: number | null;
  /** The `limit` the pages were read with: topic `i` is on page `floor(i / pageSize) + 1`. */
  pageSize: number;
  /** When the first page was read (ms since epoch). */
  readAt: number;
  /**
   * Whether every topic said it (a null category or an empty tag list counts as said): what a
   * sort or filter looks at can be computed only when no topic left it out.
   */
  said: { created: boolean; updated: boolean; category: boolean; tags: boolean };
}

/**
 * A forum's index, from the cache when it can; with `filters`, of the topics UserEcho lists with
 * those filters (ones it honours, whose data the topics may not carry).
 */
export async function loadForumIndex(
  c: Context<AppEnv>,
  forumId: number,
  filters: Partial<Record<TopicFilter, number>> = {},
): Promise<ForumIndex> {
  const { entry } = await cachedEntry(
    c,
    {
      route: "index",
      params: { forumId, bound: c.get("config").computedMaxTopics, ...filters },
      scope: `forum:${forumId}`,
      sharedEvenIfPersonal: true,
    },
    async () => ({ body: await buildForumIndex(c, forumId, filters) }),
  );
  return parsedBody<ForumIndex>(entry);
}

/** The query of page `page` of an index's reading: `-created`, and its filters. */
export function indexPageQuery(
  filters: Partial<Record<TopicFilter, number>>,
  page: number,
  limit: number,
) {
  const query: Record<string, number | string> = { page, limit, order_by: TOPIC_ORDER_BY.new };
  for (const [filter, value] of Object.entries(filters) as [TopicFilter, number][]) {
    query[TOPIC_FILTER_PARAMS[filter]] = value;
  }
  return query;
}

/** Most pages one rebuild reads, whatever the page size turns out to be. */
const MAX_INDEX_CALLS = 80;

async function buildForumIndex(
  c: Context<AppEnv>,
  forumId: number,
  filters: Partial<Record<TopicFilter, number>>,
): Promise<ForumIndex> {
  const upstream = c.get("upstream");
  const config = c.get("config");
  const bound = config.computedMaxTopics;
  let limit = Math.min(ALL_PAGE_SIZE, upstream.pageSizes.cap ?? ALL_PAGE_SIZE);
  const readAt = Date.now();
  const seen = new Set<number>();
  const topics: UpstreamTopic[] = [];
  const firstIds = new Set<number | undefined>();
  let total: number | undefined;
  let received = 0;
  let complete = false;
  for (let page = 1, calls = 0; calls < MAX_INDEX_CALLS && topics.length < bound; calls++) {
    const result: UpstreamPage<UpstreamTopic> = await upstream.listTopics(
      forumId,
      indexPageQuery(filters, page, limit),
    );
    recordListing(upstream.baseUrl, forumId, result.items, readAt);
    if (result.received === 0 || firstIds.has(result.firstId)) {
      complete = true;
      break;
    }
    // A cap shown on the first page: it was page 1 at that size too, so go on at that size.
    if (page === 1 && result.size !== undefined && result.size < limit) limit = result.size;
    firstIds.add(result.firstId);
    total = result.total ?? total;
    received += result.received;
    for (const topic of result.items) {
      // A topic created during the walk pushes the others one place on: never count one twice.
      if (!seen.has(topic.id)) {
        seen.add(topic.id);
        topics.push(topic);
      }
    }
    if (total !== undefined ? received >= total : lastPage(result)) {
      complete = true;
      break;
    }
    page += 1;
  }
  if (topics.length > bound) {
    topics.length = bound;
    complete = false;
  }
  // Fewer read than UserEcho counted: some were lost on the way (pages that shifted while they
  // were read), so what is computed from this index is not exact.
  if (total !== undefined && received < total) complete = false;
  // Newest first, whatever order came (a list keyed by id loses it): ties by id, newest first.
  topics.sort((a, b) => timeOf(b.created) - timeOf(a.created) || b.id - a.id);
  const names = needsNames(topics) ? [await loadForumNames(c, forumId)] : [];
  const everySaid = (said: (topic: UpstreamTopic) => boolean) => topics.every(said);
  return {
    forumId,
    filters,
    said: {
      created: everySaid((topic) => topic.created !== undefined),
      updated: everySaid((topic) => topic.updated !== undefined),
      category: everySaid((topic) => topic.category !== undefined),
      tags: everySaid((topic) => topic.tags !== undefined),
    },
    topics: topics.map((topic) =>
      toTopic(topic, { forumId, communityOrigin: config.communityOrigin, names }),
    ),
    complete,
    total: total ?? (complete ? topics.length : null),
    pageSize: limit,
    readAt,
  };
}

/** A short page is the last; a short page of unknown size is not (the next one will tell). */
function lastPage(page: UpstreamPage<unknown>): boolean {
  return page.size !== undefined && page.received < page.size;
}

function timeOf(timestamp: string | undefined): number {
  return timestamp === undefined ? Number.NEGATIVE_INFINITY : Date.parse(timestamp);
}
