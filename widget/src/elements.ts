import { UserEchoFeedback } from "./feedback/userecho-feedback.ts";
import { defineElement } from "./internal/define.ts";

/** Registers every element; safe to call more than once. */
export function defineElements(): void {
  defineElement("userecho-feedback", UserEchoFeedback);
}
