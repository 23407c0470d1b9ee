import { UserEchoLauncher } from "./userecho-launcher.component.ts";

/** The element with `data-userecho-open` an event went through, and the launcher it names. */
function target(event: Event): { trigger: Element; launcher: UserEchoLauncher } | undefined {
  const trigger = event
    .composedPath()
    .find(
      (node): node is Element => node instanceof Element && node.hasAttribute("data-userecho-open"),
    );
  if (!trigger) return undefined;
  const id = trigger.getAttribute("data-userecho-open");
  const launcher = id ? document.getElementById(id) : document.querySelector("userecho-launcher");
  return launcher instanceof UserEchoLauncher ? { trigger, launcher } : undefined;
}

let listening = false;

/**
 * Makes any element with `data-userecho-open` open a launcher on click: the one whose id it
 * names, else the first in the document; on a topic with `data-userecho-topic="123"`, on
 * "Submit an idea" with `data-userecho-submit="A title"`. Pointing at or focusing such an
 * element fetches the board's code ahead, as the launcher's own tab does. Once per copy of the
 * code: every copy of widget.js on a page loads the same launcher chunk.
 */
export function listenForTriggers(): void {
  if (listening || typeof document === "undefined") return;
  listening = true;
  document.addEventListener("click", (event) => {
    const found = target(event);
    if (!found) return;
    event.preventDefault(); // a link as a trigger opens the launcher, not its href
    const { trigger, launcher } = found;
    const topic = Number(trigger.getAttribute("data-userecho-topic"));
    const title = trigger.getAttribute("data-userecho-submit");
    launcher.open(topic > 0 ? { topic } : title !== null ? { submit: { title } } : {});
  });
  const ahead = (event: Event) => target(event)?.launcher.preload();
  document.addEventListener("pointerover", ahead);
  document.addEventListener("focusin", ahead);
}
