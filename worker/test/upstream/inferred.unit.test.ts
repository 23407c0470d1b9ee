import { describe, it } from "vitest";
import {
  ATTESTED_SORT,
  isPublicForum,
  SORT_KEYS,
  TOPIC_FILTER_PARAMS,
  TOPIC_ORDER_BY,
  topicFilterValues,
  topicInForumAnswer,
  topicInForumQuery,
  USERS_BY_RATING,
  voteCommand,
} from "../../src/upstream/inferred.ts";
import type { UpstreamTopic } from "../../src/upstream/model.ts";

const named = (id: number, name?: string) => ({ id, name });

const topic = (extra: Partial<UpstreamTopic> = {}): UpstreamTopic => ({
  id: 1001,
  header: "A topic",
  description: undefined,
  created: "2026-01-02T03:04:05.000Z",
  updated: undefined,
  status: { ...named(12), color: undefined },
  type: named(5, "Idea"),
  category: undefined,
  tags: [],
  comment_count: undefined,
  author: undefined,
  vote: undefined,
  url: undefined,
  forum_id: undefined,
  ...extra,
});

const vote = (v: Partial<NonNullable<UpstreamTopic["vote"]>>) => ({
  current_user: undefined,
  diff: undefined,
  positive: undefined,
  negative: undefined,
  ...v,
});

describe("what the worker guesses about UserEcho", () => {
  it("asks for each sort and filter by its guessed parameter", ({ expect }) => {
    expect(TOPIC_ORDER_BY).toEqual({
      top: "-vote__diff",
      new: "-created",
      updated: "-updated",
      discussed: "-comment_count",
    });
    expect(ATTESTED_SORT).toBe("new");
    expect(TOPIC_FILTER_PARAMS).toEqual({
      status: "filter__status__in",
      type: "filter__type",
      category: "filter__category",
      tag: "filter__tags",
    });
    expect(USERS_BY_RATING).toBe("-rating");
    expect(voteCommand(1004)).toBe("topics/1004/votes");
  });

  it("reads the key a sorted page must not increase by", ({ expect }) => {
    expect(SORT_KEYS.top(topic({ vote: vote({ diff: 7, positive: 9, negative: 2 }) }))).toBe(7);
    expect(SORT_KEYS.top(topic({ vote: vote({ positive: 9, negative: 2 }) }))).toBe(7);
    expect(SORT_KEYS.top(topic({ vote: vote({ positive: 9 }) }))).toBe(9);
    expect(SORT_KEYS.top(topic({ vote: vote({ negative: 2 }) }))).toBe(-2);
    expect(SORT_KEYS.top(topic())).toBe(0);
    expect(SORT_KEYS.new(topic())).toBe(Date.parse("2026-01-02T03:04:05Z"));
    expect(SORT_KEYS.new(topic({ created: undefined }))).toBeUndefined();
    expect(SORT_KEYS.updated(topic({ updated: "2026-02-01T00:00:00Z" }))).toBe(
      Date.parse("2026-02-01T00:00:00Z"),
    );
    // A topic that does not say when it was updated cannot break the order, nor make it.
    expect(SORT_KEYS.updated(topic())).toBeUndefined();
    expect(SORT_KEYS.discussed(topic({ comment_count: 4 }))).toBe(4);
    expect(SORT_KEYS.discussed(topic())).toBe(0);
  });

  it("reads a topic's ids for each filter, or says the topic cannot tell", ({ expect }) => {
    const full = topic({
      status: { ...named(12, "Planned"), color: undefined },
      type: named(5),
      category: named(3, "UI"),
      tags: [named(8, "dark"), named(9)],
    });
    expect(topicFilterValues(full, "status")).toEqual([12]);
    expect(topicFilterValues(topic({ status: undefined }), "status")).toBeUndefined();
    expect(topicFilterValues(full, "type")).toEqual([5]);
    expect(topicFilterValues(topic({ type: undefined }), "type")).toBeUndefined();
    expect(topicFilterValues(full, "category")).toEqual([3]);
    expect(topicFilterValues(topic({ category: null }), "category")).toBeUndefined();
    expect(topicFilterValues(topic(), "category")).toBeUndefined();
    expect(topicFilterValues(full, "tag")).toEqual([8, 9]);
    expect(topicFilterValues(topic(), "tag")).toBeUndefined();
    expect(topicFilterValues(topic({ tags: undefined }), "tag")).toBeUndefined();
  });

  it("shows public forums only, and a forum whose type it cannot read never", ({ expect }) => {
    const forum = (type?: string) => ({
      id: 1,
      name: "Ideas",
      description: undefined,
      type,
      is_default: undefined,
      topic_count: undefined,
    });
    expect(isPublicForum(forum("PUBLIC"))).toBe(true);
    // The boundary upper-cases what it reads: anything else here was not read as public.
    for (const name of ["PRIVATE", "KNOWLEDGEBASE PUBLIC", "HELPDESK", "", "public"]) {
      expect(isPublicForum(forum(name)), name).toBe(false);
    }
    expect(isPublicForum(forum())).toBe(false);
  });

  it("proves a topic's forum by the ids that come back", ({ expect }) => {
    expect(topicInForumQuery(1004)).toEqual({
      filter__id__gt: 1003,
      order_by: "created",
      limit: 10,
    });
    expect(topicInForumAnswer([{ id: 1004 }, { id: 1005 }], 1004)).toBe("found");
    expect(topicInForumAnswer([{ id: 1005 }], 1004)).toBe("absent");
    expect(topicInForumAnswer([], 1004)).toBe("absent");
    // An id below the one asked about: the filter was ignored, and the page proves nothing.
    expect(topicInForumAnswer([{ id: 1003 }, { id: 1004 }], 1004)).toBe("ignored");
  });
});
