import { describe, it } from "vitest";
import { pageInfo, pageLinks } from "../../src/board/paging.ts";

describe("paging", () => {
  it("says the last page of a known total has no next page", ({ expect }) => {
    expect(pageInfo(3, 20, 60, 20)).toEqual({
      number: 3,
      size: 20,
      total: 60,
      totalPages: 3,
      hasNext: false,
    });
    expect(pageInfo(3, 20, 55, 15).hasNext).toBe(false);
    expect(pageInfo(2, 20, 55, 20).hasNext).toBe(true);
    // Past the end: nothing after it either.
    expect(pageInfo(4, 20, 55, 0).hasNext).toBe(false);
    expect(pageInfo(1, 20, 0, 0)).toMatchObject({ totalPages: 0, hasNext: false });
  });

  it("without a total, takes a full page to have a next one and a short page to be the last", ({
    expect,
  }) => {
    expect(pageInfo(2, 20, undefined, 20)).toEqual({
      number: 2,
      size: 20,
      total: null,
      totalPages: null,
      hasNext: true,
    });
    expect(pageInfo(2, 20, undefined, 19).hasNext).toBe(false);
    expect(pageInfo(2, 20, undefined, 0).hasNext).toBe(false);
  });

  it("links first, prev and last from the last page, and no next", ({ expect }) => {
    const params = { page: 3, limit: 20, sort: "new", q: undefined };
    expect(pageLinks("/v1/forums/1/topics", params, pageInfo(3, 20, 60, 20))).toBe(
      '</v1/forums/1/topics?limit=20&page=1&sort=new>; rel="first", ' +
        '</v1/forums/1/topics?limit=20&page=2&sort=new>; rel="prev", ' +
        '</v1/forums/1/topics?limit=20&page=3&sort=new>; rel="last"',
    );
  });

  it("links next from a page before the last, and prev past the end to the last page", ({
    expect,
  }) => {
    const params = { limit: 20, page: 1 };
    expect(pageLinks("/v1/x", params, pageInfo(1, 20, 60, 20))).toBe(
      '</v1/x?limit=20&page=1>; rel="first", </v1/x?limit=20&page=2>; rel="next", ' +
        '</v1/x?limit=20&page=3>; rel="last"',
    );
    expect(pageLinks("/v1/x", params, pageInfo(9, 20, 60, 0))).toBe(
      '</v1/x?limit=20&page=1>; rel="first", </v1/x?limit=20&page=3>; rel="prev", ' +
        '</v1/x?limit=20&page=3>; rel="last"',
    );
    // No total: no last link; an empty total still has page 1 as its last.
    expect(pageLinks("/v1/x", params, pageInfo(2, 20, undefined, 20))).toBe(
      '</v1/x?limit=20&page=1>; rel="first", </v1/x?limit=20&page=1>; rel="prev", ' +
        '</v1/x?limit=20&page=3>; rel="next"',
    );
    expect(pageLinks("/v1/x", params, pageInfo(1, 20, 0, 0))).toBe(
      '</v1/x?limit=20&page=1>; rel="first", </v1/x?limit=20&page=1>; rel="last"',
    );
  });
});
