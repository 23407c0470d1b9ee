/**
 * Deterministic demo data for the emulator: forums, topic types, statuses, categories, tags,
 * users, topics and comments of an imaginary "Acme" project.
 *
 * Everything derives from {@link SEED_NUMBER} and {@link REFERENCE_NOW}; the clock is never read,
 * so two builds are deep-equal on every runtime. Comments are generated per topic on first use,
 * from a PRNG of their own, so the order of access never changes them.
 */
import { escapeHtml, slugify } from "../text.ts";
import { TopicLinks, imageParagraph } from "./attachments.ts";
import {
  BODY_SENTENCES,
  COMMENT_SENTENCES,
  EMAIL_DOMAINS,
  HEADER_TEMPLATES,
  HOSTILE_HTML,
  HOSTILE_USER_NAMES,
  NAME_POOLS,
  SLOTS,
  SPECIAL_TOPICS,
  STAFF,
} from "./corpus.ts";
import { Random } from "./random.ts";

/** PRNG seed of the one and only data set. */
export const SEED_NUMBER = 20261101;
/** The seed's "now": every timestamp lies before it. */
export const REFERENCE_NOW = Date.parse("2026-11-01T00:00:00.000Z");
/** The user the agent token belongs to (an `is_staff` user). */
export const AGENT_USER_ID = 1;

const USER_COUNT = 540;
const FIRST_TOPIC_ID = 1001;
const FIRST_COMMENT_ID = 50001;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Forum kinds as returned in `forum.type` (only 1 = PUBLIC is attested; the rest (inferred)). */
export const FORUM_KINDS = {
  public: { id: 1, name: "PUBLIC" },
  private: { id: 2, name: "PRIVATE" },
  knowledgeBasePublic: { id: 3, name: "KNOWLEDGEBASE PUBLIC" },
  knowledgeBasePrivate: { id: 4, name: "KNOWLEDGEBASE PRIVATE" },
  helpdesk: { id: 5, name: "HELPDESK" },
} as const;

export type ForumKind = (typeof FORUM_KINDS)[keyof typeof FORUM_KINDS];

/** Status id 1 is the "no status yet" state: empty name, grey. */
export const NO_STATUS_ID = 1;

export interface SeedForum {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly kind: ForumKind;
  readonly isDefault: boolean;
  readonly allowAnonymousTopic: boolean;
  readonly created: number;
}

export interface SeedStatus {
  readonly id: number;
  readonly name: string;
  readonly color: string;
  /** When the status definition last changed; topics carry their own status date. */
  readonly updated: number;
}

export interface SeedType {
  readonly id: number;
  readonly forumId: number;
  readonly name: string;
  readonly statusIds: readonly number[];
}

export interface SeedCategory {
  readonly id: number;
  readonly forumId: number;
  readonly name: string;
}

export interface SeedTag {
  readonly id: number;
  readonly forumId: number;
  readonly name: string;
}

export interface SeedUser {
  readonly id: number;
  readonly name: string;
  readonly title: string;
  readonly email: string;
  readonly avatarUrl: string;
  readonly rating: number;
  readonly updatesCount: number;
  readonly slug: string;
  readonly language: string;
  readonly isStaff: boolean;
  readonly lastActivity: number;
  readonly dateJoined: number;
  /** The `guid` this user arrived with through SSO, if any (not part of the user object). */
  readonly ssoGuid: string | null;
  /** The user groups the user is in (not part of the user object; no source shows one there). */
  readonly groupIds: readonly number[];
}

/**
 * A user group (docs/USERECHO.md §8): how many votes each member gives a topic, and how many
 * they may give over all topics (`null`: no limit).
 */
export interface SeedGroup {
  readonly id: number;
  readonly name: string;
  /** 1–5: a member's vote on a topic counts this many. */
  readonly voteWeight: number;
  /** Votes a member may give over all topics; `null` for no limit. */
  readonly voteCount: number | null;
}

/** A vote a seeded user has already cast; seeded totals include it. */
export interface SeedVote {
  readonly topicId: number;
  readonly userId: number;
  /** Signed: the user's weight times 1 or -1, as `vote.current_user` shows it. */
  readonly value: number;
}

export interface SeedTopic {
  readonly id: number;
  readonly forumId: number;
  readonly typeId: number;
  readonly statusId: number;
  /** When the topic got its current status. */
  readonly statusUpdated: number;
  readonly categoryId: number | null;
  readonly tagIds: readonly number[];
  readonly authorId: number;
  readonly header: string;
  /** HTML. */
  readonly description: string;
  readonly created: number;
  readonly updated: number;
  readonly votePositive: number;
  readonly voteNegative: number;
  readonly commentCount: number;
  /** Name of the {@link HOSTILE_HTML} payload embedded in `description`, if any. */
  readonly hostile: string | null;
}

export interface SeedComment {
  readonly id: number;
  readonly topicId: number;
  readonly authorId: number;
  /** HTML. */
  readonly text: string;
  readonly isOfficial: boolean;
  readonly created: number;
  /** Name of the {@link HOSTILE_HTML} payload embedded in `text`, if any. */
  readonly hostile: string | null;
}

export interface Seed {
  readonly forums: readonly SeedForum[];
  readonly statuses: readonly SeedStatus[];
  readonly types: readonly SeedType[];
  readonly categories: readonly SeedCategory[];
  readonly tags: readonly SeedTag[];
  readonly users: readonly SeedUser[];
  readonly groups: readonly SeedGroup[];
  /** Votes with a known voter; all other seeded votes are bare totals. */
  readonly votes: readonly SeedVote[];
  /** Ascending by id, which is also ascending by `created`. */
  readonly topics: readonly SeedTopic[];
  /** A topic's comments, oldest first ([] for an unknown topic). Built on first call, then cached. */
  commentsOf(topicId: number): readonly SeedComment[];
}

/** Every comment of the seed, topic by topic (builds them all: for tests and tools). */
export function allComments(seed: Seed): SeedComment[] {
  return seed.topics.flatMap((topic) => seed.commentsOf(topic.id));
}

// ---------------------------------------------------------------------------------------------
// Static structure: forums, types, statuses, categories, tags.

const STATUS_DEFINED = Date.parse("2019-01-15T09:30:00.000Z");

const STATUSES: readonly SeedStatus[] = [
  { id: NO_STATUS_ID, name: "", color: "999999", updated: STATUS_DEFINED },
  // Ids 17–20 mirror a real project seen in third-party code (1 = New, 17 = Under review, …).
  { id: 17, name: "Under review", color: "e8a317", updated: STATUS_DEFINED },
  { id: 18, name: "Planned", color: "3d8fd1", updated: STATUS_DEFINED },
  { id: 19, name: "Started", color: "8e44ad", updated: STATUS_DEFINED },
  { id: 20, name: "Completed", color: "27ae60", updated: STATUS_DEFINED },
  { id: 21, name: "Declined", color: "c0392b", updated: STATUS_DEFINED },
  { id: 22, name: "Fixed", color: "16a085", updated: STATUS_DEFINED },
  { id: 23, name: "Answered", color: "2e86c1", updated: STATUS_DEFINED },
];

/** Ids by name, so the plans below read as text. */
type IdNames = Readonly<Record<number, string>>;

const IDEA_STATUSES = { 1: 40, 17: 15, 18: 12, 19: 8, 20: 15, 21: 10 };
const PROBLEM_STATUSES = { 1: 35, 17: 20, 19: 10, 21: 5, 22: 30 };

/** Per type name: the statuses it allows (status id → weight used when assigning topics). */
const TYPE_STATUSES: Readonly<Record<string, Readonly<Record<number, number>>>> = {
  Ideas: IDEA_STATUSES,
  "App ideas": IDEA_STATUSES,
  Problems: PROBLEM_STATUSES,
  Crashes: PROBLEM_STATUSES,
  Questions: { 1: 40, 23: 60 },
};

/** Per type name: how often topics of that type occur, relative to the forum's other types. */
const TYPE_WEIGHTS: Readonly<Record<string, number>> = {
  Ideas: 55,
  "App ideas": 50,
  Problems: 30,
  Crashes: 35,
  Questions: 15,
  Praise: 5,
  Articles: 70,
  Announcements: 1,
};

interface ForumPlan {
  readonly forum: SeedForum;
  readonly types: IdNames;
  readonly categories: IdNames;
  readonly tags: IdNames;
  readonly topicCount: number;
}

const FORUM_PLANS: readonly ForumPlan[] = [
  {
    forum: {
      id: 1,
      name: "Product feedback",
      description: "Suggest features, report problems and ask questions about the Acme web app.",
      kind: FORUM_KINDS.public,
      isDefault: true,
      allowAnonymousTopic: false,
      created: Date.parse("2019-02-01T10:00:00.000Z"),
    },
    types: { 1: "Ideas", 2: "Problems", 3: "Questions", 4: "Praise" },
    categories: { 1: "General", 2: "Integrations", 3: "Billing", 4: "Reporting", 5: "Widget" },
    tags: {
      1: "ui",
      2: "performance",
      3: "export",
      4: "api",
      5: "sso",
      6: "email",
      7: "accessibility",
      8: "dark-mode",
      9: "security",
      10: "localization",
    },
    topicCount: 180,
  },
  {
    forum: {
      id: 2,
      name: "Mobile apps",
      description: "Feedback about the Acme apps for iOS and Android.",
      kind: FORUM_KINDS.public,
      isDefault: false,
      allowAnonymousTopic: true,
      created: Date.parse("2019-06-12T08:15:00.000Z"),
    },
    types: { 5: "App ideas", 6: "Crashes", 7: "Questions" },
    categories: { 6: "iOS", 7: "Android", 8: "Notifications" },
    tags: { 11: "ios", 12: "android", 13: "offline", 14: "push", 15: "crash" },
    topicCount: 80,
  },
  {
    forum: {
      id: 3,
      name: "Beta programme",
      description: "Private forum for beta testers. Please keep what you see here confidential.",
      kind: FORUM_KINDS.private,
      isDefault: false,
      allowAnonymousTopic: false,
      created: Date.parse("2020-03-03T14:45:00.000Z"),
    },
    types: { 8: "Ideas", 9: "Problems" },
    categories: { 9: "Early access", 10: "Feedback API" },
    tags: { 16: "beta", 17: "ai", 18: "dashboard" },
    topicCount: 40,
  },
  {
    forum: {
      id: 4,
      name: "Help centre",
      description: "Guides and answers to common questions.",
      kind: FORUM_KINDS.knowledgeBasePublic,
      isDefault: false,
      allowAnonymousTopic: false,
      created: Date.parse("2019-02-01T10:05:00.000Z"),
    },
    types: { 10: "Articles", 11: "Questions" },
    categories: { 11: "Getting started", 12: "Account", 13: "Troubleshooting" },
    tags: { 19: "howto", 20: "faq", 21: "admin" },
    topicCount: 30,
  },
  {
    // Deliberately empty: lists of an empty forum are an edge case worth testing.
    forum: {
      id: 5,
      name: "Announcements",
      description: "Product news from the Acme team.",
      kind: FORUM_KINDS.public,
      isDefault: false,
      allowAnonymousTopic: false,
      created: Date.parse("2021-01-10T12:00:00.000Z"),
    },
    types: { 12: "Announcements" },
    categories: {},
    tags: {},
    topicCount: 0,
  },
];

/**
 * Forums added after the first data set. Their topics come after its topics, in id and in time
 * (buildLateTopics), so every topic, comment and id of the first data set stays as it was.
 */
const LATE_FORUM_PLANS: readonly ForumPlan[] = [
  {
    // A private knowledge base: articles only staff (and users granted the forum) may read.
    forum: {
      id: 6,
      name: "Staff handbook",
      description: "Internal how-tos for the Acme support team.",
      kind: FORUM_KINDS.knowledgeBasePrivate,
      isDefault: false,
      allowAnonymousTopic: false,
      created: Date.parse("2020-05-04T09:00:00.000Z"),
    },
    types: { 13: "Articles" },
    categories: { 14: "Runbooks", 15: "Policies" },
    tags: { 22: "internal", 23: "on-call" },
    topicCount: 8,
  },
];

// ---------------------------------------------------------------------------------------------
// User groups and their votes (docs/USERECHO.md §8).

/**
 * The project's user groups. Ids are any integers (inferred); these stay clear of the small ids
 * other suites put in `groups` claims.
 */
export const USER_GROUPS: readonly SeedGroup[] = [
  { id: 11, name: "Key accounts", voteWeight: 3, voteCount: null },
  { id: 12, name: "Partners", voteWeight: 5, voteCount: 10 },
  { id: 13, name: "Trial", voteWeight: 1, voteCount: 1 },
];

/**
 * Seeded SSO users in groups, for tests that sign in as them (`guid`): each gives votes as
 * its group says, and some have voted already (their vote is part of the seeded totals).
 */
export const GROUP_MEMBERS = {
  /** 3 votes per topic, no limit; has given 3 to `votedTopicId`. */
  keyAccount: { userId: 42, guid: ssoGuidFor(42), groupId: 11, voted: true },
  /** 5 votes per topic, 10 in all; has voted nowhere. */
  partner: { userId: 51, guid: ssoGuidFor(51), groupId: 12, voted: false },
  /** 1 vote in all, given already: any other vote is refused until it is taken back. */
  spent: { userId: 45, guid: ssoGuidFor(45), groupId: 13, voted: true },
  /** 1 vote in all, not given yet. */
  trial: { userId: 48, guid: ssoGuidFor(48), groupId: 13, voted: false },
} as const;

const MEMBERS = Object.values(GROUP_MEMBERS);

/**
 * The votes of {@link GROUP_MEMBERS} who have voted: each on the oldest topic of forum 1 that
 * they could have seen and whose seeded total already holds that many votes.
 */
function seededVotes(users: readonly SeedUser[], topics: readonly SeedTopic[]): SeedVote[] {
  return MEMBERS.filter((member) => member.voted).map((member) => {
    const weight = USER_GROUPS.find((group) => group.id === member.groupId)?.voteWeight ?? 1;
    const joined = users.find((user) => user.id === member.userId)?.dateJoined ?? 0;
    const topic = topics.find(
      (t) => t.forumId === 1 && t.created >= joined && t.votePositive >= weight,
    );
    if (topic === undefined) throw new Error(`seed: no topic for user ${member.userId}'s vote`);
    return { topicId: topic.id, userId: member.userId, value: weight };
  });
}

/** `{ 3: "x" }` → `[[3, "x"]]`, ascending by id (integer keys always iterate that way). */
function idEntries<T>(record: Readonly<Record<number, T>>): [number, T][] {
  return Object.entries(record).map(([id, value]) => [Number(id), value]);
}

/** A type's statuses with their weights; types without a workflow only know "no status". */
function statusWeights(typeName: string): [number, number][] {
  const weights = TYPE_STATUSES[typeName];
  return weights === undefined ? [[NO_STATUS_ID, 1]] : idEntries(weights);
}

// ---------------------------------------------------------------------------------------------
// Builders.

/** Builds the whole data set. Pure: same output on every call. */
export function buildSeed(): Seed {
  const random = new Random(SEED_NUMBER);
  const users = buildUsers(random);
  const first = buildTopics(random, users);
  const late = buildLateTopics(users, first);
  const topics = [...first.topics, ...late.topics];
  const commentsOf = lazyComments(users, new Map([...first.commentPlans, ...late.commentPlans]));
  const plans = [...FORUM_PLANS, ...LATE_FORUM_PLANS];
  return {
    forums: plans.map((plan) => plan.forum),
    statuses: STATUSES,
    types: plans.flatMap((plan) =>
      idEntries(plan.types).map(([id, name]) => ({
        id,
        forumId: plan.forum.id,
        name,
        statusIds: statusWeights(name).map(([statusId]) => statusId),
      })),
    ),
    categories: plans.flatMap((plan) =>
      idEntries(plan.categories).map(([id, name]) => ({ id, forumId: plan.forum.id, name })),
    ),
    tags: plans.flatMap((plan) =>
      idEntries(plan.tags).map(([id, name]) => ({ id, forumId: plan.forum.id, name })),
    ),
    users,
    groups: USER_GROUPS,
    votes: seededVotes(users, topics),
    topics,
    commentsOf,
  };
}

let cachedSeed: Seed | undefined;

/** The shared data set, built on first use. Treat it as read-only. */
export function getSeed(): Seed {
  cachedSeed ??= buildSeed();
  return cachedSeed;
}

const WEIGHTED_NAME_POOLS = NAME_POOLS.map((pool) => [pool, pool.weight] as const);
/** How many tags a topic gets: 0–3, mostly one. */
const TAG_COUNT_WEIGHTS = [
  [0, 30],
  [1, 40],
  [2, 20],
  [3, 10],
] as const;

function buildUsers(random: Random): SeedUser[] {
  const firstJoin = Date.parse("2019-01-15T00:00:00.000Z");
  const joinTimes = Array.from({ length: USER_COUNT - STAFF.length }, () =>
    random.int(firstJoin, REFERENCE_NOW - 2 * DAY),
  ).sort((a, b) => a - b);
  const takenSlugs = new Set<string>();
  const users: SeedUser[] = [];

  for (let id = 1; id <= USER_COUNT; id++) {
    const staff = STAFF[id - 1];
    const pool = staff ? NAME_POOLS[0] : random.weighted(WEIGHTED_NAME_POOLS);
    if (pool === undefined) throw new Error("seed: no name pools");
    const name =
      HOSTILE_USER_NAMES.get(id) ??
      staff?.name ??
      `${random.pick(pool.first)} ${random.pick(pool.last)}`;
    const dateJoined = staff
      ? Date.parse("2019-01-02T09:00:00.000Z") + (id - 1) * DAY
      : (joinTimes[id - STAFF.length - 1] ?? firstJoin);
    const baseSlug = slugify(name) || "user";
    const emailLocal = baseSlug.slice(0, 40).replace(/-/g, ".");
    const slug = takenSlugs.has(baseSlug) ? `${baseSlug}-${id}` : baseSlug;
    takenSlugs.add(slug);

    users.push({
      id,
      name,
      title: staff?.title ?? "",
      email: staff
        ? `${emailLocal}@acme.example.com`
        : `${emailLocal}.${id}@${random.pick(EMAIL_DOMAINS)}`,
      // New users without a Gravatar get "" like the get_or_create sample.
      avatarUrl: random.chance(0.05) ? "" : gravatarUrl(random.hex32()),
      rating: staff ? random.int(50, 400) : userRating(random),
      updatesCount: random.chance(0.5) ? 0 : random.int(1, 12),
      slug,
      language: staff ? "en" : pool.language,
      isStaff: staff !== undefined,
      lastActivity: random.int(dateJoined, REFERENCE_NOW - HOUR),
      dateJoined,
      // Every third customer came in through the site's SSO (guid format (inferred)).
      ssoGuid: !staff && id % 3 === 0 ? ssoGuidFor(id) : null,
      groupIds: MEMBERS.filter((member) => member.userId === id).map((member) => member.groupId),
    });
  }
  return users;
}

/** The SSO guid seeded for user `id` (users whose id is a multiple of 3, except staff). */
export function ssoGuidFor(id: number): string {
  return `acme-u${String(id).padStart(6, "0")}`;
}

function gravatarUrl(hash: string): string {
  return `https://secure.gravatar.com/avatar/${hash}?default=https%3A%2F%2Fcdn.userecho.com%2Fimages%2Fno_avatar_48.jpg&s=48`;
}

/** A third of users never earn points; the rest follow a long-tailed (Pareto) distribution. */
function userRating(random: Random): number {
  if (random.chance(0.35)) return 0;
  return Math.min(5000, Math.floor(Math.pow(1 - random.float(), -1 / 0.8)));
}

/** What topics of one forum pick from: types with their weights, categories and tags. */
interface ForumChoices {
  readonly forumId: number;
  readonly typeChoices: readonly (readonly [readonly [number, string], number])[];
  readonly categoryIds: readonly number[];
  readonly tagIds: readonly number[];
  readonly topicCount: number;
}

function choicesOf(plan: ForumPlan): ForumChoices {
  return {
    forumId: plan.forum.id,
    typeChoices: idEntries(plan.types).map((type) => [type, TYPE_WEIGHTS[type[1]] ?? 1] as const),
    categoryIds: idEntries(plan.categories).map(([id]) => id),
    tagIds: idEntries(plan.tags).map(([id]) => id),
    topicCount: plan.topicCount,
  };
}

interface BuiltTopics {
  readonly topics: SeedTopic[];
  readonly commentPlans: Map<number, CommentPlan>;
  /** The id the next topic's first comment takes. */
  readonly nextCommentId: number;
}

function buildTopics(random: Random, users: readonly SeedUser[]): BuiltTopics {
  const staffIds = users.filter((user) => user.isStaff).map((user) => user.id);
  const choices = FORUM_PLANS.map(choicesOf);
  const forumSlots = shuffle(
    random,
    choices.flatMap((plan) => Array.from({ length: plan.topicCount }, () => plan)),
  );
  const firstTopic = Date.parse("2019-03-01T00:00:00.000Z");
  const createdTimes = forumSlots
    .map(() => random.int(firstTopic, REFERENCE_NOW - 6 * HOUR))
    .sort((a, b) => a - b);

  const topics: SeedTopic[] = [];
  const commentPlans = new Map<number, CommentPlan>();
  const links = new TopicLinks();
  let nextCommentId = FIRST_COMMENT_ID;
  let specialIndex = 0;

  forumSlots.forEach((plan, index) => {
    // Fixed positions for hostile and non-ASCII topics, so tests can rely on them.
    const hostile =
      index % 10 === 3 ? HOSTILE_HTML[((index - 3) / 10) % HOSTILE_HTML.length] : undefined;
    const special =
      index % 41 === 7 ? SPECIAL_TOPICS[specialIndex++ % SPECIAL_TOPICS.length] : undefined;
    const drawn = drawTopic(random, users, staffIds, plan, {
      id: FIRST_TOPIC_ID + index,
      created: createdTimes[index] ?? firstTopic,
      firstCommentId: nextCommentId,
      ...(hostile === undefined ? {} : { hostile }),
      ...(special === undefined ? {} : { special }),
    });
    // Fixed positions too (one is the help centre's newest article), and no draw of their own,
    // so every other byte of the seed stays put.
    const topic = links.decorate(drawn.topic, {
      image: index % 20 === 11 || index % 45 === 0,
      link: index % 20 === 16,
    });
    commentPlans.set(topic.id, drawn.commentPlan);
    nextCommentId += drawn.commentPlan.count;
    topics.push(topic);
  });
  return { topics, commentPlans, nextCommentId };
}

/**
 * Topics of {@link LATE_FORUM_PLANS}, from a PRNG of their own: ids and times after every topic
 * of the first data set (ids keep growing with `created`), which they leave untouched.
 */
function buildLateTopics(users: readonly SeedUser[], before: BuiltTopics): BuiltTopics {
  const random = new Random((SEED_NUMBER ^ 0x6b6e6f77) >>> 0);
  const staffIds = users.filter((user) => user.isStaff).map((user) => user.id);
  const last = before.topics[before.topics.length - 1];
  const after = (last?.created ?? REFERENCE_NOW - 30 * DAY) + HOUR;
  const slots = LATE_FORUM_PLANS.map(choicesOf).flatMap((plan) =>
    Array.from({ length: plan.topicCount }, () => plan),
  );
  const createdTimes = slots
    .map(() => random.int(after, REFERENCE_NOW - 6 * HOUR))
    .sort((a, b) => a - b);
  const topics: SeedTopic[] = [];
  const commentPlans = new Map<number, CommentPlan>();
  const links = new TopicLinks();
  let nextCommentId = before.nextCommentId;
  slots.forEach((plan, index) => {
    const drawn = drawTopic(random, users, staffIds, plan, {
      id: (last?.id ?? FIRST_TOPIC_ID - 1) + 1 + index,
      created: createdTimes[index] ?? after,
      firstCommentId: nextCommentId,
    });
    const topic = links.decorate(drawn.topic, { image: index === 0, link: index === 2 });
    commentPlans.set(topic.id, drawn.commentPlan);
    nextCommentId += drawn.commentPlan.count;
    topics.push(topic);
  });
  return { topics, commentPlans, nextCommentId };
}

/** One topic and the plan of its comments, drawn in a fixed order (the seed depends on it). */
function drawTopic(
  random: Random,
  users: readonly SeedUser[],
  staffIds: readonly number[],
  plan: ForumChoices,
  fixed: {
    readonly id: number;
    readonly created: number;
    readonly firstCommentId: number;
    readonly hostile?: { readonly name: string; readonly html: string };
    readonly special?: { readonly header: string; readonly body: string };
  },
): { topic: SeedTopic; commentPlan: CommentPlan } {
  const { id, created, hostile, special } = fixed;
  const [typeId, typeName] = random.weighted(plan.typeChoices);
  const statusId = random.weighted(statusWeights(typeName));
  const statusUpdated =
    statusId === NO_STATUS_ID ? created : random.int(created, REFERENCE_NOW - HOUR);
  const authorId =
    typeName === "Articles" || random.chance(0.06)
      ? random.pick(staffIds)
      : customerJoinedBefore(random, users, created);

  const header =
    special?.header ??
    fillTemplate(random, random.pick(HEADER_TEMPLATES[typeName] ?? ["Feedback"]));
  const description = describe(random, typeName, special?.body, hostile?.html);
  const votePositive = votes(random, typeName);
  const commentCount = typeName === "Articles" ? random.int(0, 3) : commentTotal(random);
  // Only the last comment's time is drawn here: `updated` depends on it, the rest can wait.
  const lastCommentAt =
    commentCount === 0
      ? created
      : random.int(created + MINUTE * commentCount, lastCommentLimit(created));

  const commentPlan: CommentPlan = {
    topicId: id,
    created,
    lastCommentAt,
    count: commentCount,
    answered: statusId !== NO_STATUS_ID,
    firstCommentId: fixed.firstCommentId,
  };
  const topic: SeedTopic = {
    id,
    forumId: plan.forumId,
    typeId,
    statusId,
    statusUpdated,
    categoryId:
      plan.categoryIds.length > 0 && random.chance(0.85) ? random.pick(plan.categoryIds) : null,
    tagIds: random.sample(plan.tagIds, random.weighted(TAG_COUNT_WEIGHTS)),
    authorId,
    header,
    description,
    created,
    updated: Math.max(created, statusUpdated, lastCommentAt),
    votePositive,
    voteNegative: votePositive === 0 ? 0 : random.int(0, Math.floor(votePositive / 8)),
    commentCount,
    hostile: hostile?.name ?? null,
  };
  return { topic, commentPlan };
}

/** Discussions fade out: comments come within 400 days of the topic, and before "now". */
function lastCommentLimit(created: number): number {
  return Math.min(REFERENCE_NOW - HOUR, created + 400 * DAY);
}

/** What the eager pass fixes about a topic's comments; the rest is drawn on first use. */
interface CommentPlan {
  readonly topicId: number;
  readonly created: number;
  /** `created` of the newest comment. */
  readonly lastCommentAt: number;
  readonly count: number;
  /** The topic has a status, so staff may have posted the official answer. */
  readonly answered: boolean;
  readonly firstCommentId: number;
}

function lazyComments(
  users: readonly SeedUser[],
  plans: ReadonlyMap<number, CommentPlan>,
): (topicId: number) => readonly SeedComment[] {
  const staffIds = users.filter((user) => user.isStaff).map((user) => user.id);
  const cache = new Map<number, readonly SeedComment[]>();
  return function commentsOf(topicId) {
    let comments = cache.get(topicId);
    if (comments === undefined) {
      const plan = plans.get(topicId);
      comments = plan === undefined ? [] : buildComments(users, staffIds, plan);
      cache.set(topicId, comments);
    }
    return comments;
  };
}

function buildComments(
  users: readonly SeedUser[],
  staffIds: readonly number[],
  plan: CommentPlan,
): SeedComment[] {
  // A PRNG per topic: the comments do not depend on which topic was asked for first.
  const random = new Random((SEED_NUMBER ^ Math.imul(plan.topicId, 0x9e3779b1)) >>> 0);
  const earlier = Array.from({ length: Math.max(0, plan.count - 1) }, () =>
    random.int(plan.created + MINUTE, plan.lastCommentAt - MINUTE),
  ).sort((a, b) => a - b);
  const times = plan.count === 0 ? [] : [...earlier, plan.lastCommentAt];
  const officialIndex =
    plan.answered && plan.count > 0 && random.chance(0.6) ? random.int(0, plan.count - 1) : -1;

  return times.map((created, index) => {
    const id = plan.firstCommentId + index;
    const isOfficial = index === officialIndex;
    const byStaff = isOfficial || random.chance(0.08);
    const pool = byStaff
      ? COMMENT_SENTENCES.staff
      : random.chance(0.08)
        ? COMMENT_SENTENCES.international
        : COMMENT_SENTENCES.user;
    const hostile =
      id % 53 === 11 ? HOSTILE_HTML[Math.floor(id / 53) % HOSTILE_HTML.length] : undefined;
    const sentences = random.sample(pool, random.int(1, 2)).map(escapeHtml).join(" ");
    // A pasted screenshot at fixed ids, drawn from nothing, so no other comment changes.
    const image = id % 50 === 17 ? imageParagraph(id) : "";
    return {
      id,
      topicId: plan.topicId,
      authorId: byStaff ? random.pick(staffIds) : customerJoinedBefore(random, users, created),
      text: `<p>${sentences}</p>${image}${hostile ? hostile.html : ""}`,
      isOfficial,
      created,
      hostile: hostile?.name ?? null,
    };
  });
}

/** A non-staff user who had joined by `time` (users are sorted by join date). */
function customerJoinedBefore(random: Random, users: readonly SeedUser[], time: number): number {
  let low = STAFF.length;
  let high = users.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((users[middle]?.dateJoined ?? Infinity) <= time) low = middle + 1;
    else high = middle;
  }
  // users[STAFF.length .. low) joined in time; fall back to a staff member if nobody had.
  if (low === STAFF.length) return random.int(1, STAFF.length);
  return random.int(STAFF.length + 1, low);
}

function fillTemplate(random: Random, template: string): string {
  const filled = template.replace(/\{(\w+)\}/g, (_, slot: string) =>
    random.pick(SLOTS[slot] ?? [slot]),
  );
  return filled.charAt(0).toUpperCase() + filled.slice(1);
}

function describe(
  random: Random,
  typeName: string,
  specialBody?: string,
  hostileHtml?: string,
): string {
  const pool = [...(BODY_SENTENCES[typeName] ?? []), ...(BODY_SENTENCES["*"] ?? [])];
  const paragraphs: string[] = [];
  if (specialBody !== undefined) paragraphs.push(`<p>${specialBody}</p>`);
  // Draw all sentences at once so no sentence repeats inside one description.
  const sentences = random
    .sample(pool, random.int(1, 6))
    .map((s) => escapeHtml(fillTemplate(random, s)));
  for (let start = 0; start < sentences.length; start += 3) {
    paragraphs.push(`<p>${sentences.slice(start, start + 3).join(" ")}</p>`);
  }
  if (random.chance(0.2)) {
    const items = random
      .sample(SLOTS["feature"] ?? [], 3)
      .map((item) => `<li>${escapeHtml(item)}</li>`);
    paragraphs.splice(1, 0, `<ul>${items.join("")}</ul>`);
  }
  if (random.chance(0.15)) {
    paragraphs.push(
      `<p>See the <a href="https://docs.example.com/acme/${random.int(100, 999)}" rel="nofollow">documentation</a> for <strong>details</strong>.</p>`,
    );
  }
  if (hostileHtml !== undefined) paragraphs.splice(1, 0, hostileHtml);
  return paragraphs.join("");
}

function votes(random: Random, typeName: string): number {
  const scale = typeName === "Ideas" || typeName === "App ideas" ? 1.6 : 0.6;
  if (random.chance(0.15)) return 0;
  return Math.min(2500, Math.floor(scale * Math.pow(1 - random.float(), -1 / 0.75)));
}

function commentTotal(random: Random): number {
  if (random.chance(0.3)) return 0;
  return Math.min(45, Math.floor(2 * Math.pow(1 - random.float(), -1 / 1.1)));
}

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
