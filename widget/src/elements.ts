import { UserEchoFeedback } from "./feedback/userecho-feedback.component.ts";
import { completeEnglish } from "./i18n/english-more.ts";
import { defineElement } from "./internal/define.ts";
import { listenForTriggers } from "./launcher/triggers.ts";
import { UserEchoLauncher } from "./launcher/userecho-launcher.component.ts";
import { UserEchoRoadmap } from "./roadmap/userecho-roadmap.component.ts";
import { UserEchoTopUsers } from "./top-users/userecho-top-users.component.ts";

/**
 * Registers every public element, and the launcher's `data-userecho-open` triggers; safe to call
 * more than once, or from two copies. The board's other parts (topic detail, submit form, the
 * launcher's dialog) stay dynamic imports, which the app's bundler splits into chunks.
 */
export function defineElements(): void {
  completeEnglish();
  defineElement("userecho-feedback", UserEchoFeedback);
  defineElement("userecho-top-users", UserEchoTopUsers);
  defineElement("userecho-roadmap", UserEchoRoadmap);
  defineElement("userecho-launcher", UserEchoLauncher);
  listenForTriggers();
}
