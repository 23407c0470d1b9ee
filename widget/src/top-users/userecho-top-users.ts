/** Registers `<userecho-top-users>` (a no-op when the name is taken). */
import "../i18n/english-more.ts";
import { defineElement } from "../internal/define.ts";
import { UserEchoTopUsers } from "./userecho-top-users.component.ts";

defineElement("userecho-top-users", UserEchoTopUsers);

export { UserEchoTopUsers };
