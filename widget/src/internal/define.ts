/**
 * Registers a custom element unless the name is taken. Loading the script twice (two tags, or a
 * script tag plus an npm copy) must not throw `NotSupportedError` and break the host page.
 */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === "undefined") return; // server-side: nothing to register
  if (!customElements.get(name)) customElements.define(name, constructor);
}
