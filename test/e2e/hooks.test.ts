/**
 * Fresh within seconds: an admin changes something in UserEcho's own back office (the emulator's
 * admin route), UserEcho delivers its webhook to the worker under `wrangler dev`, and the board in
 * Chromium shows the change the next time it loads. The worker runs with its default TTLs (60 s
 * for topic lists and comments) and nobody calls the purge route: only the delivery can explain a
 * change seen within 5 s. A forged delivery is refused, and the board keeps its cached page.
 */
import { afterAll, beforeAll, describe, inject, it } from "vitest";
import type { Page } from "playwright-core";
import credentials from "@userecho-edge/emulator/credentials.json" with { type: "json" };
import { registerWebhooks } from "../stack.ts";
import { LOADED, useTestPage } from "./support/browser.ts";
import { mount, settled, titles } from "./support/board.ts";

let page: Page;
let consoleErrors: string[];
useTestPage((opened) => ({ page, consoleErrors } = opened));

/** The promise: a change made in UserEcho shows on the board within five seconds. */
const FRESH_WITHIN = { timeout: 5_000, interval: 250 };
const FORUM = 2;
const board = `<userecho-feedback forum="${FORUM}" sort="new" page-size="5"></userecho-feedback>`;

interface DeliveryRecord {
  event: string;
  objectId: number;
  status: number;
}

const emulator = (path: string, init?: RequestInit) =>
  fetch(`${inject("emulatorUrl")}${path}`, init).then(
    async (response) => (await response.json()) as Record<string, unknown>,
  );

/** An admin's change in UserEcho; the answer says how each webhook delivery went. */
const admin = (method: string, path: string, body?: unknown) =>
  emulator(`/__emulator/admin${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }) as Promise<{ topicId?: number; commentId?: number; deliveries: DeliveryRecord[] }>;

/** The board as a visitor arriving now sees it. */
async function shownTitles(): Promise<string[]> {
  await mount(page, board);
  await settled(page);
  return titles(page);
}

let hookIds: number[] = [];

beforeAll(async () => {
  hookIds = await registerWebhooks(inject("emulatorUrl"), inject("workerUrl"));
});

afterAll(async () => {
  // Other suites share this emulator: it stops telling the worker about their writes. Deleting
  // is a guessed call, which the emulator has under its extended profile.
  await emulator("/__emulator/hooks/signing", { method: "PUT", body: "{}" });
  for (const id of hookIds) {
    await emulator(
      `/profile/extended/api/v2/hooks/${id}.json?access_token=${credentials.agentToken}`,
      {
        method: "DELETE",
      },
    );
  }
});

describe("a change made in UserEcho's admin", () => {
  let topicId: number;

  it("is refused when forged, and shows within 5 s when UserEcho delivers it", async ({
    expect,
  }) => {
    const before = await shownTitles();

    // A forger who knows the URL, but not the webhook key.
    await emulator("/__emulator/hooks/signing", {
      method: "PUT",
      body: JSON.stringify({ key: "a forger's guess at the key" }),
    });
    const forged = await admin("POST", "/topics", { forumId: FORUM, header: "Forged news" });
    expect(forged.deliveries.map((d) => [d.event, d.status])).toEqual([["topic.created", 401]]);
    // UserEcho holds the topic now, but the worker's cached page (60 s) is still what it shows.
    expect(await shownTitles()).toEqual(before);

    await emulator("/__emulator/hooks/signing", { method: "PUT", body: "{}" });
    const genuine = await admin("POST", "/topics", {
      forumId: FORUM,
      header: "Fresh from the admin",
    });
    expect(genuine.deliveries.map((d) => [d.event, d.status])).toEqual([["topic.created", 200]]);
    topicId = genuine.topicId!;
    await expect
      .poll(shownTitles, FRESH_WITHIN)
      .toEqual(["Fresh from the admin", "Forged news", ...before].slice(0, 5));
    expect(consoleErrors).toEqual([]);
  });

  it("shows a new comment within 5 s, and a deleted topic is gone within 5 s", async ({
    expect,
  }) => {
    const comments = async () => {
      await mount(page, board);
      await settled(page);
      await page.locator(`userecho-feedback li[data-topic-id="${topicId}"] [part=title]`).click();
      // The comments have loaded once there is a list, or the words for none.
      await page
        .locator("userecho-feedback userecho-topic-detail .comments")
        .locator("ol[part=comments], p.muted")
        .first()
        .waitFor(LOADED);
      return page.locator("userecho-feedback [part=comment] .html").allTextContents();
    };
    expect(await comments()).toEqual([]);

    const added = await admin("POST", `/topics/${topicId}/comments`, {
      text: "<p>Answered in the back office</p>",
    });
    expect(added.deliveries.map((d) => [d.event, d.status])).toEqual([["comment.created", 200]]);
    await expect.poll(comments, FRESH_WITHIN).toEqual(["Answered in the back office"]);

    const deleted = await admin("DELETE", `/topics/${topicId}`);
    expect(deleted.deliveries.map((d) => [d.event, d.status])).toEqual([["topic.deleted", 200]]);
    await expect.poll(shownTitles, FRESH_WITHIN).not.toContain("Fresh from the admin");
    expect(consoleErrors).toEqual([]);
  });
});
