import { describe, it } from "vitest";
import { readDelivery } from "../../src/hooks/events.ts";
import { hookScopes } from "../../src/hooks/scopes.ts";

const visible = [1, 2, 5];
const scopesOf = (hook: string, data: unknown) => hookScopes(readDelivery({ hook, data }), visible);

describe("what each UserEcho event purges (hooks/scopes.ts)", () => {
  it("a topic event: its page, and its forum's lists (every visible forum's when unnamed)", ({
    expect,
  }) => {
    for (const hook of ["topic.created", "topic.accepted", "topic.deleted"]) {
      expect(scopesOf(hook, { id: 7, forum_id: 2 })).toEqual(["topic:7", "forum:2"]);
      expect(scopesOf(hook, { id: 7 })).toEqual(["topic:7", "forum:1", "forum:2", "forum:5"]);
    }
    expect(scopesOf("topic.created", { id: "7", forum: { id: 5 } })).toEqual([
      "topic:7",
      "forum:5",
    ]);
  });

  it("a comment event: its topic, found under any of the guessed names", ({ expect }) => {
    for (const data of [{ topic_id: 9 }, { topic: 9 }, { topic: { id: 9 } }, { topic_id: "9" }]) {
      expect(scopesOf("comment.created", { id: 1, ...data })).toEqual(["topic:9"]);
    }
  });

  it("everything, when the delivery does not say which topic, or the forums are unknown", ({
    expect,
  }) => {
    expect(scopesOf("comment.deleted", { id: 1, text: "x" })).toEqual(["all"]);
    expect(scopesOf("topic.deleted", {})).toEqual(["all"]);
    expect(scopesOf("topic.deleted", { id: 0 })).toEqual(["all"]);
    expect(hookScopes(readDelivery({ hook: "topic.created", data: { id: 7 } }), undefined)).toEqual(
      ["all"],
    );
  });

  it("nothing for events the board does not show or does not know", ({ expect }) => {
    expect(scopesOf("topic.satisfaction_received", { id: 7 })).toEqual([]);
    expect(scopesOf("forum.created", { id: 7 })).toEqual([]);
  });
});
