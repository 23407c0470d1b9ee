import { emit, type UserAction } from "../internal/events.ts";

/**
 * The board's side of signing in: asks the page (`userecho-sign-in-request`, from the board) to
 * sign the visitor in. The board then shows "Please sign in to continue." until the visitor
 * acts signed in, the page sets `getToken` or calls `configure()`, or the forum changes. A part
 * of the board (topic detail, submit form) fires its own request, which passes the board on its
 * way to the page; the board listens and shows the same notice.
 */
export function requestSignIn(board: HTMLElement, action: UserAction, topicId?: number): void {
  emit(board, "userecho-sign-in-request", { action, ...(topicId ? { topicId } : {}) });
}
