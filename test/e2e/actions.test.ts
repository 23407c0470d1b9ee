import { beforeEach, describe, inject, it } from "vitest";
import type { Page, Request } from "playwright-core";
import { api } from "./support/api.ts";
import { useTestPage } from "./support/browser.ts";
import { announcement, events, isNetworkLog, mount, recordEvents } from "./support/board.ts";
import { siteJwt } from "./support/jwt.ts";

/**
 * The signed-in side of <userecho-feedback>: the token callback, votes, the submit form, comments
 * and the signed-in forum link, end to end through the worker and the emulator. A few tests stub
 * one answer of the worker (a refused vote, a 401) to reach states the real stack does not give.
 * The visitor's own votes (`/my-votes`, fetched once rows are listed on a page with a token
 * callback) are stubbed empty here, so that the made-up tokens these tests use are not refused
 * by that call; `own-votes.test.ts` covers the overlay with a real one.
 */
let page: Page;
let consoleErrors: string[];
useTestPage((opened) => ({ page, consoleErrors } = opened));
beforeEach(async () => {
  await recordEvents(page);
  await page.route(/\/v1\/forums\/\d+\/my-votes/, (route) =>
    route.fulfill({ json: { items: [] } }),
  );
});

const topics = () => page.locator("userecho-feedback li[part=topic]");

/** Mounts a board whose `getToken` counts its calls and returns `token`. */
async function mountSignedIn(token: string, attributes = 'page-size="3"') {
  await mount(page, `<userecho-feedback forum="1" ${attributes}></userecho-feedback>`);
  await page.evaluate((value) => {
    const w = window as unknown as { tokenCalls: number };
    w.tokenCalls = 0;
    (
      document.querySelector("userecho-feedback") as unknown as { getToken: () => unknown }
    ).getToken = async () => {
      w.tokenCalls++;
      return value;
    };
  }, token);
  await topics().first().waitFor();
}

const tokenCalls = () =>
  page.evaluate(() => (window as unknown as { tokenCalls: number }).tokenCalls);

/** Makes the worker's meta say `voting: "inline"` (the vote endpoint is used directly). */
async function inlineVoting() {
  await page.route(/\/v1\/forums\/\d+\/meta/, async (route) => {
    const response = await route.fetch();
    const meta = (await response.json()) as Record<string, unknown>;
    await route.fulfill({ response, json: { ...meta, voting: "inline" } });
  });
}

describe("signed-in actions", () => {
  it("votes optimistically and rolls back, with a visible message, when the worker refuses", async ({
    expect,
  }) => {
    await inlineVoting();
    const votes: Request[] = [];
    await page.route(/\/v1\/topics\/\d+\/votes$/, async (route) => {
      votes.push(route.request());
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.fulfill({
        status: 502,
        contentType: "application/problem+json",
        body: JSON.stringify({
          type: "https://userecho-edge.dev/problems/upstream-error",
          title: "UserEcho refused the request",
          status: 502,
        }),
      });
    });
    await mountSignedIn("header.payload.signature");
    const [first] = (await api.topics(1, { limit: 3, sort: "top" })).items;
    // Once the rows are listed, for the visitor's own votes; then reused.
    await expect.poll(tokenCalls).toBe(1);

    const button = page.locator("userecho-feedback [part=vote-button]").first();
    const count = page.locator("userecho-feedback [part=vote-count]").first();
    await button.click();
    // Optimistic: pressed and counted before the worker answers.
    await expect.poll(() => button.getAttribute("aria-pressed")).toBe("true");
    expect(await count.textContent()).toBe(String(first!.votes.score + 1));
    // Refused: back to what it was, and the visitor is told.
    await expect.poll(() => button.getAttribute("aria-pressed")).toBe("false");
    expect(await count.textContent()).toBe(String(first!.votes.score));
    const message = page.locator("userecho-feedback li[part=topic] [role=alert]").first();
    const refused =
      "Your vote could not be saved. The forum is not answering right now. Please try again in a moment.";
    await expect.poll(async () => (await message.textContent())?.trim()).toBe(refused);
    await expect.poll(() => announcement(page)).toBe(refused);
    expect((await events(page)).find((e) => e.type === "userecho-error")?.detail).toMatchObject({
      action: "vote",
      status: 502,
    });

    // The request follows the contract.
    const request = votes[0]!;
    expect(request.method()).toBe("POST");
    expect(request.url()).toBe(`${inject("workerUrl")}/v1/topics/${first!.id}/votes`);
    expect(request.headers()["authorization"]).toBe("Bearer header.payload.signature");
    expect(request.headers()["content-type"]).toBe("application/json");
    expect(request.headers()["idempotency-key"]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(request.postDataJSON()).toEqual({ value: 1 });

    // The token is reused; each action has its own idempotency key.
    await button.click();
    await expect.poll(() => votes.length).toBe(2);
    expect(await tokenCalls()).toBe(1);
    expect(votes[1]!.headers()["idempotency-key"]).not.toBe(request.headers()["idempotency-key"]);
    await expect.poll(() => button.getAttribute("aria-pressed")).toBe("false");
    expect(consoleErrors.filter((message) => !isNetworkLog(message))).toEqual([]);
  });

  it("asks for a fresh token once when the worker answers 401", async ({ expect }) => {
    await inlineVoting();
    const seen: string[] = [];
    await page.route(/\/v1\/topics\/\d+\/votes$/, async (route) => {
      seen.push(route.request().headers()["authorization"] ?? "");
      await route.fulfill({
        status: 401,
        contentType: "application/problem+json",
        body: JSON.stringify({
          type: "https://userecho-edge.dev/problems/unauthorized",
          title: "Unauthorized",
          status: 401,
        }),
      });
    });
    await mountSignedIn("first-token");
    await page.evaluate(() => {
      const el = document.querySelector("userecho-feedback") as unknown as {
        getToken: () => unknown;
      };
      const w = window as unknown as { tokenCalls: number };
      el.getToken = async () => `token-${++w.tokenCalls}`;
    });
    await page.locator("userecho-feedback [part=vote-button]").first().click();
    await expect.poll(() => seen.length).toBe(2);
    // The cached token, then a fresh one from the callback, and no third try.
    expect(seen[1]).not.toBe(seen[0]);
    expect(seen[1]).toBe(`Bearer token-${await tokenCalls()}`);
    await expect
      .poll(() => page.locator("userecho-feedback li[part=topic] [role=alert]").count())
      .toBe(1);
    expect(consoleErrors.filter((message) => !isNetworkLog(message))).toEqual([]);
  });

  it("takes the token callback from configure() when the element has none", async ({ expect }) => {
    await inlineVoting();
    await page.route(/\/v1\/topics\/\d+\/votes$/, (route) =>
      route.fulfill({ status: 503, contentType: "application/problem+json", body: "{}" }),
    );
    await mount(page, `<userecho-feedback forum="1" page-size="3"></userecho-feedback>`);
    await topics().first().waitFor();
    // A string, so the test runner does not rewrite the page's dynamic import.
    await page.evaluate(`import("/widget.js").then(({ configure }) => {
      let calls = 0;
      configure({ getToken: async () => "global-" + ++calls });
    })`);
    const request = page.waitForRequest(/\/votes$/);
    await page.locator("userecho-feedback [part=vote-button]").first().click();
    expect((await request).headers()["authorization"]).toBe("Bearer global-1");
    await page.evaluate(
      `import("/widget.js").then(({ configure }) => configure({ getToken: undefined }))`,
    );
    expect(
      (await events(page)).filter((event) => event.type === "userecho-sign-in-request"),
    ).toEqual([]);
  });

  it("suggests similar topics while the idea's title is typed", async ({ expect }) => {
    await mountSignedIn("header.payload.signature");
    const submit = page.locator("userecho-feedback [part=submit-button]");
    await submit.click();
    await expect.poll(() => submit.getAttribute("aria-expanded")).toBe("true");
    const title = page.locator("userecho-submit-form input[name=title]");
    await title.waitFor();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const form = document
            .querySelector("userecho-feedback")!
            .shadowRoot!.querySelector("userecho-submit-form");
          return form?.shadowRoot?.activeElement?.id ?? null;
        }),
      )
      .toBe("title");
    const meta = await api.meta(1);
    expect(
      (await page.locator("userecho-submit-form select[name=type] option").allTextContents()).map(
        (text) => text.trim(),
      ),
    ).toEqual(meta.types.map((type) => type.name));

    await title.pressSequentially("Sync reports", { delay: 20 });
    const expected = await api.topics(1, { page: 1, limit: 5, q: "Sync reports" });
    expect(expected.items.length).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator("userecho-submit-form [part=similar] li").allTextContents())
      .toEqual(expected.items.map((topic) => expect.stringContaining(topic.title)));
    await page.locator("userecho-submit-form button", { hasText: "Cancel" }).click();
    expect(await page.locator("userecho-submit-form").count()).toBe(0);
    await expect
      .poll(() =>
        page.evaluate(
          () => document.querySelector("userecho-feedback")!.shadowRoot!.activeElement?.id,
        ),
      )
      .toBe("submit");
    // Opening the form asks whether anyone is signed in (once: the token is then reused).
    expect(await tokenCalls()).toBe(1);
    expect(consoleErrors).toEqual([]);
  });

  it("submits an idea, shows it at the top and focuses it", async ({ expect }) => {
    await mountSignedIn(siteJwt());
    await page.locator("userecho-feedback [part=submit-button]").click();
    const title = `E2E idea ${Date.now()}`;
    await page.locator("userecho-submit-form input[name=title]").fill(title);
    await page
      .locator("userecho-submit-form textarea[name=description]")
      .fill("From the browser tests.");
    const created = page.waitForResponse(
      (response) =>
        response.request().method() === "POST" && /\/v1\/forums\/1\/topics$/.test(response.url()),
    );
    await page.locator("userecho-submit-form button[type=submit]").click();
    const response = await created;
    expect(response.status()).toBe(201);
    expect(response.request().headers()["idempotency-key"]).toBeTruthy();
    const topic = (await response.json()) as { id: number; title: string };
    expect(topic.title).toBe(title);
    await expect
      .poll(() =>
        page.evaluate(
          () => document.querySelector("userecho-feedback")!.shadowRoot!.activeElement?.textContent,
        ),
      )
      .toBe(title);
    expect(
      (await events(page)).find((e) => e.type === "userecho-topic-created")?.detail,
    ).toMatchObject({
      topic: { id: topic.id, title },
    });
    await expect.poll(() => announcement(page)).toBe("Your idea was posted.");
    expect(consoleErrors).toEqual([]);
  });

  it("posts a comment, appends it and focuses it", async ({ expect }) => {
    await mountSignedIn(siteJwt());
    await page.locator("userecho-feedback [part=title]").first().click();
    const text = `E2E comment ${Date.now()}`;
    await page.locator("userecho-topic-detail textarea[name=text]").fill(text);
    const response = page.waitForResponse(/\/comments$/);
    await page.locator("userecho-topic-detail button[type=submit]").click();
    expect((await response).status()).toBe(201);
    await expect
      .poll(() => page.locator("userecho-topic-detail [part=comment]").last().textContent())
      .toContain(text);
    expect((await events(page)).some((e) => e.type === "userecho-comment-created")).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  it("continues on the forum signed in", async ({ expect }) => {
    await mountSignedIn(siteJwt());
    const popup = page.waitForEvent("popup");
    await page.locator("userecho-feedback [part=forum-link]").click();
    const tab = await popup;
    await tab.waitForURL(/sso_token=/, { waitUntil: "commit" }).catch(() => undefined);
    expect(tab.url()).toContain("sso_token=");
    await tab.close();
  });
});
