/**
 * Script-tag entry (`<script type="module" src="https://edge.example.com/widget.js">`): points
 * the elements at the worker that served this file, then registers them. A second copy on the
 * same page neither re-registers nor moves the endpoint.
 *
 * `<userecho-feedback>` is registered at once. `<userecho-top-users>` comes from a chunk fetched
 * right away, in parallel, so a page with only a board does not wait for it: elements already
 * in the page upgrade when it is defined (`customElements.whenDefined` tells when).
 */
import { UserEchoFeedback } from "./feedback/userecho-feedback.ts";
import { setScriptEndpoint } from "./internal/config.ts";
import { defineElement } from "./internal/define.ts";

setScriptEndpoint(new URL(import.meta.url).origin);
defineElement("userecho-feedback", UserEchoFeedback);
if (typeof customElements !== "undefined" && !customElements.get("userecho-top-users")) {
  void import("./top-users/userecho-top-users.ts").then(({ UserEchoTopUsers }) =>
    defineElement("userecho-top-users", UserEchoTopUsers),
  );
}

export { configure } from "./internal/config.ts";
