import { html, nothing } from "lit";
import type { Status } from "@userecho-edge/shared";
import { textOn } from "./contrast.ts";

/**
 * A topic's status as a pill in the status's colour; nothing for the nameless "no status yet", or when
 * UserEcho sent none.
 * The colour is painted after render by {@link paintStatuses}.
 */
export function statusPill(status: Status | null) {
  return status?.name
    ? html`<span class="status" part="status" data-color=${status.color}>${status.name}</span>`
    : nothing;
}

/**
 * Paints the status pills drawn since the last call in their status's colour, with black or
 * white text. Through the CSSOM (`style.setProperty`), which a strict CSP (`style-src 'self'`)
 * allows, unlike a `style` attribute; `data-color` marks a pill still to paint.
 */
export function paintStatuses(root: ParentNode): void {
  for (const pill of root.querySelectorAll<HTMLElement>(".status[data-color]")) {
    const color = pill.dataset["color"]!;
    pill.style.setProperty("--status-bg", color);
    pill.style.setProperty("--status-fg", textOn(color));
    delete pill.dataset["color"]; // Lit sets it again when the row shows another status
  }
}
