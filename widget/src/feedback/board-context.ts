import type { ForumMeta } from "@userecho-edge/shared";
import type { EdgeApi } from "../api/client.ts";
import type { Translator } from "../i18n/index.ts";
import type { TokenProvider } from "../internal/config.ts";
import { createContext } from "../internal/context.ts";

/**
 * What `<userecho-feedback>` shares with the parts it loads lazily (topic detail, submit form):
 * read-only, built once by the board, and read live. The parts change nothing through it; they
 * fire events (`userecho-comment-created`, `userecho-topic-created`,
 * `userecho-sign-in-request`, `userecho-error`, and `close` from the form), which the board
 * acts on and which leave it as its own, retargeted.
 */
export interface BoardContext {
  /** `undefined` when no endpoint is known. */
  readonly api: EdgeApi | undefined;
  readonly t: Translator;
  readonly forum: number;
  /** The forum's meta, once loaded. */
  readonly meta: ForumMeta | undefined;
  /** Heading level of the board; sub-headings use the next one. */
  readonly level: number;
  /** The token callback in force (the element's, else the page's). */
  readonly tokenProvider: TokenProvider | undefined;
}

export const boardContext = createContext<BoardContext>("userecho-board");
