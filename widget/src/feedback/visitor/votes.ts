import type { OwnVote, Topic, VoteValue, Votes } from "@userecho-edge/shared";
import type { TopicPatch } from "./overlay.ts";

/**
 * Votes after changing the visitor's vote from `from` to `to`. A vote may weigh more than one
 * (a UserEcho user group gives up to 5 votes a topic): `from` and `to` are the votes given.
 */
export function revote(votes: Votes, from: OwnVote, to: OwnVote): Votes {
  const up = votes.up - Math.max(from, 0) + Math.max(to, 0);
  const down = votes.down - Math.max(-from, 0) + Math.max(-to, 0);
  return { up, down, score: votes.score + (to - from) };
}

/**
 * The vote a click sends and the patch it makes at once: a visitor who gave votes takes them
 * back (whatever their weight); one who did not gives a vote, counted as one until the worker
 * answers with what UserEcho counted.
 */
export function optimisticVote(topic: Topic): { votes: Votes; myVote: VoteValue } {
  const value: VoteValue = (topic.myVote ?? 0) > 0 ? 0 : 1;
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
