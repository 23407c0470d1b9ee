import type { AppliedQuery, TopicFilter, TopicSort } from "@userecho-edge/shared";
import { UpstreamRefusedError } from "../errors/index.ts";
import { type Capabilities, type Guess, filterIsBroken, sortIsBroken } from "./capabilities.ts";
import type { UpstreamPage, UpstreamQuery, UserEchoClient } from "./client.ts";
import { ATTESTED_SORT, TOPIC_FILTER_PARAMS, TOPIC_ORDER_BY } from "./inferred.ts";
import type { UpstreamTopic } from "./schemas.ts";

export interface TopicListRequest {
  forumId: number;
  page: number;
  limit: number;
  sort: TopicSort;
  filters: Partial<Record<TopicFilter, number | undefined>>;
  /** Full-text search: UserEcho's search takes only the text and paging (docs/USERECHO.md). */
  q?: string | undefined;
}

export interface TopicList {
  page: UpstreamPage<UpstreamTopic>;
  /** What the page was built with, which may be less than what was asked. */
  applied: AppliedQuery;
}

/** Which sorts and filters the worker may try at all (TOPIC_SORTS, TOPIC_FILTERS). */
export interface Offered {
  sorts: ReadonlySet<TopicSort>;
  filters: ReadonlySet<TopicFilter>;
}

/**
 * A page of a forum's topics, asked for with guessed parameters where the visitor wants them,
 * and never failing because of a guess:
 * - a sort or filter known not to work, or not offered, is left out;
 * - one UserEcho refuses is left out, remembered, and the page asked for again;
 * - a sort UserEcho ignores (the page is out of order) falls back to the attested `new`;
 * - a filter it ignores (a topic shows it should have been excluded) is reported as not applied.
 * At most one call per guess in the request, plus one.
 */
export async function fetchTopicList(
  client: UserEchoClient,
  capabilities: Capabilities,
  request: TopicListRequest,
  offered: Offered,
): Promise<TopicList> {
  if (request.q !== undefined) {
    const page = await client.searchTopics(request.forumId, {
      query: request.q,
      page: request.page,
      limit: request.limit,
    });
    return { page, applied: { q: request.q } };
  }

  const tryable = (guess: Guess) => capabilities.usable(guess);
  let sort: TopicSort =
    offered.sorts.has(request.sort) && tryable(`sort:${request.sort}`)
      ? request.sort
      : ATTESTED_SORT;
  const filters = new Map<TopicFilter, number>();
  for (const [filter, value] of Object.entries(request.filters) as [TopicFilter, number][]) {
    if (value !== undefined && offered.filters.has(filter) && tryable(`filter:${filter}`)) {
      filters.set(filter, value);
    }
  }

  // A guess dropped after a refusal of several: blamed once the page comes without it.
  let suspect: Guess | undefined;
  for (;;) {
    const guesses: Guess[] = [
      ...(sort === ATTESTED_SORT ? [] : [`sort:${sort}` as const]),
      ...[...filters.keys()].map((filter) => `filter:${filter}` as const),
    ];
    const query: UpstreamQuery = {
      page: request.page,
      limit: request.limit,
      order_by: TOPIC_ORDER_BY[sort],
    };
    for (const [filter, value] of filters) query[TOPIC_FILTER_PARAMS[filter]] = value;

    let page: UpstreamPage<UpstreamTopic>;
    try {
      page = await client.listTopics(request.forumId, query);
    } catch (error) {
      if (!(error instanceof UpstreamRefusedError) || guesses.length === 0) throw error;
      // Which guess was refused is certain only when there was one; with several, drop them
      // one at a time (the sort first), and blame the one whose absence makes it work.
      const dropped = guesses[0]!;
      if (guesses.length === 1) capabilities.record(dropped, "refused");
      suspect = guesses.length === 1 ? undefined : dropped;
      if (dropped.startsWith("sort:")) sort = ATTESTED_SORT;
      else filters.delete(dropped.slice("filter:".length) as TopicFilter);
      continue;
    }
    if (suspect !== undefined) capabilities.record(suspect, "refused");
    suspect = undefined;

    if (sort !== ATTESTED_SORT && sortIsBroken(page.items, sort)) {
      capabilities.record(`sort:${sort}`, "ignored");
      sort = ATTESTED_SORT;
      continue;
    }
    for (const [filter, value] of filters) {
      if (filterIsBroken(page.items, filter, value)) {
        capabilities.record(`filter:${filter}`, "ignored");
        filters.delete(filter);
      }
    }
    return { page, applied: { sort, ...Object.fromEntries(filters) } };
  }
}
