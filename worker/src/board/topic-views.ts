import type { Topic, TopicFilter, TopicSort } from "@userecho-edge/shared";
import type { ForumIndex } from "./forum-index.ts";

/**
 * Topic lists the worker builds itself from a forum's index (forum-index.ts), for the sorts and
 * filters UserEcho does not honour: the same order and the same selection UserEcho would give,
 * within the index's bound.
 */

/** The value each sort orders by, largest first. A topic that does not say comes last. */
const SORT_VALUE: Readonly<Record<TopicSort, (topic: Topic) => number>> = {
  top: (topic) => topic.votes.score,
  new: (topic) => time(topic.createdAt),
  updated: (topic) => time(topic.updatedAt),
  discussed: (topic) => topic.commentCount,
};

function time(timestamp: string | null): number {
  return timestamp === null ? Number.NEGATIVE_INFINITY : Date.parse(timestamp);
}

/** Whether a topic matches a filter's value; a topic that does not say does not match. */
const MATCHES: Readonly<Record<TopicFilter, (topic: Topic, id: number) => boolean>> = {
  type: (topic, id) => topic.type?.id === id,
  status: (topic, id) => topic.status?.id === id,
  category: (topic, id) => topic.category?.id === id,
  tag: (topic, id) => topic.tags.some((tag) => tag.id === id),
};

/**
 * Whether the index's topics carry what a sort orders by: `updated` is optional on a topic, and
 * an order by a date UserEcho does not send cannot be made up.
 */
export function canComputeSort(index: ForumIndex, sort: TopicSort): boolean {
  switch (sort) {
    case "top":
    case "discussed":
      return true;
    case "new":
      return index.said.created;
    case "updated":
      return index.said.updated;
  }
}

/**
 * Whether a filter can be computed: every topic says what it looks at (a topic that leaves out
 * its category may well have one), and some topic has a value at all (a documented topic shows
 * no category).
 */
export function canCompute(index: ForumIndex, filter: TopicFilter): boolean {
  switch (filter) {
    case "type":
      return index.topics.some((topic) => topic.type !== null);
    case "status":
      return index.topics.some((topic) => topic.status !== null);
    case "category":
      return index.said.category && index.topics.some((topic) => topic.category !== null);
    case "tag":
      return index.said.tags && index.topics.some((topic) => topic.tags.length > 0);
  }
}

export interface ComputedQuery {
  sort: TopicSort;
  filters: Partial<Record<TopicFilter, number>>;
  page: number;
  limit: number;
}

/**
 * A page of the index, filtered and sorted: ties by id, newest first. `total`
 * counts the matches in the index, which is every match when the index is complete.
 */
export function computeTopicPage(
  index: ForumIndex,
  query: ComputedQuery,
): { items: Topic[]; total: number; positions: number[] } {
  const filters = Object.entries(query.filters) as [TopicFilter, number][];
  const value = SORT_VALUE[query.sort];
  const matching = index.topics
    .map((topic, position) => ({ topic, position, key: value(topic) }))
    .filter(({ topic }) => filters.every(([filter, id]) => MATCHES[filter](topic, id)));
  // Ties go to the newer topic (the larger id), as a database sorting by one key and then by
  // its primary key would: the same page whichever node computes it.
  matching.sort((a, b) => (b.key === a.key ? b.topic.id - a.topic.id : b.key > a.key ? 1 : -1));
  const start = (query.page - 1) * query.limit;
  const page = matching.slice(start, start + query.limit);
  return {
    items: page.map(({ topic }) => topic),
    total: matching.length,
    positions: page.map(({ position }) => position),
  };
}
