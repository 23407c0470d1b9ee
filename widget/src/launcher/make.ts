/** An element with attributes, built through the DOM (no markup, so no Trusted Types sink). */
export function make<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string>>,
): HTMLElementTagNameMap[K];
export function make(tag: string, attributes: Readonly<Record<string, string>>): HTMLElement;
export function make(tag: string, attributes: Readonly<Record<string, string>>): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}
