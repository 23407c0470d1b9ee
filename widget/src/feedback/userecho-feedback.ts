/** Registers `<userecho-feedback>` (a no-op when the name is taken). */
import { defineElement } from "../internal/define.ts";
import { UserEchoFeedback } from "./userecho-feedback.component.ts";

defineElement("userecho-feedback", UserEchoFeedback);

export { UserEchoFeedback };
