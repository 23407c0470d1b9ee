import { afterAll, beforeAll, describe, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import credentials from "../emulator/credentials.json" with { type: "json" };
import { launchBrowser, openPage } from "./support/browser.ts";
import { settled } from "./support/board.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the demo page", () => {
  it("shows the first page of topics from the emulator, through the worker", async ({ expect }) => {
    const { page, consoleErrors } = await openPage(browser, `${inject("workerUrl")}/`);
    const titles = page.locator("userecho-feedback li[part=topic] .title");
    await titles.first().waitFor({ timeout: 15_000 });
    await settled(page);

    // The same page, asked of UserEcho (the emulator) directly: the board must show exactly it.
    const upstream = await fetch(
      `${inject("emulatorUrl")}/api/v2/forums/1/topics.json?limit=20&order_by=-vote__diff&access_token=${credentials.agentToken}`,
    ).then((r) => r.json() as Promise<{ data: { header: string }[] }>);
    expect(await titles.allTextContents()).toEqual(upstream.data.map((topic) => topic.header));
    expect(consoleErrors).toEqual([]);
  });

  it("never hands the token to the browser", async ({ expect }) => {
    const { page } = await openPage(browser, `${inject("workerUrl")}/`);
    const bodies: string[] = [];
    page.on("response", async (response) => {
      bodies.push(response.url(), await response.text().catch(() => ""));
    });
    await page.reload();
    await page.locator("userecho-feedback li[part=topic]").first().waitFor();
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) expect(body).not.toContain(credentials.agentToken);
  });
});
