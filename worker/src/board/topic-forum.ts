import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { NotFoundError, UpstreamRefusedError } from "../errors/index.ts";
import { Capabilities } from "../upstream/capabilities.ts";
import { topicInForumAnswer, topicInForumQuery } from "../upstream/inferred.ts";
import type { UpstreamTopic } from "../upstream/schemas.ts";
import { visibility } from "./visibility.ts";

/**
 * Most forums a topic's forum is looked for in, one question each. A board with more visible
 * forums than this answers 404 for cold topics of the others (docs/USERECHO.md).
 */
export const MAX_FORUM_QUESTIONS = 20;

/** Topic ids seen on a visible forum's pages, with that forum: a proof that costs nothing. */
const learned = new Map<number, number>();
const MAX_LEARNED = 20_000;

/** Remembers which forum listed these topics (called with every upstream page of a forum). */
export function learnTopicForum(forumId: number, topics: readonly { id: number }[]): void {
  for (const { id } of topics) {
    learned.delete(id);
    learned.set(id, forumId);
  }
  for (const oldest of learned.keys()) {
    if (learned.size <= MAX_LEARNED) break;
    learned.delete(oldest);
  }
}

/**
 * The visible forum a topic belongs to, or 404: the agent token reads topics of private
 * forums by id too, and those must not leak. UserEcho's documented topic carries no `forum_id`,
 * so, in this order:
 * 1. `forum_id`, when UserEcho sends it;
 * 2. the forum whose page listed the topic in this isolate;
 * 3. when the board shows every forum the token can read, no question is needed: the topic is
 *    visible, on the only forum or (with several) on one the worker does not name (`null`);
 * 4. otherwise one attested question per visible forum (at most {@link MAX_FORUM_QUESTIONS},
 *    asked at once): does it hold a topic with this id?
 * A cold topic therefore costs at most 1 + {@link MAX_FORUM_QUESTIONS} upstream calls, and the
 * answer is cached with the topic.
 */
export async function topicForum(c: Context<AppEnv>, topic: UpstreamTopic): Promise<number | null> {
  const { items, everyForumVisible } = await visibility(c);
  const visible = new Set(items.map((forum) => forum.id));
  const known = typeof topic.forum_id === "number" ? topic.forum_id : learned.get(topic.id);
  if (known !== undefined) {
    if (visible.has(known)) return known;
    throw new NotFoundError();
  }
  if (everyForumVisible) return items.length === 1 ? items[0]!.id : null;

  const upstream = c.get("upstream");
  const capabilities = new Capabilities(upstream.baseUrl);
  if (!capabilities.usable("topics:by-id")) throw new NotFoundError();
  const forums = items.slice(0, MAX_FORUM_QUESTIONS);
  const answers = await Promise.all(
    forums.map(async (forum) => {
      try {
        return (await upstream.listTopics(forum.id, topicInForumQuery(topic.id))).items;
      } catch (error) {
        if (error instanceof UpstreamRefusedError) {
          capabilities.record("topics:by-id", "refused");
          return [];
        }
        throw error;
      }
    }),
  );
  // An id at or below the one asked about: UserEcho ignored the filter, and nothing is proven.
  const readings = answers.map((page) => topicInForumAnswer(page, topic.id));
  if (readings.includes("ignored")) {
    capabilities.record("topics:by-id", "ignored");
    throw new NotFoundError();
  }
  const index = readings.indexOf("found");
  if (index === -1) throw new NotFoundError();
  const forumId = forums[index]!.id;
  learnTopicForum(forumId, [topic]);
  return forumId;
}
