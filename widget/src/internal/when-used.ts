/**
 * Calls each tag's `load` once the document holds such an element: at once when it already does
 * (module scripts run after the document is parsed), else as soon as one is added (by a
 * framework, or later markup). For the script-tag build, which runs only in a browser. Elements
 * created inside another element's shadow root are not seen. `changed` is called first, and on
 * every change of the document while a tag is still awaited.
 */
export function whenUsed(
  parts: Readonly<Record<string, () => unknown>>,
  changed: () => void,
): void {
  let waiting = Object.entries(parts);
  const look = () => {
    changed();
    // getElementsByTagName: a live list the browser keeps, cheap to ask again on every change.
    waiting = waiting.filter(
      ([tag, load]) => !document.getElementsByTagName(tag).length || void load(),
    );
    if (!waiting.length) watch.disconnect();
  };
  const watch = new MutationObserver(look);
  watch.observe(document, { childList: true, subtree: true });
  look();
}
