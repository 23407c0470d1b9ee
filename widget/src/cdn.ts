/**
 * Script-tag entry (`<script type="module" src="https://edge.example.com/widget.js">`): points
 * the elements at the worker that served this file, then fetches the code of each element the
 * page uses, and only that, once the page has one (in the document when this runs, or added to
 * it later): a page with a launcher alone never downloads Lit, a page with a board alone never
 * downloads the leaderboard. Elements upgrade when their code arrives
 * (`customElements.whenDefined` tells when). A second copy on the same page neither
 * re-registers nor moves the endpoint.
 */
import { setScriptEndpoint } from "./internal/config.ts";
import { whenUsed } from "./internal/when-used.ts";
import { loadBoard } from "./load-board.ts";
import { reserve } from "./reserve/reserve.ts";

setScriptEndpoint(new URL(import.meta.url).origin);

// Each element's place is held until its code has arrived and it draws itself (reserve/).
whenUsed(
  {
    "userecho-feedback": loadBoard,
    "userecho-roadmap": () => loadBoard().then((board) => board.loadRoadmap()),
    "userecho-top-users": () => loadBoard().then((board) => board.loadTopUsers()),
    // No Lit: the launcher fetches the board itself when the visitor reaches for it.
    "userecho-launcher": () => import("./launcher/userecho-launcher.ts"),
  },
  reserve,
);

export { configure } from "./internal/config.ts";
