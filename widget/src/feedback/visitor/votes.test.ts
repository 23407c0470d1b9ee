import { describe, expect, it } from "vitest";
import type { Topic } from "@userecho-edge/shared";
import { optimisticVote, revote } from "./votes.ts";

describe("revote", () => {
  const votes = { up: 10, down: 3, score: 7 };

  it("adds an up-vote", () => {
    expect(revote(votes, 0, 1)).toEqual({ up: 11, down: 3, score: 8 });
  });

  it("withdraws an up-vote or a down-vote", () => {
    expect(revote(votes, 1, 0)).toEqual({ up: 9, down: 3, score: 6 });
    expect(revote(votes, -1, 0)).toEqual({ up: 10, down: 2, score: 8 });
  });

  it("turns a down-vote into an up-vote in one step", () => {
    expect(revote(votes, -1, 1)).toEqual({ up: 11, down: 2, score: 9 });
    expect(revote(votes, 1, -1)).toEqual({ up: 9, down: 4, score: 5 });
  });

  it("changes nothing when the vote stays", () => {
    for (const value of [-1, 0, 1] as const) expect(revote(votes, value, value)).toEqual(votes);
  });
});

describe("optimisticVote", () => {
  const topic = (myVote: Topic["myVote"]) =>
    ({ votes: { up: 4, down: 1, score: 3 }, myVote }) as Topic;

  it("votes up when the visitor has not voted, and withdraws an up-vote", () => {
    expect(optimisticVote(topic(undefined))).toEqual({
      myVote: 1,
      votes: { up: 5, down: 1, score: 4 },
    });
    expect(optimisticVote(topic(0))).toMatchObject({
      myVote: 1,
      votes: { up: 5, down: 1, score: 4 },
    });
    expect(optimisticVote(topic(1))).toMatchObject({
      myVote: 0,
      votes: { up: 3, down: 1, score: 2 },
    });
  });

  it("replaces a down-vote with an up-vote", () => {
    expect(optimisticVote(topic(-1))).toMatchObject({
      myVote: 1,
      votes: { up: 5, down: 0, score: 5 },
    });
  });

  it("takes back every vote of a weighted vote, never toggles it to one", () => {
    const weighted = { votes: { up: 7, down: 1, score: 6 }, myVote: 3 } as Topic;
    expect(optimisticVote(weighted)).toEqual({
      myVote: 0,
      votes: { up: 4, down: 1, score: 3 },
    });
    expect(revote({ up: 4, down: 1, score: 3 }, 0, 3)).toEqual({ up: 7, down: 1, score: 6 });
  });
});
