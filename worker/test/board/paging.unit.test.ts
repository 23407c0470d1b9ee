import { describe, it } from "vitest";
import { directPageInfo, pageInfo, pageLinks } from "../../src/board/paging.ts";
import type { UpstreamPage } from "../../src/upstream/client.ts";

/**
 * A UserEcho list of `count` items (ids 1..count) paged by `min(asked, cap)`, whose pages hide
 * the size they were built with (`size: undefined`, as normalise/paging.ts leaves it when it
 * cannot tell). `reads` records the pages `directPageInfo` asks for.
 */
function userEcho(count: number, options: { asked: number; cap?: number; total?: boolean }) {
  const { asked, cap = Number.POSITIVE_INFINITY, total = false } = options;
  const size = Math.min(asked, cap);
  const reads: number[] = [];
  const page = (number: number): UpstreamPage<unknown> => {
    const start = (number - 1) * size;
    const items = Array.from({ length: Math.max(0, Math.min(size, count - start)) }, (_, i) => ({
      id: start + i + 1,
    }));
    return {
      items,
      total: total ? count : undefined,
      received: items.length,
      firstId: items[0]?.id,
      keyed: false,
      positional: false,
      page: number,
      asked,
      size: undefined,
    };
  };
  const read = (number: number) => {
    reads.push(number);
    return Promise.resolve(page(number));
  };
  return { page, read, reads };
}

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

describe("directPageInfo", () => {
  const known = (page: Partial<UpstreamPage<unknown>>): UpstreamPage<unknown> => ({
    items: [],
    total: undefined,
    received: 0,
    firstId: undefined,
    keyed: false,
    positional: false,
    page: 1,
    asked: 100,
    size: undefined,
    ...page,
  });
  const noRead = () => Promise.reject(new Error("no read was needed"));

  it("takes a size the page shows as it is, with no further read", async ({ expect }) => {
    // UserEcho capped a limit of 100 at 50: pages are 50 long, and the total counts them.
    const first = known({ page: 1, asked: 100, size: 50, received: 50, total: 137, firstId: 1 });
    expect(await directPageInfo(first, noRead)).toEqual({
      number: 1,
      size: 50,
      total: 137,
      totalPages: 3,
      hasNext: true,
    });
    const last = known({ page: 3, asked: 100, size: 50, received: 37, total: 137, firstId: 101 });
    expect(await directPageInfo(last, noRead)).toEqual({
      number: 3,
      size: 50,
      total: 137,
      totalPages: 3,
      hasNext: false,
    });
  });

  it("never says a page is longer than 100, the most /v1 serves", async ({ expect }) => {
    // A `limit` UserEcho ignored: 150 came on one page.
    const page = known({ page: 1, asked: 20, size: 150, received: 150, total: 400, firstId: 1 });
    expect(await directPageInfo(page, noRead)).toMatchObject({ size: 100, totalPages: 4 });
  });

  it("learns a hidden cap from the next page: a full page at the cap has a next", async ({
    expect,
  }) => {
    const list = userEcho(137, { asked: 100, cap: 50 });
    expect(await directPageInfo(list.page(1), list.read)).toEqual({
      number: 1,
      size: 50,
      total: null,
      totalPages: null,
      hasNext: true,
    });
    expect(list.reads).toEqual([2]);
  });

  it("learns a hidden cap on a last page from page 1", async ({ expect }) => {
    const list = userEcho(137, { asked: 100, cap: 50 });
    expect(await directPageInfo(list.page(3), list.read)).toEqual({
      number: 3,
      size: 50,
      total: null,
      totalPages: null,
      hasNext: false,
    });
    expect(list.reads).toEqual([4, 1]);
  });

  it("keeps the size asked for a short first page with nothing after it", async ({ expect }) => {
    const list = userEcho(37, { asked: 100 });
    expect(await directPageInfo(list.page(1), list.read)).toEqual({
      number: 1,
      size: 100,
      total: null,
      totalPages: null,
      hasNext: false,
    });
    // Page 1 is the page itself: reading it again would tell nothing.
    expect(list.reads).toEqual([2]);
  });

  it("keeps the size asked for a last page when page 1 is no shorter", async ({ expect }) => {
    const list = userEcho(237, { asked: 100 });
    expect(await directPageInfo(list.page(3), list.read)).toEqual({
      number: 3,
      size: 100,
      total: null,
      totalPages: null,
      hasNext: false,
    });
    expect(list.reads).toEqual([4, 1]);
  });

  it("keeps the size asked when page 1 comes back empty", async ({ expect }) => {
    // The list shrank between the two reads: an empty page 1 says nothing about a cap.
    const page = known({ page: 2, asked: 20, received: 7, firstId: 21 });
    const read = (number: number) =>
      Promise.resolve(known({ page: number, asked: 20, received: 0 }));
    expect(await directPageInfo(page, read)).toMatchObject({ size: 20, hasNext: false });
  });

  it("answers an empty page without reading further, and with no next page", async ({ expect }) => {
    const list = userEcho(0, { asked: 100 });
    expect(await directPageInfo(list.page(1), list.read)).toEqual({
      number: 1,
      size: 100,
      total: null,
      totalPages: null,
      hasNext: false,
    });
    expect(list.reads).toEqual([]);
  });

  it("keeps UserEcho's total, and has a next page only when one came", async ({ expect }) => {
    // A cap of 10 on a limit of 20, the page not telling its size: the next page tells it.
    const list = userEcho(25, { asked: 20, cap: 10, total: true });
    expect(await directPageInfo(list.page(1), list.read)).toEqual({
      number: 1,
      size: 10,
      total: 25,
      totalPages: 3,
      hasNext: true,
    });
    const alone = known({ page: 1, asked: 20, received: 7, total: 8, firstId: 1 });
    const empty = () => Promise.resolve(known({ asked: 20, received: 0, total: 8 }));
    expect(await directPageInfo(alone, empty)).toEqual({
      number: 1,
      size: 20,
      total: 8,
      totalPages: 1,
      hasNext: false,
    });
  });

  it("takes a page UserEcho sends again for the next one as the end", async ({ expect }) => {
    // A UserEcho that ignores `page` answers every page with page 1.
    const list = userEcho(100, { asked: 100 });
    const read = (number: number) => list.read(number).then(() => list.page(1));
    expect(await directPageInfo(list.page(1), read)).toMatchObject({ size: 100, hasNext: false });
  });

  it("lets a walk over pages meet every item once, whatever the hidden cap", async ({ expect }) => {
    for (const count of [0, 1, 49, 50, 51, 137, 150]) {
      for (const cap of [10, 50, 100]) {
        const list = userEcho(count, { asked: 100, cap });
        const seen: unknown[] = [];
        for (let number = 1; ; number++) {
          const page = list.page(number);
          seen.push(...page.items.map((item) => (item as { id: number }).id));
          const info = await directPageInfo(page, list.read);
          if (!info.hasNext) break;
          expect(info.size, `${count} items, cap ${cap}, page ${number}`).toBe(cap);
        }
        expect(seen, `${count} items, cap ${cap}`).toEqual(
          Array.from({ length: count }, (_, i) => i + 1),
        );
      }
    }
  });
});
