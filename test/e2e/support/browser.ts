import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

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

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Opens a page that records console errors and uncaught exceptions, so tests can assert none. */
export async function openPage(browser: Browser, url: string) {
  const page: Page = await browser.newPage();
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  await page.goto(url);
  return { page, consoleErrors };
}
