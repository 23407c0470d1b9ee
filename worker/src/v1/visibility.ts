import type { Context } from "hono";
import { ForumList } from "@userecho-edge/shared";
import { cachedEntry } from "../cache/index.ts";
import type { AppEnv } from "../env.ts";
import { NotFoundError } from "../errors/index.ts";
import { PUBLIC_FORUM_TYPES } from "../upstream/inferred.ts";
import { toForum } from "./mappers.ts";

/**
 * The forums this worker may show: public ones, further restricted by `ALLOWED_FORUMS`. Every
 * forum- or topic-scoped route checks against this list first, because the agent token can
 * read private forums too, and those must never leak through the public API.
 */
export async function visibleForums(c: Context<AppEnv>): Promise<ForumList> {
  const allowed = c.get("config").allowedForums;
  const params = { allowed: allowedForumsKey(c) };
  const options = { route: "forums", params, sharedEvenIfPersonal: true } as const;
  const { entry } = await cachedEntry(c, options, async () => {
    const forums = await c.get("upstream").listForums();
    const items = forums
      .filter((forum) => PUBLIC_FORUM_TYPES.has(forum.type?.name?.toUpperCase() ?? ""))
      .filter((forum) => allowed === undefined || allowed.has(forum.id))
      .map(toForum);
    return { body: ForumList.parse({ items }) };
  });
  return JSON.parse(entry.body) as ForumList;
}

/** The restriction is part of the key, so changing ALLOWED_FORUMS never serves an old list. */
export function allowedForumsKey(c: Context<AppEnv>): string {
  const allowed = c.get("config").allowedForums;
  return allowed ? [...allowed].sort((a, b) => a - b).join(".") : "all";
}

export async function requireVisibleForum(c: Context<AppEnv>, forumId: number): Promise<void> {
  const { items } = await visibleForums(c);
  if (!items.some((forum) => forum.id === forumId)) throw new NotFoundError("No such forum.");
}
