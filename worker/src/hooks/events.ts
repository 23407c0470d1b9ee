import type { HookDelivery } from "@userecho-edge/shared";
import { HOOK_EVENTS, UNSHOWN_HOOK_EVENTS, type HookEventName } from "../upstream/inferred.ts";
import { hookCommentTopicId, hookObjectId, hookTopicForumId } from "../upstream/normalise/index.ts";

/**
 * A delivery, read for what it changed. Ids are `undefined` where the delivery does not say
 * (docs/USERECHO.md §13: the documented comment names no topic, the documented topic no forum).
 */
export type HookEvent =
  | {
      kind: "topic";
      name: HookEventName;
      topicId: number | undefined;
      forumId: number | undefined;
    }
  | { kind: "comment"; name: HookEventName; topicId: number | undefined }
  /** `unshown`: a documented event about nothing the board shows; `unknown`: not documented. */
  | { kind: "ignore"; name: string; reason: "unshown" | "unknown" };

const KNOWN: ReadonlySet<string> = new Set(HOOK_EVENTS);

export function readDelivery({ hook, data }: HookDelivery): HookEvent {
  if (!KNOWN.has(hook)) {
    return {
      kind: "ignore",
      name: hook,
      reason: UNSHOWN_HOOK_EVENTS.has(hook) ? "unshown" : "unknown",
    };
  }
  const name = hook as HookEventName;
  return name.startsWith("topic.")
    ? { kind: "topic", name, topicId: hookObjectId(data), forumId: hookTopicForumId(data) }
    : { kind: "comment", name, topicId: hookCommentTopicId(data) };
}

/** An event name fit for a log line: a sender's text is not echoed beyond what names look like. */
export function loggableName(name: string): string {
  return /^[a-z_]{1,40}\.[a-z_]{1,40}$/.test(name) ? name : "(unrecognised)";
}
