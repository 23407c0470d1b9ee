import type { Page } from "playwright-core";

/** The parts of `<userecho-feedback>` the tests touch from inside the page. */
export type BoardElement = HTMLElement & {
  sort: string;
  type?: number;
  category?: number;
  endpoint?: string;
  getToken?: () => unknown;
};

/**
 * Replaces the test page's content with `markup` and waits until the elements in it are defined
 * (`<userecho-top-users>` is fetched only once a page has one).
 */
export async function mount(page: Page, markup: string): Promise<void> {
  await page.evaluate(async (html) => {
    document.getElementById("root")!.innerHTML = html;
    for (const tag of ["userecho-feedback", "userecho-top-users"]) {
      if (document.querySelector(tag)) await customElements.whenDefined(tag);
    }
  }, markup);
}

/**
 * Waits until a board has loaded and drawn every topic of its listing: it draws ten per task,
 * and keeps `aria-busy="true"` on the results until the last is in.
 */
export async function settled(page: Page, selector = "userecho-feedback"): Promise<void> {
  await page.waitForFunction(
    (host) =>
      document
        .querySelector(host)
        ?.shadowRoot?.querySelector("[aria-busy]")
        ?.getAttribute("aria-busy") === "false",
    selector,
  );
}

/** Titles of the topics on the board, in order. */
export function titles(page: Page, selector = "userecho-feedback"): Promise<string[]> {
  return page.locator(`${selector} li[part=topic] [part=title]`).allTextContents();
}

/** The id of the element focused inside the board's shadow root. */
export function focusedId(page: Page, selector = "userecho-feedback"): Promise<string | null> {
  return page.evaluate(
    (s) => document.querySelector(s)?.shadowRoot?.activeElement?.id ?? null,
    selector,
  );
}

/** Text of the board's polite live region. */
export function announcement(page: Page, selector = "userecho-feedback"): Promise<string> {
  return page.evaluate(
    (s) =>
      document
        .querySelector(s)
        ?.shadowRoot?.querySelector("[aria-live=polite]")
        ?.textContent?.trim() ?? "",
    selector,
  );
}

/** Collects the userecho-* events that reach `document`, for assertions. */
export async function recordEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { userechoEvents?: { type: string; detail: unknown }[] };
    if (w.userechoEvents) {
      w.userechoEvents.length = 0;
      return;
    }
    w.userechoEvents = [];
    for (const type of [
      "userecho-sign-in-request",
      "userecho-vote",
      "userecho-topic-created",
      "userecho-comment-created",
      "userecho-load",
      "userecho-error",
      "userecho-open",
      "userecho-close",
    ]) {
      document.addEventListener(type, (event) =>
        w.userechoEvents!.push({ type, detail: (event as CustomEvent).detail }),
      );
    }
  });
}

export function events(page: Page): Promise<{ type: string; detail: Record<string, unknown> }[]> {
  return page.evaluate(
    () =>
      (window as unknown as { userechoEvents: { type: string; detail: Record<string, unknown> }[] })
        .userechoEvents,
  );
}

/** Chromium's own log line for an HTTP error response; not a widget error. */
export const isNetworkLog = (message: string) => message.startsWith("Failed to load resource");

/** Whether the launcher's dialog is open. */
export const dialogOpen = (page: Page, id = "launcher") =>
  page.evaluate(
    (launcher) =>
      document.getElementById(launcher)?.shadowRoot?.querySelector("dialog")?.open ?? false,
    id,
  );
