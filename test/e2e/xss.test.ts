import { afterAll, beforeAll, describe, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Topic } from "@userecho-edge/shared";
import { api } from "./support/api.ts";
import { mount, settled } from "./support/board.ts";
import { launchBrowser, openPage } from "./support/browser.ts";
import { XSS_CORPUS, type XssPayload } from "./support/xss-corpus.ts";

/**
 * The XSS corpus end to end: every payload is stored in the emulator as a topic title, an author
 * name, part of a description and a comment; the worker sanitises the rich text; the widget draws
 * it all in Chromium. Nothing may run, nothing dangerous may reach the DOM, and the text must stay
 * readable. The worker's JSON is checked too, so a failure says whether the edge or the widget
 * let a payload through.
 */

/** "Announcements": public, empty in the seed, and shown by no other browser test. */
const FORUM = 5;
/** Comments the topic detail shows on its first page: a batch must fit on it. */
const BATCH_SIZE = 10;
/** The worker sanitises at most this many characters of a description. */
const MAX_HTML = 100_000;

const before = (p: XssPayload) => `BEFORE[${p.name}]`;
const after = (p: XssPayload) => `AFTER[${p.name}]`;
/** A payload between two marker words that must survive around it. */
const wrap = (p: XssPayload) => `${before(p)} ${p.html} ${after(p)}`;

/**
 * Groups payloads for one topic each: its description holds the whole batch and each payload is
 * also one comment. A payload that may swallow what follows goes last, one per batch, so it can
 * only hide its own closing marker.
 */
function batchesOf(corpus: readonly XssPayload[]): XssPayload[][] {
  const batches: XssPayload[][] = [];
  const size = (batch: XssPayload[]) => batch.reduce((sum, p) => sum + wrap(p).length + 1, 0);
  const place = (p: XssPayload) => {
    let batch = batches.find(
      (b) =>
        b.length < BATCH_SIZE &&
        size(b) + wrap(p).length + 1 <= MAX_HTML &&
        !b.some((other) => other.swallowsRest),
    );
    if (!batch) batches.push((batch = []));
    batch.push(p);
  };
  for (const p of corpus.filter((p) => !p.swallowsRest)) place(p);
  for (const p of corpus.filter((p) => p.swallowsRest)) place(p);
  return batches;
}

interface Batch {
  readonly topicId: number;
  readonly payloads: readonly XssPayload[];
  /** Comment id → its payload. */
  readonly comments: ReadonlyMap<number, XssPayload>;
}

interface Injection {
  forumId: number;
  header: string;
  description?: string;
  author?: string;
  comments?: { text: string; author?: string }[];
}

async function injectTopic(body: Injection): Promise<{ topicId: number; commentIds: number[] }> {
  const response = await fetch(`${inject("emulatorUrl")}/__emulator/inject`, {
    method: "POST",
    body: JSON.stringify(body),
  });
  if (response.status !== 201) {
    throw new Error(`inject: HTTP ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as { topicId: number; commentIds: number[] };
}

// ---- the worker's output, read as text ----

/** The sanitiser's allow-list (README: simple formatting, links, http(s) images), plus what it adds. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  a: ["href", "title", "rel", "target"],
  img: ["src", "alt", "title", "width", "height", "loading", "referrerpolicy"],
  th: ["colspan", "rowspan"],
  td: ["colspan", "rowspan"],
  ...Object.fromEntries(
    (
      "p br hr div span b strong i em u s strike del ins mark sub sup small code pre kbd " +
      "blockquote q ul ol li dl dt dd h1 h2 h3 h4 h5 h6 table thead tbody tfoot tr caption " +
      "figure figcaption"
    )
      .split(" ")
      .map((tag) => [tag, []]),
  ),
};
const DANGEROUS_SCHEME = /^(javascript|data|vbscript):/i;

const decodeAttribute = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/**
 * What is wrong with sanitised HTML, read the way the browser will: it must be canonical (text with
 * every "<" escaped, allowed tags with double-quoted allowed attributes), with no `<script`, no
 * `on…=` attribute, no javascript:/data:/vbscript: value, only http(s)/mailto links and http(s)
 * images, and `rel="nofollow ugc noopener"` on every link. (A plain regex for ` on…=` would flag
 * harmless escaped text inside a `title`, so tags are tokenised.)
 */
function auditHtml(html: string): string[] {
  const problems: string[] = [];
  if (/<script/i.test(html)) problems.push("contains <script");
  const tokens = /<(\/?)([a-z][a-z0-9]*)((?:\s[a-z-]+="[^"<>]*")*)>|<|[^<]+/g;
  for (const [token, closing, tag, attributes = ""] of html.matchAll(tokens)) {
    if (token === "<") {
      problems.push(`a "<" that starts no canonical tag: ${html.slice(0, 120)}`);
      continue;
    }
    if (tag === undefined) continue; // text
    if (!(tag in ALLOWED)) problems.push(`element <${tag}>`);
    if (closing) continue;
    for (const [, name = "", raw = ""] of attributes.matchAll(/\s([a-z-]+)="([^"]*)"/g)) {
      const value = decodeAttribute(raw);
      if (name.startsWith("on")) problems.push(`handler ${name} on <${tag}>`);
      else if (!ALLOWED[tag]?.includes(name)) problems.push(`attribute ${name} on <${tag}>`);
      if (DANGEROUS_SCHEME.test(value.replace(/[\s\p{Cc}]/gu, ""))) {
        problems.push(`${name}="${value}" on <${tag}>`);
      }
      if (name === "href" || name === "src") {
        const schemes = tag === "img" ? ["http:", "https:"] : ["http:", "https:", "mailto:"];
        if (!URL.canParse(value) || !schemes.includes(new URL(value).protocol)) {
          problems.push(`${name}="${value}" on <${tag}>`);
        }
      }
    }
    if (tag === "a" && !attributes.includes(' rel="nofollow ugc noopener"')) {
      problems.push(`link without rel="nofollow ugc noopener": <a${attributes}>`);
    }
  }
  return problems;
}

// ---- the browser ----

/**
 * Installed before any page script: `__xss` reports every push to Node (from any frame), and so
 * do alert/confirm/prompt/print. Nothing a payload does can clobber it: `window` own properties
 * win over named elements, and the property is neither writable nor configurable.
 */
function installDetector(): void {
  const w = window as unknown as { __xssReport?: (what: string) => unknown };
  const report = (what: unknown) => {
    try {
      void w.__xssReport?.(String(what));
    } catch {
      // A frame the binding does not reach: the dialog listener still sees its alert.
    }
  };
  const executions: string[] = [];
  executions.push = (...items: string[]) => {
    items.forEach(report);
    return Array.prototype.push.apply(executions, items);
  };
  Object.defineProperty(window, "__xss", { value: executions });
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    Object.defineProperty(window, name, {
      value: (message?: unknown) => {
        report(`${name}(${String(message)})`);
        return null;
      },
    });
  }
}

interface ContentBlock {
  kind: "description" | "comment";
  topicId: number;
  commentId: number | null;
  text: string;
  /** Elements and attributes that must not be there, each with the payload it follows. */
  offenders: string[];
}

interface Rendered {
  onAttributes: string[];
  dangerousUrls: string[];
  scriptsInShadowRoots: number;
  styleElements: number;
  documentScripts: (string | null)[];
  clobbered: string[];
  topics: { id: number; title: string; titleElements: number; author: string; extra: string[] }[];
  commentAuthors: { id: number; name: string; elements: number }[];
  blocks: ContentBlock[];
}

/** Walks the page, shadow roots included, and returns what the assertions need, as JSON. */
function readPage(allowed: Record<string, readonly string[]>): string {
  const roots: (Document | ShadowRoot)[] = [];
  const visit = (root: Document | ShadowRoot) => {
    roots.push(root);
    for (const element of root.querySelectorAll("*")) {
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(document);
  const show = (element: Element) =>
    `<${element.localName}${[...element.attributes]
      .map((a) => ` ${a.name}="${a.value.slice(0, 60)}"`)
      .join("")}>`;
  const URL_ATTRIBUTES = new Set(
    (
      "href src action formaction xlink:href data poster background ping codebase cite srcset " +
      "lowsrc dynsrc longdesc manifest icon to values from by srcdoc"
    ).split(" "),
  );
  const result: Rendered = {
    onAttributes: [],
    dangerousUrls: [],
    scriptsInShadowRoots: 0,
    styleElements: 0,
    documentScripts: [...document.scripts].map((script) => script.getAttribute("src")),
    clobbered: [],
    topics: [],
    commentAuthors: [],
    blocks: [],
  };
  for (const root of roots) {
    for (const element of root.querySelectorAll("*")) {
      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith("on")) result.onAttributes.push(show(element));
        const value = attribute.value.replace(/[\s\p{Cc}]/gu, "").toLowerCase();
        if (
          (URL_ATTRIBUTES.has(name) || name.endsWith(":href")) &&
          (name === "srcdoc" || /^(javascript|data|vbscript):/.test(value))
        ) {
          result.dangerousUrls.push(show(element));
        }
      }
      if (element.localName === "style") result.styleElements++;
      if (root !== document && element.localName === "script") result.scriptsInShadowRoots++;
    }
  }
  if (typeof document.getElementById !== "function") result.clobbered.push("getElementById");
  if (!Array.isArray((window as unknown as { __xss: unknown }).__xss)) {
    result.clobbered.push("__xss");
  }

  const board = document.querySelector("userecho-feedback")!.shadowRoot!;
  for (const li of board.querySelectorAll<HTMLElement>("li[data-topic-id]")) {
    const title = li.querySelector("[part=title]")!;
    const author = li.querySelector("[part=author]")!;
    result.topics.push({
      id: Number(li.dataset["topicId"]),
      title: title.textContent ?? "",
      titleElements: title.children.length,
      author: author.textContent ?? "",
      extra: [...author.querySelectorAll("*")]
        .filter((e) => !e.matches("[part=avatar], [part=avatar] > img"))
        .map(show),
    });
  }

  const FORBIDDEN = new Set(
    (
      "script iframe frame frameset object embed applet form input button textarea select " +
      "option style link meta base svg math template noscript video audio source portal " +
      "details summary marquee area map"
    ).split(" "),
  );
  for (const detail of board.querySelectorAll("userecho-topic-detail")) {
    const topicId = Number(detail.id.replace("topic-", ""));
    const root = detail.shadowRoot!;
    for (const strong of root.querySelectorAll("li[part=comment] .by strong")) {
      result.commentAuthors.push({
        id: Number(strong.closest<HTMLElement>("li")!.dataset["commentId"]),
        name: strong.textContent ?? "",
        elements: strong.children.length,
      });
    }
    for (const container of root.querySelectorAll<HTMLElement>(".html")) {
      const comment = container.closest<HTMLElement>("li[part=comment]");
      const offenders: string[] = [];
      // Name each offender after the payload it follows: the last BEFORE[…] marker seen.
      let current = "(before any marker)";
      const walker = document.createTreeWalker(
        container,
        NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
      );
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) {
          const markers = [...(node.textContent ?? "").matchAll(/BEFORE\[([a-z0-9-]+)\]/g)];
          if (markers.length > 0) current = markers[markers.length - 1]![1]!;
          continue;
        }
        const element = node as Element;
        const tag = element.localName;
        const offend = (what: string) => offenders.push(`${current}: ${what} in ${show(element)}`);
        if (FORBIDDEN.has(tag)) offend(`<${tag}>`);
        else if (!(tag in allowed)) offend(`element <${tag}> outside the allow-list`);
        if (element.namespaceURI !== "http://www.w3.org/1999/xhtml") offend("foreign element");
        if (element.hasAttribute("style")) offend("style attribute");
        for (const attribute of element.attributes) {
          if (!allowed[tag]?.includes(attribute.name)) offend(`attribute ${attribute.name}`);
        }
        if (element instanceof HTMLAnchorElement) {
          for (const token of ["nofollow", "ugc", "noopener"]) {
            if (!element.relList.contains(token)) offend(`link without rel ${token}`);
          }
          if (element.hasAttribute("href") && !/^(https?|mailto):$/.test(element.protocol)) {
            offend(`link to ${element.protocol}`);
          }
        }
        if (element instanceof HTMLImageElement && !/^https?:/.test(element.src)) {
          offend(`image from ${element.src.slice(0, 30)}`);
        }
      }
      result.blocks.push({
        kind: comment ? "comment" : "description",
        topicId,
        commentId: comment ? Number(comment.dataset["commentId"]) : null,
        text: container.textContent ?? "",
        offenders,
      });
    }
  }
  // JSON keeps lone surrogates as \ud800 escapes, which the protocol to Node would not.
  return JSON.stringify(result);
}

/** Fires the events inline handlers listen for on every element of the content. */
function provoke(): void {
  const board = document.querySelector("userecho-feedback")!.shadowRoot!;
  const types =
    "click dblclick mouseover mouseenter mousemove pointerover pointerenter focus focusin blur " +
    "load error animationstart animationend transitionend toggle begin end start input change";
  for (const detail of board.querySelectorAll("userecho-topic-detail")) {
    for (const container of detail.shadowRoot!.querySelectorAll(".html")) {
      // Links would navigate: the click is cancelled before it reaches them.
      container.addEventListener("click", (event) => event.preventDefault(), { capture: true });
      for (const element of container.querySelectorAll("*")) {
        for (const type of types.split(" ")) element.dispatchEvent(new Event(type));
      }
    }
  }
}

/** The letter `avatar()` draws before a name (widget/src/internal/render.ts). */
const initial = (name: string) => Array.from(name.trim())[0]?.toUpperCase() ?? "?";

// ---- state ----

let browser: Browser;
let page: Page;
let consoleErrors: string[];
/** Script executions and dialogs, from every frame. */
const executions: string[] = [];
/** Anything the page did that only a payload could make it do. */
const sideEffects: string[] = [];
let titleTopics: Map<number, XssPayload>;
let batches: Batch[];

beforeAll(async () => {
  titleTopics = new Map();
  for (const p of XSS_CORPUS) {
    const { topicId } = await injectTopic({ forumId: FORUM, header: p.html, author: p.html });
    titleTopics.set(topicId, p);
  }
  batches = [];
  for (const [n, payloads] of batchesOf(XSS_CORPUS).entries()) {
    const { topicId, commentIds } = await injectTopic({
      forumId: FORUM,
      header: `XSS batch ${n + 1}`,
      author: "XSS batch author",
      description: payloads.map(wrap).join("\n"),
      comments: payloads.map((p) => ({ text: wrap(p), author: p.html })),
    });
    batches.push({
      topicId,
      payloads,
      comments: new Map(commentIds.map((id, i) => [id, payloads[i]!])),
    });
  }

  browser = await launchBrowser();
  const url = `${inject("workerUrl")}/test-pages/blank.html`;
  ({ page, consoleErrors } = await openPage(browser, url));
  await page.exposeBinding("__xssReport", ({ frame }, what: string) => {
    executions.push(`${what} (frame ${frame.url().slice(0, 60)})`);
  });
  await page.addInitScript(installDetector);
  page.on("dialog", (dialog) => {
    executions.push(`dialog ${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on("popup", (popup) => sideEffects.push(`popup ${popup.url()}`));
  page.on("request", (request) => {
    if (new URL(request.url()).hostname.endsWith("evil.example")) {
      sideEffects.push(`request to ${request.url()} (${request.resourceType()})`);
    }
  });
  const response = await page.reload();
  // A policy on scripts would block inline handlers and hide a sanitiser bug: the test page's
  // only says who may frame it.
  const policy = response?.headers()["content-security-policy"];
  if (policy !== undefined && policy !== "frame-ancestors 'none'") {
    throw new Error(`the test page must be served without a script policy, not ${policy}`);
  }
  const loaded = page.url(); // blank.html answers as /test-pages/blank
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame() && frame.url() !== loaded) {
      sideEffects.push(`navigated to ${frame.url()}`);
    }
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

let rendering: Promise<Rendered> | undefined;

/** Mounts the board, loads every topic, expands the batches, provokes handlers, reads the page. */
function rendered(): Promise<Rendered> {
  rendering ??= (async () => {
    consoleErrors.length = 0;
    await mount(
      page,
      `<userecho-feedback forum="${FORUM}" sort="new" page-size="100" paging="more"></userecho-feedback>`,
    );
    const topics = page.locator("userecho-feedback li[part=topic]");
    const total = titleTopics.size + batches.length;
    await topics.first().waitFor();
    await settled(page);
    while ((await topics.count()) < total) {
      const shown = await topics.count();
      await page.locator("userecho-feedback [part=more-button]").click();
      await page.waitForFunction(
        (n) =>
          document
            .querySelector("userecho-feedback")!
            .shadowRoot!.querySelectorAll("li[part=topic]").length > n,
        shown,
      );
      await settled(page);
    }
    for (const batch of batches) {
      await page
        .locator(`userecho-feedback li[data-topic-id="${batch.topicId}"] [part=title]`)
        .click();
    }
    for (const batch of batches) {
      const li = page.locator(`userecho-feedback li[data-topic-id="${batch.topicId}"]`);
      await li.locator("[part=description]").waitFor();
      await page.waitForFunction(
        ({ id, n }) => {
          const detail = document
            .querySelector("userecho-feedback")!
            .shadowRoot!.querySelector(`#topic-${id}`);
          return detail?.shadowRoot?.querySelectorAll("li[part=comment]").length === n;
        },
        { id: batch.topicId, n: batch.payloads.length },
      );
    }
    await page.evaluate(provoke);
    // Let load/error handlers, animations and frames have their turn.
    await page.waitForTimeout(500);
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    return JSON.parse(await page.evaluate(readPage, ALLOWED)) as Rendered;
  })();
  return rendering;
}

describe(`XSS corpus (${XSS_CORPUS.length} payloads) end to end`, () => {
  it("has a working detector: handlers in shadow roots and script in frames are caught", async ({
    expect,
  }) => {
    await page.evaluate(() => {
      const host = document.createElement("div");
      host.id = "canary";
      document.body.append(host);
      host.attachShadow({ mode: "open" }).innerHTML =
        `<img src="data:," onerror="__xss.push('canary-handler')">` +
        `<iframe srcdoc="<script>alert('canary-srcdoc')</script>"></iframe>` +
        `<iframe src="data:text/html,<script>alert('canary-data')</script>"></iframe>`;
    });
    for (const canary of ["canary-handler", "canary-srcdoc", "canary-data"]) {
      await expect.poll(() => executions.join("\n"), { timeout: 5_000 }).toContain(canary);
    }
    await page.evaluate(() => document.getElementById("canary")!.remove());
    executions.length = 0;
  });

  it("the worker's JSON: sanitised rich text, titles and names untouched", async ({ expect }) => {
    // The audit itself, on output no sanitiser should write.
    expect(
      auditHtml('<p>ok <a href="https://x.test/" rel="nofollow ugc noopener">x</a></p>'),
    ).toEqual([]);
    for (const bad of [
      "<script>x</script>",
      '<img src="https://x.test/a.png" onerror="x">',
      '<a href="javascript:x" rel="nofollow ugc noopener">x</a>',
      '<a href="https://x.test/">no rel</a>',
      "<svg>",
      "<img src=x>",
    ]) {
      expect(auditHtml(bad), bad).not.toEqual([]);
    }
    const listed: Topic[] = [];
    for (let n = 1; listed.length < titleTopics.size + batches.length; n++) {
      const topicPage = await api.topics(FORUM, { limit: 100, sort: "new", page: n });
      if (topicPage.items.length === 0) break;
      listed.push(...topicPage.items);
    }
    const problems: string[] = [];
    for (const topic of listed) {
      const p = titleTopics.get(topic.id);
      if (!p) continue;
      if (topic.title !== p.html) problems.push(`${p.name}: title changed by the worker`);
      if (topic.author.name !== p.html) problems.push(`${p.name}: author name changed`);
    }
    expect(listed.filter((topic) => titleTopics.has(topic.id))).toHaveLength(titleTopics.size);

    for (const batch of batches) {
      const names = batch.payloads.map((p) => p.name).join(", ");
      const detail = await api.topic(batch.topicId);
      for (const problem of auditHtml(detail.descriptionHtml)) {
        problems.push(`description of [${names}]: ${problem}`);
      }
      const comments = await api.comments(batch.topicId, 1, BATCH_SIZE);
      expect(comments.items.map((c) => c.id)).toEqual([...batch.comments.keys()]);
      for (const comment of comments.items) {
        const p = batch.comments.get(comment.id)!;
        for (const problem of auditHtml(comment.html)) problems.push(`${p.name}: ${problem}`);
        if (comment.author.name !== p.html) problems.push(`${p.name}: comment author changed`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("runs no payload: no script, dialog, popup, navigation or request to the attacker", async ({
    expect,
  }) => {
    const shown = await rendered();
    expect(executions).toEqual([]);
    expect(sideEffects).toEqual([]);
    expect(shown.clobbered).toEqual([]);
  }, 90_000);

  it("leaves nothing dangerous in the DOM, shadow roots included", async ({ expect }) => {
    const shown = await rendered();
    expect(shown.onAttributes).toEqual([]);
    expect(shown.dangerousUrls).toEqual([]);
    expect(shown.scriptsInShadowRoots).toBe(0);
    // Lit adopts its styles as constructed sheets: a <style> element can only be content.
    expect(shown.styleElements).toBe(0);
    expect(shown.documentScripts).toEqual(["/widget.js"]);
    // Every description and comment was read: the offenders below come from all of them.
    expect(shown.blocks.filter((b) => b.kind === "description")).toHaveLength(batches.length);
    expect(shown.blocks.filter((b) => b.kind === "comment")).toHaveLength(XSS_CORPUS.length);
    expect(shown.blocks.flatMap((block) => block.offenders)).toEqual([]);
  }, 90_000);

  it("shows titles and author names as literal text", async ({ expect }) => {
    const shown = await rendered();
    const problems: string[] = [];
    for (const [id, p] of titleTopics) {
      const topic = shown.topics.find((t) => t.id === id);
      if (!topic) {
        problems.push(`${p.name}: topic ${id} not on the board`);
        continue;
      }
      if (topic.title.trim() !== p.html.trim()) problems.push(`${p.name}: title differs`);
      if (topic.titleElements !== 0) problems.push(`${p.name}: title has elements`);
      if (topic.author !== initial(p.html) + p.html) problems.push(`${p.name}: author differs`);
      if (topic.extra.length > 0) problems.push(`${p.name}: author has ${topic.extra.join()}`);
    }
    for (const batch of batches) {
      for (const [id, p] of batch.comments) {
        const author = shown.commentAuthors.find((a) => a.id === id);
        if (author?.name !== p.html) problems.push(`${p.name}: comment author differs`);
        if (author?.elements !== 0) problems.push(`${p.name}: comment author has elements`);
      }
    }
    expect(problems).toEqual([]);
  }, 90_000);

  it("keeps the text around and inside each payload readable", async ({ expect }) => {
    const shown = await rendered();
    const problems: string[] = [];
    const check = (where: string, text: string, p: XssPayload) => {
      if (!text.includes(before(p))) problems.push(`${where}: ${before(p)} missing`);
      if (!p.swallowsRest && !text.includes(after(p)))
        problems.push(`${where}: ${after(p)} missing`);
      for (const readable of p.readable ?? []) {
        if (!text.includes(readable)) {
          problems.push(`${where}: "${readable.slice(0, 40)}" (${readable.length} chars) missing`);
        }
      }
    };
    for (const batch of batches) {
      const description = shown.blocks.find(
        (b) => b.topicId === batch.topicId && b.kind === "description",
      );
      for (const p of batch.payloads) check(`${p.name} (description)`, description?.text ?? "", p);
      for (const [id, p] of batch.comments) {
        const comment = shown.blocks.find((b) => b.commentId === id);
        check(`${p.name} (comment)`, comment?.text ?? "", p);
      }
    }
    expect(problems).toEqual([]);
  }, 90_000);

  it("logs no console errors", async ({ expect }) => {
    await rendered();
    expect(consoleErrors).toEqual([]);
  }, 90_000);

  it("has a working DOM audit: it reports markup planted in a comment", async ({ expect }) => {
    await rendered();
    const comment = () =>
      document
        .querySelector("userecho-feedback")!
        .shadowRoot!.querySelector("userecho-topic-detail")!
        .shadowRoot!.querySelector("li[part=comment] .html")!;
    await page.evaluate(
      `(${comment})().insertAdjacentHTML("beforeend", ${JSON.stringify(
        '<span id="planted">BEFORE[planted] <a href=" javascript:void 0" onclick="void 0">x</a>' +
          '<svg></svg><form></form><b style="color:red">b</b><iframe srcdoc=""></iframe></span>',
      )})`,
    );
    const planted = JSON.parse(await page.evaluate(readPage, ALLOWED)) as Rendered;
    await page.evaluate(`(${comment})().querySelector("#planted").remove()`);
    expect(planted.onAttributes).toEqual([expect.stringContaining('onclick="void 0"')]);
    expect(planted.dangerousUrls).toHaveLength(2); // the javascript: link, the srcdoc frame
    const offenders = planted.blocks.flatMap((block) => block.offenders);
    for (const expected of [
      /: attribute id in <span id="planted"/,
      /^planted: attribute onclick in <a/,
      /^planted: link to javascript: in <a/,
      /^planted: <svg> in <svg/,
      /^planted: foreign element in <svg/,
      /^planted: <form> in <form/,
      /^planted: style attribute in <b/,
      /^planted: <iframe> in <iframe/,
    ]) {
      expect(offenders).toContainEqual(expect.stringMatching(expected));
    }
  }, 90_000);
});
