import type { Topic, VoteValue, Votes } from "@userecho-edge/shared";
import type { TopicPatch } from "./overlay.ts";

/** Votes after changing the visitor's vote from `from` to `to`. */
export function revote(votes: Votes, from: VoteValue, to: VoteValue): Votes {
  const up = votes.up - (from === 1 ? 1 : 0) + (to === 1 ? 1 : 0);
  const down = votes.down - (from === -1 ? 1 : 0) + (to === -1 ? 1 : 0);
  return { up, down, score: votes.score + (to - from) };
}

/** The patch of an optimistic vote: the visitor's new vote and the count it makes. */
export function optimisticVote(topic: Topic): { votes: Votes; myVote: VoteValue } {
  const value: VoteValue = topic.myVote === 1 ? 0 : 1;
  return { votes: revote(topic.votes, topic.myVote ?? 0, value), myVote: value };
}

/**
 * `current` with the vote of `before` back in it (or none, if it had none): a refused vote goes
 * back, and what else changed meanwhile (a comment count) stays.
 */
export function withoutVote(current: TopicPatch | undefined, before: TopicPatch | undefined) {
  const patch: TopicPatch = { ...current };
  delete patch.votes;
  delete patch.myVote;
  if (before?.votes) patch.votes = before.votes;
  if (before?.myVote !== undefined) patch.myVote = before.myVote;
  return patch;
}

/** `map` with `key` set to `value`: a new map. */
export function setIn<K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> {
  return new Map(map).set(key, value);
}

/** `map` without `key`: a new map, or `map` itself when it has no such key. */
export function deleteIn<K, V>(map: ReadonlyMap<K, V>, key: K): ReadonlyMap<K, V> {
  if (!map.has(key)) return map;
  const copy = new Map(map);
  copy.delete(key);
  return copy;
}
