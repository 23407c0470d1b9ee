import type { Board } from "./load-board.ts";

/**
 * The npm build's `loadBoard` (see `vite.npm.config.ts`): a plain dynamic import, which the
 * app's bundler splits into a chunk of its own and lays out beside the app's code. The
 * script-tag build instead fetches the board by its hashed name from beside `widget.js`.
 */
export function loadBoard(): Promise<Board> {
  return import("./board.ts");
}
