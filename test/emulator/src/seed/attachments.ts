/**
 * Rich text as UserEcho stores it: a pasted image is an attachment under `/s/attachments/…`,
 * and a link to another topic is `/topics/<id>-<slug>/`, both relative to the community host
 * (docs/USERECHO.md §9). The seed puts some of each in descriptions and comments, and the
 * community routes (community.ts) serve the images.
 */
import { slugify } from "../text.ts";

/** The project id in attachment paths (inferred: any integer; real paths carry the project's). */
export const ATTACHMENT_PROJECT_ID = 4217;

/** The form of every attachment path the seed writes, and the community routes serve. */
export const ATTACHMENT_PATH = /^\/s\/attachments\/\d+\/0\/\d+\/[0-9a-f]{32}\.png$/;

/** A stable attachment path for `key` (a topic or comment id): no PRNG draw, no clock. */
export function attachmentPath(key: number): string {
  return `/s/attachments/${ATTACHMENT_PROJECT_ID}/0/${key % 7}/${hex128(key)}.png`;
}

/** A paragraph holding one pasted screenshot. */
export function imageParagraph(key: number): string {
  return `<p><img src="${attachmentPath(key)}" alt="Screenshot"></p>`;
}

/** A paragraph linking to another topic by its relative URL. */
export function topicLinkParagraph(topic: {
  readonly id: number;
  readonly header: string;
}): string {
  const slug = slugify(topic.header);
  return `<p>Related: <a href="/topics/${topic.id}${slug === "" ? "" : `-${slug}`}/">#${topic.id}</a></p>`;
}

/**
 * Adds images and links to topics as they are built, in order: a link points at the topic built
 * before in the same forum (an older one, as a real link would).
 */
export class TopicLinks {
  readonly #lastByForum = new Map<number, { readonly id: number; readonly header: string }>();

  decorate<
    T extends {
      readonly id: number;
      readonly forumId: number;
      readonly header: string;
      readonly description: string;
    },
  >(topic: T, add: { readonly image: boolean; readonly link: boolean }): T {
    const previous = this.#lastByForum.get(topic.forumId);
    this.#lastByForum.set(topic.forumId, topic);
    let description = topic.description;
    if (add.image) description += imageParagraph(topic.id);
    if (add.link && previous !== undefined) description += topicLinkParagraph(previous);
    return description === topic.description ? topic : { ...topic, description };
  }
}

/** 32 hex digits from an integer: four FNV-1a hashes, each with its own salt. */
function hex128(key: number): string {
  let out = "";
  for (let salt = 1; salt <= 4; salt++) {
    let hash = 0x811c9dc5;
    for (const byte of `${salt}:${key}`) {
      hash ^= byte.charCodeAt(0);
      hash = Math.imul(hash, 0x01000193);
    }
    out += (hash >>> 0).toString(16).padStart(8, "0");
  }
  return out;
}
