import { afterAll, beforeAll, describe, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { api } from "./support/api.ts";
import { launchBrowser, openPage } from "./support/browser.ts";
import { events, isNetworkLog, recordEvents, settled } from "./support/board.ts";
import { siteJwt } from "./support/jwt.ts";

/**
 * A chunk the board loads lazily that cannot be fetched (the worker went away after the page
 * loaded; here the requests are aborted): the visitor gets a translated message with "Try
 * again", the page a `userecho-error`, the console stays quiet, and a language that cannot load
 * leaves the whole board in the language it was in. Each test opens a fresh page, since a chunk
 * that loaded once stays loaded.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function boardPage(attributes = 'page-size="5"', token?: string) {
  const opened = await openPage(browser, `${inject("workerUrl")}/test-pages/blank.html`);
  const { page } = opened;
  await recordEvents(page);
  await page.evaluate(
    ([markup, jwt]) => {
      document.getElementById("root")!.innerHTML = markup!;
      if (jwt) {
        (
          document.querySelector("userecho-feedback") as unknown as { getToken: () => unknown }
        ).getToken = () => jwt;
      }
    },
    [`<userecho-feedback forum="1" ${attributes}></userecho-feedback>`, token ?? ""],
  );
  await settled(page);
  // The filters and paging come after the first rows; let them in before cutting the network.
  await page.locator("userecho-feedback [part=pagination]").waitFor();
  return opened;
}

const notice = (page: Page) => page.locator("userecho-feedback [part=notice]");
const errorsOf = async (page: Page) =>
  (await events(page)).filter((event) => event.type === "userecho-error");
/** Chromium's own line for an aborted request; the widget adds nothing. */
const quiet = (errors: string[]) =>
  errors.filter((message) => !isNetworkLog(message) && !/net::ERR_FAILED/.test(message));

describe("a chunk that cannot be fetched", () => {
  it("expanding a topic says so, fires userecho-error, and works on retry", async ({ expect }) => {
    const { page, consoleErrors } = await boardPage();
    await page.route(/\/chunks\/userecho-topic-detail-/, (route) => route.abort());
    const title = page.locator("userecho-feedback [part=title]").first();
    await title.click();
    await notice(page).waitFor();
    expect(await notice(page).getAttribute("role")).toBe("alert");
    expect(await notice(page).textContent()).toContain(
      "Part of the board could not be downloaded.",
    );
    expect(await title.getAttribute("aria-expanded")).toBe("false");
    expect((await errorsOf(page))[0]?.detail).toMatchObject({ action: "load", status: 0 });
    expect(quiet(consoleErrors)).toEqual([]);

    await page.unrouteAll({ behavior: "wait" });
    await notice(page).locator("[part=retry-button]").click();
    await page.locator("userecho-feedback [part=description]").waitFor();
    expect(await notice(page).count()).toBe(0);
    expect(await title.getAttribute("aria-expanded")).toBe("true");
    await page.close();
  });

  it("voting and submitting say so too, and nothing is sent", async ({ expect }) => {
    const { page, consoleErrors } = await boardPage('page-size="5"', siteJwt());
    const [first] = (await api.topics(1, { limit: 5, sort: "top" })).items;
    const writes: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") writes.push(request.url());
    });
    await page.route(/\/chunks\/(actions|userecho-submit-form)-/, (route) => route.abort());
    await page.locator("userecho-feedback [part=vote-button]").first().click();
    await notice(page).waitFor();
    // The optimistic count went back: nothing was cast.
    await expect
      .poll(() => page.locator("userecho-feedback [part=vote-count]").first().textContent())
      .toBe(String(first!.votes.score));
    await page.locator("userecho-feedback [part=submit-button]").click();
    await expect
      .poll(async () => (await errorsOf(page)).map((e) => e.detail["action"]))
      .toEqual(["vote", "submit"]);
    expect(await page.locator("userecho-submit-form").count()).toBe(0);
    expect(writes).toEqual([]);
    expect(quiet(consoleErrors)).toEqual([]);
    await page.close();
  });

  it("a language that cannot load leaves the whole board in the one it was in", async ({
    expect,
  }) => {
    const { page, consoleErrors } = await boardPage();
    const before = await page.evaluate(() => {
      const root = document.querySelector("userecho-feedback")!.shadowRoot!;
      return {
        heading: root.querySelector("[part=heading]")!.textContent!.trim(),
        // The words of the date, not its number: a second may pass between the two looks.
        date: root.querySelector("[part=date]")!.textContent!.replace(/\d+/g, "#"),
        lang: root.querySelector("[part=base]")!.getAttribute("lang"),
      };
    });
    await page.route(/\/chunks\/de-/, (route) => route.abort());
    await page.evaluate(() =>
      document.querySelector("userecho-feedback")!.setAttribute("lang", "de"),
    );
    await notice(page).waitFor();
    const after = await page.evaluate(() => {
      const root = document.querySelector("userecho-feedback")!.shadowRoot!;
      return {
        heading: root.querySelector("[part=heading]")!.textContent!.trim(),
        // The words of the date, not its number: a second may pass between the two looks.
        date: root.querySelector("[part=date]")!.textContent!.replace(/\d+/g, "#"),
        lang: root.querySelector("[part=base]")!.getAttribute("lang"),
      };
    });
    expect(after).toEqual(before); // English words, English dates: not a mix
    expect(before.lang).toBe("en");
    expect((await errorsOf(page))[0]?.detail).toMatchObject({ action: "load" });
    expect(quiet(consoleErrors)).toEqual([]);

    await page.unrouteAll({ behavior: "wait" });
    await notice(page).locator("[part=retry-button]").click();
    await expect
      .poll(() => page.locator("userecho-feedback [part=heading]").textContent())
      .toContain("Ideen und Feedback");
    await page.close();
  });
});
