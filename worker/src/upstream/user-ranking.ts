import { UpstreamRefusedError } from "../errors/index.ts";
import type { Capabilities } from "./capabilities.ts";
import { ALL_PAGE_SIZE, type UserEchoClient } from "./client.ts";
import { USERS_BY_RATING } from "./inferred.ts";
import type { UpstreamUser } from "./schemas.ts";

/** How many users the worker ranks itself when UserEcho cannot sort them (10 calls). */
export const LOCAL_RANKING_MAX_USERS = 1_000;

export interface UserRanking {
  users: UpstreamUser[];
  /** Over all pages, when known. */
  total: number | undefined;
  /** The ranking is UserEcho's, or the worker's over every user of the community. */
  exact: boolean;
}

/**
 * A page of users by rating. `order_by=-rating` is a guess (inferred.ts): when UserEcho refuses
 * or ignores it (a page out of order), the worker reads up to {@link LOCAL_RANKING_MAX_USERS}
 * users and ranks them itself; the ranking is exact when that covers everyone.
 */
export async function rankUsers(
  client: UserEchoClient,
  capabilities: Capabilities,
  page: number,
  limit: number,
  everyone: () => Promise<UserRanking>,
): Promise<UserRanking> {
  if (capabilities.usable("users:by-rating")) {
    try {
      const result = await client.listUsers({ page, limit, order_by: USERS_BY_RATING });
      const ratings = result.items.map((user) => user.rating ?? 0);
      if (ratings.every((rating, index) => index === 0 || rating <= ratings[index - 1]!)) {
        return { users: result.items, total: result.total, exact: true };
      }
      capabilities.record("users:by-rating", "ignored");
    } catch (error) {
      if (!(error instanceof UpstreamRefusedError)) throw error;
      capabilities.record("users:by-rating", "refused");
    }
  }
  const all = await everyone();
  const start = (page - 1) * limit;
  return { ...all, users: all.users.slice(start, start + limit) };
}

/** Every user (up to the bound), best rating first, ties by id: the worker's own ranking. */
export async function rankAllUsers(client: UserEchoClient): Promise<UserRanking> {
  const users: UpstreamUser[] = [];
  const firstIds = new Set<unknown>();
  let total: number | undefined;
  for (let page = 1; users.length < LOCAL_RANKING_MAX_USERS; page++) {
    const result = await client.listUsers({ page, limit: ALL_PAGE_SIZE });
    // An empty page, or the same page again (`page` ignored), is the end.
    if (result.received === 0 || firstIds.has(result.firstId)) break;
    firstIds.add(result.firstId);
    total = result.total;
    users.push(...result.items);
    if (total !== undefined && page * ALL_PAGE_SIZE >= total) break;
  }
  users.sort((a, b) => (b.rating ?? 0) - (a.rating ?? 0) || a.id - b.id);
  const complete =
    total !== undefined ? users.length >= total : users.length < LOCAL_RANKING_MAX_USERS;
  return { users, total: total ?? (complete ? users.length : undefined), exact: complete };
}
