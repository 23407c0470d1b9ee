/**
 * Registers `<userecho-launcher>` (a no-op when the name is taken), and makes any element with
 * `data-userecho-open` open a launcher on click: the one whose id it names, else the first in
 * the document; on a topic with `data-userecho-topic="123"`, on "Submit an idea" with
 * `data-userecho-submit="A title"`. Pointing at or focusing such an element fetches the board's
 * code ahead, as the launcher's own tab does.
 */
import { defineElement } from "../internal/define.ts";
import { UserEchoLauncher } from "./userecho-launcher.component.ts";

defineElement("userecho-launcher", UserEchoLauncher);

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

// Once per page, whatever copies of widget.js it has: they all load this same chunk.
if (typeof document !== "undefined") {
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

export { UserEchoLauncher };
