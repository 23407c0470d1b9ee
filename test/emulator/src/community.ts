/**
 * The community website, as far as the demo needs it: UserEcho signs a visitor in when a page
 * URL carries a valid `sso_token` (docs/USERECHO.md §10). The emulator answers `/` and `/topics/<id>-…/`
 * with a small HTML page that says who is signed in, so "continue on the forum" links work
 * offline in `pnpm dev` and can be checked in tests. It also serves the attachments that seeded
 * rich text points at with relative URLs (`/s/attachments/…`, seed/attachments.ts), so a browser
 * can load them once the worker resolves them against the community.
 */
import { Hono } from "hono";
import { ATTACHMENT_PATH } from "./seed/attachments.ts";
import { SsoTokenError, openSsoToken, readSsoClaims } from "./sso/index.ts";
import type { Store } from "./store.ts";

export function communityRoutes(deps: { store: () => Store; ssoKey: string; alias: string }) {
  const community = new Hono();
  community.get("/", (c) => page(c.req.raw, deps, undefined));
  community.get("/topics/:slug{[0-9]+(-[^/]*)?}/", (c) => {
    const id = Number.parseInt(c.req.param("slug"), 10);
    return page(c.req.raw, deps, id);
  });
  community.get("/s/attachments/*", (c) => {
    // Every seeded path is the same small screenshot; any other path is missing.
    if (!ATTACHMENT_PATH.test(new URL(c.req.url).pathname)) return c.notFound();
    return new Response(ATTACHMENT_PNG, {
      headers: {
        "Content-Type": "image/png",
        // An attachment never changes under its path.
        "Cache-Control": "public, max-age=31536000, immutable",
      },
    });
  });
  return community;
}

/** A 16×12 PNG: a light grey screenshot with a darker border. */
const ATTACHMENT_PNG = Uint8Array.from(
  atob(
    "iVBORw0KGgoAAAANSUhEUgAAABAAAAAMCAIAAADkharWAAAAHklEQVR42mMILZ9JEmIILZ9598k7ItGohqGtgSQEAMmewEhZwjQQAAAAAElFTkSuQmCC",
  ),
  (char) => char.charCodeAt(0),
);

async function page(
  request: Request,
  deps: { store: () => Store; ssoKey: string; alias: string },
  topicId: number | undefined,
): Promise<Response> {
  const token = new URL(request.url).searchParams.get("sso_token");
  let signedIn: string | undefined;
  if (token !== null) {
    try {
      const { payload } = await openSsoToken(token, { ssoKey: deps.ssoKey, alias: deps.alias });
      const claims = readSsoClaims(payload, Date.now() / 1000);
      signedIn = deps.store().signInWithSso(claims).user.name;
    } catch (error) {
      if (!(error instanceof SsoTokenError)) throw error;
    }
  }
  const topic = topicId === undefined ? undefined : deps.store().topic(topicId);
  const title = topic ? escape(topic.header) : `${escape(deps.alias)} community`;
  const who = signedIn
    ? `<p id="signed-in">Signed in as <strong>${escape(signedIn)}</strong> via SSO.</p>`
    : `<p id="signed-out">Not signed in.</p>`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>UserEcho community (emulated).</p>${who}</body></html>`;
  return new Response(html, {
    status: topicId !== undefined && !topic ? 404 : 200,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'",
    },
  });
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
