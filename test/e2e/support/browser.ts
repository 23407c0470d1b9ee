import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { assertNoSecretsIn } from "@userecho-edge/emulator/secrets";

/**
 * Debian's Chromium, driven by playwright-core. Test tools cannot download browsers here, so the
 * browser must be installed: `apt-get install -y chromium` (.ci/run does it on a fresh machine).
 */
export function chromiumPath(): string {
  const candidates = [
    process.env["CHROMIUM_PATH"],
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
  ];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) {
    throw new Error(
      "Chromium not found. Install it (Debian: `apt-get install -y chromium`) or set CHROMIUM_PATH.",
    );
  }
  return found;
}

/** Long enough for a chunk and a topic to load on a busy two-core machine. */
export const LOADED = { timeout: 10_000 };

export function launchBrowser(
  options: { executablePath?: string; args?: string[] } = {},
): Promise<Browser> {
  return chromium.launch({
    executablePath: options.executablePath ?? chromiumPath(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      ...(options.args ?? []),
    ],
  });
}

/** A 1×1 grey PNG, served in place of avatars: the test machines have no internet. */
const PIXEL = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mO8e/fufwAIwQOP3k0bJwAAAABJRU5ErkJggg==",
  "base64",
);

/**
 * Answers image requests to other hosts (Gravatar avatars, images in topic descriptions) with a
 * local pixel, as a reachable CDN would, and aborts anything else bound off the machine. Without
 * it every avatar is a failed request, which Chromium logs as a console error.
 *
 * It is a route of the browser context, not of the page: tests stub worker answers with page
 * routes and clear them with `page.unrouteAll()` between tests, and a page-level image route
 * cleared that way left a gap in which lazy avatars reached the network (a CI failure).
 */
async function serveRemoteImages(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.hostname !== "127.0.0.1" && url.hostname !== "localhost",
    (route) =>
      route.request().resourceType() === "image"
        ? route.fulfill({ status: 200, contentType: "image/png", body: PIXEL })
        : route.abort(),
  );
}

/**
 * Opens a page, in a context of its own, that records console errors and uncaught exceptions so
 * tests can assert none. `images: false` lets remote requests fail (the CSP test wants that).
 */
export async function openPage(browser: Browser, url: string, options: { images?: boolean } = {}) {
  const context = await browser.newContext();
  if (options.images !== false) await serveRemoteImages(context);
  const page: Page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") {
      const { url } = message.location();
      consoleErrors.push(url ? `${message.text()} (${url})` : message.text());
    }
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  // The leak check of the worker tests, on everything the browser receives: a leak shows up
  // among the console errors every test asserts to be empty.
  page.on("response", async (response) => {
    const body = await response.text().catch(() => "");
    const headers = Object.entries(response.headers()).map(([n, v]) => `${n}: ${v}`);
    try {
      assertNoSecretsIn([...headers, body].join("\n"), response.url());
    } catch (leak) {
      consoleErrors.push(String(leak));
    }
  });
  await page.goto(url);
  return { page, consoleErrors };
}

export interface TestPage {
  page: Page;
  /** Console errors, uncaught exceptions and leaks seen since the current test began. */
  consoleErrors: string[];
}

/**
 * One Chromium and one blank test page for a whole test file, which mounts elements into it.
 * Before each test the console errors are cleared and the previous test's route stubs removed.
 * `opened` receives the page once it is open (call from the file's top level).
 */
export function useTestPage(
  opened: (testPage: TestPage) => void,
  options: {
    worker?:
      "workerUrl" | "extendedWorkerUrl" | "autoDocumentedWorkerUrl" | "autoExtendedWorkerUrl";
  } = {},
): void {
  let browser: Browser | undefined;
  let current: TestPage | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    const worker = inject(options.worker ?? "workerUrl");
    current = await openPage(browser, `${worker}/test-pages/blank.html`);
    opened(current);
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    current!.consoleErrors.length = 0;
    await current!.page.unrouteAll({ behavior: "wait" });
  });
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string }[];
}

/**
 * Runs axe-core in the page (shadow roots included) against WCAG 2.x A/AA and axe's best
 * practices; returns the violations, each with the offending nodes.
 */
export async function axe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window)))
    await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe.run;
    const result = (await run(document, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
      },
    })) as { violations: AxeViolation[] };
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target, html: node.html })),
    }));
  });
}
