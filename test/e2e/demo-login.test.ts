import { afterAll, beforeAll, describe, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, openPage } from "./support/browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the demo page's site login (pnpm dev only)", () => {
  it("signs in with the demo signer and creates a topic end to end", async ({ expect }) => {
    const workerUrl = inject("workerUrl");
    const { page, consoleErrors } = await openPage(browser, `${workerUrl}/`);
    const board = page.locator("userecho-feedback");
    await board.locator("li[part=topic]").first().waitFor();

    // Signed out, "Submit an idea" asks the site to sign the visitor in before any typing.
    await board.locator("[part=submit-button]").click();
    await board.locator("[part=notice]").waitFor();
    expect(await page.locator("userecho-submit-form").count()).toBe(0);
    await expect.poll(() => page.locator("#demo-message").textContent()).toMatch(/^Sign in first/);
    await page.locator("#demo-sign-in").click();
    await expect
      .poll(() => page.locator("#site-login .who").textContent())
      .toMatch(/^Signed in as /);
    // Signing in (the demo calls configure() again) clears the notice; now the form opens.
    await expect.poll(() => board.locator("[part=notice]").count()).toBe(0);
    await board.locator("[part=submit-button]").click();
    await page.locator("userecho-submit-form input[name=title]").waitFor();

    const title = `Demo sign-in idea ${Date.now()}`;
    await page.locator("userecho-submit-form input[name=title]").fill(title);
    await page
      .locator("userecho-submit-form textarea[name=description]")
      .fill("Posted from the demo.");
    const created = page.waitForResponse(
      (r) => r.request().method() === "POST" && /\/v1\/forums\/1\/topics$/.test(r.url()),
    );
    await page.locator("userecho-submit-form button[type=submit]").click();
    const response = await created;
    expect(response.status()).toBe(201);
    const topic = (await response.json()) as {
      id: number;
      title: string;
      author: { name: string };
    };
    expect(topic).toMatchObject({ title, author: { name: "Ada (demo)" } });

    // The worker really has it: a fresh read of the newest topics starts with it.
    const newest = (await (
      await fetch(`${workerUrl}/v1/forums/1/topics?sort=new&limit=1`)
    ).json()) as { items: { id: number }[] };
    expect(newest.items[0]?.id).toBe(topic.id);
    expect(consoleErrors).toEqual([]);
  });
});
