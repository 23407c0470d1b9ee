import { describe, it } from "vitest";
import { BadRequestError } from "../src/errors.ts";
import { applyListQuery, type ListSpec } from "../src/query.ts";

interface Item {
  id: number;
  status: number;
  tags: number[];
  score: number;
  category: number | null;
  created: number;
  done: boolean;
}

const items: Item[] = [
  {
    id: 1,
    status: 1,
    tags: [],
    score: 5,
    category: 1,
    created: Date.parse("2024-01-01"),
    done: false,
  },
  {
    id: 2,
    status: 17,
    tags: [3],
    score: 5,
    category: null,
    created: Date.parse("2024-02-01"),
    done: true,
  },
  {
    id: 3,
    status: 18,
    tags: [3, 4],
    score: 9,
    category: 2,
    created: Date.parse("2024-03-01"),
    done: false,
  },
  {
    id: 4,
    status: 17,
    tags: [4],
    score: 1,
    category: 2,
    created: Date.parse("2024-04-01"),
    done: true,
  },
];

const spec: ListSpec<Item> = {
  filters: {
    id: { kind: "integer", get: (i) => i.id },
    status: { kind: "integer", get: (i) => i.status },
    tags: { kind: "integer", get: (i) => i.tags },
    category: { kind: "integer", get: (i) => i.category },
    created: { kind: "date", get: (i) => i.created },
    done: { kind: "boolean", get: (i) => i.done },
  },
  orderings: {
    id: { kind: "integer", get: (i) => i.id },
    score: { kind: "integer", get: (i) => i.score },
    created: { kind: "date", get: (i) => i.created },
  },
  defaultOrder: "id",
  id: (i) => i.id,
  attested: { filters: ["status__in"], orderings: ["-created"] },
};

const ids = (query: string) =>
  applyListQuery(items, new URLSearchParams(query), spec).map((i) => i.id);

describe("filters", () => {
  it("supports exact, in, gt, gte, lt, lte", ({ expect }) => {
    expect(ids("filter__status=17")).toEqual([2, 4]);
    expect(ids("filter__status__in=1,18")).toEqual([1, 3]);
    expect(ids("filter__id__gt=2")).toEqual([3, 4]);
    expect(ids("filter__id__gte=2")).toEqual([2, 3, 4]);
    expect(ids("filter__id__lt=2")).toEqual([1]);
    expect(ids("filter__id__lte=2")).toEqual([1, 2]);
  });

  it("ANDs several filters", ({ expect }) => {
    expect(ids("filter__status=17&filter__id__gt=2")).toEqual([4]);
  });

  it("matches list fields when any element matches, and never matches null", ({ expect }) => {
    expect(ids("filter__tags=4")).toEqual([3, 4]);
    expect(ids("filter__tags__in=3,9")).toEqual([2, 3]);
    expect(ids("filter__category__in=1,2")).toEqual([1, 3, 4]);
  });

  it("parses dates and booleans", ({ expect }) => {
    expect(ids("filter__created__gte=2024-03-01T00:00:00.000Z")).toEqual([3, 4]);
    expect(ids("filter__done=true")).toEqual([2, 4]);
    expect(ids("filter__done=0")).toEqual([1, 3]);
  });

  it.for([
    ["filter__nope=1", "nope"],
    ["filter__id__between=1", "id__between"],
    ["filter__constructor=1", "constructor"],
    ["filter__status__in=1,x", "filter__status__in"],
    ["filter__status__in=", "filter__status__in"],
    ["filter__created__gt=yesterday", "filter__created__gt"],
  ] as const)("rejects %s naming %s", ([query, named], { expect }) => {
    expect(() => ids(query)).toThrow(BadRequestError);
    expect(() => ids(query)).toThrow(named);
  });
});

describe("order_by", () => {
  it("sorts ascending, descending and by several keys, ties by id descending", ({ expect }) => {
    expect(ids("")).toEqual([1, 2, 3, 4]);
    expect(ids("order_by=-created")).toEqual([4, 3, 2, 1]);
    expect(ids("order_by=score")).toEqual([4, 2, 1, 3]);
    expect(ids("order_by=-score,created")).toEqual([3, 1, 2, 4]);
  });

  it("rejects unknown fields, naming them", ({ expect }) => {
    expect(() => ids("order_by=-popularity")).toThrow("popularity");
    expect(() => ids("order_by=id,__proto__")).toThrow(BadRequestError);
  });
});
