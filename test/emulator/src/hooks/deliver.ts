/**
 * Deliveries: a signed JSON `POST` of `{"hook", "created", "data"}` to every URL registered for
 * the event, `data` being the topic or comment as the API shows it (UserEcho's help-centre
 * article). UserEcho waits 10 s for a 200 and retries minutes later; the emulator waits as long,
 * records the outcome, and does not retry (INFERRED.md, "Webhooks").
 */
import type { Viewer } from "../auth.ts";
import { Presenter } from "../entities.ts";
import { PROFILES, type Profile } from "../profile.ts";
import { AGENT_USER_ID, type SeedComment, type SeedTopic } from "../seed/index.ts";
import type { Store } from "../store.ts";
import type { DeliveryRecord, HookEvent, HookRegistry } from "./registry.ts";
import { signDelivery } from "./sign.ts";

const TIMEOUT_MS = 10_000;

/** UserEcho serialises the object server-side: as an agent sees it (inferred). */
const SERVER: Viewer = { kind: "agent", userId: AGENT_USER_ID };

/** What an event is about, kept until delivery (a deleted object is gone from the store). */
export type Subject =
  | { readonly kind: "topic"; readonly topic: SeedTopic }
  | { readonly kind: "comment"; readonly comment: SeedComment };

/**
 * The object as the API of the hook's profile shows it. A comment also names its topic under
 * the extended profile only: the documented comment does not (INFERRED.md).
 */
export function payloadOf(store: Store, subject: Subject, profile: Profile, origin: string) {
  const present = new Presenter(store, SERVER, origin, profile);
  if (subject.kind === "topic") return present.topic(subject.topic);
  const comment = present.comment(subject.comment);
  return profile.richTopics ? { ...comment, topic_id: subject.comment.topicId } : comment;
}

/**
 * Sends the event to every hook registered for it, at once, and records each outcome. Resolves
 * when all have answered or timed out; never rejects.
 */
export async function deliver(
  registry: HookRegistry,
  store: Store,
  event: HookEvent,
  subject: Subject,
  origin: string,
): Promise<DeliveryRecord[]> {
  const objectId = subject.kind === "topic" ? subject.topic.id : subject.comment.id;
  const signing = registry.signing;
  return Promise.all(
    registry.subscribers(event).map(async (hook) => {
      const body = JSON.stringify({
        hook: event,
        created: new Date().toISOString(),
        data: payloadOf(store, subject, PROFILES[hook.profile], origin),
      });
      let status = 0;
      try {
        const response = await fetch(hook.targetUrl, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "X-UE-Signature": await signDelivery(signing.key, signing.over, body),
          },
          body,
          redirect: "manual",
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        status = response.status;
        await response.body?.cancel();
      } catch {
        // Unreachable or too slow: status 0, as a failed delivery to retry later.
      }
      const record = { hookId: hook.id, event, objectId, status, signedOver: signing.over };
      registry.record(record);
      return record;
    }),
  );
}
