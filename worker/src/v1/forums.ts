import { Hono, type Context } from "hono";
import { ForumList, ForumMeta, IdPath } from "@userecho-edge/shared";
import { cachedEntry, cachedJson } from "../cache/index.ts";
import type { AppEnv } from "../env.ts";
import { toStatus } from "./mappers.ts";
import { parsePath } from "./validation.ts";
import { allowedForumsKey, requireVisibleForum, visibleForums } from "./visibility.ts";

export const forums = new Hono<AppEnv>();

forums.get("/forums", async (c) => {
  const params = { list: "visible", allowed: allowedForumsKey(c) };
  return cachedJson(c, { route: "forums", params }, async () => ({
    body: ForumList.parse(await visibleForums(c)),
  }));
});

forums.get("/forums/:forumId/meta", async (c) => {
  const forumId = parsePath(IdPath, "forumId", c.req.param("forumId"));
  await requireVisibleForum(c, forumId);
  return cachedJson(c, metaOptions(forumId), () => produceMeta(c, forumId));
});

function metaOptions(forumId: number) {
  // Produced with the agent client and the same for everyone, signed in or not.
  return {
    route: "meta",
    params: { forumId },
    scope: `forum:${forumId}`,
    sharedEvenIfPersonal: true,
  } as const;
}

/** A visible forum's metadata, from the cache when it can; for validating writes. */
export async function loadForumMeta(c: Context<AppEnv>, forumId: number): Promise<ForumMeta> {
  await requireVisibleForum(c, forumId);
  const { entry } = await cachedEntry(c, metaOptions(forumId), () => produceMeta(c, forumId));
  return JSON.parse(entry.body) as ForumMeta;
}

async function produceMeta(c: Context<AppEnv>, forumId: number) {
  const upstream = c.get("upstream");
  const [types, categories, tags] = await Promise.all([
    upstream.listTypes(forumId),
    upstream.listCategories(forumId),
    upstream.listTags(forumId),
  ]);
  const statuses = await Promise.all(types.map((type) => upstream.listStatuses(forumId, type.id)));
  const body: ForumMeta = {
    forumId,
    voting: c.get("config").voting,
    types: types.map((type, index) => ({
      id: type.id,
      name: type.name ?? "",
      statuses: statuses[index]!.map(toStatus),
    })),
    categories: categories.map((category) => ({ id: category.id, name: category.name ?? "" })),
    tags: tags.map((tag) => ({ id: tag.id, name: tag.name ?? "" })),
  };
  return { body: ForumMeta.parse(body) };
}
