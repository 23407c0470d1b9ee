/**
 * Registers `<userecho-topic-detail>`, a topic's description, comments and comment form
 * (internal), and draws it for the elements that show one: the board's expanded rows and
 * `<userecho-topic-view>`.
 */
import "../i18n/english-more.ts";
import { html } from "lit";
import type { Topic } from "@userecho-edge/shared";
import { defineElement } from "../internal/define.ts";
import { UserEchoTopicDetail } from "./userecho-topic-detail.component.ts";

defineElement("userecho-topic-detail", UserEchoTopicDetail);

/** The parts of a topic's detail that the element showing it passes on to the page. */
const DETAIL_PARTS =
  "description, comments, comment, comment-form, forum-link, avatar, date, pagination, page-button, error, retry-button, skeleton";

/**
 * `topic`'s detail. With `fold`, Escape folds it (a board's row: the row hears `close`); without,
 * the detail is all a dialog shows, and Escape closes the dialog.
 */
export function renderDetail(topic: Topic, fold?: () => void) {
  return html`<userecho-topic-detail
    id=${`topic-${topic.id}`}
    part="detail"
    exportparts=${DETAIL_PARTS}
    .topic=${topic}
    .foldable=${Boolean(fold)}
    @close=${() => fold?.()}
  ></userecho-topic-detail>`;
}

export { UserEchoTopicDetail };
// The element showing the detail provides its context with the class this part brings (it is
// not in the board's first render).
export { ContextProvider } from "@lit/context";
