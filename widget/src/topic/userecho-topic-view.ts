/** Registers `<userecho-topic-view>`, one topic on its own (internal). */
import "../i18n/english-more.ts";
import { defineElement } from "../internal/define.ts";
import { UserEchoTopicView } from "./userecho-topic-view.component.ts";

defineElement("userecho-topic-view", UserEchoTopicView);

export { UserEchoTopicView };
