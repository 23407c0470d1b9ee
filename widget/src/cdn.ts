/**
 * Script-tag entry (`<script type="module" src="https://edge.example.com/widget.js">`): points
 * the elements at the worker that served this file, then registers them. A second copy on the
 * same page neither re-registers nor moves the endpoint.
 *
 * `<userecho-feedback>` is registered at once. `<userecho-top-users>` comes from a chunk that is
 * fetched only once the page has such an element (in the document when this runs, or added to
 * it later), so a page with only a board never downloads it; elements already in the page
 * upgrade when it is defined (`customElements.whenDefined` tells when).
 */
import "./feedback/userecho-feedback.ts";
import { setScriptEndpoint } from "./internal/config.ts";

setScriptEndpoint(new URL(import.meta.url).origin);

const TOP_USERS = "userecho-top-users";
if (typeof customElements !== "undefined" && !customElements.get(TOP_USERS)) {
  const found = document.getElementsByTagName(TOP_USERS); // live: cheap to look at again
  const watch = new MutationObserver(() => found.length && load());
  const load = () => {
    watch.disconnect();
    void import("./top-users/userecho-top-users.ts");
  };
  if (found.length) load();
  else watch.observe(document, { childList: true, subtree: true });
}

export { configure } from "./internal/config.ts";
