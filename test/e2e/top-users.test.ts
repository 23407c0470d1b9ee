import { describe, it } from "vitest";
import type { Page } from "playwright-core";
import { api } from "./support/api.ts";
import { useTestPage } from "./support/browser.ts";
import { isNetworkLog, mount } from "./support/board.ts";

let page: Page;
let consoleErrors: string[];
useTestPage((opened) => ({ page, consoleErrors } = opened));

const rows = () =>
  page.evaluate(() =>
    [
      ...document
        .querySelector("userecho-top-users")!
        .shadowRoot!.querySelectorAll("li[part=user]"),
    ].map((li) => ({
      rank: li.querySelector("[part=rank]")!.lastChild!.textContent,
      name: li.querySelector("[part=name]")!.textContent,
      rating: li.querySelector("[part=rating]")!.lastChild!.textContent,
      avatar: li.querySelector("[part=avatar] img")?.getAttribute("src") ?? null,
    })),
  );

describe("<userecho-top-users>", () => {
  it("shows rank, avatar, name and rating of the top users, as many as `limit`", async ({
    expect,
  }) => {
    await mount(page, `<userecho-top-users limit="7"></userecho-top-users>`);
    await page.locator("userecho-top-users li[part=user]").first().waitFor();
    const expected = await api.topUsers(7);
    const number = new Intl.NumberFormat("en");
    expect(await rows()).toEqual(
      expected.items.map((user) => ({
        rank: number.format(user.rank),
        name: user.name,
        rating: number.format(user.rating),
        avatar: user.avatarUrl,
      })),
    );
    expect(expected.items).toHaveLength(7);
    expect((await page.locator("userecho-top-users [part=heading]").textContent())?.trim()).toBe(
      "Top users",
    );
    expect(consoleErrors).toEqual([]);
  });

  it("follows the language and theme like the board", async ({ expect }) => {
    await mount(page, `<userecho-top-users limit="3" lang="de" theme="dark"></userecho-top-users>`);
    await page.locator("userecho-top-users li[part=user]").first().waitFor();
    await expect
      .poll(async () =>
        (await page.locator("userecho-top-users [part=heading]").textContent())?.trim(),
      )
      .toBe("Top-Mitglieder");
    const [top] = (await api.topUsers(3)).items;
    expect((await rows())[0]!.rating).toBe(new Intl.NumberFormat("de").format(top!.rating));
    const background = await page
      .locator("userecho-top-users [part=base]")
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe("rgb(13, 17, 23)");
    expect(consoleErrors).toEqual([]);
  });

  it("shows an error with a retry, then the users", async ({ expect }) => {
    let failed = false;
    await page.route(/\/v1\/users\/top/, async (route) => {
      if (failed) return route.continue();
      failed = true;
      await route.fulfill({
        status: 500,
        contentType: "application/problem+json",
        body: JSON.stringify({
          type: "https://userecho-edge.dev/problems/internal",
          title: "Internal error",
          status: 500,
        }),
      });
    });
    await mount(page, `<userecho-top-users limit="4"></userecho-top-users>`);
    const error = page.locator("userecho-top-users [part=error]");
    await error.waitFor();
    expect(await error.textContent()).toContain("The leaderboard could not be loaded.");
    await expect
      .poll(() => error.textContent())
      .toContain("The forum is not answering right now. Please try again in a moment.");
    await page.locator("userecho-top-users [part=retry-button]").click();
    await page.locator("userecho-top-users li[part=user]").first().waitFor();
    expect((await rows()).map((row) => row.name)).toEqual(
      (await api.topUsers(4)).items.map((user) => user.name),
    );
    expect(consoleErrors.filter((message) => !isNetworkLog(message))).toEqual([]);
  });

  it("shows the empty state when there is nobody", async ({ expect }) => {
    await page.route(/\/v1\/users\/top/, (route) =>
      route.fulfill({ json: { items: [], page: { number: 1, size: 5, total: 0, totalPages: 0 } } }),
    );
    await mount(page, `<userecho-top-users limit="5"></userecho-top-users>`);
    const empty = page.locator("userecho-top-users [part=empty]");
    await empty.waitFor();
    expect((await empty.textContent())?.trim()).toBe("No users yet.");
  });
});
