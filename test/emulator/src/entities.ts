/**
 * Turns seed records into the API's JSON objects (field names as in docs/USERECHO.md §4). What a viewer
 * may see (e-mails) is decided here, once.
 */
import { canReadEmails, viewerUserId, type Viewer } from "./auth.ts";
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
import type { Profile } from "./profile.ts";
import type { Store, Subscription } from "./store.ts";
import { isoTimestamp, slugify } from "./text.ts";

export interface ApiIdName {
  readonly id: number;
  readonly name: string;
}

export interface ApiForum {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly type: ApiIdName;
  readonly is_default: boolean;
  readonly allow_anonymous_topic: boolean;
  readonly created: string;
  readonly topic_count: number;
  readonly comment_count: number;
  readonly vote_count: number;
}

export interface ApiStatus {
  readonly id: number;
  readonly name: string;
  readonly color: string;
  readonly updated: string;
}

export interface ApiCategory extends ApiIdName {
  readonly topic_count: number;
}

export interface ApiAuthor {
  readonly id: number;
  readonly name: string;
  readonly title: string;
  readonly avatar_url: string;
  /** Only `extended`: one third-party client reads it, no document shows it. */
  readonly email?: string;
}

export interface ApiVote {
  readonly diff: number;
  readonly positive: number;
  readonly total: number;
  readonly negative: number;
  readonly current_user: number;
}

/**
 * A topic. The documented shape is the topic-create sample (`status`, `type` objects, `tags`,
 * `vote`, `custom_fields`), plus `url` on list and search items where third-party clients read
 * it. The optional fields are the `extended` profile's guesses.
 */
export interface ApiTopic {
  readonly id: number;
  readonly header: string;
  readonly description: string;
  readonly created: string;
  readonly updated: string;
  /** A bare status id in the older format some clients cope with. */
  readonly status: ApiStatus | number;
  /** A bare type id in the older format. */
  readonly type: ApiIdName | number;
  readonly category?: ApiIdName | null;
  readonly tags: readonly ApiIdName[];
  readonly comment_count: number;
  readonly author: ApiAuthor;
  readonly vote: ApiVote;
  readonly custom_fields: readonly unknown[];
  readonly url?: string;
  readonly forum_id?: number;
}

export interface ApiComment {
  readonly id: number;
  readonly text: string;
  /** Only `extended`: the export's name for the text. */
  readonly comment?: string;
  readonly is_official: boolean;
  readonly created: string;
  readonly author: ApiAuthor;
}

/** Where a topic is shown: on its own (and as a write's answer), or as an item of a list. */
export type TopicContext = "single" | "list";

export interface ApiUser {
  readonly id: number;
  readonly name: string;
  readonly display_name: string;
  readonly name_and_title: string;
  readonly title: string;
  readonly email: string;
  readonly avatar_url: string;
  readonly rating: number;
  readonly updates_count: number;
  readonly slug: string;
  readonly language: string;
  readonly is_staff: boolean;
  readonly is_authenticated: boolean;
  readonly last_activity: string;
  readonly date_joined: string;
}

/** A user group, as the documented answer of `POST users/groups` shows it. */
export interface ApiGroup {
  readonly id: number;
  readonly name: string;
  readonly vote_weight: number;
  readonly vote_count: number | null;
}

/** A subscription: no source shows one, so every field is (inferred). */
export interface ApiSubscription {
  readonly object_type: "topic";
  readonly object_id: number;
  readonly created: string;
}

/** Serialises records for one request's viewer, in the shapes of one profile. */
export class Presenter {
  readonly #store: Store;
  /** Origin of the community website the topic links point at. */
  readonly #siteOrigin: string;
  readonly #showEmails: boolean;
  readonly #viewerId: number | null;
  readonly #profile: Profile;

  constructor(store: Store, viewer: Viewer, siteOrigin: string, profile: Profile) {
    this.#store = store;
    this.#siteOrigin = siteOrigin;
    this.#showEmails = canReadEmails(viewer);
    this.#viewerId = viewerUserId(viewer);
    this.#profile = profile;
  }

  forum(forum: SeedForum): ApiForum {
    const totals = this.#store.forumTotals(forum.id);
    return {
      id: forum.id,
      name: forum.name,
      description: forum.description,
      type: { id: forum.kind.id, name: forum.kind.name },
      is_default: forum.isDefault,
      allow_anonymous_topic: forum.allowAnonymousTopic,
      created: isoTimestamp(forum.created),
      topic_count: totals.topics,
      comment_count: totals.comments,
      vote_count: totals.votes,
    };
  }

  type(type: SeedType): ApiIdName {
    return { id: type.id, name: type.name };
  }

  status(status: SeedStatus, updated = status.updated): ApiStatus {
    return {
      id: status.id,
      name: status.name,
      color: status.color,
      updated: isoTimestamp(updated),
    };
  }

  category(category: SeedCategory): ApiIdName | ApiCategory {
    // `topic_count` is seen only in UserEcho's export.
    if (!this.#profile.richTopics) return { id: category.id, name: category.name };
    return {
      id: category.id,
      name: category.name,
      topic_count: this.#store.categoryTopicCount(category.id),
    };
  }

  tag(tag: SeedTag): ApiIdName {
    return { id: tag.id, name: tag.name };
  }

  topic(topic: SeedTopic, context: TopicContext = "single"): ApiTopic {
    const store = this.#store;
    const rich = this.#profile.richTopics;
    const status = required(store.status(topic.statusId), "status", topic.statusId);
    const type = required(store.type(topic.typeId), "type", topic.typeId);
    const category = topic.categoryId === null ? undefined : store.category(topic.categoryId);
    // Some old topics in the older format: bare ids, which a real v2 client copes with.
    const legacy = this.#profile.legacyTopics && topic.id % 6 === 0 && store.isSeeded(topic.id);
    return {
      id: topic.id,
      header: topic.header,
      description: topic.description,
      created: isoTimestamp(topic.created),
      updated: isoTimestamp(topic.updated),
      status: legacy ? status.id : this.status(status, topic.statusUpdated),
      type: legacy ? type.id : this.type(type),
      ...(rich
        ? { category: category === undefined ? null : { id: category.id, name: category.name } }
        : {}),
      // The documented sample shows `tags: []` (a topic without tags); an element's shape is
      // shown nowhere, and `{id, name}` is how every other reference of a topic looks.
      tags: topic.tagIds.flatMap((id) => {
        const tag = store.tag(id);
        return tag === undefined ? [] : [this.tag(tag)];
      }),
      comment_count: topic.commentCount,
      author: this.author(topic.authorId),
      vote: {
        diff: topic.votePositive - topic.voteNegative,
        positive: topic.votePositive,
        total: topic.votePositive + topic.voteNegative,
        negative: topic.voteNegative,
        // The seed holds totals only: just votes cast through the API have a voter (inferred).
        current_user: store.voteOf(topic.id, this.#viewerId),
      },
      custom_fields: [],
      // Third-party clients read `url` from list and search items only.
      ...(rich || context === "list" ? { url: this.topicUrl(topic) } : {}),
      ...(rich ? { forum_id: topic.forumId } : {}),
    };
  }

  comment(comment: SeedComment): ApiComment {
    return {
      id: comment.id,
      text: comment.text,
      ...(this.#profile.richTopics ? { comment: comment.text } : {}),
      is_official: comment.isOfficial,
      created: isoTimestamp(comment.created),
      author: this.author(comment.authorId),
    };
  }

  user(user: SeedUser): ApiUser {
    return {
      id: user.id,
      name: user.name,
      display_name: user.name,
      name_and_title: user.title === "" ? user.name : `${user.name} (${user.title})`,
      title: user.title,
      email: this.#emailOf(user),
      avatar_url: user.avatarUrl,
      rating: user.rating,
      updates_count: user.updatesCount,
      slug: user.slug,
      language: user.language,
      is_staff: user.isStaff,
      is_authenticated: true,
      last_activity: isoTimestamp(user.lastActivity),
      date_joined: isoTimestamp(user.dateJoined),
    };
  }

  group(group: SeedGroup): ApiGroup {
    return {
      id: group.id,
      name: group.name,
      vote_weight: group.voteWeight,
      vote_count: group.voteCount,
    };
  }

  subscription(subscription: Subscription): ApiSubscription {
    return {
      object_type: "topic",
      object_id: subscription.topicId,
      created: isoTimestamp(subscription.since),
    };
  }

  author(userId: number): ApiAuthor {
    const user = required(this.#store.user(userId), "user", userId);
    return {
      id: user.id,
      name: user.name,
      title: user.title,
      avatar_url: user.avatarUrl,
      ...(this.#profile.richTopics ? { email: this.#emailOf(user) } : {}),
    };
  }

  /** Agents see every address; a signed-in user sees their own (inferred). */
  #emailOf(user: SeedUser): string {
    return this.#showEmails || user.id === this.#viewerId ? user.email : "";
  }

  /** `<site>/topics/<id>-<slug>/`, the form real topic links take. */
  topicUrl(topic: SeedTopic): string {
    const slug = slugify(topic.header);
    return `${this.#siteOrigin}/topics/${topic.id}${slug === "" ? "" : `-${slug}`}/`;
  }
}

// The seed is consistent; a dangling reference is a bug in the seed, not a 404.
function required<T>(value: T | undefined, what: string, id: number): T {
  if (value === undefined) throw new Error(`seed inconsistency: ${what} ${id} is missing`);
  return value;
}

/**
 * Where topic links point: `https://<alias>.userecho.com`, as on UserEcho, except when the
 * emulator is reached on loopback (`pnpm dev`, the browser tests): then its own origin, where it
 * serves the community pages (community.ts), so links work offline (inferred, see INFERRED.md).
 */
export function siteOrigin(requestUrl: string, alias: string): string {
  const url = new URL(requestUrl);
  return /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname)
    ? url.origin
    : `https://${alias}.userecho.com`;
}
