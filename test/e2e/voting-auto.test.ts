import { afterAll, beforeAll, describe, inject, it } from "vitest";
import type { Browser, Page, Request } from "playwright-core";
import { autoDocumentedApi, autoExtendedApi } from "./support/api.ts";
import { launchBrowser, openPage } from "./support/browser.ts";
import { isNetworkLog, mount } from "./support/board.ts";
import { siteJwt } from "./support/jwt.ts";

/**
 * `VOTING=auto`, the worker's default: votes are cast inline until UserEcho shows it has no vote
 * endpoint (the agent's own no-op vote is refused too), then every visitor is handed off to the
 * topic on the community, signed in. The stack runs a worker so configured on each profile: the
 * documented UserEcho has no vote endpoint, the extended one has.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const board = `<userecho-feedback forum="1" page-size="3" sort="new"></userecho-feedback>`;
const visitor = (name: string) =>
  siteJwt({ sub: `e2e-auto-${name}-${Date.now()}`, name: `Auto ${name}` });

/** A page on `worker`, with the board mounted and a visitor signed in. */
async function boardOn(worker: string, token: string) {
  const opened = await openPage(browser, `${worker}/test-pages/blank.html`);
  const { page } = opened;
  const votes: Request[] = [];
  page.on("request", (request) => {
    if (/\/votes$/.test(request.url())) votes.push(request);
  });
  await mount(page, board);
  await page.evaluate((jwt) => {
    (
      document.querySelector("userecho-feedback") as unknown as { getToken: () => unknown }
    ).getToken = async () => jwt;
  }, token);
  await page.locator("userecho-feedback li[part=topic]").first().waitFor();
  // The sorts come with the forum's meta, which says how the forum takes votes. (A vote before
  // it arrives is tried inline, and the worker's handoff answer shows the link to the forum.)
  await page.locator("userecho-feedback [part=sort]").waitFor();
  return { ...opened, votes };
}

const firstId = async (page: Page) =>
  Number(
    await page.locator("userecho-feedback li[part=topic]").first().getAttribute("data-topic-id"),
  );

/** Does `act`, and returns the tab it opened once it is at a signed-in community URL. */
async function tabOpenedBy(page: Page, act: () => Promise<unknown>) {
  const popup = page.waitForEvent("popup");
  await act();
  const tab = await popup;
  await tab.waitForURL(/sso_token=/, { waitUntil: "commit" }).catch(() => undefined);
  const url = tab.url();
  await tab.close();
  return url;
}

describe("VOTING=auto on a UserEcho without a vote endpoint", () => {
  it("hands the first vote off to the community, then every vote, for every visitor", async ({
    expect,
  }) => {
    const worker = inject("autoDocumentedWorkerUrl");
    // Nothing is known yet: votes are tried inline.
    expect((await autoDocumentedApi.meta(1)).voting).toBe("inline");
    const { page, consoleErrors, votes } = await boardOn(worker, visitor("first"));
    const id = await firstId(page);
    const row = page.locator(`userecho-feedback li[data-topic-id="${id}"]`);
    const before = await row.locator("[part=vote-count]").textContent();

    const answer = page.waitForResponse(/\/votes$/);
    await row.locator("[part=vote-button]").click();
    const response = await answer;
    expect(response.status()).toBe(409);
    expect(((await response.json()) as { type: string }).type).toMatch(/\/voting-handoff$/);
    // The row says so, the count goes back, and a link votes on the forum, signed in.
    const note = row.locator("[role=alert]");
    await expect
      .poll(() => note.textContent())
      .toContain("On this forum, votes are cast on the forum itself.");
    expect(await row.locator("[part=vote-count]").textContent()).toBe(before);
    const link = note.getByRole("link", { name: "Vote on the forum" });
    const viaNote = await tabOpenedBy(page, () => link.click());
    expect(viaNote).toContain("sso_token=");
    expect(new URL(viaNote).pathname).toMatch(new RegExp(`^/topics/${id}-`));

    // The next vote on this board goes to the forum at once: nothing is sent to the worker.
    const second = page.locator("userecho-feedback [part=vote-button]").nth(1);
    expect(await tabOpenedBy(page, () => second.click())).toContain("sso_token=");
    expect(votes).toHaveLength(1);
    expect(consoleErrors.filter((message) => !isNetworkLog(message))).toEqual([]);
    await page.context().close();

    // Every later visitor: the forum's meta says so, and the vote goes to the forum at once.
    expect((await autoDocumentedApi.meta(1)).voting).toBe("community");
    const later = await boardOn(worker, visitor("later"));
    const button = later.page.locator("userecho-feedback [part=vote-button]").first();
    expect(await tabOpenedBy(later.page, () => button.click())).toContain("sso_token=");
    expect(later.votes).toEqual([]);
    expect(later.consoleErrors).toEqual([]);
    await later.page.context().close();
  });
});

describe("VOTING=auto on a UserEcho that takes votes", () => {
  it("votes inline, and keeps voting inline", async ({ expect }) => {
    const worker = inject("autoExtendedWorkerUrl");
    expect((await autoExtendedApi.meta(1)).voting).toBe("inline");
    const { page, consoleErrors, votes } = await boardOn(worker, visitor("inline"));
    let tabs = 0;
    page.on("popup", () => tabs++);
    const id = await firstId(page);
    const row = page.locator(`userecho-feedback li[data-topic-id="${id}"]`);
    const before = Number(await row.locator("[part=vote-count]").textContent());

    const given = page.waitForResponse(/\/votes$/);
    await row.locator("[part=vote-button]").click();
    expect((await given).status()).toBe(200);
    await expect
      .poll(() => row.locator("[part=vote-count]").textContent())
      .toBe(String(before + 1));
    expect(await row.locator("[part=vote-button]").getAttribute("aria-pressed")).toBe("true");
    // And back: still inline.
    const taken = page.waitForResponse(/\/votes$/);
    await row.locator("[part=vote-button]").click();
    expect((await taken).status()).toBe(200);
    await expect.poll(() => row.locator("[part=vote-count]").textContent()).toBe(String(before));
    expect(votes).toHaveLength(2);
    expect(tabs).toBe(0);
    expect((await autoExtendedApi.meta(1)).voting).toBe("inline");
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
