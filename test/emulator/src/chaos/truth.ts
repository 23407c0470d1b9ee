/**
 * What the chaos profile holds, for tests that check a client against it: the same seed, the
 * same filters and orders the emulator applies, before any encoding. Whatever the dialect, these
 * are the records, in this order; the dialect only decides how they travel and which of them
 * are unusable ({@link isUsable}).
 */
import { commentListSpec, searchListSpec, topicListSpec, userListSpec } from "../lists.ts";
import { applyListQuery } from "../query.ts";
import type { SeedComment, SeedTopic, SeedUser } from "../seed/index.ts";
import type { Store } from "../store.ts";

/**
 * A forum's topics as `forums/{id}/topics` gives them for these parameters (`order_by` and
 * `filter__…`, as the emulator reads them), every page together.
 */
export function topicsInOrder(
  store: Store,
  forumId: number,
  query: Readonly<Record<string, string>> = {},
): readonly SeedTopic[] {
  return applyListQuery(store.topicsOf(forumId), new URLSearchParams(query), topicListSpec);
}

/** What `forums/{id}/topics/search?query=` finds, in the order it gives them. */
export function searchResults(store: Store, forumId: number, text: string): readonly SeedTopic[] {
  const terms = text.toLowerCase().split(/\s+/).filter(Boolean);
  const found = store.topicsOf(forumId).filter((topic) => store.matchesSearch(topic, terms));
  return applyListQuery(found, new URLSearchParams(), searchListSpec);
}

/** A topic's comments, oldest first (`order_by=created`). */
export function commentsInOrder(store: Store, topicId: number): readonly SeedComment[] {
  return applyListQuery(
    store.commentsOf(topicId),
    new URLSearchParams({ order_by: "created" }),
    commentListSpec,
  );
}

/** Every user, by rating, best first (`order_by=-rating`; ties as the emulator breaks them). */
export function usersByRating(store: Store): readonly SeedUser[] {
  return applyListQuery(store.users(), new URLSearchParams({ order_by: "-rating" }), userListSpec);
}
