import type { Context } from "hono";
import { ForumMeta, type TopicFilter, type TopicSort } from "@userecho-edge/shared";
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
import type { UpstreamNamed } from "../upstream/schemas.ts";
import { toStatus } from "./dto.ts";
import { requireVisibleForum, visibility } from "./visibility.ts";

/**
 * A forum's metadata: its names (types with their statuses, categories, tags), which name the
 * ids of topics and check writes, and what the board may offer (sorts, filters, voting).
 */

/** The cache options of a forum's meta; `part` tells the names apart from the whole. */
export function metaOptions(forumId: number, part?: "names") {
  // Produced with the agent client and the same for everyone, signed in or not.
  return {
    route: "meta",
    params: part ? { forumId, part } : { forumId },
    scope: `forum:${forumId}`,
    sharedEvenIfPersonal: true,
  } as const;
}

/** A visible forum's metadata, from the cache when it can. */
export async function loadForumMeta(c: Context<AppEnv>, forumId: number): Promise<ForumMeta> {
  await requireVisibleForum(c, forumId);
  const { entry } = await cachedEntry(c, metaOptions(forumId), () => produceMeta(c, forumId));
  return parsedBody<ForumMeta>(entry);
}

/** A forum's types with their statuses, its categories and its tags: what names their ids. */
export type ForumNames = Pick<ForumMeta, "types" | "categories" | "tags">;

/**
 * A visible forum's names, from the cache when it can: for a topic's bare ids and for checking
 * a write. Apart from the rest of the meta, which tries guessed sorts and filters upstream: a
 * page that only needs names must not pay for that.
 */
export async function loadForumNames(c: Context<AppEnv>, forumId: number): Promise<ForumNames> {
  await requireVisibleForum(c, forumId);
  const { entry } = await cachedEntry(c, metaOptions(forumId, "names"), async () => ({
    body: await produceNames(c, forumId),
  }));
  return parsedBody<ForumNames>(entry);
}

/**
 * The names that resolve a topic's bare ids: its forum's, or, when the forum is not named,
 * every visible forum's (type, status, category and tag ids are the project's, not a forum's).
 */
export async function namesFor(c: Context<AppEnv>, forumId: number | null): Promise<ForumNames[]> {
  const ids = forumId === null ? (await visibility(c)).items.map((f) => f.id) : [forumId];
  return Promise.all(ids.map((id) => loadForumNames(c, id)));
}

async function produceNames(c: Context<AppEnv>, forumId: number): Promise<ForumNames> {
  const upstream = c.get("upstream");
  const [types, categories, tags] = await Promise.all([
    upstream.listTypes(forumId),
    upstream.listCategories(forumId),
    upstream.listTags(forumId),
  ]);
  const statuses = await Promise.all(types.map((type) => upstream.listStatuses(forumId, type.id)));
  return {
    types: types.map((type, index) => ({
      id: type.id,
      name: type.name ?? "",
      statuses: statuses[index]!.map(toStatus),
    })),
    categories: categories.map(named),
    tags: tags.map(named),
  };
}

/**
 * The forum's names plus what the board may offer: the sorts and filters UserEcho honours,
 * each guessed one tried once per isolate (upstream/capabilities.ts) unless TOPIC_SORTS or
 * TOPIC_FILTERS names them.
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
  const capabilities = new Capabilities(upstream.baseUrl);
  const verdicts = async <T extends string>(
    values: ReadonlySet<T>,
    detect: boolean,
    guess: (value: T) => `sort:${TopicSort}` | `filter:${TopicFilter}`,
    probe: (value: T) => Promise<Verdict | undefined>,
  ): Promise<T[]> => {
    const offered = await Promise.all(
      [...values].map(async (value) => {
        const key = guess(value);
        if (detect && capabilities.verdict(key) === undefined) {
          const verdict = await probe(value);
          if (verdict !== undefined) capabilities.record(key, verdict);
        }
        return capabilities.usable(key) ? [value] : [];
      }),
    );
    return offered.flat();
  };
  const [sorts, filters] = await Promise.all([
    verdicts(
      config.topicSorts.values,
      config.topicSorts.detect,
      (sort) => `sort:${sort}`,
      // The attested sort needs no trial; the others get one page each.
      (sort) =>
        sort === ATTESTED_SORT ? Promise.resolve(undefined) : probeSort(upstream, forumId, sort),
    ),
    verdicts(
      config.topicFilters.values,
      config.topicFilters.detect,
      (filter) => `filter:${filter}`,
      (filter) => probeFilter(upstream, forumId, filter, filterValues[filter].slice(0, 2)),
    ),
  ]);
  const body: ForumMeta = {
    forumId,
    communityUrl: `${config.communityOrigin}/`,
    sorts: sorts.includes(ATTESTED_SORT) ? sorts : [...sorts, ATTESTED_SORT],
    // A filter with nothing to choose from is not offered.
    filters: filters.filter((filter) => filterValues[filter].length > 0),
    voting: config.voting,
    ...names,
  };
  return { body: ForumMeta.parse(body) };
}

function named(value: UpstreamNamed) {
  return { id: value.id, name: value.name ?? "" };
}
