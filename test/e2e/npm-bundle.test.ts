import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, inject, it } from "vitest";
import { launchBrowser, LOADED, openPage } from "./support/browser.ts";
import { dialogOpen } from "./support/board.ts";
import { installWidgetPackage } from "./support/npm-package.ts";

/**
 * The npm package in an app: installed as someone installs it (support/npm-package.ts), bundled
 * by esbuild with code splitting, as an app's bundler would, and served from the worker's origin
 * under `/npm-app/`. Every element, the launcher's dialog and the board in it must work from
 * the app's own chunks, with nothing fetched from the script-tag build (`widget.js`, `chunks/`).
 */
const APP = `
import "@userecho-edge/widget/define";
import { configure } from "@userecho-edge/widget";

configure({ endpoint: location.origin });
`;
const PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>npm app</title>
    <script type="module" src="/npm-app/app.js"></script></head>
  <body>
    <h1>An app built with the npm package</h1>
    <button id="trigger" data-userecho-open>Send feedback</button>
    <userecho-roadmap forum="1"></userecho-roadmap>
    <userecho-top-users></userecho-top-users>
    <userecho-launcher id="launcher" forum="1" label="Ideas"></userecho-launcher>
  </body>
</html>`;

let project: string;
let files: Map<string, string>;
let browser: Browser;

beforeAll(async () => {
  project = installWidgetPackage("userecho-npm-app-");
  writeFileSync(join(project, "app.js"), APP);
  const outdir = join(project, "out");
  await build({
    absWorkingDir: project,
    entryPoints: ["app.js"],
    bundle: true,
    splitting: true,
    format: "esm",
    target: "es2022",
    outdir,
    logLevel: "silent",
  });
  files = new Map(
    readdirSync(outdir).map((file) => [file, readFileSync(join(outdir, file), "utf8")]),
  );
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

/** The app's page, its scripts served from the bundle; records every script the page fetches. */
async function appPage() {
  const opened = await openPage(browser, `${inject("workerUrl")}/test-pages/blank.html`);
  const { page } = opened;
  await page.route("**/npm-app/**", (route) => {
    const name = new URL(route.request().url()).pathname.slice("/npm-app/".length);
    if (name === "index.html") return route.fulfill({ contentType: "text/html", body: PAGE });
    const body = files.get(name);
    return body === undefined
      ? route.fulfill({ status: 404 })
      : route.fulfill({ contentType: "text/javascript", body });
  });
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  await page.goto(`${inject("workerUrl")}/npm-app/index.html`);
  return { ...opened, scripts };
}

describe("the npm package, bundled into an app", () => {
  it("splits the board and the launcher's dialog into chunks of the app", ({ expect }) => {
    // The entry, plus chunks: the board is not in the entry, so a launcher-only page need not
    // load it before the launcher opens.
    expect(files.size).toBeGreaterThan(2);
    expect(files.get("app.js")).not.toContain("chunks/board-");
  });

  it("draws the roadmap, the leaderboard and the launcher, whose dialog opens the board", async ({
    expect,
  }) => {
    const { page, scripts, consoleErrors } = await appPage();
    // The roadmap: columns with cards.
    await page.locator("userecho-roadmap [part=card-title]").first().waitFor(LOADED);
    expect(await page.locator("userecho-roadmap [part=column]").count()).toBeGreaterThan(0);
    // The leaderboard, its strings complete (English beyond the board's first render).
    await page.locator("userecho-top-users li[part=user]").first().waitFor(LOADED);
    expect((await page.locator("userecho-top-users [part=heading]").textContent())?.trim()).toBe(
      "Top users",
    );
    // The launcher: its tab opens the dialog, with the board's topics in it.
    await page.locator("#launcher [part=button]").click();
    await page.locator("#launcher userecho-feedback li[part=topic]").first().waitFor(LOADED);
    expect(await dialogOpen(page)).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialogOpen(page)).toBe(false);
    // A `data-userecho-open` trigger opens it too.
    await page.locator("#trigger").click();
    await expect.poll(() => dialogOpen(page)).toBe(true);
    // All of it came from the app's bundle, none from the script-tag build.
    expect(scripts.length).toBeGreaterThan(1);
    expect(
      scripts.every((path) => path.startsWith("/npm-app/")),
      scripts.join(", "),
    ).toBe(true);
    expect(consoleErrors).toEqual([]);
  });
});
