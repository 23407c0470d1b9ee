import type { TopicFilter, TopicSort } from "@userecho-edge/shared";
import { UpstreamRefusedError } from "../errors/index.ts";
import { type Capabilities, type Guess, filterIsBroken, sortIsBroken } from "./capabilities.ts";
import type { UpstreamPage, UserEchoClient } from "./client.ts";
import { ATTESTED_SORT, TOPIC_FILTER_PARAMS, TOPIC_ORDER_BY } from "./inferred.ts";
import type { UpstreamTopic } from "./model.ts";
import type { UpstreamQuery } from "./query.ts";

/** A page of a forum's topics as UserEcho would build it: sorted, filtered, paged. */
export interface TopicListRequest {
  forumId: number;
  page: number;
  limit: number;
  sort: TopicSort;
  filters: Partial<Record<TopicFilter, number>>;
  /**
   * Trust UserEcho with every guess in the request without checking the page (the site owner
   * named them in TOPIC_SORTS / TOPIC_FILTERS).
   */
  trusted?: boolean;
}

/**
 * The page as UserEcho builds it, when UserEcho honours every sort and filter the request needs;
 * `undefined` when it does not, and the caller builds the page itself (board/topic-views.ts):
 * - a guess known not to work is not tried;
 * - one UserEcho refuses is remembered (when it was the only guess, so the blame is certain);
 * - a sort it ignores (the page is out of order), or a filter it ignores (a topic shows it
 *   should have been excluded), is remembered as ignored.
 * Verdicts are recorded from the agent's calls only (capabilities.ts). One upstream call at most.
 */
export async function upstreamTopicPage(
  client: UserEchoClient,
  capabilities: Capabilities,
  request: TopicListRequest,
): Promise<UpstreamPage<UpstreamTopic> | undefined> {
  const filters = Object.entries(request.filters) as [TopicFilter, number][];
  const guesses: Guess[] = [
    ...(request.sort === ATTESTED_SORT ? [] : [`sort:${request.sort}` as const]),
    ...filters.map(([filter]) => `filter:${filter}` as const),
  ];
  if (!request.trusted && guesses.some((guess) => !capabilities.usable(guess))) return undefined;

  const query: UpstreamQuery = {
    page: request.page,
    limit: request.limit,
    order_by: TOPIC_ORDER_BY[request.sort],
  };
  for (const [filter, value] of filters) query[TOPIC_FILTER_PARAMS[filter]] = value;
  let page: UpstreamPage<UpstreamTopic>;
  try {
    page = await client.listTopics(request.forumId, query);
  } catch (error) {
    if (!(error instanceof UpstreamRefusedError) || guesses.length === 0) throw error;
    if (guesses.length === 1) capabilities.record(guesses[0]!, "refused");
    return undefined;
  }
  if (request.trusted) return page;
  // A list keyed by id lost its order on the way: it proves nothing about the sort (the caller
  // restores the order within the page).
  const inOrder = !page.keyed || page.positional;
  if (request.sort !== ATTESTED_SORT && inOrder && sortIsBroken(page.items, request.sort)) {
    capabilities.record(`sort:${request.sort}`, "ignored");
    return undefined;
  }
  let honoured = true;
  for (const [filter, value] of filters) {
    if (filterIsBroken(page.items, filter, value)) {
      capabilities.record(`filter:${filter}`, "ignored");
      honoured = false;
    }
  }
  return honoured ? page : undefined;
}
