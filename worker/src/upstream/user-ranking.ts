import { UpstreamRefusedError } from "../errors/index.ts";
import type { Capabilities } from "./capabilities.ts";
import { ALL_PAGE_SIZE, type UserEchoClient } from "./client.ts";
import { USERS_BY_RATING } from "./inferred.ts";
import type { UpstreamUser } from "./model.ts";

/** How many users the worker reads, at most, to rank them (10 calls of 100). */
export const RANKING_MAX_USERS = 1_000;
/** Most calls one ranking makes, whatever cap UserEcho puts on `limit` (40 pages of 25). */
const RANKING_MAX_CALLS = 40;

export interface UserRanking {
  /** Best rating first, ties by id: only users the leaderboard may show. */
  users: UpstreamUser[];
  /** How many such users there are in all, when the reading covered everyone. */
  total: number | undefined;
  /** Whether the ranking is over every user who may be shown. */
  exact: boolean;
}

/**
 * Who may appear on the leaderboard: a user with a rating above 0, since rating is what
 * contributions earn (site users who only read the board while signed in, whose name and
 * picture came from their site's token, are at 0), and staff only when the site owner says so.
 */
export type Eligible = (user: UpstreamUser) => boolean;

export function eligibility(showStaff: boolean): Eligible {
  return (user) => (user.rating ?? 0) > 0 && (showStaff || user.is_staff !== true);
}

/**
 * The eligible users by rating, up to `needed` of them. `order_by=-rating` is a guess
 * (inferred.ts): while UserEcho honours it, pages are read best first until `needed` eligible
 * users are found or ratings reach 0 (everyone after is at 0 too); when it refuses or ignores it
 * (a page out of order), `everyone` reads up to {@link RANKING_MAX_USERS} users and the worker
 * ranks them itself.
 */
export async function rankUsers(
  client: UserEchoClient,
  capabilities: Capabilities,
  needed: number,
  eligible: Eligible,
  everyone: () => Promise<UserRanking>,
): Promise<UserRanking> {
  if (capabilities.usable("users:by-rating")) {
    try {
      const sorted = await readByRating(client, needed, eligible);
      if (sorted) return sorted;
      capabilities.record("users:by-rating", "ignored");
    } catch (error) {
      if (!(error instanceof UpstreamRefusedError)) throw error;
      capabilities.record("users:by-rating", "refused");
    }
  }
  return everyone();
}

/** Pages sorted by UserEcho, or `undefined` as soon as one shows it did not sort them. */
async function readByRating(
  client: UserEchoClient,
  needed: number,
  eligible: Eligible,
): Promise<UserRanking | undefined> {
  const users: UpstreamUser[] = [];
  let previous = Number.POSITIVE_INFINITY;
  let read = 0;
  for (let page = 1; page <= RANKING_MAX_CALLS && read < RANKING_MAX_USERS; page++) {
    const result = await client.listUsers({
      page,
      limit: ALL_PAGE_SIZE,
      order_by: USERS_BY_RATING,
    });
    read += result.received;
    // A list keyed by id lost its order: the page holds the right users, best first again.
    const items = result.keyed
      ? [...result.items].sort((a, b) => (b.rating ?? 0) - (a.rating ?? 0) || a.id - b.id)
      : result.items;
    for (const user of items) {
      const rating = user.rating ?? 0;
      if (rating > previous) return undefined;
      previous = rating;
      // Sorted: from the first rating at 0 on, nobody else may be shown.
      if (rating <= 0) return { users, total: users.length, exact: true };
      if (eligible(user)) users.push(user);
    }
    const last =
      result.received === 0 ||
      (result.size !== undefined && result.received < result.size) ||
      (result.total !== undefined && read >= result.total);
    if (last) return { users, total: users.length, exact: true };
    if (users.length >= needed) return { users, total: undefined, exact: true };
  }
  return { users, total: undefined, exact: false };
}

/** Every eligible user (up to the bound), best rating first, ties by id: the worker's own ranking. */
export async function rankAllUsers(
  client: UserEchoClient,
  eligible: Eligible,
): Promise<UserRanking> {
  const users: UpstreamUser[] = [];
  const firstIds = new Set<number | undefined>();
  let total: number | undefined;
  let read = 0;
  let complete = false;
  for (let page = 1; read < RANKING_MAX_USERS && page <= RANKING_MAX_CALLS; page++) {
    const result = await client.listUsers({ page, limit: ALL_PAGE_SIZE });
    // An empty page, or the same page again (`page` ignored), is the end.
    if (result.received === 0 || firstIds.has(result.firstId)) {
      complete = true;
      break;
    }
    firstIds.add(result.firstId);
    total = result.total ?? total;
    read += result.received;
    users.push(...result.items.filter(eligible));
    if (
      total !== undefined
        ? read >= total
        : result.size !== undefined && result.received < result.size
    ) {
      complete = true;
      break;
    }
  }
  users.sort((a, b) => (b.rating ?? 0) - (a.rating ?? 0) || a.id - b.id);
  return { users, total: complete ? users.length : undefined, exact: complete };
}
