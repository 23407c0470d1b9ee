import { beforeEach, describe, it } from "vitest";
import type { Page } from "playwright-core";
// The seed alone: the package's entry brings the emulator's workerd-only code into this project.
import { GROUP_MEMBERS } from "@userecho-edge/emulator/seed";
import { useTestPage } from "./support/browser.ts";
import { events, mount, recordEvents } from "./support/board.ts";
import { siteJwt } from "./support/jwt.ts";

/**
 * UserEcho user groups give their members votes of their own weight (the emulator's seeded
 * groups: partners give 5 a topic, 10 in all; trial users 1 in all). Only the extended profile
 * takes votes inline, hence the stack's second worker. A member signs in with their SSO guid as
 * the site's `sub`, which is how the worker names them to UserEcho.
 */
let page: Page;
let consoleErrors: string[];
useTestPage((opened) => ({ page, consoleErrors } = opened), { worker: "extendedWorkerUrl" });
beforeEach(async () => {
  await recordEvents(page);
});

const board = (lang = "en") =>
  `<userecho-feedback forum="1" page-size="3" sort="new" lang="${lang}"></userecho-feedback>`;
const row = (id: number) => page.locator(`userecho-feedback li[data-topic-id="${id}"]`);
const count = (id: number) => row(id).locator("[part=vote-count]").textContent();
const pressed = (id: number) => row(id).locator("[part=vote-button]").getAttribute("aria-pressed");
const myVotes = (id: number) => row(id).locator("[part=my-votes]");
const signInAs = (guid: string, name: string) =>
  page.evaluate(
    (jwt) => {
      (
        document.querySelector("userecho-feedback") as unknown as { getToken: () => unknown }
      ).getToken = async () => jwt;
    },
    siteJwt({ sub: guid, name, email: `${guid}@example.test` }),
  );
const firstTopicId = async () =>
  Number(
    await page.locator("userecho-feedback li[part=topic]").first().getAttribute("data-topic-id"),
  );

describe("a visitor whose votes weigh more than one", () => {
  it("gives and takes back all their votes, shows how many, and keeps them after a reload", async ({
    expect,
  }) => {
    const { guid } = GROUP_MEMBERS.partner;
    await mount(page, board());
    await signInAs(guid, "Partner");
    await page.locator("userecho-feedback li[part=topic]").first().waitFor();
    const id = await firstTopicId();
    await expect.poll(() => pressed(id)).toBe("false");
    const before = Number(await count(id));

    const given = page.waitForResponse(/\/votes$/);
    await row(id).locator("[part=vote-button]").click();
    const result = (await (await given).json()) as { myVote: number; votes: { score: number } };
    expect(result.myVote).toBe(5);
    expect(result.votes.score).toBe(before + 5);
    await expect.poll(() => count(id)).toBe(String(before + 5));
    expect(await pressed(id)).toBe("true");
    await expect.poll(() => myVotes(id).textContent()).toContain("You gave 5 votes");
    expect((await events(page)).find((e) => e.type === "userecho-vote")?.detail).toMatchObject({
      topicId: id,
      value: 5,
    });

    // A new page load, in German: the overlay of own votes brings the weight back.
    await page.reload();
    await mount(page, board("de"));
    await signInAs(guid, "Partner");
    await row(id).waitFor();
    await expect.poll(() => pressed(id)).toBe("true");
    await expect.poll(() => myVotes(id).textContent()).toContain("Sie haben 5 Stimmen gegeben");
    // No other row carries the note.
    expect(await page.locator("userecho-feedback [part=my-votes]").count()).toBe(1);

    // A click takes back all five, never four: the vote sent is a withdrawal.
    const taken = page.waitForResponse(/\/votes$/);
    await row(id).locator("[part=vote-button]").click();
    const response = await taken;
    expect(response.request().postDataJSON()).toEqual({ value: 0 });
    expect(((await response.json()) as { myVote: number }).myVote).toBe(0);
    await expect.poll(() => count(id)).toBe(String(before));
    expect(await pressed(id)).toBe("false");
    expect(await myVotes(id).count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});

describe("a visitor whose vote budget is spent", () => {
  it("is told so in their language, and the count goes back", async ({ expect }) => {
    const { guid } = GROUP_MEMBERS.spent;
    await mount(page, board());
    await signInAs(guid, "Spent");
    await page.locator("userecho-feedback li[part=topic]").first().waitFor();
    const id = await firstTopicId();
    // Their one vote is on an old topic, not on the newest.
    await expect.poll(() => pressed(id)).toBe("false");
    const before = await count(id);

    const refused = page.waitForResponse(/\/votes$/);
    await row(id).locator("[part=vote-button]").click();
    const response = await refused;
    expect(response.status()).toBe(409);
    expect(((await response.json()) as { type: string }).type).toMatch(/\/vote-budget-spent$/);
    await expect
      .poll(() => row(id).locator("[role=alert]").textContent())
      .toContain(
        "Your vote could not be saved. You have no votes left. Take back one of your votes on another topic to vote here.",
      );
    expect(await count(id)).toBe(before);
    expect(await pressed(id)).toBe("false");
    expect((await events(page)).find((e) => e.type === "userecho-error")?.detail).toMatchObject({
      action: "vote",
      status: 409,
    });
    expect(
      consoleErrors.filter((message) => !message.startsWith("Failed to load resource")),
    ).toEqual([]);
  });
});
