import { describe, it } from "vitest";
import { HOSTILE_HTML } from "../../src/seed/corpus.ts";
import {
  AGENT_USER_ID,
  FORUM_KINDS,
  GROUP_MEMBERS,
  NO_STATUS_ID,
  REFERENCE_NOW,
  allComments,
  buildSeed,
  getSeed,
  type Seed,
} from "../../src/seed/index.ts";

const seed = getSeed();
const comments = allComments(seed);

/** The seed as plain data, comments included, for deep comparison. */
function materialise(data: Seed) {
  return { ...data, commentsOf: undefined, comments: allComments(data) };
}

describe("seed", () => {
  it("is deterministic: two builds are deep-equal", ({ expect }) => {
    expect(materialise(buildSeed())).toEqual(materialise(buildSeed()));
    expect(materialise(buildSeed())).toEqual(materialise(seed));
  });

  it("builds a topic's comments the same whichever topic is asked for first", ({ expect }) => {
    const [first, second] = [buildSeed(), buildSeed()];
    const busy = seed.topics.filter((topic) => topic.commentCount > 3).map((topic) => topic.id);
    const reversed = [...busy]
      .reverse()
      .map((id) => second.commentsOf(id))
      .reverse();
    expect(busy.map((id) => first.commentsOf(id))).toEqual(reversed);
    expect(first.commentsOf(-1)).toEqual([]);
  });

  it("has the promised size", ({ expect }) => {
    expect(seed.forums.length).toBeGreaterThanOrEqual(3);
    expect(seed.topics.length).toBeGreaterThanOrEqual(300);
    expect(seed.users.length).toBeGreaterThanOrEqual(500);
    expect(comments.length).toBeGreaterThanOrEqual(1000);
  });

  it("has public, private and knowledge-base forums, forum 1 being the default", ({ expect }) => {
    const kinds = seed.forums.map((forum) => forum.kind);
    expect(kinds.filter((kind) => kind === FORUM_KINDS.public).length).toBeGreaterThanOrEqual(2);
    expect(kinds).toContain(FORUM_KINDS.private);
    expect(kinds).toContain(FORUM_KINDS.knowledgeBasePublic);
    expect(seed.forums.filter((forum) => forum.isDefault).map((forum) => forum.id)).toEqual([1]);
  });

  it("embeds every hostile payload in topics, in about 10% of them", ({ expect }) => {
    const hostile = seed.topics.filter((topic) => topic.hostile !== null);
    expect(hostile.length / seed.topics.length).toBeCloseTo(0.1, 1);
    for (const payload of HOSTILE_HTML) {
      const topic = hostile.find((t) => t.hostile === payload.name);
      expect(topic?.description).toContain(payload.html);
    }
    expect(comments.some((comment) => comment.hostile !== null)).toBe(true);
    expect(seed.topics.some((topic) => /<script/i.test(topic.description))).toBe(true);
  });

  it("contains non-ASCII text", ({ expect }) => {
    const headers = seed.topics.map((topic) => topic.header).join("\n");
    expect(headers).toMatch(/[А-я]/);
    expect(headers).toMatch(/\p{Extended_Pictographic}/u);
    expect(seed.users.some((user) => /[éüøł]/.test(user.name))).toBe(true);
  });

  it("is referentially consistent", ({ expect }) => {
    const userIds = new Set(seed.users.map((user) => user.id));
    const usersById = new Map(seed.users.map((user) => [user.id, user]));
    for (const topic of seed.topics) {
      const type = seed.types.find((t) => t.id === topic.typeId);
      expect(type?.forumId).toBe(topic.forumId);
      expect(type?.statusIds).toContain(topic.statusId);
      if (topic.categoryId !== null) {
        expect(seed.categories.find((c) => c.id === topic.categoryId)?.forumId).toBe(topic.forumId);
      }
      for (const tagId of topic.tagIds) {
        expect(seed.tags.find((tag) => tag.id === tagId)?.forumId).toBe(topic.forumId);
      }
      expect(userIds.has(topic.authorId)).toBe(true);
      expect(usersById.get(topic.authorId)?.dateJoined ?? Infinity).toBeLessThanOrEqual(
        topic.created,
      );
      expect(topic.updated).toBeGreaterThanOrEqual(topic.created);
      expect(topic.updated).toBeLessThan(REFERENCE_NOW);
      const topicComments = seed.commentsOf(topic.id);
      expect(topicComments).toHaveLength(topic.commentCount);
      expect(topicComments.at(-1)?.created ?? topic.created).toBeLessThanOrEqual(topic.updated);
      for (const comment of topicComments) {
        expect(comment.created).toBeGreaterThan(topic.created);
        expect(usersById.get(comment.authorId)?.dateJoined ?? Infinity).toBeLessThanOrEqual(
          comment.created,
        );
      }
    }
  });

  it("orders topic ids by creation time and keeps ids unique", ({ expect }) => {
    const created = seed.topics.map((topic) => topic.created);
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect(new Set(comments.map((c) => c.id)).size).toBe(comments.length);
    const commentTimes = seed
      .commentsOf(seed.topics.find((t) => t.commentCount > 5)?.id ?? 0)
      .map((c) => c.created);
    expect(commentTimes).toEqual([...commentTimes].sort((a, b) => a - b));
    expect(new Set(seed.users.map((u) => u.slug)).size).toBe(seed.users.length);
  });

  it("gives every user an e-mail, varied ratings and some staff", ({ expect }) => {
    expect(seed.users.every((user) => /^[^@\s]+@[^@\s]+$/.test(user.email))).toBe(true);
    expect(seed.users.find((user) => user.id === AGENT_USER_ID)?.isStaff).toBe(true);
    const ratings = seed.users.map((user) => user.rating);
    expect(ratings.filter((rating) => rating === 0).length).toBeGreaterThan(50);
    expect(Math.max(...ratings)).toBeGreaterThan(500);
    expect(seed.users.filter((user) => user.isStaff).length).toBeGreaterThanOrEqual(3);
  });

  it("puts SSO users in weighted groups, whose seeded votes the totals hold", ({ expect }) => {
    const groups = new Map(seed.groups.map((group) => [group.id, group]));
    expect(seed.groups.every((g) => g.voteWeight >= 1 && g.voteWeight <= 5)).toBe(true);
    for (const member of Object.values(GROUP_MEMBERS)) {
      const user = seed.users.find((u) => u.id === member.userId);
      expect(user?.ssoGuid).toBe(member.guid);
      expect(user?.isStaff).toBe(false);
      expect(user?.groupIds).toEqual([member.groupId]);
      expect(groups.has(member.groupId)).toBe(true);
      const votes = seed.votes.filter((vote) => vote.userId === member.userId);
      expect(votes.length).toBe(member.voted ? 1 : 0);
    }
    for (const vote of seed.votes) {
      const topic = seed.topics.find((t) => t.id === vote.topicId)!;
      const user = seed.users.find((u) => u.id === vote.userId)!;
      const weight = Math.max(...user.groupIds.map((id) => groups.get(id)!.voteWeight));
      expect(vote.value).toBe(weight);
      expect(topic.votePositive).toBeGreaterThanOrEqual(vote.value);
      expect(topic.created).toBeGreaterThanOrEqual(user.dateJoined);
    }
    const budgets = seed.groups.filter((group) => group.voteCount !== null);
    expect(budgets.length).toBeGreaterThan(0);
    expect(seed.users.filter((u) => u.groupIds.length > 0)).toHaveLength(4);
  });

  it("uses status 1 as the nameless grey 'no status'", ({ expect }) => {
    expect(seed.statuses.find((s) => s.id === NO_STATUS_ID)).toMatchObject({
      name: "",
      color: "999999",
    });
    expect(seed.statuses.every((status) => /^[0-9a-f]{6}$/.test(status.color))).toBe(true);
  });
});
