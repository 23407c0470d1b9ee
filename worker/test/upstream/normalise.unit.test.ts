import { describe, it, vi } from "vitest";
import { createApp } from "@userecho-edge/emulator";
import credentials from "@userecho-edge/emulator/credentials.json" with { type: "json" };
import {
  capShown,
  commentReader,
  createdReader,
  forumReader,
  hookCommentTopicId,
  hookObjectId,
  hookReader,
  hookTopicForumId,
  namedReader,
  pageSizeInUse,
  readAnswer,
  readHookEvents,
  readItem,
  readItems,
  readList,
  readNamed,
  statusReader,
  topicReader,
  userReader,
  type PageEvidence,
} from "../../src/upstream/normalise/index.ts";
import {
  readBoolean,
  readCount,
  readHttpUrl,
  readId,
  readInteger,
  readNumber,
  readText,
  readTimestamp,
  readTitle,
} from "../../src/upstream/normalise/values.ts";
import { isPublicForum } from "../../src/upstream/inferred.ts";

const emulator = createApp();

/** `data` of a documented UserEcho answer, from the emulator run in this process. */
async function upstream<T>(command: string): Promise<{ data: T; details?: unknown }> {
  const url = new URL(`https://${credentials.alias}.userecho.com/api/v2/${command}.json`);
  url.searchParams.set("access_token", credentials.agentToken);
  return (await (await emulator.request(url.toString())).json()) as { data: T; details?: unknown };
}

describe("values, in every encoding a plausible UserEcho sends", () => {
  it("reads ids from numbers and digit strings, and nothing else", ({ expect }) => {
    expect(readId(12)).toBe(12);
    expect(readId("12")).toBe(12);
    expect(readId(" 12 ")).toBe(12);
    expect(readId(12.0)).toBe(12);
    for (const bad of [0, -3, "0", "-3", 1.5, "1.5", "12a", "", null, undefined, {}, [], true]) {
      expect(readId(bad), JSON.stringify(bad)).toBeUndefined();
    }
    expect(readId(2 ** 60)).toBeUndefined();
    // A list holding an id is no id, though it prints as one.
    expect(readId(["12"])).toBeUndefined();
    expect(readInteger([-3])).toBeUndefined();
  });

  it("reads integers, signed, and counts, never negative", ({ expect }) => {
    expect(readInteger(-3)).toBe(-3);
    expect(readInteger("-3")).toBe(-3);
    expect(readInteger("+3")).toBe(3);
    expect(readInteger(0)).toBe(0);
    expect(readInteger("x")).toBeUndefined();
    expect(readInteger(1.5)).toBeUndefined();
    expect(readInteger("99999999999999999999")).toBeUndefined();
    expect(readCount(4)).toBe(4);
    expect(readCount("4")).toBe(4);
    expect(readCount(0)).toBe(0);
    expect(readCount(-1)).toBeUndefined();
    expect(readCount("-1")).toBeUndefined();
    expect(readCount("+4")).toBeUndefined();
    expect(readCount(null)).toBeUndefined();
  });

  it("reads numbers with fractions, as a rating may be", ({ expect }) => {
    expect(readNumber(4.5)).toBe(4.5);
    expect(readNumber("4.5")).toBe(4.5);
    expect(readNumber("-2")).toBe(-2);
    expect(readNumber(".5")).toBe(0.5);
    expect(readNumber("3.")).toBe(3);
    expect(readNumber(Number.NaN)).toBeUndefined();
    expect(readNumber(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(readNumber("4,5")).toBeUndefined();
    expect(readNumber("")).toBeUndefined();
    expect(readNumber(true)).toBeUndefined();
    // Several digits on either side of the point, and space around them.
    expect(readNumber("-12.75")).toBe(-12.75);
    expect(readNumber(".25")).toBe(0.25);
    expect(readNumber(" 4.5 ")).toBe(4.5);
    expect(readNumber(["4.5"])).toBeUndefined();
  });

  it("reads booleans from booleans, 1 and 0, and their words", ({ expect }) => {
    for (const yes of [true, 1, "1", "true", "TRUE", " yes "]) {
      expect(readBoolean(yes), JSON.stringify(yes)).toBe(true);
    }
    for (const no of [false, 0, "0", "false", "no", ""]) {
      expect(readBoolean(no), JSON.stringify(no)).toBe(false);
    }
    for (const neither of [2, "maybe", null, undefined, {}]) {
      expect(readBoolean(neither), JSON.stringify(neither)).toBeUndefined();
    }
  });

  it("reads text, and a title only when it has something in it", ({ expect }) => {
    expect(readText("a")).toBe("a");
    expect(readText("")).toBe("");
    expect(readText(2026)).toBe("2026");
    expect(readText(Number.NaN)).toBeUndefined();
    expect(readText(null)).toBeUndefined();
    expect(readText({})).toBeUndefined();
    expect(readTitle("A")).toBe("A");
    expect(readTitle(2026)).toBe("2026");
    expect(readTitle("")).toBeUndefined();
    expect(readTitle("   ")).toBeUndefined();
    expect(readTitle(undefined)).toBeUndefined();
  });

  it("reads every timestamp form into ISO 8601 UTC with milliseconds", ({ expect }) => {
    const at = "2026-12-07T04:22:59.000Z";
    for (const form of [
      "2026-12-07T04:22:59.000Z",
      "2026-12-07T04:22:59Z",
      "2026-12-07T04:22:59.000000Z",
      "2026-12-07T05:22:59+01:00",
      "2026-12-07T05:22:59+0100",
      "2026-12-07 04:22:59",
      "2026-12-07T04:22:59",
      1_796_617_379,
      1_796_617_379_000,
      "1796617379",
    ]) {
      expect(readTimestamp(form), String(form)).toBe(at);
    }
    expect(readTimestamp("2026-12-07 04:22")).toBe("2026-12-07T04:22:00.000Z");
    expect(readTimestamp("2026-12-07")).toBe("2026-12-07T00:00:00.000Z");
    // Space around, and a space before the time of a zoned one.
    expect(readTimestamp(" 2026-12-07 04:22:59 ")).toBe(at);
    expect(readTimestamp("2026-12-07 05:22:59+01:00")).toBe(at);
    // 1e11 is the first number read as milliseconds.
    expect(readTimestamp(1e11)).toBe("1973-03-03T09:46:40.000Z");
    expect(readTimestamp(1e11 - 1)).toBe("5138-11-16T09:46:39.000Z");
    for (const bad of ["yesterday", "2026-13-45", "", 0, -5, null, {}, "12:00", Number.NaN]) {
      expect(readTimestamp(bad), JSON.stringify(bad)).toBeUndefined();
    }
    // Forms JavaScript reads but UserEcho does not send: month and day may be either way round,
    // and a time may be local. A list holding a time is no time either.
    for (const bad of ["12/07/2026", "Dec 7 2026", "Mon, 07 Dec 2026 04:22:59 GMT", [1796617379]]) {
      expect(readTimestamp(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it("reads absolute http(s) URLs only", ({ expect }) => {
    expect(readHttpUrl("https://a.test/x y")).toBe("https://a.test/x%20y");
    expect(readHttpUrl(" http://a.test ")).toBe("http://a.test/");
    expect(readHttpUrl("\u00a0https://a.test\u00a0")).toBe("https://a.test/");
    expect(readHttpUrl("javascript:alert(1)")).toBeUndefined();
    expect(readHttpUrl("/relative")).toBeUndefined();
    expect(readHttpUrl("")).toBeUndefined();
    expect(readHttpUrl(undefined)).toBeUndefined();
  });
});

describe("references", () => {
  it("read objects with a number or string id, and bare ids; nothing without an id", ({
    expect,
  }) => {
    expect(readNamed({ id: 3, name: "UI" })).toEqual({ id: 3, name: "UI" });
    expect(readNamed({ id: "3", name: "UI" })).toEqual({ id: 3, name: "UI" });
    expect(readNamed({ id: 3 })).toEqual({ id: 3, name: undefined });
    expect(readNamed({ id: 3, name: null })).toEqual({ id: 3, name: undefined });
    expect(readNamed(3)).toEqual({ id: 3, name: undefined });
    expect(readNamed("3")).toEqual({ id: 3, name: undefined });
    for (const bad of [{ name: "no id" }, "three", null, 0, { id: 0 }]) {
      expect(readNamed(bad), JSON.stringify(bad)).toBeUndefined();
    }
    expect(statusReader.read({ id: 17, name: "Planned", color: "00ff00" })).toEqual({
      id: 17,
      name: "Planned",
      color: "00ff00",
    });
    expect(statusReader.read(17)).toBeUndefined();
    expect(namedReader.read({ id: 2, name: "Bug" })).toEqual({ id: 2, name: "Bug" });
    expect(namedReader.read(2)).toBeUndefined();
    expect(namedReader.missing({})).toBe("id");
    expect(statusReader.missing({})).toBe("id");
  });
});

describe("entities", () => {
  it("accept what UserEcho documents: forums, topics, comments, users", async ({ expect }) => {
    const forums = (await upstream<unknown[]>("forums")).data;
    expect(forums.length).toBeGreaterThan(0);
    for (const forum of forums) expect(forumReader.read(forum)).toBeDefined();
    const topics = (await upstream<unknown[]>("forums/1/topics")).data;
    expect(topics.length).toBeGreaterThan(0);
    for (const topic of topics) expect(topicReader.read(topic)).toBeDefined();
    const comments = (await upstream<unknown[]>("topics/1004/comments")).data;
    for (const comment of comments) expect(commentReader.read(comment)).toBeDefined();
    for (const user of (await upstream<unknown[]>("users")).data) {
      expect(userReader.read(user)).toBeDefined();
    }
  });

  it("keep only the fields the model names: nothing private gets past the door", async ({
    expect,
  }) => {
    const [raw] = (await upstream<Record<string, unknown>[]>("forums/1/topics")).data;
    const topic = topicReader.read({ ...raw, email: "a@b.c", private_note: "x" })!;
    expect(Object.keys(topic).sort()).toEqual(
      [
        "author",
        "category",
        "comment_count",
        "created",
        "description",
        "forum_id",
        "header",
        "id",
        "status",
        "tags",
        "type",
        "updated",
        "url",
        "vote",
      ].sort(),
    );
    expect(Object.keys(topic.author!).sort()).toEqual(["avatar_url", "id", "name"]);
  });

  it("read a topic in every encoding, dropping only a field that cannot be read", ({ expect }) => {
    const topic = topicReader.read({
      id: "1004",
      header: 2026,
      description: "<p>x</p>",
      created: "2026-12-07 04:22:59",
      updated: "never",
      status: "17",
      type: { id: "5", name: "Idea" },
      category: null,
      tags: { "8": { id: 8, name: "dark" }, "9": { id: "9" } },
      comment_count: "3",
      author: { id: "7", display_name: "Ann", avatar_url: "/a.png" },
      vote: 5,
      url: "/topics/1004-x/",
      forum_id: "2",
    });
    expect(topic).toEqual({
      id: 1004,
      header: "2026",
      description: "<p>x</p>",
      created: "2026-12-07T04:22:59.000Z",
      updated: undefined,
      status: { id: 17, name: undefined, color: undefined },
      type: { id: 5, name: "Idea" },
      category: null,
      tags: [
        { id: 8, name: "dark" },
        { id: 9, name: undefined },
      ],
      comment_count: 3,
      author: { id: 7, name: "Ann", avatar_url: "/a.png" },
      vote: { diff: 5, current_user: undefined, positive: undefined, negative: undefined },
      url: "/topics/1004-x/",
      forum_id: 2,
    });
    const bare = topicReader.read({ id: 1, header: "h" })!;
    expect(bare.tags).toBeUndefined();
    expect(bare.category).toBeUndefined();
    expect(bare.vote).toBeUndefined();
    expect(bare.author).toBeUndefined();
    expect(topicReader.read({ id: 1, header: "h", tags: null })!.tags).toEqual([]);
    expect(topicReader.read({ id: 1, header: "h", tags: "oops" })!.tags).toBeUndefined();
    expect(
      topicReader.read({ id: 1, header: "h", tags: [{ id: 1, name: "a" }, 2, "three", null] })!
        .tags,
    ).toEqual([
      { id: 1, name: "a" },
      { id: 2, name: undefined },
    ]);
    expect(topicReader.read({ id: 1, header: "h", category: { id: 4 } })!.category).toEqual({
      id: 4,
      name: undefined,
    });
    expect(
      topicReader.read({
        id: 1,
        header: "h",
        vote: { current_user: "3", diff: "-1", positive: "2", negative: "3" },
      })!.vote,
    ).toEqual({ current_user: 3, diff: -1, positive: 2, negative: 3 });
    expect(
      topicReader.read({ id: 1, header: "h", author: { name: "Bo", display_name: "B" } })!.author,
    ).toEqual({ id: undefined, name: "Bo", avatar_url: undefined });
    expect(topicReader.read({ id: 1, header: "h", vote: "x" })!.vote).toBeUndefined();
    // A status without an id is no status, not one with an unknown colour.
    expect(topicReader.read({ id: 1, header: "h", status: "none" })!.status).toBeUndefined();
    expect(topicReader.read({ id: 1, header: "h", status: { name: "x" } })!.status).toBeUndefined();
    expect(topicReader.read({ id: 1, header: "h", updated: 1_796_617_379 })!.updated).toBe(
      "2026-12-07T04:22:59.000Z",
    );
    expect(topicReader.read({ id: 1, header: "h", author: "Ann" })!.author).toBeUndefined();
  });

  it("drop a topic without a usable id or title, and say which is missing", ({ expect }) => {
    for (const raw of [{ header: "h" }, { id: 0, header: "h" }, { id: "x", header: "h" }]) {
      expect(topicReader.read(raw), JSON.stringify(raw)).toBeUndefined();
      expect(topicReader.missing(raw)).toBe("id");
    }
    for (const raw of [{ id: 1 }, { id: 1, header: "" }, { id: 1, header: "  " }]) {
      expect(topicReader.read(raw), JSON.stringify(raw)).toBeUndefined();
      expect(topicReader.missing(raw)).toBe("header");
    }
    expect(topicReader.read(null)).toBeUndefined();
    expect(topicReader.read([{ id: 1, header: "h" }])).toBeUndefined();
    expect(topicReader.missing(null)).toBe("(item)");
    expect(topicReader.missing({ id: 1, header: "h" })).toBe("(item)");
  });

  it("read forums, their type in any case and form; a type it cannot read stays unknown", ({
    expect,
  }) => {
    const forum = (type: unknown) => forumReader.read({ id: "1", name: "Ideas", type })!.type;
    expect(forum({ id: 1, name: "Public" })).toBe("PUBLIC");
    expect(forum({ id: "1", name: " public " })).toBe("PUBLIC");
    expect(forum("PRIVATE")).toBe("PRIVATE");
    for (const unreadable of ["", { id: 1 }, { name: null }, {}, null, undefined]) {
      const type = forum(unreadable);
      expect(type === undefined || type === "", JSON.stringify(unreadable)).toBe(true);
    }
    // A bare number is read as text, a type no one documents: never taken for public.
    expect(forum(2)).toBe("2");
    expect(isPublicForum(forumReader.read({ id: 1, name: "Ideas", type: 2 })!)).toBe(false);
    expect(
      forumReader.read({
        id: 1,
        name: "Ideas",
        description: "d",
        is_default: "1",
        topic_count: "180",
      }),
    ).toEqual({
      id: 1,
      name: "Ideas",
      description: "d",
      type: undefined,
      is_default: true,
      topic_count: 180,
    });
    expect(forumReader.read({ id: 1, name: "" })).toBeUndefined();
    expect(forumReader.read({ name: "Ideas" })).toBeUndefined();
    expect(forumReader.missing({ id: 1 })).toBe("name");
  });

  it("read comments by `text`, else `comment`, and users by display name first", ({ expect }) => {
    expect(commentReader.read({ id: "5", comment: "<p>v1</p>", is_official: 1 })).toEqual({
      id: 5,
      text: "<p>v1</p>",
      is_official: true,
      created: undefined,
      author: undefined,
    });
    expect(commentReader.read({ id: 5, text: "<p>a</p>", comment: "<p>b</p>" })!.text).toBe(
      "<p>a</p>",
    );
    expect(commentReader.read({ text: "x" })).toBeUndefined();
    expect(
      commentReader.read({
        id: 6,
        text: "t",
        created: "2026-12-07 04:22:59",
        author: { id: 7, name: "Ann" },
      }),
    ).toEqual({
      id: 6,
      text: "t",
      is_official: undefined,
      created: "2026-12-07T04:22:59.000Z",
      author: { id: 7, name: "Ann", avatar_url: undefined },
    });
    expect(
      userReader.read({
        id: "9",
        name: "ann",
        display_name: "Ann",
        rating: "4.5",
        is_staff: "0",
        avatar_url: "https://a.test/a.png",
      }),
    ).toEqual({
      id: 9,
      name: "Ann",
      rating: 4.5,
      is_staff: false,
      avatar_url: "https://a.test/a.png",
    });
    expect(userReader.read({ id: 9, name: "ann" })!.name).toBe("ann");
    expect(userReader.read({ name: "nobody" })).toBeUndefined();
  });

  it("know a write's answer by its id alone", ({ expect }) => {
    expect(createdReader.read({ id: 42, extra: true })).toEqual({ id: 42 });
    expect(createdReader.read({ id: "42" })).toEqual({ id: 42 });
    expect(createdReader.read({ id: 0 })).toBeUndefined();
    expect(createdReader.read(42)).toBeUndefined();
  });
});

describe("the envelope", () => {
  it("tells a success from an error whatever the HTTP status says", ({ expect }) => {
    const success = (status: unknown) => readAnswer(200, JSON.stringify({ status, data: [] }));
    for (const yes of ["success", "Success", " SUCCESS ", "ok", true]) {
      expect(success(yes).kind, JSON.stringify(yes)).toBe("success");
    }
    for (const no of ["error", "fail", "", false, 1, null]) {
      expect(success(no).kind, JSON.stringify(no)).toBe("error");
    }
    expect(readAnswer(200, JSON.stringify({ data: [1] }))).toMatchObject({
      kind: "success",
      data: [1],
    });
    expect(readAnswer(200, JSON.stringify({ status: "success", data: { id: 4 } }))).toMatchObject({
      kind: "success",
      data: { id: 4 },
    });
    expect(readAnswer(200, JSON.stringify({ data: [1], error: "x" })).kind).toBe("error");
    expect(readAnswer(200, JSON.stringify({ message: "x" })).kind).toBe("error");
    expect(readAnswer(200, "[1,2]")).toMatchObject({ kind: "success", data: [1, 2] });
    expect(readAnswer(404, "[1,2]").kind).toBe("error");
    expect(readAnswer(500, JSON.stringify({ status: "success", data: [] })).kind).toBe("error");
    expect(readAnswer(199, JSON.stringify({ status: "success", data: [] })).kind).toBe("error");
    expect(readAnswer(300, JSON.stringify({ status: "success", data: [] })).kind).toBe("error");
    expect(readAnswer(204, JSON.stringify({ status: "success", data: [] })).kind).toBe("success");
    for (const unreadable of [
      "",
      "<html>502</html>",
      '{"status":"success","data":[',
      "42",
      '"x"',
    ]) {
      expect(readAnswer(200, unreadable).kind, unreadable).toBe("unreadable");
    }
  });

  it("reads paging numbers as numbers or digit strings, each on its own", ({ expect }) => {
    const details = (value: unknown) =>
      readAnswer(200, JSON.stringify({ status: "success", data: [], details: value }));
    expect(details({ count: 78, limit: 2, page: 11, from: 21 })).toMatchObject({
      details: { count: 78, limit: 2 },
    });
    expect(details({ count: "78", limit: "2" })).toMatchObject({
      details: { count: 78, limit: 2 },
    });
    expect(details({ count: -1, limit: 0 })).toMatchObject({
      details: { count: undefined, limit: undefined },
    });
    expect(details([1, 2])).toMatchObject({ details: { count: undefined, limit: undefined } });
    expect(details(undefined)).toMatchObject({ details: { count: undefined, limit: undefined } });
  });

  it("reads a list in every encoding: array, empty forms, keyed by position or by id", ({
    expect,
  }) => {
    expect(readList([1, 2])).toEqual({ items: [1, 2], keyed: false, positional: false });
    for (const empty of [null, undefined, ""]) {
      expect(readList(empty), JSON.stringify(empty)).toEqual({
        items: [],
        keyed: false,
        positional: false,
      });
    }
    expect(readList({})).toEqual({ items: [], keyed: true, positional: true });
    expect(readList({ "15": { id: 7 }, "16": { id: 3 } })).toEqual({
      items: [{ id: 7 }, { id: 3 }],
      keyed: true,
      positional: true,
    });
    expect(readList({ "3": { id: 3 }, "7": { id: 7 } })).toEqual({
      items: [{ id: 3 }, { id: 7 }],
      keyed: true,
      positional: false,
    });
    for (const notAList of ["x", 3, true, { a: 1 }, { "1": { id: 1 }, "2": "two" }]) {
      expect(readList(notAList), JSON.stringify(notAList)).toBeUndefined();
    }
  });

  it("drops an unusable item alone, counts it, and logs its id and field, never its content", ({
    expect,
  }) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const read = readItems(
      [
        { id: 1, header: "a" },
        { id: 2, header: { secret: "payload" } },
        "junk",
        { id: 3, header: "c" },
      ],
      topicReader,
      "forums/1/topics",
    )!;
    expect(read.items.map((topic) => topic.id)).toEqual([1, 3]);
    expect(read).toMatchObject({ received: 4, dropped: 2, firstId: 1, keyed: false });
    const lines = warn.mock.calls.map((call) => JSON.parse(String(call[0])) as object);
    expect(lines).toEqual([
      {
        level: "warn",
        message: "upstream item dropped",
        command: "forums/1/topics",
        id: 2,
        field: "header",
      },
      {
        level: "warn",
        message: "upstream item dropped",
        command: "forums/1/topics",
        id: null,
        field: "(item)",
      },
    ]);
    expect(JSON.stringify(warn.mock.calls)).not.toContain("payload");
    expect(readItems("x", topicReader, "forums/1/topics")).toBeUndefined();
    expect(readItems([{ id: "x" }], topicReader, "c")!.firstId).toBeUndefined();
    expect(readItems([], topicReader, "c")!.firstId).toBeUndefined();
    warn.mockRestore();
  });

  it("reads one object, or a list of exactly one", ({ expect }) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(readItem({ id: 1, header: "a" }, topicReader, "topics/1")!.id).toBe(1);
    expect(readItem([{ id: 1, header: "a" }], topicReader, "topics/1")!.id).toBe(1);
    expect(
      readItem(
        [
          { id: 1, header: "a" },
          { id: 2, header: "b" },
        ],
        topicReader,
        "t",
      ),
    ).toBe(undefined);
    expect(readItem(null, topicReader, "topics/1")).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});

describe("the page size UserEcho applied", () => {
  const page = (evidence: Partial<PageEvidence>): PageEvidence => ({
    asked: 100,
    page: 1,
    received: 100,
    total: undefined,
    saidLimit: undefined,
    knownCap: undefined,
    knownHonoured: undefined,
    ...evidence,
  });

  it("is the limit asked when the page is full", ({ expect }) => {
    expect(pageSizeInUse(page({}))).toBe(100);
    expect(pageSizeInUse(page({ total: 180 }))).toBe(100);
    // More than asked: the limit was ignored, and the page is full at what came.
    expect(pageSizeInUse(page({ asked: 20, received: 50 }))).toBe(50);
  });

  it("is told by the total: a cap on the first page, and on a last page alone", ({ expect }) => {
    expect(pageSizeInUse(page({ received: 50, total: 137 }))).toBe(50);
    expect(pageSizeInUse(page({ received: 50, total: 137, saidLimit: 100 }))).toBe(50);
    expect(pageSizeInUse(page({ page: 3, received: 37, total: 137 }))).toBe(50);
    expect(pageSizeInUse(page({ page: 3, received: 37, total: 137, knownCap: 50 }))).toBe(50);
    expect(pageSizeInUse(page({ page: 2, received: 30, total: 130, saidLimit: 100 }))).toBe(100);
    expect(pageSizeInUse(page({ received: 30, total: 30 }))).toBe(100);
    expect(pageSizeInUse(page({ page: 5, received: 0, total: 30 }))).toBe(100);
    // Only a cap of 10 explains 10 items on page 2 of 300; nothing explains 7 on page 2 of 8.
    expect(pageSizeInUse(page({ page: 2, received: 10, total: 300, asked: 20 }))).toBe(10);
    expect(pageSizeInUse(page({ page: 2, received: 7, total: 8, asked: 20 }))).toBeUndefined();
    // A limit of 1 is a size like any other.
    expect(pageSizeInUse(page({ asked: 1, received: 1, total: 5 }))).toBe(1);
  });

  it("is never a size that cannot be: a fraction, zero, or more than asked and sent", ({
    expect,
  }) => {
    // One item on page 3 of 52: pages of 25.5 would leave it, but a size is whole (pages of 1).
    expect(pageSizeInUse(page({ page: 3, received: 1, total: 52 }))).toBe(1);
    // An empty first page of a list of 30: nothing explains it, and a size of 0 pages nothing.
    expect(pageSizeInUse(page({ received: 0, total: 30 }))).toBeUndefined();
    // A `details.limit` above the limit asked is not the size of a page served whole.
    expect(pageSizeInUse(page({ asked: 20, received: 15, total: 15, saidLimit: 50 }))).toBe(20);
  });

  it("without a total, believes a short page only when something accounts for it", ({ expect }) => {
    expect(pageSizeInUse(page({ received: 37 }))).toBeUndefined();
    expect(pageSizeInUse(page({ received: 37, saidLimit: 50 }))).toBe(50);
    // A page exactly as long as the cap it shows or that is known is full at that cap.
    expect(pageSizeInUse(page({ received: 50, saidLimit: 50 }))).toBe(50);
    expect(pageSizeInUse(page({ received: 50, knownCap: 50 }))).toBe(50);
    expect(pageSizeInUse(page({ received: 37, saidLimit: 100 }))).toBeUndefined();
    expect(pageSizeInUse(page({ received: 60, saidLimit: 50 }))).toBeUndefined();
    expect(pageSizeInUse(page({ received: 37, knownCap: 50 }))).toBe(50);
    expect(pageSizeInUse(page({ received: 37, knownCap: 50, asked: 40 }))).toBe(40);
    expect(pageSizeInUse(page({ received: 60, knownCap: 50 }))).toBeUndefined();
    expect(pageSizeInUse(page({ received: 37, knownHonoured: 100 }))).toBe(100);
    expect(pageSizeInUse(page({ received: 37, knownHonoured: 50 }))).toBeUndefined();
    expect(pageSizeInUse(page({ received: 37, knownHonoured: 100, knownCap: 25 }))).toBe(undefined);
  });

  it("shows a cap only below what was asked", ({ expect }) => {
    expect(capShown(page({}), 50)).toBe(50);
    expect(capShown(page({}), 100)).toBeUndefined();
    expect(capShown(page({}), 120)).toBeUndefined();
    expect(capShown(page({}), undefined)).toBeUndefined();
  });
});

describe("webhooks", () => {
  it("reads what a delivery is about, where it says", ({ expect }) => {
    expect(hookObjectId({ id: "12" })).toBe(12);
    expect(hookObjectId({})).toBeUndefined();
    expect(hookObjectId("12")).toBeUndefined();
    expect(hookTopicForumId({ forum_id: 3 })).toBe(3);
    expect(hookTopicForumId({ forum: { id: "3" } })).toBe(3);
    expect(hookTopicForumId({ forum: 4 })).toBe(4);
    expect(hookTopicForumId({ id: 1 })).toBeUndefined();
    expect(hookCommentTopicId({ topic_id: "9" })).toBe(9);
    expect(hookCommentTopicId({ topic: 9 })).toBe(9);
    expect(hookCommentTopicId({ topic: { id: 9 } })).toBe(9);
    expect(hookCommentTopicId({ id: 1 })).toBeUndefined();
  });

  it("reads the events offered in every plausible shape", ({ expect }) => {
    expect(readHookEvents(["topic.created", "comment.deleted"])).toEqual([
      "topic.created",
      "comment.deleted",
    ]);
    expect(
      readHookEvents([{ name: "topic.created" }, { event: "topic.deleted" }, { id: "a.b" }]),
    ).toEqual(["topic.created", "topic.deleted", "a.b"]);
    expect(readHookEvents({ "topic.created": true, "comment.created": false })).toEqual([
      "topic.created",
      "comment.created",
    ]);
    for (const bad of [
      ["Topic Created"],
      [{ other: "x" }],
      // One name it cannot read spoils the list: it would not be the list UserEcho offers.
      ["topic.created", 5],
      ["topic.created", { other: "x" }],
      { "topic.created": true, "not an event": true },
      // A list holding a name is not a name.
      [["topic.created"]],
      {},
      { "not an event": true },
      "x",
      null,
    ]) {
      expect(readHookEvents(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it("reads a registered hook and the events it is on", ({ expect }) => {
    expect(
      hookReader.read({
        id: "12",
        target_url: "https://edge.test/v1/hooks/userecho/t",
        events: { "topic.created": true, "topic.deleted": false, "comment.created": 1 },
      }),
    ).toEqual({
      id: 12,
      target_url: "https://edge.test/v1/hooks/userecho/t",
      events: ["topic.created", "comment.created"],
    });
    expect(hookReader.read({ id: 1, target_url: "u", events: ["a.b", 3] })!.events).toEqual([
      "a.b",
    ]);
    expect(hookReader.read({ id: 1, target_url: "u", event: "a.b" })!.events).toEqual(["a.b"]);
    expect(hookReader.read({ id: 1, target_url: "u" })!.events).toEqual([]);
    expect(hookReader.read({ target_url: "u" })).toBeUndefined();
    expect(hookReader.read({ id: 1 })).toBeUndefined();
    expect(
      hookReader.read({
        id: 1,
        target_url: "u",
        events: { "a.b": "true", "c.d": "false", "e.f": "" },
      })!.events,
    ).toEqual(["a.b"]);
    expect(hookReader.missing({ target_url: "u" })).toBe("id");
    expect(hookReader.missing({ id: 1 })).toBe("target_url");
  });
});
