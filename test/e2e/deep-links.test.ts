import { afterAll, beforeAll, describe, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { api } from "./support/api.ts";
import { launchBrowser, LOADED, openPage } from "./support/browser.ts";

/**
 * Deep links (`history="hash"`): an open topic is in the address, such an address opens it, Back
 * and Forward close and open it, and two elements on one page each follow only their own
 * entries. Each test opens a fresh page, since the address is the page's.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ROADMAP = `<userecho-roadmap id="roadmap" forum="1" page-size="2" history="hash"></userecho-roadmap>`;
const LAUNCHER = `<userecho-launcher id="launcher" forum="1" history="hash" history-prefix="idea-"></userecho-launcher>`;

/** A fresh test page at `hash`, with `markup` in it (put back after each navigation). */
async function linkedPage(markup: string, hash = "") {
  const opened = await openPage(browser, `${inject("workerUrl")}/test-pages/blank.html${hash}`);
  await mount(opened.page, markup);
  return opened;
}

async function mount(page: Page, markup: string): Promise<void> {
  await page.evaluate(async (html) => {
    document.getElementById("root")!.innerHTML = html;
    for (const tag of ["userecho-roadmap", "userecho-launcher"]) {
      if (document.querySelector(tag)) await customElements.whenDefined(tag);
    }
  }, markup);
}

/** The topic an element's dialog shows, or null when its dialog is closed. */
const shownTopic = (page: Page, id: string) =>
  page.evaluate((element) => {
    const root = document.getElementById(element)?.shadowRoot;
    const dialog = root?.querySelector("dialog");
    if (!dialog?.open) return null;
    const view = root!.querySelector("userecho-topic-view");
    return view ? Number(view.getAttribute("topic")) : null;
  }, id);

const hash = (page: Page) => page.evaluate(() => location.hash);

// Each test opens fresh pages and loads chunks and topics: more than the default 30 s when the
// two-core machine runs other test files alongside.
describe("deep links", { timeout: 60_000 }, () => {
  it("opening a topic writes the address; Back closes it and Forward opens it again", async ({
    expect,
  }) => {
    const { page, consoleErrors } = await linkedPage(ROADMAP);
    const card = page.locator("#roadmap [part=card]").first();
    await card.waitFor();
    const id = Number(await card.getAttribute("data-topic-id"));
    await card.locator("[part=card-title]").click();
    await expect.poll(() => shownTopic(page, "roadmap"), LOADED).toBe(id);
    expect(await hash(page)).toBe(`#userecho-topic-${id}`);

    await page.goBack();
    await expect.poll(() => shownTopic(page, "roadmap"), LOADED).toBe(null);
    expect(await hash(page)).toBe("");
    await page.goForward();
    await expect.poll(() => shownTopic(page, "roadmap"), LOADED).toBe(id);

    // Closing it takes it out of the address, over the entry it pushed.
    await page.keyboard.press("Escape");
    await expect.poll(() => hash(page)).toBe("");
    expect(await shownTopic(page, "roadmap")).toBe(null);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("a page loaded with a topic's address opens it; without history it does not", async ({
    expect,
  }) => {
    const [topic] = (await api.topics(1, { limit: 1, sort: "top" })).items;
    const { page, consoleErrors } = await linkedPage(ROADMAP, `#userecho-topic-${topic!.id}`);
    await expect.poll(() => shownTopic(page, "roadmap"), LOADED).toBe(topic!.id);
    const view = page.locator("#roadmap userecho-topic-view");
    await view.locator("[part=description]").waitFor();
    expect((await view.locator("[part=heading]").textContent())?.trim()).toBe(topic!.title);
    // Closed, the address goes without a new entry (the visitor came with it).
    await page.keyboard.press("Escape");
    await expect.poll(() => hash(page)).toBe("");
    await page.close();

    const plain = await linkedPage(
      ROADMAP.replace(' history="hash"', ""),
      `#userecho-topic-${topic!.id}`,
    );
    await plain.page.locator("#roadmap [part=card]").first().waitFor();
    expect(await shownTopic(plain.page, "roadmap")).toBe(null);
    expect(consoleErrors).toEqual([]);
    expect(plain.consoleErrors).toEqual([]);
    await plain.page.close();
  });

  it("the launcher opens on the topic its address names, and two elements do not fight", async ({
    expect,
  }) => {
    const [topic] = (await api.topics(1, { limit: 1, sort: "top" })).items;
    const { page, consoleErrors } = await linkedPage(ROADMAP + LAUNCHER, `#idea-${topic!.id}`);
    // The launcher's prefix: the launcher opens it, the roadmap does not.
    await expect.poll(() => shownTopic(page, "launcher"), LOADED).toBe(topic!.id);
    expect(await shownTopic(page, "roadmap")).toBe(null);
    await page.locator("#launcher [part=close-button]").click();
    await expect.poll(() => hash(page)).toBe("");

    // Each follows only its own entries through Back and Forward.
    const card = page.locator("#roadmap [part=card]").first();
    const id = Number(await card.getAttribute("data-topic-id"));
    await card.locator("[part=card-title]").click();
    await expect.poll(() => hash(page)).toBe(`#userecho-topic-${id}`);
    expect(await shownTopic(page, "launcher")).toBe(null);
    await page.keyboard.press("Escape");
    await expect.poll(() => shownTopic(page, "roadmap"), LOADED).toBe(null);
    await expect.poll(() => hash(page)).toBe(""); // its entry is gone (Back is asynchronous)
    await page.evaluate(
      (open) =>
        (document.getElementById("launcher") as unknown as { open(o: object): void }).open(open),
      { topic: id },
    );
    await expect.poll(() => hash(page)).toBe(`#idea-${id}`);
    expect(await shownTopic(page, "roadmap")).toBe(null);
    await page.goBack();
    await expect.poll(() => shownTopic(page, "launcher"), LOADED).toBe(null);
    expect(await shownTopic(page, "roadmap")).toBe(null);
    await page.goForward();
    await expect.poll(() => shownTopic(page, "launcher"), LOADED).toBe(id);
    expect(await shownTopic(page, "roadmap")).toBe(null);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
