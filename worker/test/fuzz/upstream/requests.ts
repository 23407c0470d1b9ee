/**
 * The `/v1` reads the upstream fuzz suite sends, as values (so fast-check can shrink them) and
 * as the paths a client would request.
 */
import fc from "fast-check";
import type { TopicSort } from "@userecho-edge/shared";
import { getSeed } from "@userecho-edge/emulator";

export interface TopicQuery {
  readonly page: number;
  readonly limit: number;
  readonly sort: TopicSort;
  readonly type?: number | undefined;
  readonly status?: number | undefined;
  readonly category?: number | undefined;
  readonly tag?: number | undefined;
  readonly q?: string | undefined;
}

/** One read of `/v1`, by route (shared/src/routes.ts). */
export type ReadRequest =
  | { readonly route: "forums" }
  | { readonly route: "meta"; readonly forumId: number }
  | { readonly route: "topics"; readonly forumId: number; readonly query: TopicQuery }
  | { readonly route: "my-votes"; readonly forumId: number; readonly query: TopicQuery }
  | { readonly route: "topic"; readonly topicId: number; readonly signedIn: boolean }
  | {
      readonly route: "comments";
      readonly topicId: number;
      readonly page: number;
      readonly limit: number;
    }
  | { readonly route: "users"; readonly page: number; readonly limit: number };

/** The path and query a client sends for `request`. */
export function pathOf(request: ReadRequest): string {
  const query = (params: Record<string, string | number | undefined>) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      if (value !== undefined) search.set(name, String(value));
    }
    return `?${search}`;
  };
  switch (request.route) {
    case "forums":
      return "/v1/forums";
    case "meta":
      return `/v1/forums/${request.forumId}/meta`;
    case "topics":
      return `/v1/forums/${request.forumId}/topics${query({ ...request.query })}`;
    case "my-votes":
      return `/v1/forums/${request.forumId}/my-votes${query({ ...request.query })}`;
    case "topic":
      return `/v1/topics/${request.topicId}`;
    case "comments":
      return `/v1/topics/${request.topicId}/comments${query({ page: request.page, limit: request.limit })}`;
    case "users":
      return `/v1/users/top${query({ page: request.page, limit: request.limit })}`;
  }
}

/** Whether the request is made as a signed-in visitor. */
export function isSignedIn(request: ReadRequest): boolean {
  return request.route === "my-votes" || (request.route === "topic" && request.signedIn);
}

const seed = getSeed();
const TOPIC_IDS = seed.topics.map((topic) => topic.id);
const PRIVATE_TOPIC_IDS = seed.topics
  .filter((topic) => seed.forums.find((f) => f.id === topic.forumId)?.kind.name !== "PUBLIC")
  .map((topic) => topic.id);
/** Words of topic headers, for searches that find something. */
const WORDS = [
  ...new Set(
    seed.topics.flatMap((topic) =>
      topic.header
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter((word) => word.length >= 4),
    ),
  ),
].sort();

/** Forums of the seed: 1, 2 public, 5 public and empty, 3 private, 4 a knowledge base, 6 none. */
export const forumIds = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(1, 2) },
  { weight: 2, arbitrary: fc.constant(5) },
  { weight: 2, arbitrary: fc.constantFrom(3, 4) },
  { weight: 1, arbitrary: fc.constant(6) },
);

/** Seeded topics, those of hidden forums more often than their share, and now and then none. */
export const topicIds = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TOPIC_IDS) },
  { weight: 3, arbitrary: fc.constantFrom(...PRIVATE_TOPIC_IDS) },
  { weight: 1, arbitrary: fc.constantFrom(1000, 1331, 99_999) },
);

/**
 * Page sizes: mostly small (cheap, and several pages), sometimes the default 20, 50 (UserEcho's
 * own page size) or 100, the largest `/v1` takes.
 */
export const limits = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 30 }) },
  { weight: 3, arbitrary: fc.constantFrom(20, 50, 100) },
  { weight: 1, arbitrary: fc.integer({ min: 31, max: 100 }) },
);

const pages = fc.oneof(
  { weight: 4, arbitrary: fc.constant(1) },
  { weight: 3, arbitrary: fc.integer({ min: 2, max: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 5, max: 40 }) },
);

const searchText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.constantFrom("zzqx", "no such thing here") },
);

const oneFilter = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((type) => ({ type })),
  fc.constantFrom(1, 17, 18, 19, 20, 21, 22, 23).map((status) => ({ status })),
  fc.integer({ min: 1, max: 13 }).map((category) => ({ category })),
  fc.integer({ min: 1, max: 21 }).map((tag) => ({ tag })),
);

/**
 * A topic list query: plain, with one or two filters (ids of the seed, of this forum or not), or
 * a search, which takes no filters.
 */
export const topicQueries: fc.Arbitrary<TopicQuery> = fc
  .record({
    page: pages,
    limit: limits,
    sort: fc.constantFrom<TopicSort>("top", "new", "updated", "discussed"),
    refine: fc.oneof(
      { weight: 4, arbitrary: fc.constant({}) },
      { weight: 3, arbitrary: oneFilter },
      { weight: 1, arbitrary: fc.tuple(oneFilter, oneFilter).map(([a, b]) => ({ ...a, ...b })) },
      { weight: 2, arbitrary: searchText.map((q) => ({ q })) },
    ),
  })
  .map(({ refine, ...query }) => ({ ...query, ...refine }));

/** Any read of `/v1`, weighted towards the lists. */
export const readRequests: fc.Arbitrary<ReadRequest> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ route: "forums" } as const) },
  { weight: 2, arbitrary: forumIds.map((forumId) => ({ route: "meta", forumId }) as const) },
  {
    weight: 6,
    arbitrary: fc.record({
      route: fc.constant("topics" as const),
      forumId: forumIds,
      query: topicQueries,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      route: fc.constant("my-votes" as const),
      forumId: forumIds,
      query: topicQueries,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      route: fc.constant("topic" as const),
      topicId: topicIds,
      signedIn: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      route: fc.constant("comments" as const),
      topicId: topicIds,
      page: pages,
      limit: limits,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ route: fc.constant("users" as const), page: pages, limit: limits }),
  },
);

/**
 * A short visit: one to three reads on the same worker, as a board makes them (lists first, then
 * a topic), so caches and what the worker has learnt carry from one read to the next.
 */
export const visits = fc.array(readRequests, { minLength: 1, maxLength: 3 });
