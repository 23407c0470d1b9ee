/**
 * Registers `<userecho-submit-form>`, the board's "Submit an idea" form (internal). Also hands
 * the board `tokenFrom`, so it can ask whether anyone is signed in before opening the form
 * without carrying the token code in its first render.
 */
import "../i18n/english-more.ts";
import { defineElement } from "../internal/define.ts";
import { UserEchoSubmitForm } from "./userecho-submit-form.component.ts";

defineElement("userecho-submit-form", UserEchoSubmitForm);

export { UserEchoSubmitForm };
export { tokenFrom } from "../internal/auth.ts";
// The board provides its context with the class its first part brings (it is not in its first render).
export { ContextProvider } from "../internal/context-provider.ts";
