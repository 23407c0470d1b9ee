/**
 * Topics the agent saw listed on a forum's pages (a `forums/{id}/topics` read: never a search,
 * never a visitor's read), per upstream: a proof of a topic's forum that costs nothing, which
 * board/forum-proof.ts accepts for one topic TTL only.
 */
export interface Listing {
  forumId: number;
  at: number;
}

const listings = new Map<string, Listing>();
const MAX_LISTINGS = 20_000;

/** Remembers that an agent's read of `forumId`'s topic list, made at `at`, showed these topics. */
export function recordListing(
  baseUrl: string,
  forumId: number,
  topics: readonly { id: number }[],
  at = Date.now(),
): void {
  for (const { id } of topics) {
    const key = `${baseUrl}\n${id}`;
    listings.delete(key);
    listings.set(key, { forumId, at });
  }
  for (const oldest of listings.keys()) {
    if (listings.size <= MAX_LISTINGS) break;
    listings.delete(oldest);
  }
}

/** Forgets every listing: `POST /v1/admin/purge {"all": true}` clears every memo. */
export function forgetListings(): void {
  listings.clear();
}

/** Where and when an agent's read last listed the topic, if one did lately. */
export function listedOn(baseUrl: string, topicId: number): Listing | undefined {
  return listings.get(`${baseUrl}\n${topicId}`);
}
