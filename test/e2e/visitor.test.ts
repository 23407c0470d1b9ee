import { beforeEach, describe, it } from "vitest";
import type { Page } from "playwright-core";
import { api } from "./support/api.ts";
import { axe, useTestPage } from "./support/browser.ts";
import {
  type BoardElement,
  events,
  isNetworkLog,
  mount,
  recordEvents,
  settled,
} from "./support/board.ts";
import { siteJwt } from "./support/jwt.ts";

/**
 * What visitors and site owners run into: where a new topic and focus go, signing in before
 * typing, messages in the visitor's language, a board set up wrongly, keyboard and landmarks.
 */
let page: Page;
let consoleErrors: string[];
const warnings: string[] = [];
useTestPage((opened) => {
  ({ page, consoleErrors } = opened);
  page.on("console", (message) => {
    if (message.type() === "warning") warnings.push(message.text());
  });
});
beforeEach(async () => {
  warnings.length = 0;
  await recordEvents(page);
  await page.evaluate(() => (document.documentElement.lang = "en"));
});

const board = (attributes = "") =>
  `<userecho-feedback forum="1" ${attributes}></userecho-feedback>`;

async function signIn(token: string | null, selector = "userecho-feedback") {
  await page.evaluate(
    ([s, t]) => {
      (document.querySelector(s!) as unknown as BoardElement).getToken = () => t;
    },
    [selector, token] as const,
  );
}

/** What has focus, through the shadow roots: the element's part or id, or "body". */
const focused = () =>
  page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    if (!element || element === document.body) return "body";
    return element.getAttribute("part") ?? element.id ?? element.localName;
  });

const openForm = async () => {
  await page.locator("userecho-feedback [part=submit-button]").click();
  await page.locator("userecho-submit-form input[name=title]").waitFor();
};

describe("posting", () => {
  it("a topic submitted from page 2 is shown on page 1, focused, and counted", async ({
    expect,
  }) => {
    await mount(page, board('page-size="5"'));
    await settled(page);
    await signIn(siteJwt());
    const count = () => page.locator("userecho-feedback [part=count]").textContent();
    const totalBefore = (await api.topics(1, { limit: 5 })).page.total;
    await page
      .locator("userecho-feedback [part=pagination] button", { hasText: /^\s*2\s*$/ })
      .click();
    await page
      .locator("userecho-feedback [part=pagination] [aria-current=page]", { hasText: "2" })
      .waitFor();
    await openForm();
    const title = `From page two ${Date.now()}`;
    await page.locator("userecho-submit-form input[name=title]").fill(title);
    await page.locator("userecho-submit-form button[type=submit]").click();
    await expect
      .poll(() =>
        page.evaluate(
          () => document.querySelector("userecho-feedback")!.shadowRoot!.activeElement?.textContent,
        ),
      )
      .toBe(title);
    expect(
      (await page.locator("userecho-feedback [part=title]").first().textContent())?.trim(),
    ).toBe(title);
    expect(
      await page.locator("userecho-feedback [part=pagination] [aria-current=page]").textContent(),
    ).toContain("1");
    await expect.poll(count).toBe(`${totalBefore! + 1} topics`);
    expect(consoleErrors).toEqual([]);
  });

  it("keeps focus on the form when a submit fails, and says why in the visitor's language", async ({
    expect,
  }) => {
    await page.evaluate(() => (document.documentElement.lang = "de"));
    await mount(page, board('page-size="3"'));
    await settled(page);
    await signIn(siteJwt());
    await page.route(/\/v1\/forums\/1\/topics$/, (route) =>
      route.request().method() === "POST"
        ? route.fulfill({
            status: 429,
            contentType: "application/problem+json",
            headers: { "Retry-After": "30" },
            body: JSON.stringify({
              type: "https://userecho-edge.dev/problems/rate-limited",
              title: "Too many requests",
              status: 429,
              detail: "Slow down.",
            }),
          })
        : route.continue(),
    );
    await openForm();
    await page.locator("userecho-submit-form input[name=title]").fill("A fine idea");
    await page.locator("userecho-submit-form button[type=submit]").focus();
    await page.keyboard.press("Enter");
    const error = page.locator("userecho-submit-form [role=alert]");
    await error.waitFor();
    expect((await error.textContent())?.trim()).toBe(
      "Ihre Idee konnte nicht veröffentlicht werden. Zu viele Anfragen in kurzer Zeit. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.",
    );
    expect(await focused()).not.toBe("body");
    expect(consoleErrors.filter((m) => !isNetworkLog(m))).toEqual([]);
  });

  it("checks title and comment as the worker does, before sending, in the visitor's language", async ({
    expect,
  }) => {
    await page.evaluate(() => (document.documentElement.lang = "de"));
    await mount(page, board('page-size="3"'));
    await settled(page);
    await signIn(siteJwt());
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(request.url());
    });
    await openForm();
    const title = page.locator("userecho-submit-form input[name=title]");
    await title.fill("    ");
    await page.locator("userecho-submit-form button[type=submit]").click();
    const error = page.locator("userecho-submit-form [role=alert]");
    await error.waitFor();
    expect((await error.textContent())?.trim()).toBe("Der Titel braucht 3 bis 200 Zeichen.");
    expect(await title.getAttribute("aria-invalid")).toBe("true");
    expect(await focused()).toBe("title");
    await title.pressSequentially("Ok");
    expect(await error.count()).toBe(0); // gone as soon as the visitor fixes it

    await page.locator("userecho-submit-form button", { hasText: "Abbrechen" }).click();
    await page.locator("userecho-feedback [part=title]").first().click();
    const comment = page.locator("userecho-topic-detail textarea[name=text]");
    await comment.fill("   \n  ");
    await page.locator("userecho-topic-detail button[type=submit]").click();
    const commentError = page.locator("userecho-topic-detail [role=alert]");
    await commentError.waitFor();
    expect((await commentError.textContent())?.trim()).toBe(
      "Der Kommentar braucht 1 bis 10.000 Zeichen.",
    );
    expect(posts).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("a refused vote says the worker's reason, like a refused submit", async ({ expect }) => {
    await page.route(/\/v1\/forums\/\d+\/meta/, async (route) => {
      const response = await route.fetch();
      const meta = (await response.json()) as Record<string, unknown>;
      await route.fulfill({ response, json: { ...meta, voting: "inline" } });
    });
    await page.route(/\/votes$/, (route) =>
      route.fulfill({
        status: 429,
        contentType: "application/problem+json",
        body: JSON.stringify({
          type: "https://userecho-edge.dev/problems/rate-limited",
          title: "Too many requests",
          status: 429,
        }),
      }),
    );
    await mount(page, board('page-size="3"'));
    await settled(page);
    await signIn(siteJwt());
    await page.locator("userecho-feedback [part=vote-button]").first().click();
    const alert = page.locator("userecho-feedback li[part=topic] [role=alert]").first();
    await alert.waitFor();
    expect((await alert.textContent())?.trim()).toBe(
      "Your vote could not be saved. Too many requests in a short time. Please wait a minute, then try again.",
    );
  });

  it("a load that gets no answer is explained in the visitor's language", async ({ expect }) => {
    await page.evaluate(() => (document.documentElement.lang = "fr"));
    await page.route(/\/v1\/forums\/1\/topics/, (route) => route.abort());
    await mount(page, board());
    const error = page.locator("userecho-feedback [part=error]");
    await error.waitFor();
    await expect
      .poll(() => error.textContent())
      .toContain("Pas de connexion au serveur. Vérifiez votre connexion et réessayez.");
    expect(await error.textContent()).not.toContain("Network error");
  });
});

describe("language", () => {
  it("an unsupported language gives English words, numbers and dates, not a mix", async ({
    expect,
  }) => {
    await page.evaluate(() => (document.documentElement.lang = "ko"));
    await mount(page, board('page-size="3"'));
    await settled(page);
    const shown = await page.evaluate(() => {
      const root = document.querySelector("userecho-feedback")!.shadowRoot!;
      const date = root.querySelector("[part=date]")!;
      return {
        heading: root.querySelector("[part=heading]")!.textContent!.trim(),
        date: date.textContent,
        iso: date.getAttribute("datetime")!,
        lang: root.querySelector("[part=base]")!.getAttribute("lang"),
      };
    });
    expect(shown.heading).toBe("Ideas and feedback");
    expect(shown.lang).toBe("en");
    // Whatever its unit, the relative date is English (as Intl writes it), not Korean. The
    // newest topic may be seconds old (written by another test), so the clock may have moved on
    // by a second or two since it was drawn: any of those readings is English.
    const units = ["second", "minute", "hour", "day", "week", "month", "year"] as const;
    const english = await page.evaluate(
      ([iso, all]) => {
        const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
        const sizes = [1, 60, 3600, 86400, 604800, 2592000, 31536000];
        return [0, 1, 2].flatMap((ago) => {
          const seconds = (new Date(iso!).getTime() - Date.now()) / 1000 + ago;
          return (all as unknown as Intl.RelativeTimeFormatUnit[]).map((unit, i) =>
            rtf.format(Math.round(seconds / sizes[i]!), unit),
          );
        });
      },
      [shown.iso, units] as const,
    );
    expect(english).toContain(shown.date);
  });
});

describe("signing in", () => {
  it("asks before the form opens when nobody is signed in, and the notice clears after", async ({
    expect,
  }) => {
    await mount(page, board('page-size="3"'));
    await settled(page);
    await signIn(null);
    await page.locator("userecho-feedback [part=submit-button]").click();
    const notice = page.locator("userecho-feedback [part=notice]");
    await notice.waitFor();
    expect((await notice.textContent())?.trim()).toBe("Please sign in to continue.");
    expect(await page.locator("userecho-submit-form").count()).toBe(0);
    expect((await events(page)).map((e) => e.type)).toContain("userecho-sign-in-request");

    await signIn(siteJwt()); // the page signed the visitor in and set the callback
    await expect.poll(() => notice.count()).toBe(0);
    await openForm();

    // A forum change clears it too.
    await page.locator("userecho-submit-form button", { hasText: "Cancel" }).click();
    await signIn(null);
    await page.locator("userecho-feedback [part=submit-button]").click();
    await notice.waitFor();
    await page.evaluate(() =>
      document.querySelector("userecho-feedback")!.setAttribute("forum", "2"),
    );
    await expect.poll(() => notice.count()).toBe(0);
  });

  it("asks when the visitor starts a comment, not after it is written", async ({ expect }) => {
    await mount(page, board('page-size="3"'));
    await settled(page);
    await signIn(null);
    await page.locator("userecho-feedback [part=title]").first().click();
    await page.locator("userecho-topic-detail textarea[name=text]").focus();
    await page.locator("userecho-feedback [part=notice]").waitFor();
    expect(
      (await events(page)).filter((e) => e.type === "userecho-sign-in-request")[0]?.detail,
    ).toMatchObject({ action: "comment" });
  });
});

describe("a board set up wrongly", () => {
  for (const [name, markup, text] of [
    ["no forum", "<userecho-feedback></userecho-feedback>", "No forum is set for this board."],
    [
      'forum="abc"',
      '<userecho-feedback forum="abc"></userecho-feedback>',
      "No forum is set for this board.",
    ],
    [
      'forum="999"',
      '<userecho-feedback forum="999"></userecho-feedback>',
      "Forum 999 does not exist or is not public.",
    ],
  ] as const) {
    it(`${name}: one clear state, a userecho-error and one console warning`, async ({ expect }) => {
      await mount(page, markup);
      const error = page.locator("userecho-feedback [part=error]");
      await error.waitFor();
      await expect.poll(() => error.textContent()).toContain(text);
      expect(await page.locator("userecho-feedback [part=retry-button]").count()).toBe(0);
      expect(await page.locator("userecho-feedback [part=submit-button]").isVisible()).toBe(false);
      expect(await page.locator("userecho-feedback [part=toolbar]").count()).toBe(0);
      expect((await events(page)).filter((e) => e.type === "userecho-error")).toHaveLength(1);
      await page.waitForTimeout(200);
      expect(warnings.filter((w) => w.includes("<userecho-feedback>"))).toHaveLength(1);
      expect(consoleErrors.filter((m) => !isNetworkLog(m))).toEqual([]);
    });
  }
});

describe("keyboard and landmarks", () => {
  it("Escape closes the idea form and folds a topic, returning focus", async ({ expect }) => {
    await mount(page, board('page-size="3"'));
    await settled(page);
    await signIn(siteJwt());
    await openForm();
    await page.locator("userecho-submit-form input[name=title]").focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("userecho-submit-form").count()).toBe(0);
    await expect.poll(focused).toBe("submit-button");

    const title = page.locator("userecho-feedback [part=title]").first();
    await title.click();
    await page.locator("userecho-topic-detail textarea[name=text]").focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => title.getAttribute("aria-expanded")).toBe("false");
    await expect.poll(focused).toBe("title");
  });

  it("shows a focus ring on a comment that received focus after posting", async ({ expect }) => {
    await mount(page, board('page-size="3"'));
    await settled(page);
    await signIn(siteJwt());
    await page.locator("userecho-feedback [part=title]").first().click();
    await page.locator("userecho-topic-detail textarea[name=text]").fill(`Ring ${Date.now()}`);
    await page.locator("userecho-topic-detail button[type=submit]").click();
    await expect.poll(focused).toBe("comment");
    const outline = await page.evaluate(() => {
      const detail = document
        .querySelector("userecho-feedback")!
        .shadowRoot!.querySelector("userecho-topic-detail")!;
      return getComputedStyle(detail.shadowRoot!.activeElement!).outlineStyle;
    });
    expect(outline).toBe("solid");
  });

  it("has no axe violations with two boards and two expanded topics", async ({ expect }) => {
    await mount(page, `<h1>Two boards</h1>${board('page-size="10"')}${board('page-size="3"')}`);
    await settled(page);
    await settled(page, "userecho-feedback:nth-of-type(2)");
    // Two topics expanded on the first board, one of them with comments.
    const { items } = await api.topics(1, { limit: 10 });
    const commented = items.find((topic) => topic.commentCount > 0)!;
    const other = items.find((topic) => topic.id !== commented.id)!;
    const first = page.locator("userecho-feedback").first();
    for (const topic of [commented, other]) {
      await first.locator(`li[data-topic-id="${topic.id}"] [part=title]`).click();
    }
    await page.locator("userecho-feedback").first().locator("[part=comment]").first().waitFor();
    await expect.poll(() => first.locator("[part=title][aria-expanded=true]").count()).toBe(2);
    await expect.poll(() => first.locator("userecho-topic-detail").count()).toBe(2);
    expect(await axe(page)).toEqual([]);
  });
});
