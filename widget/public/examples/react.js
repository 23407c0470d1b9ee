/* global document */
// React 19 renders custom elements with properties and events: `onuserecho-sign-in-request`
// listens for the event. It sets a property (rather than an attribute) only on an element that is
// already defined, and widget.js defines each element when its code arrives, after React's
// first render: so `getToken`, a function, is set through a ref, which works either way. Written
// without JSX so it runs as is; with JSX it reads
// <userecho-feedback forum={1} ref={withToken} onuserecho-…={…} />.
import { StrictMode, createElement as h, useState } from "./vendor/react.js";
import { createRoot } from "./vendor/react.js";

/** Sets the token callback as a property, defined or not (the element keeps it when upgraded). */
const withToken = (element) => {
  // No visitor is signed in: the board asks the page, which counts the requests.
  if (element) element.getToken = () => null;
};

function App() {
  const [requests, setRequests] = useState(0);
  const [forum, setForum] = useState(1);
  const [opens, setOpens] = useState(0);
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
      " ",
      h("output", { id: "launcher-opens" }, `Launcher opened: ${opens}`),
    ),
    h("userecho-feedback", {
      forum,
      "page-size": 5,
      ref: withToken,
      "onuserecho-sign-in-request": () => setRequests((n) => n + 1),
    }),
    // The launcher: a floating button that opens the same forum's board in a dialog.
    h("userecho-launcher", {
      forum,
      position: "bottom-right",
      label: "Feedback",
      ref: withToken,
      "onuserecho-open": () => setOpens((n) => n + 1),
    }),
  );
}

createRoot(document.getElementById("root")).render(h(StrictMode, null, h(App)));
