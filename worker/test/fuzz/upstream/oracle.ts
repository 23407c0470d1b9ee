/**
 * What a `/v1` read must answer, whatever encoding UserEcho chose: computed from the records the
 * chaos profile holds (the emulator's seed, through `@userecho-edge/emulator/chaos`), never from
 * the worker's code. Every check throws an Error that says what was expected and what came.
 */
import {
  CommentPage,
  ForumList,
  ForumMeta,
  MyVotes,
  PROBLEM_CONTENT_TYPE,
  type AppliedQuery,
  type Topic,
  TopicDetail,
  TopicPage,
  type TopicSort,
  TopUserPage,
} from "@userecho-edge/shared";
import {
  LEAK_PATTERN,
  commentsInOrder,
  isUsable,
  searchResults,
  topicsInOrder,
  usersByRating,
  type ChaosLogEntry,
  type Dialect,
} from "@userecho-edge/emulator/chaos";
import {
  Store,
  getSeed,
  type SeedComment,
  type SeedTopic,
  type SeedUser,
} from "@userecho-edge/emulator";
import { assertProblem, assertNoStackTrace } from "../index.ts";
import { isSignedIn, pathOf, type ReadRequest, type TopicQuery } from "./requests.ts";

/** The records behind every dialect: a store over the seed, never written to. */
export class Truth {
  readonly store = new Store(getSeed());
  readonly #forums = new Map(this.store.forums().map((forum) => [forum.id, forum]));
  /** Forums a board may show: type PUBLIC (docs/USERECHO.md §4). */
  readonly publicForums: readonly number[] = this.store
    .forums()
    .filter((forum) => forum.kind.name === "PUBLIC")
    .map((forum) => forum.id);
  /** Every e-mail address of the seed, lower-cased: none may reach a client. */
  readonly emails: ReadonlySet<string> = new Set(
    this.store.users().map((user) => user.email.toLowerCase()),
  );

  forum(id: number) {
    return this.#forums.get(id);
  }

  topic(id: number): SeedTopic | undefined {
    return this.store.topic(id);
  }
}

/** What one case runs against: the dialect, the worker's configuration, the records. */
export interface CaseContext {
  readonly truth: Truth;
  readonly dialect: Dialect;
  /** `ALLOWED_FORUMS`, when the case sets it. */
  readonly allowedForums: ReadonlySet<number> | undefined;
}

/** The forums this case's worker may show. */
export function visibleForums(context: CaseContext): readonly number[] {
  return context.truth.publicForums.filter(
    (id) => context.allowedForums === undefined || context.allowedForums.has(id),
  );
}

/** One answer, with what UserEcho was asked and answered while it was made. */
export interface Answer {
  readonly request: ReadRequest;
  readonly response: Response;
  readonly body: string;
  /** Upstream requests made for this read. */
  readonly upstream: readonly ChaosLogEntry[];
  /** Whether UserEcho failed hard (a retry did not help) during this visit so far. */
  readonly hardFailure: boolean;
}

const UPSTREAM_FAILURE = [502, 503, 504];

/** Throws unless the answer is what the records and the dialect call for. */
export function checkAnswer(context: CaseContext, answer: Answer): void {
  const { request, response, body } = answer;
  checkNoLeak(context, answer);
  const expected = expectedStatuses(context, request);
  const allowed = new Set([...expected, ...(answer.hardFailure ? UPSTREAM_FAILURE : [])]);
  // An error envelope on a topic's own read is what a missing topic gets too: a 404 is fair.
  if (
    (request.route === "topic" || request.route === "comments") &&
    answer.upstream.some(
      (entry) =>
        entry.outcome === "hard" &&
        entry.request === `GET topics/${request.topicId}` &&
        entry.notes.some((note) => note.startsWith("hard refused")),
    )
  ) {
    allowed.add(404);
  }
  if (!allowed.has(response.status)) {
    throw new Error(
      `answered ${response.status}, expected ${[...allowed].join(" or ")}` +
        (answer.hardFailure ? "" : " (UserEcho never failed hard in this visit)") +
        `: ${body.slice(0, 240)}`,
    );
  }
  if (response.status >= 400) {
    assertProblem("GET", response, body);
    return;
  }
  const json = JSON.parse(body) as unknown;
  switch (request.route) {
    case "forums":
      return checkForums(context, ForumList.parse(json));
    case "meta":
      return checkMeta(context, request.forumId, ForumMeta.parse(json));
    case "topics":
      return checkTopicPage(context, request.forumId, request.query, TopicPage.parse(json));
    case "my-votes":
      return checkMyVotes(context, request.forumId, request.query, MyVotes.parse(json));
    case "topic":
      return checkTopic(context, TopicDetail.parse(json), context.truth.topic(request.topicId)!);
    case "comments":
      return checkCommentPage(context, request, CommentPage.parse(json));
    case "users":
      return checkUserPage(context, request, TopUserPage.parse(json));
  }
}

/** The statuses the records call for; UserEcho failing hard adds 502, 503 and 504. */
export function expectedStatuses(context: CaseContext, request: ReadRequest): number[] {
  const visible = new Set(visibleForums(context));
  switch (request.route) {
    case "forums":
    case "users":
      return [200];
    case "meta":
      return visible.has(request.forumId) ? [200] : [404];
    case "topics":
    case "my-votes":
      if (!visible.has(request.forumId)) return [404];
      // A filter value that is none of the forum's is refused (400) where the forum serves that
      // filter, and left out where it does not.
      return foreignFilter(context, request.forumId, request.query) ? [200, 400] : [200];
    case "topic":
    case "comments": {
      const topic = context.truth.topic(request.topicId);
      if (topic === undefined) return [404];
      // A topic UserEcho sends without a usable id or header cannot be shown, nor its forum
      // proven: missing or broken, wherever it is.
      if (!isUsable(context.dialect, "topic", topic.id)) return [404, 502];
      return visible.has(topic.forumId) ? [200] : [404];
    }
  }
}

/** Whether a query filters by a value the forum does not have. */
function foreignFilter(context: CaseContext, forumId: number, query: TopicQuery): boolean {
  if (query.q !== undefined) return false;
  const { store } = context.truth;
  const types = store.typesOf(forumId);
  const own = {
    type: types.map((type) => type.id),
    status: types.flatMap((type) => store.statusesOf(type).map((status) => status.id)),
    category: store.categoriesOf(forumId).map((category) => category.id),
    tag: store.tagsOf(forumId).map((tag) => tag.id),
  };
  // A value whose own record UserEcho sends unusable is not one the worker can know either.
  const kinds = { type: "type", status: "status", category: "category", tag: "tag" } as const;
  return (["type", "status", "category", "tag"] as const).some((filter) => {
    const value = query[filter];
    if (value === undefined) return false;
    return !own[filter].includes(value) || !isUsable(context.dialect, kinds[filter], value);
  });
}

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/gi;

/** No sentinel of a private field or an upstream message, no address, no stack trace. */
function checkNoLeak(context: CaseContext, { response, body }: Answer): void {
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join("\n");
  for (const [where, text] of [
    ["body", body],
    ["headers", headers],
  ] as const) {
    const leak = LEAK_PATTERN.exec(text);
    if (leak) {
      const at = text.indexOf(leak[0]);
      throw new Error(
        `the ${where} carries upstream text (${JSON.stringify(text.slice(Math.max(0, at - 60), at + 60))})`,
      );
    }
    for (const address of text.match(EMAIL) ?? []) {
      if (context.truth.emails.has(address.toLowerCase()) || address.endsWith(".invalid")) {
        throw new Error(`the ${where} carries a private e-mail address (${address})`);
      }
    }
  }
  assertNoStackTrace(body);
  if (
    response.status >= 400 &&
    !response.headers.get("Content-Type")?.startsWith(PROBLEM_CONTENT_TYPE)
  ) {
    throw new Error(`error ${response.status} is not problem+json`);
  }
}

// ---------------------------------------------------------------------------------------------
// Lists: every usable record, each once, in order.

/** Where a page's ids sit in the list they come from; throws unless they are a run of it. */
export function checkRun(
  what: string,
  ids: readonly number[],
  truth: readonly number[],
  options: { exactOrder: boolean; firstPage: boolean },
): { start: number; end: number } {
  const position = new Map(truth.map((id, index) => [id, index]));
  const seen = new Set<number>();
  for (const id of ids) {
    if (!position.has(id)) {
      throw new Error(`${what}: ${id} is not one of the ${truth.length} usable items of the list`);
    }
    if (seen.has(id)) throw new Error(`${what}: ${id} appears twice`);
    seen.add(id);
  }
  if (ids.length === 0) {
    if (options.firstPage && truth.length > 0) {
      throw new Error(`${what}: the first page is empty, the list has ${truth.length} items`);
    }
    return {
      start: options.firstPage ? 0 : truth.length,
      end: options.firstPage ? 0 : truth.length,
    };
  }
  const positions = ids.map((id) => position.get(id)!);
  const start = Math.min(...positions);
  const end = start + ids.length;
  if (Math.max(...positions) !== end - 1) {
    const missing = truth.slice(start, end).filter((id) => !seen.has(id));
    throw new Error(
      `${what}: not a run of the list: ${missing.slice(0, 5).join(", ")} missing between ` +
        `${truth[start]} and ${truth[Math.max(...positions)]} (usable items ${start}–${Math.max(...positions)})`,
    );
  }
  if (options.exactOrder) {
    positions.forEach((p, i) => {
      if (p !== start + i) {
        throw new Error(
          `${what}: out of order at ${i}: ${ids.join(",")} vs ${truth.slice(start, end).join(",")}`,
        );
      }
    });
  }
  if (options.firstPage && start !== 0) {
    throw new Error(
      `${what}: the first page starts at item ${start}: ${truth.slice(0, start).join(", ")} missing`,
    );
  }
  return { start, end };
}

/** Key of a sort (larger first), for pages whose items came keyed by id (see lists). */
const SORT_KEYS: Readonly<Record<TopicSort, (topic: SeedTopic) => number>> = {
  top: (topic) => topic.votePositive - topic.voteNegative,
  new: (topic) => topic.created,
  updated: (topic) => topic.updated,
  discussed: (topic) => topic.commentCount,
};

/** `order_by` values the emulator reads for each board sort (the records' own order). */
const ORDER_BY: Readonly<Record<TopicSort, string>> = {
  top: "-vote__diff",
  new: "-created",
  updated: "-updated",
  discussed: "-comment_count",
};

/**
 * Sorts and filters UserEcho honours in this dialect: `-created` and `filter__status__in` are
 * attested and always honoured; the others only when unattested parameters are accepted.
 */
function honours(dialect: Dialect, what: TopicSort | "type" | "status" | "category" | "tag") {
  return what === "new" || what === "status" || dialect.unattested === "accept";
}

/**
 * Whether page order may be lost in transit: a list keyed by id is iterated by ascending id by
 * a JSON parser, so a client can only restore the order by sorting again.
 */
function orderMayBeLost(dialect: Dialect): boolean {
  return dialect.lists === "keyed-by-id" || dialect.lists === "mixed";
}

/** The records a topic page was built from, as `applied` says, usable ones only. */
export function topicList(
  context: CaseContext,
  forumId: number,
  applied: AppliedQuery,
): readonly SeedTopic[] {
  return allTopics(context, forumId, applied).filter((topic) =>
    isUsable(context.dialect, "topic", topic.id),
  );
}

/** The records a topic page was built from, as `applied` says, unusable ones included. */
function allTopics(
  context: CaseContext,
  forumId: number,
  applied: AppliedQuery,
): readonly SeedTopic[] {
  const { store } = context.truth;
  return applied.q !== undefined
    ? searchResults(store, forumId, applied.q)
    : topicsInOrder(store, forumId, {
        order_by: ORDER_BY[applied.sort ?? "new"],
        ...(applied.type === undefined ? {} : { filter__type: String(applied.type) }),
        ...(applied.status === undefined ? {} : { filter__status__in: String(applied.status) }),
        ...(applied.category === undefined ? {} : { filter__category: String(applied.category) }),
        ...(applied.tag === undefined ? {} : { filter__tags: String(applied.tag) }),
      });
}

/**
 * `applied` says what was asked, and claims as UserEcho's only what UserEcho honours: a sort or
 * filter it does not honour is computed by the worker (`applied.computed` says so) or, for a
 * filter the topics carry no data for, left out.
 */
function checkApplied(context: CaseContext, query: TopicQuery, applied: AppliedQuery): void {
  if (query.q !== undefined) {
    if (applied.q !== query.q.trim()) throw new Error(`applied.q ${applied.q} for q ${query.q}`);
    return;
  }
  const computed = new Set<string>(applied.computed ?? []);
  const sort = applied.sort ?? "new";
  const asked = query.sort ?? "top";
  // The one fallback: by `updated`, which the topics do not carry (an optional field left out),
  // the worker can neither check UserEcho's order nor make its own: the newest first, and says so.
  const fallback = asked === "updated" && sort === "new" && context.dialect.optional !== "present";
  if (sort !== asked && !fallback) {
    throw new Error(`applied says sort ${sort}, ${asked} was asked`);
  }
  if (!honours(context.dialect, sort) && !computed.has("sort")) {
    throw new Error(`applied says UserEcho sorted by ${sort}, which it does not honour`);
  }
  for (const filter of ["type", "status", "category", "tag"] as const) {
    const value = applied[filter];
    if (value === undefined) continue;
    if (value !== query[filter])
      throw new Error(`applied.${filter} ${value}, asked ${query[filter]}`);
    if (!honours(context.dialect, filter) && !computed.has(filter)) {
      throw new Error(`applied says UserEcho filtered by ${filter}, which it does not honour`);
    }
  }
}

export function checkTopicPage(
  context: CaseContext,
  forumId: number,
  query: TopicQuery,
  body: TopicPage,
): void {
  checkApplied(context, query, body.applied);
  const list = topicList(context, forumId, body.applied);
  const ids = body.items.map((topic) => topic.id);
  const weak = orderMayBeLost(context.dialect);
  const { end } = checkRun(
    "topics",
    ids,
    list.map((topic) => topic.id),
    { exactOrder: !weak, firstPage: query.page === 1 },
  );
  if (weak && body.applied.q === undefined)
    checkSortKeys(body.items, body.applied.sort ?? "new", context);
  checkSlice(
    "topics",
    ids,
    allTopics(context, forumId, body.applied).map((topic) => topic.id),
    (id) => isUsable(context.dialect, "topic", id),
    body.page,
    query.limit,
    !weak,
  );
  checkPageInfo(
    body,
    query.page,
    query.limit,
    end,
    list.length,
    allTopics(context, forumId, body.applied).length,
  );
  for (const item of body.items) checkTopic(context, item, context.truth.topic(item.id)!, forumId);
}

/**
 * A page of size S at number p holds the p-th slice of S records of the list, without the
 * unusable ones: dropped where they stood, or made up for from the records after. S is the page
 * size the answer states, at most the `limit` asked for.
 */
export function checkSlice(
  what: string,
  ids: readonly number[],
  all: readonly number[],
  usable: (id: number) => boolean,
  page: { number: number; size: number },
  limit: number,
  exactOrder: boolean,
): void {
  if (page.size > limit) throw new Error(`${what}: page size ${page.size}, limit ${limit}`);
  const start = (page.number - 1) * page.size;
  const inPlace = all.slice(start, start + page.size).filter(usable);
  const refilled = all.filter(usable).slice(start, start + page.size);
  const same = (expected: readonly number[]) =>
    expected.length === ids.length &&
    (exactOrder
      ? expected.every((id, i) => ids[i] === id)
      : expected.every((id) => ids.includes(id)));
  if (same(inPlace) || same(refilled)) return;
  throw new Error(
    `${what}: page ${page.number} of size ${page.size} ${difference(inPlace, ids)}` +
      (refilled.join() === inPlace.join() ? "" : ` (or, refilled, ${difference(refilled, ids)})`),
  );
}

/** `lacks 1168, 1167 and has 1200 too`, or `in another order`. */
function difference(expected: readonly number[], got: readonly number[]): string {
  const missing = expected.filter((id) => !got.includes(id));
  const extra = got.filter((id) => !expected.includes(id));
  const list = (ids: readonly number[]) =>
    `${ids.slice(0, 6).join(", ")}${ids.length > 6 ? `, … (${ids.length})` : ""}`;
  if (missing.length === 0 && extra.length === 0) return "is in another order";
  return [
    missing.length ? `lacks ${list(missing)}` : "",
    extra.length ? `has ${list(extra)} too` : "",
  ]
    .filter(Boolean)
    .join(" and ");
}

/** Larger keys first, ties in any order. */
function checkSortKeys(items: readonly Topic[], sort: TopicSort, context: CaseContext): void {
  const keys = items.map((item) => SORT_KEYS[sort](context.truth.topic(item.id)!));
  keys.forEach((key, i) => {
    if (i > 0 && key > keys[i - 1]!) {
      throw new Error(
        `topics: not in ${sort} order at ${i} (${items[i - 1]!.id}, ${items[i]!.id})`,
      );
    }
  });
}

/**
 * Paging numbers: the page asked for; no more items than asked; a page that says there is no
 * next one reaches the end of the list; a total, when given, counts the list.
 */
function checkPageInfo(
  body: { items: readonly unknown[]; page: TopicPage["page"] },
  number: number,
  limit: number,
  end: number,
  usable: number,
  records: number,
): void {
  const { page } = body;
  if (page.number !== number) throw new Error(`page.number ${page.number}, asked ${number}`);
  if (body.items.length > limit) throw new Error(`${body.items.length} items, limit ${limit}`);
  if (!page.hasNext && end < usable) {
    throw new Error(
      `page ${number} says there is no next page after item ${end} of ${usable}: ` +
        `${usable - end} can never be reached`,
    );
  }
  if (page.total !== null && page.total !== usable && page.total !== records) {
    throw new Error(`page.total ${page.total}, the list has ${usable} (${records} with unusable)`);
  }
}

function checkMyVotes(
  context: CaseContext,
  forumId: number,
  query: TopicQuery,
  body: MyVotes,
): void {
  const usable = new Set(
    context.truth.store
      .topicsOf(forumId)
      .filter((topic) => isUsable(context.dialect, "topic", topic.id))
      .map((topic) => topic.id),
  );
  const seen = new Set<number>();
  for (const { topicId, myVote } of body.items) {
    if (!usable.has(topicId))
      throw new Error(`my-votes: ${topicId} is not a usable topic of forum ${forumId}`);
    if (seen.has(topicId)) throw new Error(`my-votes: ${topicId} twice`);
    seen.add(topicId);
    // Every case signs in a new visitor, who has voted on nothing.
    if (myVote !== 0)
      throw new Error(`my-votes: ${topicId} has vote ${myVote}, the visitor never voted`);
  }
  if (body.items.length > query.limit) throw new Error(`my-votes: more items than the limit`);
}

function checkCommentPage(
  context: CaseContext,
  request: Extract<ReadRequest, { route: "comments" }>,
  body: CommentPage,
): void {
  const all = commentsInOrder(context.truth.store, request.topicId);
  const list = all.filter((comment) => isUsable(context.dialect, "comment", comment.id));
  const byId = new Map(list.map((comment) => [comment.id, comment]));
  const { end } = checkRun(
    "comments",
    body.items.map((comment) => comment.id),
    list.map((comment) => comment.id),
    // Comment ids grow with time: even keyed by id, oldest first is ascending ids.
    { exactOrder: true, firstPage: request.page === 1 },
  );
  checkSlice(
    "comments",
    body.items.map((comment) => comment.id),
    all.map((comment) => comment.id),
    (id) => isUsable(context.dialect, "comment", id),
    body.page,
    request.limit,
    true,
  );
  checkPageInfo(body, request.page, request.limit, end, list.length, all.length);
  for (const comment of body.items) {
    checkComment(context, comment, byId.get(comment.id)!, request.topicId);
  }
}

function checkComment(
  context: CaseContext,
  comment: CommentPage["items"][number],
  truth: SeedComment,
  topicId: number,
): void {
  const what = `comment ${truth.id}`;
  if (comment.topicId !== topicId) throw new Error(`${what}: topicId ${comment.topicId}`);
  // `is_official` is optional: left out, it reads as false.
  if (
    comment.isOfficial !== truth.isOfficial &&
    (comment.isOfficial || context.dialect.optional === "present")
  ) {
    throw new Error(`${what}: isOfficial ${comment.isOfficial}, is ${truth.isOfficial}`);
  }
  sameSecond(`${what}: createdAt`, comment.createdAt, truth.created);
  if (comment.html.trim() === "") throw new Error(`${what}: its text is lost (html is empty)`);
  checkAuthor(context, what, comment.author, truth.authorId);
}

function checkUserPage(
  context: CaseContext,
  request: Extract<ReadRequest, { route: "users" }>,
  body: TopUserPage,
): void {
  // The leaderboard is not a user directory: users above rating 0, staff left out (the default,
  // LEADERBOARD_STAFF=hide).
  const list = usersByRating(context.truth.store).filter(
    (user) => isUsable(context.dialect, "user", user.id) && user.rating > 0 && !user.isStaff,
  );
  const byId = new Map(list.map((user) => [user.id, user]));
  const ratings = list.map((user) => user.rating);
  const seen = new Set<number>();
  body.items.forEach((item, i) => {
    const user = byId.get(item.id);
    if (user === undefined) throw new Error(`users: ${item.id} is not a usable user`);
    if (seen.has(item.id)) throw new Error(`users: ${item.id} twice`);
    seen.add(item.id);
    if (item.rating !== user.rating)
      throw new Error(`users: ${item.id} rated ${item.rating}, is ${user.rating}`);
    if (item.name !== user.name && item.name !== "")
      throw new Error(`users: ${item.id} named ${item.name}`);
    if (item.rank !== (request.page - 1) * request.limit + i + 1 && request.page === 1) {
      throw new Error(`users: rank ${item.rank} at position ${i + 1} of page 1`);
    }
  });
  // Ties may come in any order: the ratings must be the next best ones, in order.
  const got = body.items.map((item) => item.rating);
  const start = request.page === 1 ? 0 : ratingWindow(ratings, got);
  if (got.length > 0 && (start < 0 || got.some((rating, i) => rating !== ratings[start + i]))) {
    throw new Error(
      `users: ratings ${got.slice(0, 8).join(",")}… are not the next best ` +
        `(${ratings.slice(Math.max(0, start), Math.max(0, start) + 8).join(",")}…)`,
    );
  }
  if (request.page === 1 && got.length === 0) throw new Error("users: the first page is empty");
  if (!body.page.hasNext && got.length > 0 && start + got.length < list.length) {
    throw new Error(`users: no next page after ${start + got.length} of ${list.length} users`);
  }
}

/**
 * Where `got` sits in `ratings` (best first), or -1. Ties make several places possible: the last
 * one, so that a page of equal ratings is never taken for an early one.
 */
function ratingWindow(ratings: readonly number[], got: readonly number[]): number {
  if (got.length === 0) return ratings.length;
  let found = -1;
  for (let start = ratings.indexOf(got[0]!); start >= 0 && ratings[start] === got[0]; start++) {
    if (got.every((rating, i) => ratings[start + i] === rating)) found = start;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Items: every value the records hold, whatever its encoding upstream.

function sameSecond(what: string, value: string | null, truth: number): void {
  // UserEcho always sends this date (no dialect leaves it out): null would be a loss.
  if (value === null || Math.floor(Date.parse(value) / 1000) !== Math.floor(truth / 1000)) {
    throw new Error(`${what} ${value}, is ${new Date(truth).toISOString()}`);
  }
}

function checkAuthor(
  context: CaseContext,
  what: string,
  author: { id: number | null; name: string },
  userId: number,
): void {
  const user: SeedUser = context.truth.store.user(userId)!;
  if (author.name !== user.name && author.name !== "") {
    throw new Error(`${what}: author ${author.name}, is ${user.name}`);
  }
  if (author.id !== null && author.id !== user.id)
    throw new Error(`${what}: author id ${author.id}`);
}

/** One topic, listed or on its own: its own forum, and every documented value right. */
export function checkTopic(
  context: CaseContext,
  topic: Topic,
  truth: SeedTopic,
  forumId = truth.forumId,
): void {
  const what = `topic ${truth.id}`;
  const { store } = context.truth;
  if (truth.forumId !== forumId || !visibleForums(context).includes(truth.forumId)) {
    throw new Error(`${what} of forum ${truth.forumId} is shown`);
  }
  if (topic.forumId !== truth.forumId) throw new Error(`${what}: forumId ${topic.forumId}`);
  if (topic.title !== truth.header)
    throw new Error(`${what}: title ${JSON.stringify(topic.title)}`);
  sameSecond(`${what}: createdAt`, topic.createdAt, truth.created);
  // `updated` is optional: left out, it is null (never made up from `created`).
  const updatedLeftOut = topic.updatedAt === null && context.dialect.optional !== "present";
  if (
    !updatedLeftOut &&
    Math.floor(Date.parse(topic.updatedAt ?? "") / 1000) !== Math.floor(truth.updated / 1000)
  ) {
    throw new Error(
      `${what}: updatedAt ${topic.updatedAt}, is ${new Date(truth.updated).toISOString()}`,
    );
  }
  if (topic.type?.id !== truth.typeId)
    throw new Error(`${what}: type ${topic.type?.id}, is ${truth.typeId}`);
  const type = store.type(truth.typeId)!;
  if (topic.type?.name !== type.name && topic.type?.name !== "") {
    throw new Error(`${what}: type named ${topic.type?.name}, is ${type.name}`);
  }
  if (topic.status?.id !== truth.statusId) {
    throw new Error(`${what}: status ${topic.status?.id}, is ${truth.statusId}`);
  }
  const status = store.status(truth.statusId)!;
  if (topic.status?.name !== status.name && topic.status?.name !== "") {
    throw new Error(`${what}: status named ${topic.status?.name}, is ${status.name}`);
  }
  const votes = {
    score: truth.votePositive - truth.voteNegative,
    up: truth.votePositive,
    down: truth.voteNegative,
  };
  if (
    topic.votes.score !== votes.score ||
    topic.votes.up !== votes.up ||
    topic.votes.down !== votes.down
  ) {
    throw new Error(`${what}: votes ${JSON.stringify(topic.votes)}, are ${JSON.stringify(votes)}`);
  }
  if (topic.commentCount !== truth.commentCount) {
    throw new Error(`${what}: commentCount ${topic.commentCount}, is ${truth.commentCount}`);
  }
  if (topic.category !== null) {
    const category = truth.categoryId === null ? undefined : store.category(truth.categoryId);
    if (category === undefined || topic.category.id !== category.id) {
      throw new Error(`${what}: category ${topic.category.id}, is ${truth.categoryId}`);
    }
    if (topic.category.name !== category.name && topic.category.name !== "") {
      throw new Error(`${what}: category named ${topic.category.name}`);
    }
  }
  for (const tag of topic.tags) {
    const trueTag = store.tag(tag.id);
    if (!truth.tagIds.includes(tag.id) || trueTag === undefined) {
      throw new Error(`${what}: tag ${tag.id}, has ${truth.tagIds.join(",") || "none"}`);
    }
    if (tag.name !== trueTag.name && tag.name !== "")
      throw new Error(`${what}: tag named ${tag.name}`);
  }
  if (topic.myVote !== undefined && topic.myVote !== 0) {
    throw new Error(`${what}: myVote ${topic.myVote}, the visitor never voted`);
  }
  checkAuthor(context, what, topic.author, truth.authorId);
}

function checkForums(context: CaseContext, body: ForumList): void {
  const expected = visibleForums(context);
  const ids = body.items.map((forum) => forum.id);
  if (ids.join(",") !== expected.join(",")) {
    throw new Error(`forums ${ids.join(",") || "none"}, visible are ${expected.join(",")}`);
  }
  for (const forum of body.items) {
    const truth = context.truth.forum(forum.id)!;
    const what = `forum ${forum.id}`;
    if (forum.name !== truth.name) throw new Error(`${what}: name ${forum.name}`);
    if (forum.isDefault !== truth.isDefault)
      throw new Error(`${what}: isDefault ${forum.isDefault}`);
    const topics = context.truth.store.forumTotals(forum.id).topics;
    if (forum.topicCount !== topics)
      throw new Error(`${what}: topicCount ${forum.topicCount}, is ${topics}`);
    if (forum.description !== null && forum.description !== truth.description) {
      throw new Error(`${what}: description ${forum.description}`);
    }
  }
}

function checkMeta(context: CaseContext, forumId: number, body: ForumMeta): void {
  const { store } = context.truth;
  const { dialect } = context;
  if (body.forumId !== forumId) throw new Error(`meta: forumId ${body.forumId}`);
  const named = <T extends { id: number; name: string }>(
    what: string,
    got: readonly { id: number; name: string }[],
    truth: readonly T[],
    kind: "type" | "category" | "tag" | "status",
  ) => {
    const expected = truth.filter((item) => isUsable(dialect, kind, item.id));
    const key = (items: readonly { id: number; name: string }[]) =>
      [...items]
        .sort((a, b) => a.id - b.id)
        .map((item) => `${item.id}:${item.name}`)
        .join(", ");
    if (key(got) !== key(expected))
      throw new Error(`meta ${what}: [${key(got)}], are [${key(expected)}]`);
  };
  const types = store.typesOf(forumId);
  named("types", body.types, types, "type");
  for (const type of body.types) {
    const truth = types.find((candidate) => candidate.id === type.id)!;
    const statuses = store.statusesOf(truth);
    named(`statuses of type ${type.id}`, type.statuses, statuses, "status");
    for (const status of type.statuses) {
      const color = `#${statuses.find((s) => s.id === status.id)!.color}`;
      if (status.color !== color && status.color !== "#999999") {
        throw new Error(`meta: status ${status.id} colour ${status.color}, is ${color}`);
      }
    }
  }
  named("categories", body.categories, store.categoriesOf(forumId), "category");
  named("tags", body.tags, store.tagsOf(forumId), "tag");
  // Every sort is served, by UserEcho or computed by the worker; `updated` only where UserEcho
  // honours it or sends the date.
  for (const sort of ["top", "new", "updated", "discussed"] as const) {
    const optional = sort === "updated" && dialect.optional !== "present";
    if (!body.sorts.includes(sort) && !optional) {
      throw new Error(`meta: sorts ${body.sorts.join(",")} lack ${sort}`);
    }
  }
}

/** A one-line description of a request, for failure messages. */
export function describeRequest(request: ReadRequest): string {
  return `GET ${pathOf(request)}${isSignedIn(request) ? " (signed in)" : ""}`;
}
