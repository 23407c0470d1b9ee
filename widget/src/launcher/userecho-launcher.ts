/**
 * Registers `<userecho-launcher>` (a no-op when the name is taken), and makes any element with
 * `data-userecho-open` open a launcher on click (`triggers.ts`).
 */
import { defineElement } from "../internal/define.ts";
import { listenForTriggers } from "./triggers.ts";
import { UserEchoLauncher } from "./userecho-launcher.component.ts";

defineElement("userecho-launcher", UserEchoLauncher);

listenForTriggers();

export { UserEchoLauncher };
