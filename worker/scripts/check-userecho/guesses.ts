/**
 * The run-time guesses (worker/src/upstream/inferred.ts), each asked of UserEcho and judged by
 * the worker's own code: sorts, filters, the forum proof, search, page size, the users'
 * order and the comments' order.
 */
import { UpstreamRefusedError } from "../../src/errors/index.ts";
import {
  Capabilities,
  filterValuesOf,
  probeFilter,
  probeSort,
} from "../../src/upstream/capabilities.ts";
import { ALL_PAGE_SIZE } from "../../src/upstream/client.ts";
import {
  ATTESTED_SORT,
  TOPIC_FILTER_PARAMS,
  TOPIC_ORDER_BY,
  USERS_BY_RATING,
  isPublicForum,
  topicInForumQuery,
} from "../../src/upstream/inferred.ts";
import type { UpstreamForum, UpstreamTopic } from "../../src/upstream/model.ts";
import { RANKING_MAX_USERS, eligibility, rankUsers } from "../../src/upstream/user-ranking.ts";
import { type CheckContext, TOPIC_FILTERS, TOPIC_SORTS } from "./context.ts";
import {
  type CheckStatus,
  describeError,
  detailsCheck,
  forumProofCheck,
  limitReading,
  verdictCheck,
} from "./judge.ts";
import type { ForumMeta } from "./reads.ts";

/** Each sort's `order_by`, through the worker's `probeSort` (one page each). */
export async function checkSorts(ctx: CheckContext, forumId: number): Promise<void> {
  for (const sort of TOPIC_SORTS) {
    const parameter = `order_by=${TOPIC_ORDER_BY[sort]}`;
    const read = await ctx.observe(() => probeSort(ctx.client, forumId, sort));
    const fallback = sort === ATTESTED_SORT ? "" : `; the board falls back to ${ATTESTED_SORT}`;
    ctx.add(
      verdictCheck(`sort.${sort}`, read, {
        works: `${parameter}: the page comes back in that order`,
        refused: `${parameter} refused (an error answer)${fallback}`,
        ignored: `${parameter} ignored (the page is not in that order)${fallback}`,
        unknown: `${parameter} answered, but the page has fewer than two different keys: cannot tell`,
      }),
    );
  }
}

/**
 * Each filter, through the worker's `probeFilter`, with the values the worker would try (the
 * first two of forum meta).
 */
export async function checkFilters(
  ctx: CheckContext,
  forumId: number,
  meta: ForumMeta | undefined,
): Promise<void> {
  const values = meta === undefined ? undefined : filterValuesOf(meta);
  for (const filter of TOPIC_FILTERS) {
    const id = `filter.${filter}`;
    const parameter = TOPIC_FILTER_PARAMS[filter];
    const tried = values?.[filter].slice(0, 2);
    if (tried === undefined || tried.length === 0) {
      ctx.add({
        id,
        status: "unknown",
        evidence:
          tried === undefined
            ? "forum meta could not be read"
            : `the forum has no ${filter} to filter by (the board offers no ${filter} filter)`,
      });
      continue;
    }
    const read = await ctx.observe(() => probeFilter(ctx.client, forumId, filter, tried));
    ctx.add(
      verdictCheck(id, read, {
        works: `${parameter}: two values gave different pages, with no topic outside the filter`,
        refused: `${parameter} refused (an error answer); the board does not offer it`,
        ignored: `${parameter} ignored (a topic outside the filter came back, or two values gave the same page)`,
        unknown: `${parameter} answered, but ${tried.length < 2 ? "there is only one value to try" : "both values gave empty pages"}: cannot tell`,
      }),
    );
  }
}

/**
 * The forum proof (`filter__id__gt`): the topic's own forum must answer with it, another forum
 * must not. Essential when topics carry no `forum_id` and some forum is not public.
 */
export async function checkForumProof(
  ctx: CheckContext,
  forums: UpstreamForum[],
  forumId: number,
  probe: UpstreamTopic | undefined,
  forumIdOnAll: boolean,
  everyForumPublic: boolean,
): Promise<void> {
  const hidden = forums.filter((f) => !isPublicForum(f)).length;
  const needed = !forumIdOnAll && !everyForumPublic;
  const why = forumIdOnAll
    ? "not needed here: topics carry forum_id"
    : needed
      ? `needed: topics carry no forum_id and ${hidden} of ${forums.length} forums are not public`
      : "not needed while every forum is public and ALLOWED_FORUMS is empty";
  if (probe === undefined) {
    ctx.add({
      id: "topics.by-id",
      status: "unknown",
      evidence: `no topic to ask about; ${why}`,
    });
    return;
  }
  const query = topicInForumQuery(probe.id);
  const own = await ctx.observe(() => ctx.client.listTopics(forumId, query));
  // Another forum, preferably one the board hides: that is where a wrong proof would leak.
  const other =
    forums.find((f) => f.id !== forumId && !isPublicForum(f) && f.topic_count !== 0) ??
    forums.find((f) => f.id !== forumId && f.topic_count !== 0);
  const elsewhere =
    other === undefined
      ? undefined
      : await ctx.observe(() => ctx.client.listTopics(other.id, query));

  const check = forumProofCheck(forumId, probe.id, own, other?.id, elsewhere);
  check.evidence += `; ${why}`;
  if (check.status !== "pass" && needed) {
    check.essential = true;
    ctx.warnings.push(
      "Topic pages would 404: UserEcho's topics carry no forum_id, filter__id__gt does not prove " +
        "a topic's forum here, and some forums are not public, so the worker cannot tell a " +
        "public topic from a private one unless it saw it on a forum's list in the same isolate.",
    );
  } else if (check.status !== "pass" && !forumIdOnAll) {
    ctx.warnings.push(
      "Leave ALLOWED_FORUMS empty: with it, topic pages need the forum proof (topics.by-id), " +
        "which does not work here, and would 404.",
    );
  }
  ctx.add(check);
}

/** Search, for the longest word of a topic title; and `details` on its answer. */
export async function checkSearch(
  ctx: CheckContext,
  forumId: number,
  topics: readonly UpstreamTopic[],
): Promise<void> {
  const source = topics.find((t) => /\p{L}{4,}/u.test(t.header));
  if (source === undefined) {
    ctx.add({
      id: "search",
      status: "unknown",
      evidence: "no topic title to take a word from",
    });
    ctx.add({ id: "details.search", status: "unknown", evidence: "search not tried" });
    return;
  }
  const word = [...source.header.matchAll(/\p{L}{4,}/gu)]
    .map((m) => m[0])
    .reduce((a, b) => (b.length > a.length ? b : a));
  const read = await ctx.observe(() =>
    ctx.client.searchTopics(forumId, { query: word, page: 1, limit: 10 }),
  );
  const answer = read.answers.find((a) => a.command === `forums/${forumId}/topics/search`);
  if ("error" in read) {
    ctx.add({
      id: "search",
      status: "fail",
      evidence: `forums/${forumId}/topics/search cannot be read: ${describeError(read.error)}; the board's search box fails`,
    });
  } else {
    const found = read.value.items;
    ctx.add({
      id: "search",
      status: found.length > 0 ? "pass" : "unknown",
      evidence:
        found.length > 0
          ? `${found.length} topic(s) found for a word of topic ${source.id}'s title` +
            (found.some((t) => t.id === source.id) ? ", that topic among them" : "")
          : `answered, but found nothing for a word of topic ${source.id}'s title`,
    });
  }
  ctx.add(detailsCheck("details.search", answer));
}

/**
 * `limit=100`, which the worker asks for when it reads whole lists (forums, users…), on lists
 * that hold more than 100 where there are: the checked forum's topics (and, when it has 100 or
 * fewer, the largest forum's), and the users. Capped means fewer came back than were asked
 * while the list holds more, whatever `details.limit` says.
 */
export async function checkLimit(
  ctx: CheckContext,
  forums: readonly UpstreamForum[],
  forumId: number,
): Promise<{ usersTotal: number | undefined; topics: UpstreamTopic[] | undefined }> {
  const newest = (id: number) =>
    ctx.observe(() =>
      ctx.client.listTopics(id, {
        page: 1,
        limit: ALL_PAGE_SIZE,
        order_by: TOPIC_ORDER_BY[ATTESTED_SORT],
      }),
    );
  const topics = await newest(forumId);
  const readings = [limitReading(`forum ${forumId}'s topics`, topics, `forums/${forumId}/topics`)];
  const checkedTotal = "value" in topics ? topics.value.total : undefined;
  const largest = [...forums]
    .filter((f) => f.id !== forumId && (f.topic_count ?? 0) > ALL_PAGE_SIZE)
    .sort((a, b) => (b.topic_count ?? 0) - (a.topic_count ?? 0))[0];
  if (checkedTotal !== undefined && checkedTotal <= ALL_PAGE_SIZE && largest !== undefined) {
    const command = `forums/${largest.id}/topics`;
    readings.push(limitReading(`forum ${largest.id}'s topics`, await newest(largest.id), command));
  }
  const users = await ctx.observe(() => ctx.client.listUsers({ page: 1, limit: ALL_PAGE_SIZE }));
  readings.push(limitReading("users", users, "users"));
  const status: CheckStatus = readings.some((r) => r.status === "fail")
    ? "fail"
    : readings.some((r) => r.status === "pass")
      ? "pass"
      : "unknown";
  ctx.add({
    id: "limit",
    status,
    evidence: `asked for limit=${ALL_PAGE_SIZE}: ${readings.map((r) => r.evidence).join("; ")}`,
  });
  const caps = readings.flatMap((r) => (r.cap === undefined ? [] : [r.cap]));
  if (status === "fail") {
    ctx.warnings.push(
      `UserEcho does not serve pages of ${ALL_PAGE_SIZE}` +
        (caps.length > 0 ? ` (at most ${Math.min(...caps)} came back)` : "") +
        ": the worker reads whole lists in more calls, and may miss items of lists without details.count.",
    );
  }
  ctx.add(
    detailsCheck(
      "details.users",
      users.answers.find((a) => a.command === "users"),
    ),
  );
  return {
    usersTotal: "value" in users ? users.value.total : undefined,
    topics: "value" in topics ? topics.value.items : undefined,
  };
}

/** `order_by=-rating` on users, judged by the worker's own leaderboard code. */
export async function checkUsersByRating(
  ctx: CheckContext,
  usersTotal: number | undefined,
): Promise<void> {
  const capabilities = new Capabilities(ctx.client);
  let rankedLocally = false;
  const read = await ctx.observe(() =>
    rankUsers(ctx.client, capabilities, 50, eligibility(true), async () => {
      rankedLocally = true;
      return { users: [], total: undefined, exact: false };
    }),
  );
  const verdict = capabilities.verdict("users:by-rating");
  const local =
    `the worker ranks up to ${RANKING_MAX_USERS} users itself` +
    (usersTotal === undefined
      ? ""
      : usersTotal <= RANKING_MAX_USERS
        ? ` (this community has ${usersTotal}: the ranking is exact)`
        : ` (this community has ${usersTotal}: the ranking is approximate)`);
  const parameter = `order_by=${USERS_BY_RATING}`;
  if ("error" in read) {
    ctx.add({
      id: "users.by-rating",
      status: "unknown",
      evidence: `could not ask: ${describeError(read.error)}`,
    });
    return;
  }
  if (verdict === "refused" || verdict === "ignored") {
    ctx.add({
      id: "users.by-rating",
      status: "fail",
      verdict,
      evidence: `${parameter} ${verdict}${verdict === "ignored" ? " (ratings out of order)" : " (an error answer)"}; ${local}`,
    });
    if (usersTotal !== undefined && usersTotal > RANKING_MAX_USERS) {
      ctx.warnings.push(
        `The top-users list is approximate: UserEcho does not sort users by rating, and the worker ranks only the first ${RANKING_MAX_USERS} of ${usersTotal}.`,
      );
    }
    return;
  }
  const ratings = new Set(read.value.users.map((u) => u.rating ?? 0));
  ctx.add(
    !rankedLocally && ratings.size >= 2
      ? {
          id: "users.by-rating",
          status: "pass",
          verdict: "works",
          evidence: `${parameter}: users come back best first`,
        }
      : {
          id: "users.by-rating",
          status: "unknown",
          evidence: `${parameter} answered, but the page has fewer than two different ratings: cannot tell`,
        },
  );
}

/** `order_by=created` on comments, which topic pages send. */
export async function checkComments(
  ctx: CheckContext,
  topics: readonly UpstreamTopic[],
): Promise<void> {
  const topic = topics.reduce<UpstreamTopic | undefined>(
    (best, t) => ((t.comment_count ?? 0) > (best?.comment_count ?? 0) ? t : best),
    undefined,
  );
  if (topic === undefined || (topic.comment_count ?? 0) === 0) {
    ctx.add({
      id: "comments.order",
      status: "unknown",
      evidence: "no topic with comments on the pages read",
    });
    ctx.add({ id: "details.comments", status: "unknown", evidence: "no comment list read" });
    return;
  }
  const command = `topics/${topic.id}/comments`;
  const read = await ctx.observe(() =>
    ctx.client.listComments(topic.id, { page: 1, limit: 50, order_by: "created" }),
  );
  if ("error" in read) {
    const refused = read.error instanceof UpstreamRefusedError;
    ctx.add({
      id: "comments.order",
      status: "fail",
      ...(refused ? { verdict: "refused" as const } : {}),
      evidence: `${command}?order_by=created cannot be read: ${describeError(read.error)}; topic pages would show no comments`,
    });
    ctx.warnings.push(
      "Comment lists fail with order_by=created: topic pages would show no comments.",
    );
  } else {
    const times = read.value.items.flatMap((c) => (c.created ? [Date.parse(c.created)] : []));
    const inOrder = times.every((t, i) => i === 0 || t >= times[i - 1]!);
    ctx.add(
      !inOrder
        ? {
            id: "comments.order",
            status: "fail",
            verdict: "ignored",
            evidence: `order_by=created: ${times.length} comments of topic ${topic.id} not oldest first; topic pages show them in UserEcho's order`,
          }
        : new Set(times).size >= 2
          ? {
              id: "comments.order",
              status: "pass",
              verdict: "works",
              evidence: `order_by=created: ${times.length} comments of topic ${topic.id}, oldest first`,
            }
          : {
              id: "comments.order",
              status: "unknown",
              evidence: `order_by=created: topic ${topic.id} has fewer than two comments with different dates: cannot tell`,
            },
    );
  }
  ctx.add(
    detailsCheck(
      "details.comments",
      read.answers.find((a) => a.command === command),
    ),
  );
}
