import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { NotFoundError, OverloadedError, UpstreamRefusedError } from "../errors/index.ts";
import { Capabilities } from "../upstream/capabilities.ts";
import { TOPIC_ORDER_BY, topicInForumAnswer, topicInForumQuery } from "../upstream/inferred.ts";
import type { UpstreamTopic } from "../upstream/model.ts";
import { loadForumIndex, type ForumIndex } from "./forum-index.ts";
import { listedOn, recordListing } from "./listings.ts";
import { visibility } from "./visibility.ts";

/**
 * Which visible forum a topic is on, proven afresh: the agent token reads topics of private
 * forums by id too, and those must never leak, yet UserEcho's documented topic does not say its
 * forum (docs/USERECHO.md §6). A proof is never remembered longer than the topic's own cache
 * entry lives, and never widened by a failure.
 */

/** Most visible forums a topic is looked for in; a board with more answers 404 for the rest. */
export const MAX_FORUM_QUESTIONS = 20;
/** How far UserEcho's clock may be ahead of ours, for "created after the index was read". */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Most pages read beyond a forum's index to find an older topic (a binary search by date). */
const MAX_DEEP_READS = 10;

/**
 * The visible forum `topic` is on, `null` when it is visible but not named, or:
 * - 404 when it is proven to be on no visible forum;
 * - the failure itself (502, 503, 504) when a forum that might hold it could not be read: the
 *   answer is unknown, which is neither a 404 nor a reason to fail topics proven elsewhere;
 * - 503 `overloaded` when the answer needs calls for this topic alone and this isolate spent its
 *   budget of those for the minute.
 *
 * In order:
 * 1. `forum_id`, when UserEcho sends it;
 * 2. an agent's read of a forum's list that showed the topic, within one topic TTL;
 * 3. when the board shows every forum the token can read, nothing needs proving;
 * 4. otherwise, for each visible forum (at most {@link MAX_FORUM_QUESTIONS}), the attested
 *    `filter__id__gt` question (1 call) while UserEcho honours it, else the forum's index
 *    (shared with the computed lists: no call when cached), page 1 of the forum read again for a
 *    topic newer than the index, and for one older than it a binary search by date over the
 *    forum's `-created` pages (at most {@link MAX_DEEP_READS} calls).
 *
 * Cost: calls made for one topic alone (the id question, page 1 again, the search by date) are
 * spent from a budget per isolate, upstream and minute (FORUM_PROOFS_PER_MINUTE). Past it, a
 * proof still stands on the forum's index, whose rebuild is shared by every topic and bounded
 * per TTL (board/forum-index.ts): a scan of many ids costs at most the budget plus one index per
 * forum, however many ids it tries. Only what the index cannot answer is refused, with 503.
 * The answer is cached with the topic, a 404 included (board/topics.ts).
 */
export async function proveTopicForum(
  c: Context<AppEnv>,
  topic: UpstreamTopic,
): Promise<number | null> {
  const { items, everyForumVisible } = await visibility(c);
  const visible = new Set(items.map((forum) => forum.id));
  const prove = (forumId: number) => {
    if (!visible.has(forumId)) throw new NotFoundError();
    return forumId;
  };
  if (topic.forum_id !== undefined) return prove(topic.forum_id);
  const upstream = c.get("upstream");
  const listing = listedOn(upstream.baseUrl, topic.id);
  const validMs = c.get("config").cache.topic.freshSeconds * 1000;
  if (listing && Date.now() - listing.at < validMs) return prove(listing.forumId);
  if (everyForumVisible) return items.length === 1 ? items[0]!.id : null;

  const budget = proofBudget(upstream.baseUrl, c.get("config").forumProofsPerMinute);
  const ownCalls = budget.spend();
  const forums = items.slice(0, MAX_FORUM_QUESTIONS);
  const answers = await Promise.allSettled(
    forums.map((forum) => holds(c, forum.id, topic, ownCalls, budget)),
  );
  const index = answers.findIndex((answer) => answer.status === "fulfilled" && answer.value);
  if (index >= 0) return forums[index]!.id;
  const failed = answers.find((answer) => answer.status === "rejected");
  if (failed) throw failed.reason;
  throw new NotFoundError();
}

/** How often page 1 of a forum is read again, at most, to place ids newer than its index. */
export const FRONT_READ_MS = 1_000;

/**
 * Where the forums' shared indexes place topic `topicId` before anything is read for it alone:
 * the visible forum it is on, `"absent"` when it is on none (private, moved away or missing:
 * one answer, at one cost, so a scan cannot tell them apart), or `"unknown"` when the indexes
 * cannot say and the topic itself must be read and proven (`proveTopicForum`).
 *
 * It stands on UserEcho giving topics ids in the order they are created (docs/USERECHO.md §6),
 * checked at run time on each index: a forum's index holds every topic created before it was
 * read, so an id below its newest one that it lacks is not on that forum (or has moved to it
 * since, which the next rebuild shows, within one TTL). An id above it may be newer than the
 * index: page 1 of the forum is read again, shared by every id and at most once per
 * {@link FRONT_READ_MS}. A scan of ids therefore costs the visible forums' indexes (shared with
 * the computed lists, once per TTL) and at most one page a forum a second, whatever it tries.
 * A topic asked for less than a second after it was created can answer 404 until its entry
 * expires, unless a webhook purges it.
 */
export async function placeByIndexes(
  c: Context<AppEnv>,
  topicId: number,
): Promise<number | "absent" | "unknown"> {
  const { items, everyForumVisible } = await visibility(c);
  if (everyForumVisible || items.length > MAX_FORUM_QUESTIONS) return "unknown";
  const upstream = c.get("upstream");
  const listing = listedOn(upstream.baseUrl, topicId);
  const validMs = c.get("config").cache.topic.freshSeconds * 1000;
  if (listing && Date.now() - listing.at < validMs) {
    return items.some((forum) => forum.id === listing.forumId) ? listing.forumId : "unknown";
  }
  const verdicts = await Promise.allSettled(items.map((forum) => placeOn(c, forum.id, topicId)));
  let unknown = false;
  for (const [i, verdict] of verdicts.entries()) {
    if (verdict.status === "fulfilled" && verdict.value === true) return items[i]!.id;
    if (verdict.status === "rejected" || verdict.value === "unknown") unknown = true;
  }
  return unknown ? "unknown" : "absent";
}

/** Whether forum `forumId`'s index (and, for a newer id, its page 1) holds `topicId`. */
async function placeOn(
  c: Context<AppEnv>,
  forumId: number,
  topicId: number,
): Promise<boolean | "unknown"> {
  const index = await loadForumIndex(c, forumId);
  if (!idsFollowCreation(index)) return "unknown";
  if (index.topics.some((topic) => topic.id === topicId)) return true;
  const newest = index.topics[0]?.id ?? 0;
  if (topicId > newest) {
    const front = await readFront(c, forumId, index.pageSize);
    return front.ids.has(topicId) ? true : false;
  }
  const oldest = index.topics.at(-1)?.id ?? 0;
  return index.complete || topicId > oldest ? false : "unknown";
}

/**
 * Whether the index's ids fall as its creation dates do (it is newest first): what placing an
 * id by its number stands on. Ties in date may come in either id order.
 */
function idsFollowCreation(index: ForumIndex): boolean {
  return index.topics.every((topic, i) => {
    const next = index.topics[i + 1];
    return next === undefined || next.id < topic.id || next.createdAt === topic.createdAt;
  });
}

/** Page 1 of a forum, read again at most once per {@link FRONT_READ_MS}, shared by every id. */
const fronts = new Map<string, { at: number; read: Promise<{ ids: Set<number> }> }>();

function readFront(
  c: Context<AppEnv>,
  forumId: number,
  limit: number,
): Promise<{ ids: Set<number> }> {
  const key = `${c.get("upstream").baseUrl}\n${forumId}`;
  const known = fronts.get(key);
  if (known && Date.now() - known.at < FRONT_READ_MS) return known.read;
  const read = readCreatedPage(c, forumId, 1, limit).then((items) => ({
    ids: new Set(items.map((item) => item.id)),
  }));
  fronts.set(key, { at: Date.now(), read });
  // A failed read is not remembered: the next id tries again.
  read.catch(() => fronts.delete(key));
  return read;
}

/** Forgets every page 1 read again: `POST /v1/admin/purge {"all": true}` clears every memo. */
export function forgetFronts(): void {
  fronts.clear();
}

/**
 * Whether forum `forumId` holds `topic`, asked with attested parameters only; with `ownCalls`
 * false (the budget is spent), from the shared index alone.
 */
async function holds(
  c: Context<AppEnv>,
  forumId: number,
  topic: UpstreamTopic,
  ownCalls: boolean,
  budget: ProofBudget,
): Promise<boolean> {
  const upstream = c.get("upstream");
  const capabilities = new Capabilities(upstream);
  if (ownCalls && capabilities.usable("topics:by-id")) {
    try {
      const page = await upstream.listTopics(forumId, topicInForumQuery(topic.id));
      const reading = topicInForumAnswer(page.items, topic.id);
      // The agent's read of this forum's list showed the topic: the next proof within a topic
      // TTL (after a write purged the topic, say) costs nothing.
      if (reading === "found") recordListing(upstream.baseUrl, forumId, [topic]);
      if (reading !== "ignored") return reading === "found";
      capabilities.record("topics:by-id", "ignored");
    } catch (error) {
      if (!(error instanceof UpstreamRefusedError)) throw error;
      capabilities.record("topics:by-id", "refused");
    }
  }
  const index = await loadForumIndex(c, forumId);
  if (index.topics.some((indexed) => indexed.id === topic.id)) return true;
  const created = topic.created === undefined ? undefined : Date.parse(topic.created);
  const newest = index.topics[0]?.createdAt;
  if (
    created !== undefined &&
    (newest === undefined || newest === null || created >= Date.parse(newest)) &&
    created >= index.readAt - CLOCK_SKEW_MS
  ) {
    // Newer than anything indexed, and about as new as the index: created since it was read,
    // perhaps. Page 1 is read again.
    if (!ownCalls) throw budget.refusal();
    return (await readCreatedPage(c, forumId, 1, index.pageSize)).some((id) => id.id === topic.id);
  }
  if (index.complete || created === undefined) return false;
  // Within the indexed dates, yet not in the index: not on this forum. (At the oldest date
  // itself, ties may have been cut at the bound.)
  const oldest = index.topics.at(-1)?.createdAt;
  if (oldest !== undefined && oldest !== null && created > Date.parse(oldest)) return false;
  if (!ownCalls) throw budget.refusal();
  return searchOlder(c, index, topic.id, created);
}

/**
 * A topic older than the index: the forum's `-created` pages past the index are searched by
 * date, halving the range each read, for the one page that would hold it.
 */
async function searchOlder(
  c: Context<AppEnv>,
  index: ForumIndex,
  topicId: number,
  created: number,
): Promise<boolean> {
  const size = index.pageSize;
  let low = Math.floor(index.topics.length / size) + 1;
  let high =
    index.total !== null ? Math.max(low, Math.ceil(index.total / size)) : low + 2 ** MAX_DEEP_READS;
  for (let reads = 0; low <= high && reads < MAX_DEEP_READS; reads++) {
    const page = Math.floor((low + high) / 2);
    const items = await readCreatedPage(c, index.forumId, page, size);
    if (items.some((item) => item.id === topicId)) return true;
    const times = items.flatMap((item) => (item.created === undefined ? [] : [item.created]));
    if (items.length === 0 || times.length === 0) {
      high = page - 1;
      continue;
    }
    const newest = Math.max(...times);
    const oldest = Math.min(...times);
    if (created > newest) high = page - 1;
    else if (created < oldest) low = page + 1;
    // Within this page's dates, yet not on it: it is not on this forum.
    else return false;
  }
  return false;
}

async function readCreatedPage(
  c: Context<AppEnv>,
  forumId: number,
  page: number,
  limit: number,
): Promise<{ id: number; created: number | undefined }[]> {
  const upstream = c.get("upstream");
  const result = await upstream.listTopics(forumId, { page, limit, order_by: TOPIC_ORDER_BY.new });
  recordListing(upstream.baseUrl, forumId, result.items);
  return result.items.map((item) => ({
    id: item.id,
    created: item.created === undefined ? undefined : Date.parse(item.created),
  }));
}

/**
 * Proofs that make calls for one topic alone, per isolate, upstream and minute: a scan of ids
 * (hidden or not) cannot turn into a flood of upstream calls, since past the budget only the
 * shared index answers, and every answer, a 404 included, is cached by id.
 */
const budgets = new Map<string, { windowStart: number; spent: number }>();

interface ProofBudget {
  /** Takes one proof from the minute's budget: `false` when none is left. */
  spend(): boolean;
  /** The 503 for a proof the index cannot give once the budget is spent. */
  refusal(): OverloadedError;
}

function proofBudget(baseUrl: string, perMinute: number): ProofBudget {
  const now = Date.now();
  let window = budgets.get(baseUrl);
  if (!window || now - window.windowStart >= 60_000) {
    window = { windowStart: now, spent: 0 };
    budgets.set(baseUrl, window);
  }
  const current = window;
  return {
    spend() {
      if (current.spent >= perMinute) return false;
      current.spent += 1;
      return true;
    },
    refusal: () => new OverloadedError((current.windowStart + 60_000 - Date.now()) / 1000),
  };
}
