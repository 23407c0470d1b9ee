import type { Context } from "hono";
import type { ForumList } from "@userecho-edge/shared";
import { parsedBody } from "../cache/entry.ts";
import { cachedEntry } from "../cache/index.ts";
import type { AppEnv } from "../env.ts";
import { NotFoundError } from "../errors/index.ts";
import { isPublicForum } from "../upstream/inferred.ts";
import { toForum } from "./dto.ts";

/** The visible forums, and whether they are every forum the agent token can read. */
export interface Visibility extends ForumList {
  /**
   * True when the board shows every forum the token can read: then any topic the token can
   * read is on a visible forum, and proving which one is only needed to name it.
   */
  everyForumVisible: boolean;
}

/**
 * The forums this worker may show: public ones, further restricted by `ALLOWED_FORUMS`. Every
 * forum- or topic-scoped route checks against this list first, because the agent token can
 * read private forums too, and those must never leak through the public API. Kept in the
 * shared cache (it is the same for everyone), apart from the `/v1/forums` answer, since
 * `everyForumVisible` is not for the public.
 */
export async function visibility(c: Context<AppEnv>): Promise<Visibility> {
  const allowed = c.get("config").allowedForums;
  const params = { allowed: allowedForumsKey(c) };
  const options = { route: "forums", params, sharedEvenIfPersonal: true } as const;
  const { entry } = await cachedEntry(c, options, async () => {
    const forums = await c.get("upstream").listForums();
    const items = forums
      .filter(isPublicForum)
      .filter((forum) => allowed === undefined || allowed.has(forum.id))
      .map(toForum);
    const body: Visibility = { items, everyForumVisible: items.length === forums.length };
    return { body };
  });
  return parsedBody<Visibility>(entry);
}

/** The visible forums, as `/v1/forums` lists them. */
export async function visibleForums(c: Context<AppEnv>): Promise<ForumList> {
  return { items: (await visibility(c)).items };
}

/** The restriction is part of the key, so changing ALLOWED_FORUMS never serves an old list. */
export function allowedForumsKey(c: Context<AppEnv>): string {
  const allowed = c.get("config").allowedForums;
  return allowed ? [...allowed].sort((a, b) => a - b).join(".") : "all";
}

export async function requireVisibleForum(c: Context<AppEnv>, forumId: number): Promise<void> {
  if (!(await isVisibleForum(c, forumId))) throw new NotFoundError();
}

export async function isVisibleForum(c: Context<AppEnv>, forumId: number): Promise<boolean> {
  const { items } = await visibility(c);
  return items.some((forum) => forum.id === forumId);
}
