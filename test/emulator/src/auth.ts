import type { MiddlewareHandler } from "hono";
import { NotFoundError, UnauthorizedError } from "./errors.ts";
import { AGENT_USER_ID, FORUM_KINDS, type SeedForum, type SeedTopic } from "./seed/index.ts";
import { SsoTokenError, openSsoToken, readSsoClaims } from "./sso/index.ts";
import type { Store } from "./store.ts";

/** Who is asking, derived from `access_token` and, with the anonymous token, `sso_token`. */
export type Viewer =
  /** A support agent's token: reads everything, including private forums and e-mails. */
  | { readonly kind: "agent"; readonly userId: number }
  /** The project's anonymous token alone: public forums only, no user, no writes. */
  | { readonly kind: "anonymous" }
  /** The anonymous token with a valid `sso_token`: a site user, signed in through SSO. */
  | {
      readonly kind: "sso";
      readonly userId: number;
      /** `allowed_private_forums` from the token (docs/USERECHO.md §10). */
      readonly privateForumIds: ReadonlySet<number>;
    };

export interface Tokens {
  readonly agentToken: string;
  readonly anonymousToken: string;
}

export interface AuthDeps {
  readonly tokens: Tokens;
  /** The project's SSO key (credentials.json `ssoKey`). */
  readonly ssoKey: string;
  /** The project alias; the legacy SSO format derives its key from it (docs/USERECHO.md §10). */
  readonly alias: string;
  readonly store: () => Store;
  /** Called when an SSO sign-in created a user or changed one. */
  readonly onUserWritten?: () => void;
}

/** Hono variables set by {@link authenticate}. */
export interface AuthVariables {
  viewer: Viewer;
}

/**
 * Resolves the viewer from the query string. Only the documented `access_token` query parameter
 * is accepted (whether v2 honours `Authorization: Bearer` is unknown). With the anonymous token,
 * a present `sso_token` must be valid: the user it names is found by `guid` or created, and
 * updated from the token, on every request (docs/USERECHO.md §10).
 *
 * @throws UnauthorizedError when the token is missing or unknown, or the `sso_token` cannot be
 *   decrypted, lacks a required field or has expired (inferred: 401 for all of these).
 */
export async function resolveViewer(params: URLSearchParams, deps: AuthDeps): Promise<Viewer> {
  const token = params.get("access_token");
  if (token === null || token === "") throw new UnauthorizedError("access_token is required");
  if (token === deps.tokens.agentToken) return { kind: "agent", userId: AGENT_USER_ID };
  if (token !== deps.tokens.anonymousToken) throw new UnauthorizedError("Invalid access_token");

  const ssoToken = params.get("sso_token");
  if (ssoToken === null || ssoToken === "") return { kind: "anonymous" };
  try {
    const { payload } = await openSsoToken(ssoToken, deps);
    const claims = readSsoClaims(payload, Date.now() / 1000);
    const { user, changed } = deps.store().signInWithSso(claims);
    if (changed) deps.onUserWritten?.();
    return { kind: "sso", userId: user.id, privateForumIds: new Set(claims.allowedPrivateForums) };
  } catch (error) {
    if (error instanceof SsoTokenError) throw new UnauthorizedError(`Invalid ${error.message}`);
    throw error;
  }
}

/**
 * Per-route middleware (not app-wide, so an unknown path is a 404 even without a token, as in a
 * Django app that routes before it authenticates (inferred)).
 */
export function authenticate<E extends { Variables: AuthVariables }>(
  deps: AuthDeps,
): MiddlewareHandler<E> {
  return async function authenticate(c, next) {
    c.set("viewer", await resolveViewer(new URL(c.req.url).searchParams, deps));
    await next();
  };
}

/** The user a request acts as, for writes: the agent's user or the SSO user. */
export function actingUserId(viewer: Viewer): number {
  if (viewer.kind === "anonymous") {
    throw new UnauthorizedError("Sign in to write: send an sso_token with the anonymous token");
  }
  return viewer.userId;
}

/** The viewer's user id, or null for the anonymous token alone. */
export function viewerUserId(viewer: Viewer): number | null {
  return viewer.kind === "anonymous" ? null : viewer.userId;
}

const PUBLIC_FORUM_KIND_IDS: ReadonlySet<number> = new Set([
  FORUM_KINDS.public.id,
  FORUM_KINDS.knowledgeBasePublic.id,
]);

/**
 * Agents read every forum; the anonymous token only public ones (and their content); an SSO
 * user also the private forums their token grants.
 */
export function canReadForum(viewer: Viewer, forum: SeedForum): boolean {
  if (viewer.kind === "agent" || PUBLIC_FORUM_KIND_IDS.has(forum.kind.id)) return true;
  return viewer.kind === "sso" && viewer.privateForumIds.has(forum.id);
}

/** Users' e-mail addresses are staff data: only agents get them, others get "" (inferred). */
export function canReadEmails(viewer: Viewer): boolean {
  return viewer.kind === "agent";
}

/** A forum the viewer may read; hidden forums are indistinguishable from missing ones. */
export function readableForum(store: Store, viewer: Viewer, id: string): SeedForum {
  const forum = store.forum(Number(id));
  if (forum === undefined || !canReadForum(viewer, forum)) {
    throw new NotFoundError("Forum not found");
  }
  return forum;
}

/** A topic in a forum the viewer may read; others are indistinguishable from missing ones. */
export function readableTopic(store: Store, viewer: Viewer, id: string): SeedTopic {
  const topic = store.topic(Number(id));
  const forum = topic === undefined ? undefined : store.forum(topic.forumId);
  if (topic === undefined || forum === undefined || !canReadForum(viewer, forum)) {
    throw new NotFoundError("Topic not found");
  }
  return topic;
}
