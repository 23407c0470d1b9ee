/** Registers `<userecho-submit-form>`, the board's "Submit an idea" form (internal). */
import { defineElement } from "../internal/define.ts";
import { UserEchoSubmitForm } from "./userecho-submit-form.component.ts";

defineElement("userecho-submit-form", UserEchoSubmitForm);

export { UserEchoSubmitForm };
