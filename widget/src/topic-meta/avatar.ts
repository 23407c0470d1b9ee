import { html, nothing, type TemplateResult } from "lit";

/**
 * A round avatar: the image over the name's initial, so a missing, failing or CSP-blocked image
 * leaves the initial rather than a broken-image icon. Decorative: the name is always beside it.
 * A topic's author, a comment's, a leader's.
 */
export function avatar(url: string | null, name: string): TemplateResult {
  return html`<span class="avatar" part="avatar" aria-hidden="true"
    >${Array.from(name.trim())[0]?.toUpperCase() ?? "?"}${
      url ? html`<img src=${url} alt="" loading="lazy" @error=${hideImage} />` : nothing
    }</span
  >`;
}

function hideImage(event: Event): void {
  (event.currentTarget as HTMLImageElement).hidden = true;
}
