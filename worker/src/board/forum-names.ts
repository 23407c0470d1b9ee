import type { Context } from "hono";
import type { ForumMeta } from "@userecho-edge/shared";
import { parsedBody } from "../cache/entry.ts";
import { cachedEntry } from "../cache/index.ts";
import type { AppEnv } from "../env.ts";
import type { UpstreamNamed } from "../upstream/model.ts";
import { toStatus } from "./dto.ts";
import { requireVisibleForum, visibility } from "./visibility.ts";

/**
 * A forum's names: its types with their statuses, its categories and its tags. They name the
 * ids of topics (UserEcho may send bare ids), check what a write refers to, and are the values
 * a board's filters offer.
 */

/** The cache options of a forum's meta; `part` tells the names apart from the whole. */
export function metaOptions(forumId: number, part?: "names") {
  // Produced with the agent client and the same for everyone, signed in or not. Its own scope:
  // a comment or a vote (which move `forum:N`) changes nothing here; a purge or a webhook does.
  return {
    route: "meta",
    params: part ? { forumId, part } : { forumId },
    scope: `meta:${forumId}`,
    sharedEvenIfPersonal: true,
  } as const;
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

function named(value: UpstreamNamed) {
  return { id: value.id, name: value.name ?? "" };
}
