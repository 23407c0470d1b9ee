import { matchLocale } from "../i18n/locales.ts";
import type { TokenProvider } from "../internal/config.ts";
import { DEFAULT_PREFIX } from "../internal/deep-link-prefix.ts";
import { closestLang } from "../internal/lang.ts";
import { focusedElement } from "../internal/modal.ts";
import type { LauncherDialog, LauncherOpenOptions } from "./dialog.ts";
import { make } from "./make.ts";
import { LAUNCHER_LABELS } from "./strings.ts";
import { launcherStyles } from "./userecho-launcher.styles.ts";

export type { LauncherOpenOptions } from "./dialog.ts";

/** Where the launcher sits. */
export type LauncherPosition =
  "right" | "left" | "bottom-right" | "bottom-left" | "top-right" | "top-left" | "none";

const POSITIONS: readonly string[] = [
  "right",
  "left",
  "bottom-right",
  "bottom-left",
  "top-right",
  "top-left",
  "none",
] satisfies LauncherPosition[];

const SVG = "http://www.w3.org/2000/svg";

/** A speech bubble. */
const ICON = "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z";

let tab: CSSStyleSheet | undefined;

/**
 * `HTMLElement`, or a stand-in where there is none (server-side rendering imports the npm
 * entry, which exports this class, in Node).
 */
const Base: typeof HTMLElement =
  // eslint-disable-next-line @typescript-eslint/no-extraneous-class -- a stand-in for a class
  globalThis.HTMLElement ?? (class {} as typeof HTMLElement);

/**
 * A tab on the side of the window, or a floating button, that opens the feedback board in a
 * dialog: focus moves into it and comes back when it closes, Escape closes it, the page behind
 * is inert and does not scroll; on a narrow screen it fills the screen. Drawn without Lit: the
 * board's code (Lit and `<userecho-feedback>`) and the dialog's are fetched when the visitor
 * reaches for the launcher (points at or focuses it) or it opens, with a spinner meanwhile.
 * Any element with `data-userecho-open` opens it on click. With `history="hash"`, an open topic
 * is in the page's address.
 *
 * @tag userecho-launcher
 *
 * @attr forum - Id of the forum the board shows. Passed on, with `endpoint`, `theme`, `page-size`, `sort`, `paging` and `heading`, to the `<userecho-feedback>` in the dialog.
 * @attr label - The tab's text and the dialog's title; "Feedback", in the visitor's language, by default.
 * @attr position - `right` (default) or `left`: a tab on that side of the window; `bottom-right`, `bottom-left`, `top-right`, `top-left`: a floating button in that corner; `none`: nothing drawn (open it with `data-userecho-open` or `open()`).
 * @attr theme - `light` (default), `dark` or `auto`, for the tab, the dialog and the board.
 * @attr history - `hash`: an open topic is in the page's address (`#userecho-topic-123`), and such an address opens it.
 * @attr history-prefix - The address's prefix before the topic id; `userecho-topic-` by default.
 * @attr lang - Language of the launcher and its board; else the closest `lang` above it.
 *
 * @event userecho-open - The dialog opened: `{ topic? }`.
 * @event userecho-close - The dialog closed: `{}`.
 * @event userecho-sign-in-request - An action in the dialog needs a signed-in visitor (see `<userecho-feedback>`).
 * @event userecho-error - The board's code could not be fetched: `{ action: "load", status: 0, message }`; and the board's own failures.
 *
 * @csspart button - The tab or floating button.
 * @csspart dialog - The dialog.
 * @csspart header - The dialog's title bar.
 * @csspart title - The dialog's title (the label).
 * @csspart back-button - "All topics", from a topic back to the board.
 * @csspart close-button - The dialog's close button.
 * @csspart body - What the dialog shows: the board, a topic, or the spinner.
 * @csspart board - The `<userecho-feedback>` in the dialog.
 * @csspart topic - The topic in the dialog (`<userecho-topic-view>`).
 *
 * @cssprop --userecho-accent - Background of the tab or button.
 * @cssprop --userecho-on-accent - Its text and icon.
 * @cssprop --userecho-bg - Background of the dialog.
 * @cssprop --userecho-text - Text of the dialog.
 * @cssprop --userecho-border - Borders in the dialog.
 * @cssprop --userecho-focus - Focus ring.
 * @cssprop --userecho-radius - Corner radius (default 8px).
 * @cssprop --userecho-font - Font family; the page's font when unset.
 */
export class UserEchoLauncher extends Base {
  static readonly observedAttributes = [
    "label",
    "position",
    "theme",
    "lang",
    "endpoint",
    "forum",
    "page-size",
    "sort",
    "paging",
    "heading",
  ];

  /**
   * Returns the signed-in visitor's site JWT, for the board and topic in the dialog (see
   * `<userecho-feedback>`'s `getToken`). Falls back to `configure({ getToken })`.
   */
  get getToken(): TokenProvider | undefined {
    return this.#getToken;
  }

  set getToken(provider: TokenProvider | undefined) {
    this.#getToken = provider;
    this.#dialog?.pass();
  }

  /** Whether the dialog is open. */
  get opened(): boolean {
    return this.#dialog?.opened ?? false;
  }

  #getToken: TokenProvider | undefined;
  readonly #shadow: ShadowRoot;
  readonly #root: HTMLDivElement;
  readonly #button: HTMLButtonElement;
  readonly #label: HTMLSpanElement;
  #dialog: LauncherDialog | undefined;
  #dialogCode: Promise<LauncherDialog> | undefined;
  readonly #languages = new MutationObserver(() => this.#draw());

  constructor() {
    super();
    this.#shadow = this.attachShadow({ mode: "open" });
    if (!tab) {
      tab = new CSSStyleSheet();
      tab.replaceSync(launcherStyles);
    }
    this.#shadow.adoptedStyleSheets = [tab];
    this.#root = make("div", { class: "root" });
    this.#button = make("button", { part: "button", type: "button", "aria-haspopup": "dialog" });
    const icon = document.createElementNS(SVG, "svg");
    icon.setAttribute("viewBox", "0 0 24 24");
    icon.setAttribute("aria-hidden", "true");
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", ICON);
    icon.append(path);
    this.#label = make("span", {});
    this.#button.append(icon, this.#label);
    this.#root.append(this.#button);
    this.#shadow.append(this.#root);
    this.#button.addEventListener("pointerenter", () => this.preload());
    this.#button.addEventListener("focus", () => this.preload());
    this.#button.addEventListener("click", () => this.open());
    // Set before the element was defined (a framework rendered it before its code came): an own
    // property hides the accessor. Take its value over.
    if (Object.hasOwn(this, "getToken")) {
      const provider = this.getToken;
      delete (this as { getToken?: unknown }).getToken;
      this.getToken = provider;
    }
  }

  connectedCallback(): void {
    this.#draw();
    const options = { attributes: true, attributeFilter: ["lang"], subtree: true };
    this.#languages.observe(document.documentElement, options);
    document.addEventListener("focusin", this.#keepClear);
    addEventListener("hashchange", this.#followAddress);
    this.#followAddress();
  }

  disconnectedCallback(): void {
    this.#languages.disconnect();
    document.removeEventListener("focusin", this.#keepClear);
    for (const root of this.#roots) root.removeEventListener("focusin", this.#keepClear);
    this.#roots.clear();
    removeEventListener("hashchange", this.#followAddress);
    this.#dialog?.disconnect();
  }

  attributeChangedCallback(): void {
    this.#draw();
  }

  /**
   * Opens the dialog: on the board, on a topic (`{ topic: 123 }`), or on "Submit an idea" with
   * a title filled in (`{ submit: { title } }`). Opening again while it is open switches what
   * it shows. Focus comes back, when it closes, to where it was (the launcher's tab, or the
   * element that opened it).
   */
  open(options: LauncherOpenOptions = {}): void {
    const before = focusedElement();
    const returnTo = before && before !== document.body ? before : this.#visibleButton();
    this.#loadDialog().then(
      (dialog) => dialog.open(options, returnTo),
      // Not even the dialog could be fetched: nothing to show, but the page hears it.
      (error: unknown) =>
        this.dispatchEvent(
          new CustomEvent("userecho-error", {
            detail: { action: "load", status: 0, message: String(error) },
            bubbles: true,
            composed: true,
          }),
        ),
    );
    this.preload();
  }

  /** Closes the dialog (as Escape and its close button do). */
  close(): void {
    this.#dialog?.close();
  }

  /**
   * Fetches the code of the dialog and of the board in it ahead of opening, as the launcher
   * does when the visitor points at or focuses it. A failure shows only once it opens.
   */
  preload(): void {
    void this.#loadDialog()
      .then((dialog) => dialog.preload())
      .catch(() => undefined);
  }

  /**
   * With `history="hash"`, an address naming a topic opens it, now or when it changes: the
   * dialog, which follows the address from then on, is fetched for it. Until then a launcher
   * costs the page nothing more than its tab.
   */
  readonly #followAddress = () => {
    if (this.getAttribute("history") !== "hash") return;
    const prefix = this.getAttribute("history-prefix") || DEFAULT_PREFIX;
    if (location.hash.startsWith(`#${prefix}`)) void this.#loadDialog();
  };

  /**
   * The tab floats over the page: a control of the page that takes focus under it is scrolled
   * clear of it (up or down, whichever is less), as the page's own `scroll-padding` would, so
   * that a keyboard never lands on a control the tab hides.
   */
  /**
   * Shadow roots focus has moved in: a move between two controls of one shadow root never
   * reaches the document (its focusin, retargeted to the host, is the host's to the host), so
   * each root met is listened to as well.
   */
  readonly #roots = new Set<ShadowRoot>();

  readonly #keepClear = (event: Event) => {
    for (const node of event.composedPath()) {
      if (node instanceof ShadowRoot && node !== this.#shadow && !this.#roots.has(node)) {
        this.#roots.add(node);
        node.addEventListener("focusin", this.#keepClear);
      }
    }
    const target = event.composedPath()[0];
    // Back in its place first: it stepped aside only for the control that had focus before.
    this.#button.style.removeProperty("translate");
    if (!(target instanceof Element) || this.#button.hidden || this.opened) return;
    if (event.composedPath().includes(this)) return;
    this.#clearOf(target);
    // The browser may scroll a focused control into view after this event: look again then.
    requestAnimationFrame(() => {
      if (!this.#button.style.getPropertyValue("translate")) this.#clearOf(target);
    });
  };

  /** Scrolls `target` clear of the tab, or moves the tab aside where the page cannot scroll. */
  #clearOf(target: Element) {
    const overlap = () => {
      const tab = this.#button.getBoundingClientRect();
      const box = target.getBoundingClientRect();
      const apart =
        box.right <= tab.left ||
        box.left >= tab.right ||
        box.bottom <= tab.top ||
        box.top >= tab.bottom;
      return apart ? undefined : { box, tab };
    };
    const before = overlap();
    if (!before) return;
    const up = before.box.bottom - before.tab.top;
    const down = before.tab.bottom - before.box.top;
    window.scrollBy({ top: up <= down ? up : -down });
    // Where the page cannot scroll that far (its end), the tab steps aside instead: above the
    // control if there is room, else below it.
    const after = overlap();
    if (!after) return;
    const shift =
      after.box.top - after.tab.height - 8 >= 0
        ? after.box.top - after.tab.bottom - 8
        : after.box.bottom - after.tab.top + 8;
    this.#button.style.setProperty("translate", `0 ${Math.round(shift)}px`);
  }

  #visibleButton(): HTMLButtonElement | undefined {
    return this.#button.hidden ? undefined : this.#button;
  }

  /** The dialog's code, fetched once; again after a failure. */
  #loadDialog(): Promise<LauncherDialog> {
    this.#dialogCode ??= import("./dialog.ts").then(
      ({ LauncherDialog }) => {
        const dialog = (this.#dialog = new LauncherDialog(this, this.#shadow, this.#root));
        this.#draw();
        if (this.isConnected) dialog.connect(); // follows the address, with history="hash"
        return dialog;
      },
      (error: unknown) => {
        this.#dialogCode = undefined;
        throw error;
      },
    );
    return this.#dialogCode;
  }

  /** Draws what the attributes and the language say: label, position, theme. */
  #draw(): void {
    const locale = matchLocale(closestLang(this));
    const label = this.getAttribute("label") || LAUNCHER_LABELS[locale];
    const position = this.getAttribute("position") ?? "";
    const theme = this.getAttribute("theme") ?? "";
    this.#root.className = `root ${["dark", "auto"].includes(theme) ? theme : "light"}`;
    this.#button.lang = locale;
    this.#label.textContent = label;
    this.#button.className = `launcher ${POSITIONS.includes(position) ? position : "right"}`;
    this.#button.hidden = position === "none";
    this.#dialog?.draw(label, locale);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "userecho-launcher": UserEchoLauncher;
  }
}
