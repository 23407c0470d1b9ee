import type { Context } from "@lit/context";
import type { ForumMeta } from "@userecho-edge/shared";
import type { EdgeApi } from "../api/client.ts";
import type { Translator } from "../i18n/index.ts";
import type { TokenProvider } from "./config.ts";

/**
 * What an element shares with the parts it shows (a topic's detail, the submit form), through
 * `@lit/context`: `<userecho-feedback>` provides it, and so does `<userecho-topic-view>`, one
 * topic on its own. Read-only and immutable: a provider hands down a new object whenever
 * something in it changes, and only then, so a part re-renders only when what it reads
 * changed. The parts change nothing through it; they fire events (`userecho-comment-created`,
 * `userecho-topic-created`, `userecho-sign-in-request`, `userecho-error`, and `close` from the
 * form), which the provider acts on and which leave it as its own, retargeted.
 */
export interface BoardContext {
  /** `undefined` when no endpoint is known. */
  readonly api: EdgeApi | undefined;
  readonly t: Translator;
  readonly forum: number;
  /** The forum's meta, once loaded. */
  readonly meta: ForumMeta | undefined;
  /** Heading level of the element; sub-headings use the next one. */
  readonly level: number;
  /** The token callback in force (the element's, else the page's). */
  readonly tokenProvider: TokenProvider | undefined;
}

/**
 * The context's key, as `createContext("userecho-board")` makes it (the function returns its
 * argument, typed): imported from `@lit/context`, even that one function brought the whole
 * library into the board's first render, where nothing provides or consumes a context yet.
 */
export const boardContext = "userecho-board" as Context<"userecho-board", BoardContext>;

/**
 * `next` if any of its fields differs from `current`'s, else `current`: the one rule by which a
 * provider decides that its consumers have something new to read.
 */
export function renewed(current: BoardContext | undefined, next: BoardContext): BoardContext {
  if (current) {
    let key: keyof BoardContext;
    for (key in next) if (next[key] !== current[key]) return Object.freeze(next);
    return current;
  }
  return Object.freeze(next);
}
