import { afterAll, beforeAll, describe, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { api } from "./support/api.ts";
import { axe, launchBrowser, LOADED, openPage } from "./support/browser.ts";
import { dialogOpen, events, recordEvents } from "./support/board.ts";

/**
 * `<userecho-launcher>` on the blank test page: a tab that opens the board in a modal dialog.
 * Each test opens a fresh page, since what the launcher fetches on first use stays loaded.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh page with `markup` in it; records the scripts it fetches. */
async function launcherPage(markup: string) {
  const opened = await openPage(browser, `${inject("workerUrl")}/test-pages/blank.html`);
  markup = `<h1>Launcher</h1>${markup}`;
  const scripts: string[] = [];
  opened.page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  await recordEvents(opened.page);
  await opened.page.evaluate(async (html) => {
    document.getElementById("root")!.innerHTML = html;
    await customElements.whenDefined("userecho-launcher");
  }, markup);
  return { ...opened, scripts };
}

/** The focused element, looked for inside shadow roots: its tag, id, part and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let element = document.activeElement;
    const path: string[] = [];
    while (element) {
      path.push(
        `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${element.getAttribute("part") ? `[${element.getAttribute("part")}]` : ""}`,
      );
      element = element.shadowRoot?.activeElement ?? null;
    }
    return path.join(" > ");
  });

const eventTypes = async (page: Page) =>
  (await events(page))
    .map((event) => event.type)
    .filter((type) => type === "userecho-open" || type === "userecho-close");

const board = (page: Page) => page.locator("#launcher userecho-feedback");

describe("<userecho-launcher>", () => {
  it("draws a tab and fetches the board only when the visitor reaches for it", async ({
    expect,
  }) => {
    const { page, scripts, consoleErrors } = await launcherPage(
      `<userecho-launcher id="launcher" forum="1" label="Ideas"></userecho-launcher>`,
    );
    const tab = page.locator("#launcher [part=button]");
    expect((await tab.textContent())?.trim()).toBe("Ideas");
    expect(await tab.getAttribute("aria-haspopup")).toBe("dialog");
    // A side tab on the right by default, fixed to the window.
    const box = (await tab.boundingBox())!;
    const width = page.viewportSize()!.width;
    expect(box.x + box.width).toBeGreaterThan(width - 2);
    expect(await tab.evaluate((button) => getComputedStyle(button).position)).toBe("fixed");

    await page.waitForTimeout(300); // anything fetched at once would have been asked for by now
    expect(scripts.some((path) => path.includes("/chunks/board-"))).toBe(false);
    await tab.hover();
    await expect.poll(() => scripts.some((path) => path.includes("/chunks/board-"))).toBe(true);
    expect(await dialogOpen(page)).toBe(false); // hovering fetches, it does not open
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("opens the board in a modal dialog; Escape closes it and focus comes back", async ({
    expect,
  }) => {
    const { page, consoleErrors } = await launcherPage(
      `<button id="before">Before</button>
       <userecho-launcher id="launcher" forum="1" page-size="5"></userecho-launcher>
       <div style="height: 3000px"></div>`,
    );
    const tab = page.locator("#launcher [part=button]");
    expect((await tab.textContent())?.trim()).toBe("Feedback");
    await tab.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => dialogOpen(page), LOADED).toBe(true);
    await board(page).locator("li[part=topic]").first().waitFor();
    const expected = await api.topics(1, { limit: 5, sort: "top" });
    expect(
      (await board(page).locator("[part=title]").allTextContents()).map((t) => t.trim()),
    ).toEqual(expected.items.map((topic) => topic.title));
    // Focus is inside the dialog; the page behind is inert and does not scroll.
    expect(await focused(page)).toMatch(/^userecho-launcher#launcher > /);
    expect(await focused(page)).not.toMatch(/\[button\]$/);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe(
      "hidden",
    );
    await page
      .locator("#before")
      .click({ timeout: 1000, trial: true })
      .then(
        () => expect.unreachable("the page behind the dialog took a click"),
        () => undefined,
      );
    expect(await eventTypes(page)).toEqual(["userecho-open"]);

    // Escape in an open topic folds it, and the dialog stays; the next one closes the dialog.
    await board(page).locator("[part=title]").first().click();
    await board(page).locator("[part=description]").waitFor();
    await board(page).locator("userecho-topic-detail [part=forum-link]").focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => board(page).locator("userecho-topic-detail").count()).toBe(0);
    expect(await dialogOpen(page)).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialogOpen(page), LOADED).toBe(false);
    expect(await focused(page)).toBe("userecho-launcher#launcher > button[button]");
    // The page scrolls again on the dialog's close event, which comes a task after `open` is
    // false (HTML queues it): a check right after the poll above raced it on a busy machine.
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).overflow))
      .not.toBe("hidden");
    expect(await eventTypes(page)).toEqual(["userecho-open", "userecho-close"]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("gives focus back to its tab after open() from a page where nothing had focus", async ({
    expect,
  }) => {
    const { page, consoleErrors } = await launcherPage(
      `<userecho-launcher id="launcher" forum="1" page-size="3"></userecho-launcher>`,
    );
    const tab = "userecho-launcher#launcher > button[button]";
    // The page's script opens it, say on a timer, while focus is on <body>: no place to return
    // to (a keyboard user would start again from the top of the page).
    const openUnfocused = () =>
      page.evaluate(() => {
        (document.activeElement as HTMLElement | null)?.blur();
        const unfocused = document.activeElement === document.body;
        (document.getElementById("launcher") as unknown as { open(): void }).open();
        return unfocused;
      });
    expect(await openUnfocused()).toBe(true);
    await expect.poll(() => dialogOpen(page), LOADED).toBe(true);
    await board(page).locator("li[part=topic]").first().waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => dialogOpen(page), LOADED).toBe(false);
    await expect.poll(() => focused(page)).toBe(tab);

    // The same when the page closes it.
    expect(await openUnfocused()).toBe(true);
    await expect.poll(() => dialogOpen(page), LOADED).toBe(true);
    await page.evaluate(() =>
      (document.getElementById("launcher") as unknown as { close(): void }).close(),
    );
    await expect.poll(() => dialogOpen(page), LOADED).toBe(false);
    await expect.poll(() => focused(page)).toBe(tab);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("opens from any data-userecho-open element and from its API, on a topic or the form", async ({
    expect,
  }) => {
    const { page, consoleErrors } = await launcherPage(
      `<a id="trigger" href="#nowhere" data-userecho-open="launcher">Tell us</a>
       <userecho-launcher id="launcher" forum="1" position="none"></userecho-launcher>`,
    );
    // position="none": no tab, only the page's own trigger.
    expect(await page.locator("#launcher [part=button]").isVisible()).toBe(false);
    await page.locator("#trigger").click();
    await expect.poll(() => dialogOpen(page), LOADED).toBe(true);
    expect(new URL(page.url()).hash).toBe(""); // the link opened the launcher, not its href
    await board(page).locator("li[part=topic]").first().waitFor();
    await page.locator("#launcher [part=close-button]").click();
    await expect.poll(() => dialogOpen(page), LOADED).toBe(false);
    expect(await focused(page)).toBe("a#trigger");

    // open({ topic }): the topic on its own, with "All topics" back to the board.
    const [topic] = (await api.topics(1, { limit: 1, sort: "top" })).items;
    await page.evaluate(
      (id) =>
        (document.getElementById("launcher") as unknown as { open(o: object): void }).open({
          topic: id,
        }),
      topic!.id,
    );
    await expect.poll(() => dialogOpen(page), LOADED).toBe(true);
    const view = page.locator("#launcher userecho-topic-view");
    await view.locator("[part=description]").waitFor();
    expect((await view.locator("[part=heading]").textContent())?.trim()).toBe(topic!.title);
    expect(await eventTypes(page)).toEqual(["userecho-open", "userecho-close", "userecho-open"]);
    expect((await events(page)).at(-1)?.detail).toEqual({ topic: topic!.id });
    await page.locator("#launcher [part=back-button]").click();
    await board(page).locator("li[part=topic]").first().waitFor();
    await page.evaluate(() =>
      (document.getElementById("launcher") as unknown as { close(): void }).close(),
    );
    await expect.poll(() => dialogOpen(page), LOADED).toBe(false);

    // open({ submit }) asks the page to sign the visitor in, as the board's own button does.
    await page.evaluate(() =>
      (document.getElementById("launcher") as unknown as { open(o: object): void }).open({
        submit: { title: "Dark mode" },
      }),
    );
    await expect
      .poll(async () => (await events(page)).map((event) => event.type))
      .toContain("userecho-sign-in-request");
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("is a full-screen sheet on a narrow screen, sliding in unless motion is reduced", async ({
    expect,
  }) => {
    const { page, consoleErrors } = await launcherPage(
      `<userecho-launcher id="launcher" forum="1" position="bottom-right"></userecho-launcher>`,
    );
    await page.setViewportSize({ width: 375, height: 700 });
    const tab = page.locator("#launcher [part=button]");
    const box = (await tab.boundingBox())!;
    // A floating button in the bottom right corner.
    expect(box.x + box.width).toBeGreaterThan(375 - 40);
    expect(box.y + box.height).toBeGreaterThan(700 - 40);
    await tab.click();
    await expect.poll(() => dialogOpen(page), LOADED).toBe(true);
    // Once it has slid in.
    await expect
      .poll(() => page.locator("#launcher [part=dialog]").boundingBox())
      .toEqual({ x: 0, y: 0, width: 375, height: 700 });
    const animation = () =>
      page
        .locator("#launcher [part=dialog]")
        .evaluate((dialog) => getComputedStyle(dialog).animationName);
    expect(await animation()).not.toBe("none");
    // A visitor who asked for less motion gets none: the sheet is simply there.
    await page.emulateMedia({ reducedMotion: "reduce" });
    expect(await animation()).toBe("none");
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it("has no axe violations, closed and open", async ({ expect }) => {
    const { page, consoleErrors } = await launcherPage(
      `<userecho-launcher id="launcher" forum="1" page-size="5"></userecho-launcher>`,
    );
    expect(await axe(page)).toEqual([]);
    await page.locator("#launcher [part=button]").click();
    await board(page).locator("li[part=topic]").first().waitFor();
    await page.waitForFunction(
      () =>
        document
          .getElementById("launcher")
          ?.shadowRoot?.querySelector("userecho-feedback")
          ?.shadowRoot?.querySelector("[aria-busy=false]") != null,
    );
    expect(await axe(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

/**
 * Every control of the page (its document and the open shadow roots in it, the launcher's own
 * aside) that the launcher's button lies over: at first, then as each takes focus in turn.
 */
function coveredControls(page: Page) {
  return page.evaluate(async () => {
    const launcher = document.querySelector("userecho-launcher")!;
    const tab = launcher.shadowRoot!.querySelector<HTMLElement>("[part=button]")!;
    const controls: HTMLElement[] = [];
    const walk = (root: ParentNode) => {
      for (const element of root.querySelectorAll<HTMLElement>("*")) {
        if (element === launcher) continue;
        const control = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])";
        if (element.matches(control) && element.getClientRects().length) controls.push(element);
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document);
    const under = (element: HTMLElement) => {
      const box = element.getBoundingClientRect();
      const over = tab.getBoundingClientRect();
      return !(
        box.right <= over.left ||
        box.left >= over.right ||
        box.bottom <= over.top ||
        box.top >= over.bottom
      );
    };
    const name = (element: HTMLElement) =>
      `${element.localName}[${element.getAttribute("part") ?? ""}] ${element.textContent?.trim().slice(0, 40)}`;
    const covered = controls.filter(under).map((element) => `at first: ${name(element)}`);
    // As a visitor sees it: once the browser has scrolled it into view (and a row that scrolls
    // sideways has snapped), two frames after focus.
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (const element of controls) {
      element.focus();
      await frame();
      await frame();
      await frame();
      if (under(element)) covered.push(`focused: ${name(element)}`);
    }
    return { controls: controls.length, covered };
  });
}

describe("<userecho-launcher> on a phone (390 × 844)", () => {
  for (const path of ["/", "/examples/html.html"]) {
    it(`covers none of the page's controls: ${path}`, async ({ expect }) => {
      const { page, consoleErrors } = await openPage(browser, `${inject("workerUrl")}${path}`);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      // Every element drawn: the board's last part and the roadmap's cards.
      await page.locator("userecho-feedback [part=forum-link]").waitFor(LOADED);
      await page.locator("userecho-roadmap [part=card]").first().waitFor(LOADED);
      const { controls, covered } = await coveredControls(page);
      expect(controls).toBeGreaterThan(20); // the rows, the toolbar, the paging, the cards…
      expect(covered).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await page.close();
    });
  }

  it("scrolls a control that takes focus under it clear, where the page reaches the edge", async ({
    expect,
  }) => {
    const { page, consoleErrors } = await launcherPage(
      `<userecho-launcher forum="1"></userecho-launcher>
      <div id="top"></div>
      <button id="wide">As wide as the screen</button>
      <div id="rest"></div>`,
    );
    await page.setViewportSize({ width: 390, height: 844 });
    // The page's own layout, through the CSSOM: a button across the screen, where the tab is.
    await page.evaluate(() => {
      document.body.style.margin = "0";
      document.getElementById("top")!.style.height = "400px";
      document.getElementById("rest")!.style.height = "2000px";
      const wide = document.getElementById("wide")!;
      wide.style.display = "block";
      wide.style.width = "100%";
      wide.style.height = "3rem";
      // Its top where the tab's is, whatever is above it.
      const tab = document
        .querySelector("userecho-launcher")!
        .shadowRoot!.querySelector("[part=button]")!
        .getBoundingClientRect();
      const above = document.getElementById("top")!;
      above.style.height = `${400 + tab.top - wide.getBoundingClientRect().top}px`;
    });
    const overlaps = () =>
      page.evaluate(() => {
        const tab = document
          .querySelector("userecho-launcher")!
          .shadowRoot!.querySelector("[part=button]")!
          .getBoundingClientRect();
        const box = document.getElementById("wide")!.getBoundingClientRect();
        return box.bottom > tab.top && box.top < tab.bottom;
      });
    expect(await overlaps()).toBe(true);
    await page.evaluate(() => document.getElementById("wide")!.focus());
    await expect.poll(overlaps).toBe(false);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
