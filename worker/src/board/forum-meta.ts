import type { Context } from "hono";
import { ForumMeta, type TopicFilter, type TopicSort } from "@userecho-edge/shared";
import type { Config } from "../config/index.ts";
import { TOPIC_FILTERS, TOPIC_SORTS } from "@userecho-edge/shared/topic-options";
import { parsedBody } from "../cache/entry.ts";
import { cachedEntry } from "../cache/index.ts";
import type { AppEnv } from "../env.ts";
import {
  Capabilities,
  type Verdict,
  filterValuesOf,
  probeFilter,
  probeSort,
} from "../upstream/capabilities.ts";
import { ATTESTED_SORT } from "../upstream/inferred.ts";
import { loadForumIndex } from "./forum-index.ts";
import { loadForumNames, metaOptions } from "./forum-names.ts";
import { canCompute, canComputeSort } from "./topic-views.ts";
import { votingNow } from "./voting.ts";
import { requireVisibleForum } from "./visibility.ts";

/**
 * A forum's metadata: its names (forum-names.ts) and what the board may offer (sorts, filters,
 * voting).
 */

/** A visible forum's metadata, from the cache when it can. */
export async function loadForumMeta(c: Context<AppEnv>, forumId: number): Promise<ForumMeta> {
  await requireVisibleForum(c, forumId);
  const { entry } = await cachedEntry(c, forumMetaOptions(c, forumId), () =>
    produceMeta(c, forumId),
  );
  return parsedBody<ForumMeta>(entry);
}

/**
 * The cache options of a forum's metadata. How votes are cast is part of the key: once the agent
 * finds UserEcho has no vote endpoint (board/voting.ts), the next read says so, without waiting
 * for the entry to age.
 */
export function forumMetaOptions(c: Context<AppEnv>, forumId: number) {
  const voting = votingNow(c.get("config"), new Capabilities(c.get("upstream")));
  const options = metaOptions(forumId);
  return { ...options, params: { ...options.params, voting } };
}

/** Whether UserEcho itself serves a guessed sort or filter for this worker. */
export function honoured(config: Config, capabilities: Capabilities, guess: SortOrFilter): boolean {
  const [kind, name] = guess.split(":") as ["sort" | "filter", string];
  if (kind === "sort" && name === ATTESTED_SORT) return true;
  const choice = kind === "sort" ? config.topicSorts : config.topicFilters;
  if (!choice.detect) return (choice.values as ReadonlySet<string>).has(name);
  return capabilities.verdict(guess) === "works";
}

type SortOrFilter = `sort:${TopicSort}` | `filter:${TopicFilter}`;

/**
 * The forum's names plus what the board may offer: every sort, and every filter the forum has
 * values for that UserEcho honours or the worker can compute (its topics carry what the filter
 * looks at: a documented topic shows no category). Each guessed sort and filter is tried once
 * per isolate (upstream/capabilities.ts) unless TOPIC_SORTS or TOPIC_FILTERS names what UserEcho
 * honours, so that lists ask UserEcho for what it serves and compute the rest.
 */
export async function produceMeta(c: Context<AppEnv>, forumId: number) {
  const upstream = c.get("upstream");
  const config = c.get("config");
  const names = await loadForumNames(c, forumId);
  const filterValues = filterValuesOf({
    types: names.types,
    statuses: names.types.map((type) => type.statuses),
    categories: names.categories,
    tags: names.tags,
  });
  const capabilities = new Capabilities(upstream);
  const tryGuess = async (guess: SortOrFilter, probe: () => Promise<Verdict | undefined>) => {
    if (capabilities.verdict(guess) !== undefined) return;
    const verdict = await probe();
    if (verdict !== undefined) capabilities.record(guess, verdict);
  };
  const sorts = TOPIC_SORTS.filter((sort) => sort !== ATTESTED_SORT);
  const filters = TOPIC_FILTERS.filter((filter) => filterValues[filter].length > 0);
  await Promise.all([
    ...(config.topicSorts.detect
      ? sorts.map((sort) => tryGuess(`sort:${sort}`, () => probeSort(upstream, forumId, sort)))
      : []),
    ...(config.topicFilters.detect
      ? filters.map((filter) =>
          tryGuess(`filter:${filter}`, () =>
            probeFilter(upstream, forumId, filter, filterValues[filter].slice(0, 2)),
          ),
        )
      : []),
  ]);
  const computed = filters.filter((filter) => !honoured(config, capabilities, `filter:${filter}`));
  const computedSorts = sorts.filter((sort) => !honoured(config, capabilities, `sort:${sort}`));
  const index =
    computed.length + computedSorts.length > 0 ? await loadForumIndex(c, forumId) : undefined;
  const body: ForumMeta = {
    forumId,
    communityUrl: `${config.communityOrigin}/`,
    // A sort UserEcho was not seen to honour, by a date its topics do not carry (UserEcho may
    // leave `updated` out), cannot be served.
    sorts: TOPIC_SORTS.filter(
      (sort) => honoured(config, capabilities, `sort:${sort}`) || canComputeSort(index!, sort),
    ),
    filters: filters.filter((filter) => !computed.includes(filter) || canCompute(index!, filter)),
    voting: votingNow(config, capabilities),
    ...names,
  };
  return { body: ForumMeta.parse(body) };
}
