import { UserEchoFeedback } from "./feedback/userecho-feedback.component.ts";
import { defineElement } from "./internal/define.ts";
import { UserEchoTopUsers } from "./top-users/userecho-top-users.component.ts";

/** Registers every public element; safe to call more than once, or from two copies. */
export function defineElements(): void {
  defineElement("userecho-feedback", UserEchoFeedback);
  defineElement("userecho-top-users", UserEchoTopUsers);
}
