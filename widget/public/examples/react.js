/* global document */
// React 19 renders custom elements with properties and events: `getToken` is set as a property,
// `onuserecho-sign-in-request` listens for the event. Written without JSX so it runs as is; with
// JSX it reads <userecho-feedback forum={1} getToken={getToken} onuserecho-…={…} />.
import { StrictMode, createElement as h, useState } from "./vendor/react.js";
import { createRoot } from "./vendor/react.js";

function App() {
  const [requests, setRequests] = useState(0);
  const [forum, setForum] = useState(1);
  return h(
    "div",
    null,
    h("h1", null, "React 19"),
    h(
      "p",
      null,
      h(
        "button",
        { type: "button", id: "switch-forum", onClick: () => setForum(forum === 1 ? 2 : 1) },
        `Show forum ${forum === 1 ? 2 : 1}`,
      ),
      " ",
      h("output", { id: "sign-in-requests" }, `Sign-in requests: ${requests}`),
    ),
    h("userecho-feedback", {
      forum,
      "page-size": 5,
      // No visitor is signed in: the board asks the page, which counts the requests.
      getToken: () => null,
      "onuserecho-sign-in-request": () => setRequests((n) => n + 1),
    }),
  );
}

createRoot(document.getElementById("root")).render(h(StrictMode, null, h(App)));
