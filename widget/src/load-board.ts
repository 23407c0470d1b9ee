/**
 * Fetches the board (`board.ts`, a build of its own; see `vite.config.ts`) once, by its hashed
 * name, from beside `widget.js`. Part of `widget.js`, so `import.meta.url` is its address.
 */
declare const __USERECHO_BOARD__: string;

export type Board = typeof import("./board.ts");

export function loadBoard(): Promise<Board> {
  return import(/* @vite-ignore */ new URL(__USERECHO_BOARD__, import.meta.url).href);
}
