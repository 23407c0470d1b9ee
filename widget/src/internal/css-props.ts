import { noChange } from "lit";
import { Directive, PartType, directive, type ElementPart, type PartInfo } from "lit/directive.js";

/**
 * Sets CSS custom properties on an element through the CSSOM (`style.setProperty`).
 *
 * Lit's `styleMap` writes its first value as a `style="…"` attribute, which a strict CSP
 * (`style-src 'self'`, no `'unsafe-inline'`) refuses; the CSSOM is not subject to it.
 * Use in element position: `<span ${cssProps({ "--status": color })}>`.
 */
class CssPropsDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error("cssProps must be used on an element");
  }

  render(props: Readonly<Record<string, string>>) {
    void props; // applied in update(), through the CSSOM
    return noChange;
  }

  override update(part: ElementPart, [props]: [Readonly<Record<string, string>>]) {
    const { style } = part.element as HTMLElement;
    for (const [name, value] of Object.entries(props)) style.setProperty(name, value);
    return noChange;
  }
}

export const cssProps = directive(CssPropsDirective);
