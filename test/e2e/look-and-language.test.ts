import { beforeEach, describe, it } from "vitest";
import type { Page } from "playwright-core";
import { api } from "./support/api.ts";
import { useTestPage } from "./support/browser.ts";
import { mount, titles } from "./support/board.ts";

/** Theming (custom properties, parts, light/dark/auto) and localisation of the board. */
let page: Page;
let consoleErrors: string[];
useTestPage((opened) => ({ page, consoleErrors } = opened));
beforeEach(async () => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.evaluate(() => {
    document.documentElement.lang = "en";
    document.getElementById("theming")?.remove();
  });
});

const style = (selector: string, property: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

/** Relative luminance of an `rgb(…)` colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r, g, b] = rgb
    .match(/\d+/g)!
    .slice(0, 3)
    .map((c) => {
      const v = Number(c) / 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe("theming", () => {
  it("is light by default, dark with theme=dark, and follows the system with theme=auto", async ({
    expect,
  }) => {
    await mount(page, `<userecho-feedback forum="1" page-size="3"></userecho-feedback>`);
    await page.locator("userecho-feedback li[part=topic]").first().waitFor();
    const colours = async () => ({
      bg: luminance(await style("userecho-feedback [part=base]", "background-color")),
      text: luminance(await style("userecho-feedback [part=base]", "color")),
    });
    const light = await colours();
    expect(light.bg).toBeGreaterThan(0.9);
    expect(light.text).toBeLessThan(0.1);

    await page.evaluate(() =>
      document.querySelector("userecho-feedback")!.setAttribute("theme", "dark"),
    );
    const dark = await colours();
    expect(dark.bg).toBeLessThan(0.05);
    expect(dark.text).toBeGreaterThan(0.7);

    await page.evaluate(() =>
      document.querySelector("userecho-feedback")!.setAttribute("theme", "auto"),
    );
    expect(await colours()).toEqual(light);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await colours()).toEqual(dark);
    expect(consoleErrors).toEqual([]);
  });

  it("takes the page's font, custom properties and ::part rules", async ({ expect }) => {
    await page.evaluate(() => {
      document.body.style.fontFamily = "Georgia, serif";
    });
    await mount(page, `<userecho-feedback forum="1" page-size="3"></userecho-feedback>`);
    await page.locator("userecho-feedback li[part=topic]").first().waitFor();
    expect(await style("userecho-feedback [part=title]", "font-family")).toBe("Georgia, serif");

    // A stylesheet from the page: custom properties on the element, rules on its parts.
    await page.addStyleTag({
      content: `
        userecho-feedback { --userecho-font: monospace; --userecho-accent: rgb(200, 0, 100); --userecho-bg: rgb(250, 240, 230); }
        userecho-feedback::part(title) { text-transform: uppercase; }
        userecho-feedback::part(status) { border-radius: 0px; }
      `,
    });
    expect(await style("userecho-feedback [part=title]", "font-family")).toBe("monospace");
    expect(await style("userecho-feedback [part=vote-button]", "color")).toBe("rgb(200, 0, 100)");
    expect(await style("userecho-feedback [part=base]", "background-color")).toBe(
      "rgb(250, 240, 230)",
    );
    expect(await style("userecho-feedback [part=title]", "text-transform")).toBe("uppercase");
    // Theme colours apply inside, never to the host itself (the page owns its box).
    expect(await style("userecho-feedback", "background-color")).toBe("rgba(0, 0, 0, 0)");
    await page.evaluate(() => {
      document.body.style.fontFamily = "";
      for (const sheet of document.querySelectorAll("style")) sheet.remove();
    });
    expect(consoleErrors).toEqual([]);
  });

  it("shows focus rings for keyboard focus", async ({ expect }) => {
    await mount(page, `<userecho-feedback forum="1" page-size="3"></userecho-feedback>`);
    await page.locator("userecho-feedback li[part=topic]").first().waitFor();
    await page.locator("userecho-feedback [part=search]").focus();
    await page.keyboard.press("Tab"); // sort
    const outline = await page.evaluate(() => {
      const active = document.querySelector("userecho-feedback")!.shadowRoot!.activeElement!;
      return [active.getAttribute("part"), getComputedStyle(active).outlineStyle];
    });
    expect(outline).toEqual(["sort", "solid"]);
  });
});

describe("language", () => {
  it("follows the lang attribute, then the closest ancestor, then the document", async ({
    expect,
  }) => {
    const chunks: string[] = [];
    page.on("request", (request) => {
      if (/\/chunks\/(ru|es|de|fr|pt-BR)-/.test(request.url())) chunks.push(request.url());
    });
    await mount(
      page,
      `<section id="wrap"><userecho-feedback forum="1" page-size="3"></userecho-feedback></section>`,
    );
    await page.locator("userecho-feedback li[part=topic]").first().waitFor();
    const heading = async () =>
      (await page.locator("userecho-feedback [part=heading]").textContent())?.trim();
    const count = async () =>
      (await page.locator("userecho-feedback [part=count]").textContent())?.trim();
    const total = (await api.topics(1, { limit: 3 })).page.total!; // topic lists carry a total
    expect(await heading()).toBe("Ideas and feedback");
    expect(chunks).toEqual([]); // non-English strings load only when needed

    await page.evaluate(() =>
      document.querySelector("userecho-feedback")!.setAttribute("lang", "de"),
    );
    await expect.poll(heading).toBe("Ideen und Feedback");
    expect(await count()).toBe(`${new Intl.NumberFormat("de").format(total)} Themen`);
    expect(chunks.some((url) => url.includes("/chunks/de-"))).toBe(true);
    // Dates through Intl in the same language.
    const date = await page
      .locator("userecho-feedback [part=date]")
      .first()
      .evaluate((el) => ({
        text: el.textContent,
        iso: el.getAttribute("datetime")!,
      }));
    // The newest topic may be seconds old (written by another test), so the text can have
    // moved on by a second between the two looks: either reading is the same language.
    const expected = await page.evaluate((iso) => {
      const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
      const format = (value: number) => {
        const units: [Intl.RelativeTimeFormatUnit, number][] = [
          ["year", 31_536_000],
          ["month", 2_592_000],
          ["week", 604_800],
          ["day", 86_400],
          ["hour", 3_600],
          ["minute", 60],
          ["second", 1],
        ];
        const [unit, size] = units.find(([, s]) => Math.abs(value) >= s) ?? ["second", 1];
        return new Intl.RelativeTimeFormat("de", { numeric: "auto" }).format(
          Math.round(value / size),
          unit,
        );
      };
      return [format(seconds), format(seconds + 1), format(seconds - 1)];
    }, date.iso);
    expect(expected).toContain(date.text);

    // No lang of its own: the closest ancestor's, then the document's.
    await page.evaluate(() => {
      document.querySelector("userecho-feedback")!.removeAttribute("lang");
      document.getElementById("wrap")!.setAttribute("lang", "fr");
    });
    await expect.poll(heading).toBe("Idées et suggestions");
    await page.evaluate(() => {
      document.getElementById("wrap")!.removeAttribute("lang");
      document.documentElement.lang = "ru";
    });
    await expect.poll(heading).toBe("Идеи и отзывы");
    // Russian plural forms.
    const plural = new Intl.PluralRules("ru").select(total);
    const forms: Record<string, string> = { one: "тема", few: "темы", many: "тем", other: "темы" };
    expect(await count()).toBe(`${new Intl.NumberFormat("ru").format(total)} ${forms[plural]}`);

    // The closest supported locale: pt → pt-BR, es-MX → es, and English for the unknown.
    for (const [lang, text] of [
      ["pt", "Ideias e sugestões"],
      ["es-MX", "Ideas y sugerencias"],
      ["xx", "Ideas and feedback"],
    ] as const) {
      await page.evaluate((l) => (document.documentElement.lang = l), lang);
      await expect.poll(heading).toBe(text);
    }
    expect(await titles(page)).toEqual(
      (await api.topics(1, { limit: 3 })).items.map((t) => t.title),
    );
    expect(consoleErrors).toEqual([]);
  });
});
