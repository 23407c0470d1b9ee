import type { OwnVote, Topic, TopicDetail } from "@userecho-edge/shared";
import type { SignInRequestDetail } from "../../internal/events.ts";

/** Local changes laid over what the worker sent: the visitor's votes and comment counts. */
export type TopicPatch = Partial<Pick<Topic, "votes" | "myVote" | "commentCount">>;

/**
 * What is the visitor's own on the board, laid over the shared (cached) listing, which never
 * carries it. Immutable: every change makes a new one.
 */
export interface Overlay {
  /** The visitor's own votes, as `/my-votes` says, by topic. */
  readonly mine: ReadonlyMap<number, OwnVote>;
  /** Votes cast and comments posted here, by topic; they win over `mine`. */
  readonly patches: ReadonlyMap<number, TopicPatch>;
  /** Topics whose vote is on its way. */
  readonly pending: ReadonlySet<number>;
  /** What to show under a topic, drawn by the part that had it to say (a refused vote…). */
  readonly notes: ReadonlyMap<number, unknown>;
  /** Topics the visitor posted here, newest first. */
  readonly created: readonly TopicDetail[];
  /** The listing's total when the visitor first posted here. */
  readonly totalAtPost?: number | null | undefined;
  /**
   * The worker answered a vote with `voting-handoff` (`VOTING=auto` found UserEcho has no vote
   * endpoint): from then on votes go to the community at once, as the forum's meta would say
   * after a reload.
   */
  readonly handedOff?: boolean;
}

/**
 * One thing that happened, as a lazily loaded part reports it: a change to the overlay (a
 * function of the overlay as it is when the step is applied, since other steps may have come
 * first), an event for the board to fire as its own, words for the live region, and whether
 * the visitor turned out to be signed in. The part holds nothing of the board's.
 */
export interface Step {
  readonly change?: (overlay: Overlay) => Overlay;
  readonly fire?: Event;
  readonly say?: string;
  /**
   * Nobody is signed in: the page is asked to sign the visitor in for this
   * (`userecho-sign-in-request`, from the board), and the board says so.
   */
  readonly signIn?: SignInRequestDetail;
  /** The visitor acted signed in: a "please sign in" notice is stale. */
  readonly signedIn?: boolean;
}

/** Nothing of the visitor's yet. */
export const EMPTY: Overlay = {
  mine: new Map(),
  patches: new Map(),
  pending: new Set(),
  notes: new Map(),
  created: [],
};

/** `topic` as the visitor sees it with `overlay` laid over it. */
export function shown(overlay: Overlay, topic: Topic): Topic {
  return { ...topic, myVote: overlay.mine.get(topic.id), ...overlay.patches.get(topic.id) };
}
