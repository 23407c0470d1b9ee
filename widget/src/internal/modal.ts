/**
 * What every dialog of the widget does around `showModal()`, which already makes the page
 * behind inert, moves focus in and closes on Escape: the page behind does not scroll, and focus
 * goes back where the visitor was. Free of Lit, so the launcher can use it; each script-tag
 * build carries a copy, and the count of open dialogs lives on `globalThis`, so the copies agree
 * on when the page may scroll again.
 */
const KEY = Symbol.for("userecho-edge.modal");

interface PageLock {
  open: number;
  /** The root's own `overflow` before the first dialog opened. */
  overflow: string;
}

function pageLock(): PageLock {
  const registry = globalThis as { [KEY]?: PageLock };
  return (registry[KEY] ??= { open: 0, overflow: "" });
}

/** The element that has focus, looked for inside shadow roots too. */
export function focusedElement(): HTMLElement | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element instanceof HTMLElement ? element : null;
}

/**
 * Opens `dialog` as a modal. When it closes (by `close()`, Escape or its form), the page may
 * scroll again once no other dialog of ours is open, and focus goes to `returnTo` (by default
 * the element focused before it opened) if that is still in the page.
 */
export function showModal(dialog: HTMLDialogElement, returnTo = focusedElement()): void {
  if (dialog.open) return;
  const lock = pageLock();
  const root = document.documentElement.style;
  if (lock.open++ === 0) {
    lock.overflow = root.getPropertyValue("overflow");
    // Through the CSSOM, which a strict style-src allows, unlike a style attribute.
    root.setProperty("overflow", "hidden");
  }
  dialog.addEventListener(
    "close",
    () => {
      if (--lock.open === 0) {
        if (lock.overflow) root.setProperty("overflow", lock.overflow);
        else root.removeProperty("overflow");
      }
      if (returnTo?.isConnected) returnTo.focus();
    },
    { once: true },
  );
  dialog.showModal();
}

/**
 * Closes `dialog` when the visitor presses on its backdrop (outside its box); a drag that
 * starts inside, e.g. selecting text, and ends outside does not count.
 */
export function closeOnBackdrop(dialog: HTMLDialogElement): void {
  let pressedOutside = false;
  const outside = (event: MouseEvent) => {
    if (event.target !== dialog) return false;
    const box = dialog.getBoundingClientRect();
    return (
      event.clientX < box.left ||
      event.clientX > box.right ||
      event.clientY < box.top ||
      event.clientY > box.bottom
    );
  };
  dialog.addEventListener("pointerdown", (event) => (pressedOutside = outside(event)));
  dialog.addEventListener("click", (event) => {
    if (pressedOutside && outside(event)) dialog.close();
    pressedOutside = false;
  });
}
