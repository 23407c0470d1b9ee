/**
 * What each list endpoint accepts in `filter__…` and `order_by`. Topic `status__in`, `id__gt`
 * and `order_by=±created` are attested; every other field here is (inferred).
 */
import type { ListSpec } from "./query.ts";
import type {
  SeedCategory,
  SeedComment,
  SeedForum,
  SeedGroup,
  SeedStatus,
  SeedTag,
  SeedTopic,
  SeedType,
  SeedUser,
} from "./seed/index.ts";
import type { Store, Subscription } from "./store.ts";

const byId = <T extends { readonly id: number }>(item: T): number => item.id;
const NONE_ATTESTED = { filters: [], orderings: [] } as const;

export const topicListSpec: ListSpec<SeedTopic> = {
  filters: {
    id: { kind: "integer", get: (t) => t.id },
    status: { kind: "integer", get: (t) => t.statusId },
    type: { kind: "integer", get: (t) => t.typeId },
    category: { kind: "integer", get: (t) => t.categoryId },
    tags: { kind: "integer", get: (t) => t.tagIds },
    author: { kind: "integer", get: (t) => t.authorId },
    created: { kind: "date", get: (t) => t.created },
    updated: { kind: "date", get: (t) => t.updated },
  },
  orderings: {
    id: { kind: "integer", get: (t) => t.id },
    created: { kind: "date", get: (t) => t.created },
    updated: { kind: "date", get: (t) => t.updated },
    comment_count: { kind: "integer", get: (t) => t.commentCount },
    vote__diff: { kind: "integer", get: (t) => t.votePositive - t.voteNegative },
    vote__total: { kind: "integer", get: (t) => t.votePositive + t.voteNegative },
    vote__positive: { kind: "integer", get: (t) => t.votePositive },
    vote__negative: { kind: "integer", get: (t) => t.voteNegative },
  },
  // Newest first (inferred: the real default order is unknown).
  defaultOrder: "-created",
  id: byId,
  // Seen in third-party clients of the real API.
  attested: { filters: ["status__in", "id__gt"], orderings: ["-created", "created"] },
};

/** Search takes the topic list's fields; no source shows it filtered or sorted. */
export const searchListSpec: ListSpec<SeedTopic> = {
  ...topicListSpec,
  attested: { filters: [], orderings: [] },
};

export const commentListSpec: ListSpec<SeedComment> = {
  filters: {
    id: { kind: "integer", get: (c) => c.id },
    author: { kind: "integer", get: (c) => c.authorId },
    is_official: { kind: "boolean", get: (c) => c.isOfficial },
    created: { kind: "date", get: (c) => c.created },
  },
  orderings: {
    id: { kind: "integer", get: (c) => c.id },
    created: { kind: "date", get: (c) => c.created },
  },
  defaultOrder: "created",
  id: byId,
  attested: { filters: [], orderings: ["created", "-created"] },
};

export const userListSpec: ListSpec<SeedUser> = {
  filters: {
    id: { kind: "integer", get: (u) => u.id },
    rating: { kind: "number", get: (u) => u.rating },
    is_staff: { kind: "boolean", get: (u) => u.isStaff },
    date_joined: { kind: "date", get: (u) => u.dateJoined },
    last_activity: { kind: "date", get: (u) => u.lastActivity },
  },
  orderings: {
    id: { kind: "integer", get: (u) => u.id },
    rating: { kind: "number", get: (u) => u.rating },
    updates_count: { kind: "integer", get: (u) => u.updatesCount },
    date_joined: { kind: "date", get: (u) => u.dateJoined },
    last_activity: { kind: "date", get: (u) => u.lastActivity },
  },
  defaultOrder: "id",
  id: byId,
  attested: NONE_ATTESTED,
};

export function forumListSpec(store: Store): ListSpec<SeedForum> {
  return {
    filters: { id: { kind: "integer", get: (f) => f.id } },
    orderings: {
      id: { kind: "integer", get: (f) => f.id },
      created: { kind: "date", get: (f) => f.created },
      topic_count: { kind: "integer", get: (f) => store.forumTotals(f.id).topics },
    },
    defaultOrder: "id",
    id: byId,
    attested: NONE_ATTESTED,
  };
}

export function categoryListSpec(store: Store): ListSpec<SeedCategory> {
  return {
    filters: { id: { kind: "integer", get: (c) => c.id } },
    orderings: {
      id: { kind: "integer", get: (c) => c.id },
      topic_count: { kind: "integer", get: (c) => store.categoryTopicCount(c.id) },
    },
    defaultOrder: "id",
    id: byId,
    attested: NONE_ATTESTED,
  };
}

/** Lists that only page and order by id: types, statuses, tags. */
export function idOnlyListSpec<T extends SeedType | SeedStatus | SeedTag>(): ListSpec<T> {
  return {
    filters: { id: { kind: "integer", get: byId } },
    orderings: { id: { kind: "integer", get: byId } },
    defaultOrder: "id",
    id: byId,
    attested: NONE_ATTESTED,
  };
}

/** User groups: paged and ordered by id only, like the other short lists. */
export const groupListSpec: ListSpec<SeedGroup> = {
  filters: { id: { kind: "integer", get: byId } },
  orderings: { id: { kind: "integer", get: byId } },
  defaultOrder: "id",
  id: byId,
  attested: NONE_ATTESTED,
};

/** A user's subscriptions (inferred throughout): oldest first. */
export const subscriptionListSpec: ListSpec<Subscription> = {
  filters: { object_id: { kind: "integer", get: (s) => s.topicId } },
  orderings: {
    object_id: { kind: "integer", get: (s) => s.topicId },
    created: { kind: "date", get: (s) => s.since },
  },
  defaultOrder: "created",
  id: (s) => s.topicId,
  attested: NONE_ATTESTED,
};
