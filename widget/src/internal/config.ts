/**
 * Page-wide settings shared by every element on the page. The script-tag build sets `endpoint`
 * to the origin it was loaded from, so `<script src="https://edge.example.com/widget.js">` needs
 * no further configuration.
 *
 * The settings live on `globalThis` under a registry symbol, so two copies of the widget on one
 * page (two script tags, or a script tag and an npm bundle) share them: only the first copy
 * registers the elements, and `configure()` from either copy must reach them.
 */

/**
 * Returns the signed-in visitor's site JWT, or nothing when nobody is signed in. Called lazily,
 * on the first action that needs it; the result is reused until it expires or is refused.
 */
export type TokenProvider = () =>
  string | null | undefined | PromiseLike<string | null | undefined>;

export interface WidgetConfig {
  /** Origin (and optional path prefix) of the userecho-edge worker. */
  endpoint?: string | undefined;
  /** Token callback for every element that has no `getToken` of its own. */
  getToken?: TokenProvider | undefined;
}

const KEY = Symbol.for("userecho-edge.config");

function shared(): WidgetConfig {
  const registry = globalThis as { [KEY]?: WidgetConfig };
  return (registry[KEY] ??= {});
}

/**
 * Sets page-wide defaults; attributes and properties on an element win over these. Call it
 * again after signing a visitor in: the elements' "please sign in" notices clear.
 *
 * @example
 * configure({ getToken: async () => (await fetch("/me/userecho-token")).text() });
 */
export function configure(options: WidgetConfig): void {
  Object.assign(shared(), options);
  // Elements on the page re-read the settings (e.g. a "please sign in" notice clears once the
  // page configures the callback of a visitor who just signed in).
  if (typeof dispatchEvent === "function") dispatchEvent(new Event("userecho-edge:configure"));
}

/** The page-wide endpoint, if any. */
export function defaultEndpoint(): string | undefined {
  return shared().endpoint;
}

/** Sets the endpoint unless one is set: the first script on the page wins. */
export function setScriptEndpoint(endpoint: string): void {
  shared().endpoint ??= endpoint;
}

/** The page-wide token callback, if any. */
export function defaultTokenProvider(): TokenProvider | undefined {
  return shared().getToken;
}
