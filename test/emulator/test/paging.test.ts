import { describe, it } from "vitest";
import { BadRequestError } from "../src/errors.ts";
import { DEFAULT_LIMIT, MAX_LIMIT, paginate, parsePaging } from "../src/paging.ts";

const params = (query: string) => new URLSearchParams(query);
const numbers = Array.from({ length: 78 }, (_, i) => i + 1);

describe("parsePaging", () => {
  it("defaults to page 1 and limit 50", ({ expect }) => {
    expect(parsePaging(params(""))).toEqual({ page: 1, limit: DEFAULT_LIMIT });
    expect(DEFAULT_LIMIT).toBe(50);
  });

  it("clamps limit to the maximum", ({ expect }) => {
    expect(parsePaging(params("limit=1000")).limit).toBe(MAX_LIMIT);
    expect(parsePaging(params("limit=100")).limit).toBe(100);
  });

  it.for(["page=0", "page=-1", "page=abc", "page=1.5", "page=", "limit=0", "limit=x", "limit=2e1"])(
    "rejects %s",
    (query, { expect }) => {
      expect(() => parsePaging(params(query))).toThrow(BadRequestError);
    },
  );
});

describe("paginate", () => {
  it("reproduces the documented sample: 78 records, page 11 of 2 starts at 21", ({ expect }) => {
    const page = paginate(numbers, { page: 11, limit: 2 });
    expect(page.details).toEqual({ count: 78, limit: 2, page: 11, from: 21 });
    expect(page.data).toEqual([21, 22]);
  });

  it("returns a short last page and an empty page past the end", ({ expect }) => {
    expect(paginate(numbers, { page: 2, limit: 50 }).data).toHaveLength(28);
    const beyond = paginate(numbers, { page: 40, limit: 2 });
    expect(beyond.data).toEqual([]);
    expect(beyond.details).toEqual({ count: 78, limit: 2, page: 40, from: 79 });
  });
});
