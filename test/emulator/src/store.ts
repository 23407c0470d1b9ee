/**
 * Read-only indexes over the seed. The API handlers never scan the seed themselves.
 */
import { htmlToText } from "./text.ts";
import {
  getSeed,
  type Seed,
  type SeedCategory,
  type SeedComment,
  type SeedForum,
  type SeedStatus,
  type SeedTag,
  type SeedTopic,
  type SeedType,
  type SeedUser,
} from "./seed/index.ts";

/** Aggregates shown on a forum object. */
export interface ForumTotals {
  readonly topics: number;
  readonly comments: number;
  /** Votes cast on the forum's topics (positive + negative). */
  readonly votes: number;
}

const NO_TOTALS: ForumTotals = { topics: 0, comments: 0, votes: 0 };

export class Store {
  readonly seed: Seed;
  readonly #forums: ReadonlyMap<number, SeedForum>;
  readonly #statuses: ReadonlyMap<number, SeedStatus>;
  readonly #types: ReadonlyMap<number, SeedType>;
  readonly #categories: ReadonlyMap<number, SeedCategory>;
  readonly #tags: ReadonlyMap<number, SeedTag>;
  readonly #users: ReadonlyMap<number, SeedUser>;
  readonly #usersBySsoGuid: ReadonlyMap<string, SeedUser>;
  readonly #topics: ReadonlyMap<number, SeedTopic>;
  readonly #topicsByForum: ReadonlyMap<number, readonly SeedTopic[]>;
  readonly #forumTotals: ReadonlyMap<number, ForumTotals>;
  readonly #categoryTopicCounts: ReadonlyMap<number, number>;
  // Built on first search only: stripping HTML of every topic is the costliest index.
  #searchText: Map<number, string> | undefined;

  constructor(seed: Seed) {
    this.seed = seed;
    this.#forums = byId(seed.forums);
    this.#statuses = byId(seed.statuses);
    this.#types = byId(seed.types);
    this.#categories = byId(seed.categories);
    this.#tags = byId(seed.tags);
    this.#users = byId(seed.users);
    this.#usersBySsoGuid = new Map(
      seed.users.flatMap((user) => (user.ssoGuid === null ? [] : [[user.ssoGuid, user] as const])),
    );
    this.#topics = byId(seed.topics);
    this.#topicsByForum = groupBy(seed.topics, (topic) => topic.forumId);

    const totals = new Map<number, ForumTotals>();
    const categoryCounts = new Map<number, number>();
    for (const topic of seed.topics) {
      const sum = totals.get(topic.forumId) ?? NO_TOTALS;
      totals.set(topic.forumId, {
        topics: sum.topics + 1,
        comments: sum.comments + topic.commentCount,
        votes: sum.votes + topic.votePositive + topic.voteNegative,
      });
      if (topic.categoryId !== null) {
        categoryCounts.set(topic.categoryId, (categoryCounts.get(topic.categoryId) ?? 0) + 1);
      }
    }
    this.#forumTotals = totals;
    this.#categoryTopicCounts = categoryCounts;
  }

  forums(): readonly SeedForum[] {
    return this.seed.forums;
  }

  forum(id: number): SeedForum | undefined {
    return this.#forums.get(id);
  }

  forumTotals(forumId: number): ForumTotals {
    return this.#forumTotals.get(forumId) ?? NO_TOTALS;
  }

  typesOf(forumId: number): readonly SeedType[] {
    return this.seed.types.filter((type) => type.forumId === forumId);
  }

  type(id: number): SeedType | undefined {
    return this.#types.get(id);
  }

  status(id: number): SeedStatus | undefined {
    return this.#statuses.get(id);
  }

  statusesOf(type: SeedType): readonly SeedStatus[] {
    return type.statusIds.flatMap((id) => this.#statuses.get(id) ?? []);
  }

  categoriesOf(forumId: number): readonly SeedCategory[] {
    return this.seed.categories.filter((category) => category.forumId === forumId);
  }

  category(id: number): SeedCategory | undefined {
    return this.#categories.get(id);
  }

  categoryTopicCount(categoryId: number): number {
    return this.#categoryTopicCounts.get(categoryId) ?? 0;
  }

  tagsOf(forumId: number): readonly SeedTag[] {
    return this.seed.tags.filter((tag) => tag.forumId === forumId);
  }

  tag(id: number): SeedTag | undefined {
    return this.#tags.get(id);
  }

  users(): readonly SeedUser[] {
    return this.seed.users;
  }

  user(id: number): SeedUser | undefined {
    return this.#users.get(id);
  }

  userBySsoGuid(guid: string): SeedUser | undefined {
    return this.#usersBySsoGuid.get(guid);
  }

  topic(id: number): SeedTopic | undefined {
    return this.#topics.get(id);
  }

  topicsOf(forumId: number): readonly SeedTopic[] {
    return this.#topicsByForum.get(forumId) ?? [];
  }

  commentsOf(topicId: number): readonly SeedComment[] {
    return this.seed.commentsOf(topicId);
  }

  /**
   * Whether every whitespace-separated term of `query` occurs, case-insensitively, in the topic's
   * header or in the visible text of its description.
   */
  matchesSearch(topic: SeedTopic, terms: readonly string[]): boolean {
    this.#searchText ??= new Map(
      this.seed.topics.map((t) => [
        t.id,
        `${t.header}\n${htmlToText(t.description)}`.toLowerCase(),
      ]),
    );
    const text = this.#searchText.get(topic.id) ?? "";
    return terms.every((term) => text.includes(term));
  }
}

let defaultStore: Store | undefined;

/** The store over the shared seed, built on first use. */
export function getDefaultStore(): Store {
  defaultStore ??= new Store(getSeed());
  return defaultStore;
}

function byId<T extends { readonly id: number }>(items: readonly T[]): Map<number, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group === undefined) groups.set(key(item), [item]);
    else group.push(item);
  }
  return groups;
}
