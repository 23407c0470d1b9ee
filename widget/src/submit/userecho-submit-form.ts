/**
 * Registers `<userecho-submit-form>`, the board's "Submit an idea" form (internal). Also hands
 * the board `tokenFrom`, so it can ask whether anyone is signed in before opening the form
 * without carrying the token code in its first render.
 */
import "../i18n/english-more.ts";
import { html } from "lit";
import type { TopicDetail } from "@userecho-edge/shared";
import { defineElement } from "../internal/define.ts";
import { UserEchoSubmitForm } from "./userecho-submit-form.component.ts";

defineElement("userecho-submit-form", UserEchoSubmitForm);

/**
 * The form, starting from the title `draft`; `created` hears `userecho-topic-created`, `close`
 * the form's cancel.
 */
export function renderForm(
  draft: string,
  created: (event: CustomEvent<{ topic: TopicDetail }>) => void,
  close: () => void,
) {
  return html`<userecho-submit-form
    part="submit-form"
    exportparts="similar"
    .draft=${draft}
    @userecho-topic-created=${created}
    @close=${close}
  ></userecho-submit-form>`;
}

export { UserEchoSubmitForm };
export { tokenFrom } from "../internal/auth.ts";
// The board provides its context with the class its first part brings (it is not in its first
// render).
export { ContextProvider } from "@lit/context";
