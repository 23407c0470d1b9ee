/** Registers `<userecho-topic-detail>`, the board's expanded topic (internal). */
import "../i18n/english-more.ts";
import { defineElement } from "../internal/define.ts";
import { UserEchoTopicDetail } from "./userecho-topic-detail.component.ts";

defineElement("userecho-topic-detail", UserEchoTopicDetail);

export { UserEchoTopicDetail };
// The board provides its context with the class its first part brings (it is not in its first render).
export { ContextProvider } from "../internal/context-provider.ts";
