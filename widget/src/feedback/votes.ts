import type { OwnVote, Topic, VoteValue, Votes } from "@userecho-edge/shared";

/** Local changes laid over what the worker sent: the visitor's votes and comment counts. */
export type TopicPatch = Partial<Pick<Topic, "votes" | "myVote" | "commentCount">>;

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
