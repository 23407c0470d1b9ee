/**
 * What the worker knows of UserEcho's entities, in one canonical encoding: the output of the
 * normalising boundary (normalise/), and the only shape the rest of the worker reads.
 *
 * Field names stay UserEcho's (`header`, `comment_count`, `vote.current_user`), so the mapping
 * to our public names lives in one place (board/dto.ts). Every value has one type here, whatever
 * UserEcho sent: ids are numbers, references are objects, timestamps are ISO 8601 in UTC, and a
 * field UserEcho did not send, or sent in no readable form, is `undefined`. Only an entity's id
 * (and a topic's title, a forum's name) is required: an item without them is dropped alone.
 */

/** A type, category or tag: `name` is undefined when UserEcho sent a bare id. */
export interface UpstreamNamed {
  id: number;
  name: string | undefined;
}

export interface UpstreamStatus extends UpstreamNamed {
  /** Six hex digits as UserEcho sends them, or whatever it sent instead (checked in dto.ts). */
  color: string | undefined;
}

export interface UpstreamAuthor {
  id: number | undefined;
  name: string | undefined;
  avatar_url: string | undefined;
}

export interface UpstreamVote {
  /** The reader's own vote, with an sso_token: 1, -1, 0, or a group's weight (up to 5). */
  current_user: number | undefined;
  diff: number | undefined;
  positive: number | undefined;
  negative: number | undefined;
}

export interface UpstreamTopic {
  id: number;
  header: string;
  /** HTML. */
  description: string | undefined;
  created: string | undefined;
  updated: string | undefined;
  status: UpstreamStatus | undefined;
  type: UpstreamNamed | undefined;
  /** `null`: UserEcho said the topic has none; `undefined`: it did not say. */
  category: UpstreamNamed | null | undefined;
  /** `undefined`: UserEcho did not say (a list it sent and that held no readable tag is `[]`). */
  tags: UpstreamNamed[] | undefined;
  comment_count: number | undefined;
  author: UpstreamAuthor | undefined;
  vote: UpstreamVote | undefined;
  /** The topic's page on the community, when UserEcho sent an absolute http(s) URL. */
  url: string | undefined;
  forum_id: number | undefined;
}

export interface UpstreamForum {
  id: number;
  name: string;
  description: string | undefined;
  /** The forum type's name, upper-cased (`PUBLIC`, `PRIVATE`, `KNOWLEDGEBASE PUBLIC` …). */
  type: string | undefined;
  is_default: boolean | undefined;
  topic_count: number | undefined;
}

export interface UpstreamComment {
  id: number;
  /** HTML; UserEcho's v2 clients read `text`, its export and API v1 say `comment`. */
  text: string | undefined;
  is_official: boolean | undefined;
  created: string | undefined;
  author: UpstreamAuthor | undefined;
}

export interface UpstreamUser {
  id: number;
  name: string | undefined;
  avatar_url: string | undefined;
  rating: number | undefined;
  is_staff: boolean | undefined;
}

/** What a write's answer is certain to carry (docs/USERECHO.md §7). */
export interface UpstreamCreated {
  id: number;
}

/** A registered webhook (docs/USERECHO.md §13). */
export interface UpstreamHook {
  id: number;
  target_url: string;
  /** The events it is on. */
  events: string[];
}
