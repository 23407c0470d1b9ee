/**
 * Webhooks as the emulator keeps them: the hooks registered through `POST hooks`, how deliveries
 * are signed, and what each delivery got back. In memory, per isolate, like the store; the
 * control API's reset forgets them. What is guessed here is in INFERRED.md, "Webhooks".
 */
import { webhookKey } from "../../credentials.json";
import type { ProfileName } from "../profile.ts";

/**
 * The events UserEcho's API page names (the help-centre article adds
 * `topic.satisfaction_changed`, which the API page does not list).
 */
export const HOOK_EVENTS = [
  "topic.created",
  "topic.accepted",
  "topic.deleted",
  "topic.satisfaction_received",
  "comment.created",
  "comment.accepted",
  "comment.deleted",
] as const;
export type HookEvent = (typeof HOOK_EVENTS)[number];

export function isHookEvent(value: unknown): value is HookEvent {
  return typeof value === "string" && (HOOK_EVENTS as readonly string[]).includes(value);
}

/** One registration: one event to one URL (each `POST hooks` makes one; inferred). */
export interface Hook {
  readonly id: number;
  readonly event: HookEvent;
  readonly targetUrl: string;
  /** The profile it was registered under: deliveries show objects as that profile's API does. */
  readonly profile: ProfileName;
}

/** What `X-UE-Signature` is computed over: the body, or the literal word `POST`. */
export type SignedOver = "body" | "literal";

export interface Signing {
  readonly key: string;
  readonly over: SignedOver;
}

/** A delivery's outcome, without its URL (which carries the receiver's secret). */
export interface DeliveryRecord {
  readonly hookId: number;
  readonly event: HookEvent;
  /** The object the event is about: a topic's or a comment's id. */
  readonly objectId: number;
  /** The receiver's HTTP status, or 0 when it could not be reached in time. */
  readonly status: number;
  readonly signedOver: SignedOver;
}

/** Signed with the project's key over the body, unless a test says otherwise. */
const DEFAULT_SIGNING: Signing = { key: webhookKey, over: "body" };

export class HookRegistry {
  #hooks: Hook[] = [];
  #nextId = 1;
  #deliveries: DeliveryRecord[] = [];
  #signing: Signing = DEFAULT_SIGNING;

  register(event: HookEvent, targetUrl: string, profile: ProfileName): Hook {
    const hook = { id: this.#nextId++, event, targetUrl, profile };
    this.#hooks.push(hook);
    return hook;
  }

  list(): readonly Hook[] {
    return this.#hooks;
  }

  delete(id: number): boolean {
    const before = this.#hooks.length;
    this.#hooks = this.#hooks.filter((hook) => hook.id !== id);
    return this.#hooks.length < before;
  }

  subscribers(event: HookEvent): readonly Hook[] {
    return this.#hooks.filter((hook) => hook.event === event);
  }

  get signing(): Signing {
    return this.#signing;
  }

  /** Another key or reading, e.g. to play a forger; `{}` goes back to the project's key. */
  sign(signing: Partial<Signing>): void {
    this.#signing = { ...DEFAULT_SIGNING, ...signing };
  }

  record(delivery: DeliveryRecord): void {
    this.#deliveries.push(delivery);
  }

  deliveries(): readonly DeliveryRecord[] {
    return this.#deliveries;
  }

  clearDeliveries(): void {
    this.#deliveries = [];
  }

  reset(): void {
    this.#hooks = [];
    this.#nextId = 1;
    this.#deliveries = [];
    this.#signing = DEFAULT_SIGNING;
  }
}

let defaultRegistry: HookRegistry | undefined;

/** The isolate's registry, shared by every app without one of its own. */
export function getDefaultHooks(): HookRegistry {
  defaultRegistry ??= new HookRegistry();
  return defaultRegistry;
}
