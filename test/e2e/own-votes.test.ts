import { describe, it } from "vitest";
import type { Page } from "playwright-core";
import { extendedApi as api } from "./support/api.ts";
import { useTestPage } from "./support/browser.ts";
import { mount, titles } from "./support/board.ts";
import { siteJwt } from "./support/jwt.ts";

/**
 * A signed-in visitor sees their own votes pressed: the shared topic list never carries them,
 * so the board lays the worker's personal overlay (`/v1/forums/:id/my-votes`) over each page it
 * loads, and again once the visitor signs in. Inline votes exist only on the emulator's extended
 * profile, hence the stack's second worker.
 */
let page: Page;
let consoleErrors: string[];
useTestPage((opened) => ({ page, consoleErrors } = opened), { worker: "extendedWorkerUrl" });

// A visitor of this file's own, so no other test's votes are theirs.
const token = siteJwt({
  sub: `e2e-own-votes-${Date.now()}`,
  email: "own-votes@example.test",
  name: "Own Votes",
});
const board = `<userecho-feedback forum="1" page-size="3" sort="new"></userecho-feedback>`;
const voteButton = (id: number) =>
  page.locator(`userecho-feedback li[data-topic-id="${id}"] [part=vote-button]`);
const pressed = (id: number) => voteButton(id).getAttribute("aria-pressed");
const signIn = () =>
  page.evaluate((jwt) => {
    (
      document.querySelector("userecho-feedback") as unknown as { getToken: () => unknown }
    ).getToken = async () => jwt;
  }, token);
const goToPage = (n: number) =>
  page
    .locator("userecho-feedback [part=pagination] button", {
      hasText: new RegExp(`^\\s*${n}\\s*$`),
    })
    .click();

describe("the visitor's own votes", () => {
  it("are pressed after sign-in, on every page, and after a reload", async ({ expect }) => {
    const first = await api.topics(1, { limit: 3, sort: "new", page: 1 });
    const second = await api.topics(1, { limit: 3, sort: "new", page: 2 });
    // The shared list carries nobody's vote.
    expect(first.items.every((topic) => topic.myVote === undefined)).toBe(true);
    const mine1 = first.items[1]!.id;
    const mine2 = second.items[0]!.id;

    // Signed in: vote on one topic of page 1 and one of page 2.
    await mount(page, board);
    await signIn();
    await voteButton(mine1).waitFor();
    await voteButton(mine1).click();
    await expect.poll(() => pressed(mine1)).toBe("true");
    await goToPage(2);
    await expect.poll(() => titles(page)).toEqual(second.items.map((topic) => topic.title));
    await voteButton(mine2).click();
    await expect.poll(() => pressed(mine2)).toBe("true");

    // A new page load: nobody is signed in yet, and nothing is pressed.
    await page.reload();
    const overlays: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/my-votes")) overlays.push(request.url());
    });
    await mount(page, board);
    await voteButton(mine1).waitFor();
    expect(
      await page
        .locator("userecho-feedback [part=vote-button]")
        .evaluateAll((buttons) => buttons.map((button) => button.getAttribute("aria-pressed"))),
    ).toEqual(["false", "false", "false"]);
    expect(overlays).toEqual([]);

    // Signing in fetches the overlay for the page shown: the visitor's vote is pressed, no other.
    await signIn();
    await expect.poll(() => pressed(mine1)).toBe("true");
    for (const topic of first.items.filter((item) => item.id !== mine1)) {
      expect(await pressed(topic.id)).toBe("false");
    }
    expect(overlays.at(-1)).toMatch(/\/v1\/forums\/1\/my-votes\?page=1&limit=3&sort=new$/);

    // Each page loaded brings its own overlay.
    await goToPage(2);
    await expect.poll(() => titles(page)).toEqual(second.items.map((topic) => topic.title));
    await expect.poll(() => pressed(mine2)).toBe("true");
    for (const topic of second.items.filter((item) => item.id !== mine2)) {
      expect(await pressed(topic.id)).toBe("false");
    }
    expect(overlays.at(-1)).toMatch(/my-votes\?page=2&limit=3&sort=new$/);

    // Pressing an own vote takes it back, as the visitor expects of a pressed button.
    const response = page.waitForResponse(/\/votes$/);
    await voteButton(mine2).click();
    expect(((await (await response).json()) as { myVote: number }).myVote).toBe(0);
    await expect.poll(() => pressed(mine2)).toBe("false");
    expect(consoleErrors).toEqual([]);
  });
});
