import type * as BoardModule from "./board.ts";

declare const __USERECHO_BOARD__: string;

export type Board = typeof BoardModule;

/**
 * Fetches the board (`board.ts`, a build of its own; see `vite.config.ts`) once, by its hashed
 * name, from beside `widget.js`. Part of `widget.js`, so `import.meta.url` is its address.
 */
export function loadBoard(): Promise<Board> {
  return import(/* @vite-ignore */ new URL(__USERECHO_BOARD__, import.meta.url).href);
}
