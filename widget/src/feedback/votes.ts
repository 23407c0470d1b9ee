import type { Topic, VoteValue, Votes } from "@userecho-edge/shared";

/** Local changes laid over what the worker sent: the visitor's votes and comment counts. */
export type TopicPatch = Partial<Pick<Topic, "votes" | "myVote" | "commentCount">>;

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
