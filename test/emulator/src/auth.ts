import type { MiddlewareHandler } from "hono";
import { UnauthorizedError } from "./errors.ts";
import { AGENT_USER_ID, FORUM_KINDS, type SeedForum } from "./seed/index.ts";

/** Who is asking, derived from `access_token` (and later `sso_token`). */
export type Viewer =
  /** A support agent's token: reads everything, including private forums and e-mails. */
  | { readonly kind: "agent"; readonly userId: number }
  /** The project's anonymous token: public forums only; SSO users are not emulated yet. */
  | { readonly kind: "anonymous"; readonly ssoToken: string | null };

export interface Tokens {
  readonly agentToken: string;
  readonly anonymousToken: string;
}

/** Hono variables set by {@link authenticate}. */
export interface AuthVariables {
  viewer: Viewer;
}

/**
 * Resolves the viewer from the query string. Only the documented `access_token` query parameter
 * is accepted (whether v2 honours `Authorization: Bearer` is unknown).
 *
 * @throws UnauthorizedError when the token is missing or unknown.
 */
export function viewerFor(params: URLSearchParams, tokens: Tokens): Viewer {
  const token = params.get("access_token");
  if (token === null || token === "") throw new UnauthorizedError("access_token is required");
  if (token === tokens.agentToken) return { kind: "agent", userId: AGENT_USER_ID };
  if (token === tokens.anonymousToken) {
    return { kind: "anonymous", ssoToken: params.get("sso_token") || null };
  }
  throw new UnauthorizedError("Invalid access_token");
}

/**
 * Per-route middleware (not app-wide, so an unknown path is a 404 even without a token, as in a
 * Django app that routes before it authenticates (inferred)).
 */
export function authenticate(tokens: Tokens): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async function authenticate(c, next) {
    c.set("viewer", viewerFor(new URL(c.req.url).searchParams, tokens));
    await next();
  };
}

const PUBLIC_FORUM_KIND_IDS: ReadonlySet<number> = new Set([
  FORUM_KINDS.public.id,
  FORUM_KINDS.knowledgeBasePublic.id,
]);

/** Agents read every forum; the anonymous token only public ones (and their content). */
export function canReadForum(viewer: Viewer, forum: SeedForum): boolean {
  return viewer.kind === "agent" || PUBLIC_FORUM_KIND_IDS.has(forum.kind.id);
}

/** Users' e-mail addresses are staff data: only agents get them, others get "" (inferred). */
export function canReadEmails(viewer: Viewer): boolean {
  return viewer.kind === "agent";
}
