import type { TopicFilter, TopicSort } from "@userecho-edge/shared";
import { UpstreamRefusedError } from "../errors/index.ts";
import type { UpstreamPage, UserEchoClient } from "./client.ts";
import { SORT_KEYS, TOPIC_FILTER_PARAMS, TOPIC_ORDER_BY, topicFilterValues } from "./inferred.ts";
import type { UpstreamNamed, UpstreamStatus, UpstreamTopic } from "./model.ts";

/**
 * What the worker has learnt about UserEcho's answers to its guesses (inferred.ts), per upstream:
 * a guessed `order_by` or filter `works`, was `refused` (an error answer), or was `ignored` (an
 * answer that does not honour it). Remembered for an hour per isolate. Learnt from the agent
 * token's calls only: a visitor's call may be refused for reasons of their own (their sign-in
 * ran out, UserEcho blocks them), and must never switch a feature off for everyone.
 */
export type Guess =
  | `sort:${TopicSort}`
  | `filter:${TopicFilter}`
  /** `order_by=-rating` on `users`. */
  | "users:by-rating"
  /** `filter__id__gt` on topics, the question that proves a topic's forum. */
  | "topics:by-id"
  /** The inferred vote endpoint (`VOTING=auto`, board/voting.ts). */
  | "votes:inline";

export type Verdict = "works" | "refused" | "ignored";

const REMEMBER_MS = 60 * 60 * 1000;
const verdicts = new Map<string, { verdict: Verdict; until: number }>();

/** Forgets every verdict: `POST /v1/admin/purge {"all": true}` starts the trials over. */
export function forgetVerdicts(): void {
  verdicts.clear();
}

/**
 * The verdicts about one upstream (one `USERECHO_BASE_URL`), as seen by one client: a client
 * acting as a visitor reads them, and records nothing.
 */
export class Capabilities {
  readonly #baseUrl: string;
  readonly #records: boolean;

  constructor(client: UserEchoClient) {
    this.#baseUrl = client.baseUrl;
    this.#records = !client.isUser;
  }

  verdict(guess: Guess): Verdict | undefined {
    const known = verdicts.get(`${this.#baseUrl}\n${guess}`);
    return known && known.until > Date.now() ? known.verdict : undefined;
  }

  /** Whether a guess may be tried: it was not seen to fail (unknown counts as usable). */
  usable(guess: Guess): boolean {
    const verdict = this.verdict(guess);
    return verdict !== "refused" && verdict !== "ignored";
  }

  record(guess: Guess, verdict: Verdict): void {
    if (!this.#records) return;
    const previous = this.verdict(guess);
    verdicts.set(`${this.#baseUrl}\n${guess}`, { verdict, until: Date.now() + REMEMBER_MS });
    if (verdict !== "works" && previous !== verdict) {
      // Worth a line for the site owner: a feature falls back until UserEcho says otherwise.
      console.warn(
        JSON.stringify({ level: "warn", message: `upstream ${verdict} a guess`, guess }),
      );
    }
  }
}

/** Sort order broken by the page: the first pair of topics out of order, if any. */
export function sortIsBroken(topics: readonly UpstreamTopic[], sort: TopicSort): boolean {
  const keys = topics.map(SORT_KEYS[sort]).filter((key) => key !== undefined);
  for (let i = 1; i < keys.length; i++) {
    if (keys[i]! > keys[i - 1]!) return true;
  }
  return false;
}

/** A topic the page shows that the filter should have excluded (only where the topic tells). */
export function filterIsBroken(
  topics: readonly UpstreamTopic[],
  filter: TopicFilter,
  value: number,
): boolean {
  return topics.some((topic) => {
    const values = topicFilterValues(topic, filter);
    return values !== undefined && !values.includes(value);
  });
}

const PROBE_LIMIT = 30;

/** A forum's metadata, as the worker reads it before offering filters. */
export interface ForumFilterMeta {
  types: readonly UpstreamNamed[];
  /** Per type, in the order of `types`. */
  statuses: readonly (readonly UpstreamStatus[])[];
  categories: readonly UpstreamNamed[];
  tags: readonly UpstreamNamed[];
}

/**
 * The values each filter can take on a forum, in the order {@link probeFilter} tries them (the
 * worker tries the first two). A filter without values is not offered.
 */
export function filterValuesOf(meta: ForumFilterMeta): Record<TopicFilter, number[]> {
  return {
    type: meta.types.map((type) => type.id),
    // Real statuses: the first (the "no status yet" one, with no name) matches most topics.
    status: [
      ...new Set(
        meta.statuses
          .flat()
          .filter((s) => s.name)
          .map((s) => s.id),
      ),
    ],
    category: meta.categories.map((category) => category.id),
    tag: meta.tags.map((tag) => tag.id),
  };
}

/**
 * Tries a guessed sort on a forum: refused, ignored (a page out of order), works (a page in
 * order with at least two different keys), or `undefined` when the page cannot tell.
 */
export async function probeSort(
  client: UserEchoClient,
  forumId: number,
  sort: TopicSort,
): Promise<Verdict | undefined> {
  let page: UpstreamPage<UpstreamTopic>;
  try {
    page = await client.listTopics(forumId, { limit: PROBE_LIMIT, order_by: TOPIC_ORDER_BY[sort] });
  } catch (error) {
    if (error instanceof UpstreamRefusedError) return "refused";
    throw error;
  }
  if (sortIsBroken(page.items, sort)) return "ignored";
  const keys = new Set(page.items.map(SORT_KEYS[sort]).filter((key) => key !== undefined));
  return keys.size >= 2 ? "works" : undefined;
}

/**
 * Tries a guessed filter with two of its values: refused; ignored when a topic shows it should
 * have been excluded, or when two different values give the same non-empty page (a documented
 * topic shows no category and no tags, so that is the only way to tell for those); works when
 * the two pages differ. `undefined` when there are not two values to compare and the page does
 * not tell.
 */
export async function probeFilter(
  client: UserEchoClient,
  forumId: number,
  filter: TopicFilter,
  values: readonly number[],
): Promise<Verdict | undefined> {
  const [first, second] = values;
  if (first === undefined) return undefined;
  const pageOf = (value: number) =>
    client.listTopics(forumId, {
      limit: PROBE_LIMIT,
      order_by: TOPIC_ORDER_BY.new,
      [TOPIC_FILTER_PARAMS[filter]]: value,
    });
  let pages: UpstreamPage<UpstreamTopic>[];
  try {
    pages = await Promise.all(
      second === undefined ? [pageOf(first)] : [pageOf(first), pageOf(second)],
    );
  } catch (error) {
    if (error instanceof UpstreamRefusedError) return "refused";
    throw error;
  }
  if (pages.some((page, index) => filterIsBroken(page.items, filter, values[index]!))) {
    return "ignored";
  }
  if (pages.length < 2) return undefined;
  const [a, b] = pages.map((page) => page.items.map((topic) => topic.id).join(","));
  if (a !== b) return "works";
  return a === "" ? undefined : "ignored";
}
