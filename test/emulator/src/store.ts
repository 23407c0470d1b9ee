/**
 * The emulator's data: indexes over the seed, plus everything written since (topics, comments,
 * votes, SSO users), in memory for the life of the isolate. {@link Store.reset} puts the seed
 * back. The API handlers never scan the seed themselves.
 */
import { htmlToText, slugify } from "./text.ts";
import {
  REFERENCE_NOW,
  allComments,
  type Seed,
  type SeedCategory,
  type SeedComment,
  type SeedForum,
  type SeedGroup,
  type SeedStatus,
  type SeedTag,
  type SeedTopic,
  type SeedType,
  type SeedUser,
  NO_STATUS_ID,
  getSeed,
} from "./seed/index.ts";

/** Aggregates shown on a forum object. */
export interface ForumTotals {
  readonly topics: number;
  readonly comments: number;
  /** Votes cast on the forum's topics (positive + negative). */
  readonly votes: number;
}

/** A user's vote on a topic: up, down, or none (as in the legacy v1 vote API). */
export type VoteValue = 1 | 0 | -1;

/**
 * A vote the user's groups do not allow: it would take more votes than their budget
 * (`vote_count`) has left.
 */
export class VoteBudgetError extends Error {
  override readonly name = "VoteBudgetError";
}

/** A topic a user follows: UserEcho e-mails them its updates (INFERRED.md, "Subscriptions"). */
export interface Subscription {
  readonly topicId: number;
  /** When the user began to follow it: when they wrote the topic or first commented. */
  readonly since: number;
}

export interface NewTopic {
  readonly forumId: number;
  readonly typeId: number;
  readonly categoryId: number | null;
  readonly tagIds: readonly number[];
  readonly header: string;
  /** HTML. */
  readonly description: string;
  readonly authorId: number;
}

export interface NewComment {
  readonly topicId: number;
  readonly authorId: number;
  /** HTML. */
  readonly text: string;
  readonly isOfficial: boolean;
}

/** The profile an SSO token carries (docs/USERECHO.md §10). */
export interface SsoProfile {
  readonly guid: string;
  readonly displayName: string;
  readonly email?: string;
  readonly avatarUrl?: string;
  readonly forceUpdateAvatar: boolean;
  readonly locale?: string;
  /** Group ids that replace the user's groups; absent: the groups stay as they are. */
  readonly groups?: readonly number[];
}

export interface SsoSignIn {
  readonly user: SeedUser;
  /** A user was created or their profile changed. */
  readonly changed: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Everything writes touch; rebuilt from the seed on reset. */
interface State {
  readonly users: Mutable<SeedUser>[];
  readonly usersById: Map<number, Mutable<SeedUser>>;
  readonly usersByGuid: Map<string, Mutable<SeedUser>>;
  readonly topics: Mutable<SeedTopic>[];
  readonly topicsById: Map<number, Mutable<SeedTopic>>;
  readonly topicsByForum: Map<number, Mutable<SeedTopic>[]>;
  readonly forumTotals: Map<number, Mutable<ForumTotals>>;
  readonly categoryTopicCounts: Map<number, number>;
  readonly addedComments: Map<number, SeedComment[]>;
  /** Comments an admin deleted, seeded or added (hooks/admin.ts). */
  readonly deletedComments: Set<number>;
  /**
   * topic id → user id → the user's signed vote (their weight, up or down); the seed's known
   * voters and votes cast through the API (other seeded votes are bare totals).
   */
  readonly votes: Map<number, Map<number, number>>;
  nextCommentId: number | undefined;
  /** Time of the last write: written records are stamped after it, and after the seed. */
  clock: number;
  // Built on first search only: stripping HTML of every topic is the costliest index.
  searchText: Map<number, string> | undefined;
}

export class Store {
  readonly seed: Seed;
  readonly #forums: ReadonlyMap<number, SeedForum>;
  readonly #statuses: ReadonlyMap<number, SeedStatus>;
  readonly #types: ReadonlyMap<number, SeedType>;
  readonly #categories: ReadonlyMap<number, SeedCategory>;
  readonly #tags: ReadonlyMap<number, SeedTag>;
  readonly #groups: ReadonlyMap<number, SeedGroup>;
  #state: State;

  constructor(seed: Seed) {
    this.seed = seed;
    this.#forums = byId(seed.forums);
    this.#statuses = byId(seed.statuses);
    this.#types = byId(seed.types);
    this.#categories = byId(seed.categories);
    this.#tags = byId(seed.tags);
    this.#groups = byId(seed.groups);
    this.#state = initialState(seed);
  }

  /** Forgets every write: the store serves the seed again. */
  reset(): void {
    this.#state = initialState(this.seed);
  }

  forums(): readonly SeedForum[] {
    return this.seed.forums;
  }

  forum(id: number): SeedForum | undefined {
    return this.#forums.get(id);
  }

  forumTotals(forumId: number): ForumTotals {
    return this.#state.forumTotals.get(forumId) ?? { topics: 0, comments: 0, votes: 0 };
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
    return this.#state.categoryTopicCounts.get(categoryId) ?? 0;
  }

  tagsOf(forumId: number): readonly SeedTag[] {
    return this.seed.tags.filter((tag) => tag.forumId === forumId);
  }

  tag(id: number): SeedTag | undefined {
    return this.#tags.get(id);
  }

  users(): readonly SeedUser[] {
    return this.#state.users;
  }

  user(id: number): SeedUser | undefined {
    return this.#state.usersById.get(id);
  }

  userBySsoGuid(guid: string): SeedUser | undefined {
    return this.#state.usersByGuid.get(guid);
  }

  groups(): readonly SeedGroup[] {
    return this.seed.groups;
  }

  /**
   * How the user's groups let them vote: the largest weight and the largest budget among them
   * (`null`, no limit, when any group has none, or when they are in no group). Which group wins
   * for a user in several is unknown (inferred: the most generous).
   */
  votingRightsOf(userId: number): { weight: number; budget: number | null } {
    const groups = (this.user(userId)?.groupIds ?? []).flatMap((id) => this.#groups.get(id) ?? []);
    if (groups.length === 0) return { weight: 1, budget: null };
    const budgets = groups.map((group) => group.voteCount);
    return {
      weight: Math.max(...groups.map((group) => group.voteWeight)),
      budget: budgets.includes(null) ? null : Math.max(...(budgets as number[])),
    };
  }

  /** Votes the user has given over all topics (each counted with its weight). */
  votesGivenBy(userId: number): number {
    let given = 0;
    for (const voters of this.#state.votes.values()) given += Math.abs(voters.get(userId) ?? 0);
    return given;
  }

  /**
   * The topics a user follows, oldest first: those they wrote, and those they commented on
   * through the API (seeded comments are not looked at: building them all would cost every
   * topic's comments on the first request).
   */
  subscriptionsOf(userId: number): Subscription[] {
    const since = new Map<number, number>();
    for (const topic of this.#state.topics) {
      if (topic.authorId === userId) since.set(topic.id, topic.created);
    }
    for (const [topicId, comments] of this.#state.addedComments) {
      const first = comments.find((comment) => comment.authorId === userId);
      if (first !== undefined && !since.has(topicId)) since.set(topicId, first.created);
    }
    return [...since]
      .map(([topicId, at]) => ({ topicId, since: at }))
      .sort((a, b) => a.since - b.since || a.topicId - b.topicId);
  }

  topic(id: number): SeedTopic | undefined {
    return this.#state.topicsById.get(id);
  }

  /** The topic comes from the seed, not from a write. */
  isSeeded(topicId: number): boolean {
    const last = this.seed.topics[this.seed.topics.length - 1];
    return last !== undefined && topicId <= last.id && this.seed.topics[0]!.id <= topicId;
  }

  topicsOf(forumId: number): readonly SeedTopic[] {
    return this.#state.topicsByForum.get(forumId) ?? [];
  }

  commentsOf(topicId: number): readonly SeedComment[] {
    const seeded = this.seed.commentsOf(topicId);
    const added = this.#state.addedComments.get(topicId);
    const all = added === undefined ? seeded : [...seeded, ...added];
    const deleted = this.#state.deletedComments;
    return deleted.size === 0 ? all : all.filter((comment) => !deleted.has(comment.id));
  }

  /** A comment by id, seeded or added, unless deleted. */
  comment(id: number): SeedComment | undefined {
    if (this.#state.deletedComments.has(id)) return undefined;
    for (const added of this.#state.addedComments.values()) {
      const found = added.find((comment) => comment.id === id);
      if (found) return found;
    }
    return allComments(this.seed).find((comment) => comment.id === id);
  }

  /**
   * `userId`'s vote on a topic, signed and weighted (3 for an up-vote worth three); 0 when they
   * have not voted (or are nobody).
   */
  voteOf(topicId: number, userId: number | null): number {
    if (userId === null) return 0;
    return this.#state.votes.get(topicId)?.get(userId) ?? 0;
  }

  /**
   * Whether every whitespace-separated term of `query` occurs, case-insensitively, in the topic's
   * header or in the visible text of its description.
   */
  matchesSearch(topic: SeedTopic, terms: readonly string[]): boolean {
    const state = this.#state;
    state.searchText ??= new Map(state.topics.map((t) => [t.id, searchTextOf(t)]));
    const text = state.searchText.get(topic.id) ?? "";
    return terms.every((term) => text.includes(term));
  }

  // -------------------------------------------------------------------------------------------
  // Writes.

  /**
   * Finds the user by SSO `guid` or creates one, then updates the profile from the token, as
   * UserEcho does on every SSO sign-in (docs/USERECHO.md §10). The avatar of a user who has one is
   * replaced only with `force_update_avatar`.
   */
  signInWithSso(profile: SsoProfile): SsoSignIn {
    const state = this.#state;
    const existing = state.usersByGuid.get(profile.guid);
    if (existing === undefined) {
      const now = this.#tick();
      const id = (state.users[state.users.length - 1]?.id ?? 0) + 1;
      const baseSlug = slugify(profile.displayName) || "user";
      const user: Mutable<SeedUser> = {
        id,
        name: profile.displayName,
        title: "",
        email: profile.email ?? "",
        avatarUrl: profile.avatarUrl ?? "",
        rating: 0,
        updatesCount: 0,
        slug: state.users.some((u) => u.slug === baseSlug) ? `${baseSlug}-${id}` : baseSlug,
        language: profile.locale ?? "en",
        isStaff: false,
        lastActivity: now,
        dateJoined: now,
        ssoGuid: profile.guid,
        groupIds: this.#knownGroups(profile.groups ?? []),
      };
      state.users.push(user);
      state.usersById.set(id, user);
      state.usersByGuid.set(profile.guid, user);
      return { user, changed: true };
    }
    const before = JSON.stringify(existing);
    existing.name = profile.displayName;
    if (profile.email !== undefined) existing.email = profile.email;
    if (
      profile.avatarUrl !== undefined &&
      (existing.avatarUrl === "" || profile.forceUpdateAvatar)
    ) {
      existing.avatarUrl = profile.avatarUrl;
    }
    if (profile.locale !== undefined) existing.language = profile.locale;
    if (profile.groups !== undefined) existing.groupIds = this.#knownGroups(profile.groups);
    return { user: existing, changed: JSON.stringify(existing) !== before };
  }

  /** Ids of groups that exist, each once; UserEcho's answer to an unknown one is unknown. */
  #knownGroups(ids: readonly number[]): number[] {
    return [...new Set(ids)].filter((id) => this.#groups.has(id));
  }

  /** Adds a topic with no status and no votes; ids continue after the highest one. */
  createTopic(input: NewTopic): SeedTopic {
    const state = this.#state;
    const now = this.#tick();
    const topic: Mutable<SeedTopic> = {
      id: (state.topics[state.topics.length - 1]?.id ?? 0) + 1,
      forumId: input.forumId,
      typeId: input.typeId,
      statusId: NO_STATUS_ID,
      statusUpdated: now,
      categoryId: input.categoryId,
      tagIds: [...input.tagIds],
      authorId: input.authorId,
      header: input.header,
      description: input.description,
      created: now,
      updated: now,
      votePositive: 0,
      voteNegative: 0,
      commentCount: 0,
      hostile: null,
    };
    state.topics.push(topic);
    state.topicsById.set(topic.id, topic);
    pushTo(state.topicsByForum, topic.forumId, topic);
    totalsOf(state, topic.forumId).topics++;
    if (topic.categoryId !== null) {
      const count = state.categoryTopicCounts.get(topic.categoryId) ?? 0;
      state.categoryTopicCounts.set(topic.categoryId, count + 1);
    }
    state.searchText?.set(topic.id, searchTextOf(topic));
    return topic;
  }

  /**
   * Moves a topic to another forum, as an admin does in UserEcho's own interface (there is no
   * API call for it): lists and totals follow, the topic keeps its id, type and votes.
   */
  moveTopic(topicId: number, forumId: number): SeedTopic {
    const state = this.#state;
    const topic = state.topicsById.get(topicId);
    if (topic === undefined) throw new Error(`store: topic ${topicId} does not exist`);
    const from = state.topicsByForum.get(topic.forumId) ?? [];
    from.splice(from.indexOf(topic), 1);
    const fromTotals = totalsOf(state, topic.forumId);
    fromTotals.topics--;
    fromTotals.comments -= topic.commentCount;
    topic.forumId = forumId;
    pushTo(state.topicsByForum, forumId, topic);
    const toTotals = totalsOf(state, forumId);
    toTotals.topics++;
    toTotals.comments += topic.commentCount;
    return topic;
  }

  /** Adds a comment; the topic's `comment_count` and `updated` follow. */
  createComment(input: NewComment): SeedComment {
    const state = this.#state;
    const topic = state.topicsById.get(input.topicId);
    if (topic === undefined) throw new Error(`store: topic ${input.topicId} does not exist`);
    // Comment ids continue after the seed's, which are only known once all are built.
    state.nextCommentId ??= Math.max(0, ...allComments(this.seed).map((c) => c.id)) + 1;
    const now = this.#tick();
    const comment: SeedComment = {
      id: state.nextCommentId++,
      topicId: topic.id,
      authorId: input.authorId,
      text: input.text,
      isOfficial: input.isOfficial,
      created: now,
      hostile: null,
    };
    pushTo(state.addedComments, topic.id, comment);
    topic.commentCount++;
    topic.updated = now;
    totalsOf(state, topic.forumId).comments++;
    return comment;
  }

  /**
   * Removes a topic, as an admin deletes one: it is no longer read or listed, and its forum's
   * totals follow. Its id is not given out again.
   */
  deleteTopic(id: number): SeedTopic | undefined {
    const state = this.#state;
    const topic = state.topicsById.get(id);
    if (topic === undefined) return undefined;
    state.topicsById.delete(id);
    const siblings = state.topicsByForum.get(topic.forumId) ?? [];
    siblings.splice(siblings.indexOf(topic), 1);
    const totals = totalsOf(state, topic.forumId);
    totals.topics--;
    totals.comments -= topic.commentCount;
    totals.votes -= topic.votePositive + topic.voteNegative;
    if (topic.categoryId !== null) {
      const count = state.categoryTopicCounts.get(topic.categoryId) ?? 1;
      state.categoryTopicCounts.set(topic.categoryId, count - 1);
    }
    return topic;
  }

  /** Removes a comment; its topic's `comment_count` follows. */
  deleteComment(id: number): SeedComment | undefined {
    const comment = this.comment(id);
    const topic = comment && this.#state.topicsById.get(comment.topicId);
    if (comment === undefined || topic === undefined) return undefined;
    this.#state.deletedComments.add(id);
    topic.commentCount--;
    totalsOf(this.#state, topic.forumId).comments--;
    return comment;
  }

  /**
   * Sets `userId`'s vote on a topic: one vote per user, worth their groups' weight; a new value
   * replaces the old one, 0 withdraws it; the topic's totals follow.
   *
   * @throws VoteBudgetError when the vote needs more votes than the user's budget has left.
   *   Taking a vote back, or turning it round, is always allowed.
   */
  vote(topicId: number, userId: number, value: VoteValue): SeedTopic {
    const state = this.#state;
    const topic = state.topicsById.get(topicId);
    if (topic === undefined) throw new Error(`store: topic ${topicId} does not exist`);
    const { weight, budget } = this.votingRightsOf(userId);
    const votes = state.votes.get(topicId) ?? new Map<number, number>();
    const previous = votes.get(userId) ?? 0;
    const next = value * weight;
    const extra = Math.abs(next) - Math.abs(previous);
    if (budget !== null && extra > 0 && this.votesGivenBy(userId) + extra > budget) {
      throw new VoteBudgetError(`user ${userId} has no votes left`);
    }
    state.votes.set(topicId, votes);
    if (previous > 0) topic.votePositive -= previous;
    if (previous < 0) topic.voteNegative += previous;
    if (next === 0) votes.delete(userId);
    else votes.set(userId, next);
    if (next > 0) topic.votePositive += next;
    if (next < 0) topic.voteNegative -= next;
    totalsOf(state, topic.forumId).votes += extra;
    return topic;
  }

  /** A strictly increasing write time, never before the seed's "now". */
  #tick(): number {
    this.#state.clock = Math.max(Date.now(), this.#state.clock + 1);
    return this.#state.clock;
  }
}

let defaultStore: Store | undefined;

/** The store over the shared seed, built on first use. */
export function getDefaultStore(): Store {
  defaultStore ??= new Store(getSeed());
  return defaultStore;
}

function initialState(seed: Seed): State {
  const users = seed.users.map((user) => ({ ...user }));
  const votes = new Map<number, Map<number, number>>();
  for (const vote of seed.votes) {
    const voters = votes.get(vote.topicId) ?? new Map<number, number>();
    voters.set(vote.userId, vote.value);
    votes.set(vote.topicId, voters);
  }
  const topics = seed.topics.map((topic) => ({ ...topic }));
  const forumTotals = new Map<number, Mutable<ForumTotals>>();
  const categoryTopicCounts = new Map<number, number>();
  const topicsByForum = new Map<number, Mutable<SeedTopic>[]>();
  for (const topic of topics) {
    pushTo(topicsByForum, topic.forumId, topic);
    const totals = forumTotals.get(topic.forumId) ?? { topics: 0, comments: 0, votes: 0 };
    totals.topics++;
    totals.comments += topic.commentCount;
    totals.votes += topic.votePositive + topic.voteNegative;
    forumTotals.set(topic.forumId, totals);
    if (topic.categoryId !== null) {
      categoryTopicCounts.set(
        topic.categoryId,
        (categoryTopicCounts.get(topic.categoryId) ?? 0) + 1,
      );
    }
  }
  return {
    users,
    usersById: byId(users),
    usersByGuid: new Map(
      users.flatMap((user) => (user.ssoGuid === null ? [] : [[user.ssoGuid, user] as const])),
    ),
    topics,
    topicsById: byId(topics),
    topicsByForum,
    forumTotals,
    categoryTopicCounts,
    addedComments: new Map(),
    deletedComments: new Set(),
    votes,
    nextCommentId: undefined,
    clock: REFERENCE_NOW,
    searchText: undefined,
  };
}

function totalsOf(state: State, forumId: number): Mutable<ForumTotals> {
  let totals = state.forumTotals.get(forumId);
  if (totals === undefined) {
    totals = { topics: 0, comments: 0, votes: 0 };
    state.forumTotals.set(forumId, totals);
  }
  return totals;
}

function searchTextOf(topic: SeedTopic): string {
  return `${topic.header}\n${htmlToText(topic.description)}`.toLowerCase();
}

function byId<T extends { readonly id: number }>(items: readonly T[]): Map<number, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function pushTo<T>(groups: Map<number, T[]>, key: number, item: T): void {
  const group = groups.get(key);
  if (group === undefined) groups.set(key, [item]);
  else group.push(item);
}
