/**
 * The read endpoints of UserEcho API v2, mounted at `/api/v2`. Paths here carry no format suffix:
 * the app strips `.json` before routing (see `app.ts`).
 */
import { type Context, Hono } from "hono";
import {
  authenticate,
  canReadForum,
  readableForum,
  readableTopic,
  type AuthVariables,
  type Tokens,
} from "./auth.ts";
import type { WriteKind } from "./control.ts";
import { Presenter, siteOrigin } from "./entities.ts";
import { success } from "./envelope.ts";
import { BadRequestError, NotFoundError, UnauthorizedError } from "./errors.ts";
import {
  categoryListSpec,
  commentListSpec,
  forumListSpec,
  groupListSpec,
  idOnlyListSpec,
  searchListSpec,
  subscriptionListSpec,
  topicListSpec,
  userListSpec,
} from "./lists.ts";
import { paginate, parsePaging } from "./paging.ts";
import type { ListKind, Profile } from "./profile.ts";
import { applyListQuery, attestedOnly, type ListSpec } from "./query.ts";
import type { Store } from "./store.ts";
import { type WriteDeps, writeRoutes } from "./writes.ts";

export interface ApiDeps {
  /** Called per request, so the seed is built on first use rather than at worker start-up. */
  readonly store: () => Store;
  readonly tokens: Tokens;
  /** Project alias used in topic URLs (`https://<alias>.userecho.com/topics/…`). */
  readonly alias: string;
  /** The SSO key `sso_token`s are decrypted with (docs/USERECHO.md §10). */
  readonly ssoKey: string;
  /** Told about every applied write, for `/__emulator/stats`. */
  readonly recordWrite?: (kind: WriteKind) => void;
  /** Told about every topic and comment written, for the webhooks (hooks/control.ts). */
  readonly announce?: WriteDeps["announce"];
}

export type ApiEnv = { Variables: AuthVariables & { profile: Profile } };
type ApiContext = Context<ApiEnv>;

// Numeric ids only, so `users/current` and `topics/search` can never be taken for an id.
const FORUM = ":forumId{[0-9]+}";
const TOPIC = ":topicId{[0-9]+}";

/** Builds the `/api/v2` routes. Literal segments are registered before id placeholders. */
export function apiRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const { store: getStore, tokens, alias, ssoKey, recordWrite, announce } = deps;
  const api = new Hono<ApiEnv>();
  const auth = authenticate<ApiEnv>({
    tokens,
    ssoKey,
    alias,
    store: getStore,
    onUserWritten: () => recordWrite?.("users"),
  });

  /** Per-request helpers: the store, a presenter for the viewer, the query string, lists. */
  const scope = (c: ApiContext) => {
    const store = getStore();
    const viewer = c.get("viewer");
    const profile = c.get("profile");
    const params = new URL(c.req.url).searchParams;
    return {
      store,
      viewer,
      present: new Presenter(store, viewer, siteOrigin(c.req.url, alias), profile),
      params,
      list: <T, R>(kind: ListKind, items: readonly T[], spec: ListSpec<T>, show: (item: T) => R) =>
        list(kind, items, params, spec, show, profile),
    };
  };

  api.get("/forums", auth, (c) => {
    const { store, viewer, present, list } = scope(c);
    const forums = store.forums().filter((forum) => canReadForum(viewer, forum));
    return c.json(list("forums", forums, forumListSpec(store), (f) => present.forum(f)));
  });

  api.get(`/forums/${FORUM}/types`, auth, (c) => {
    const { store, viewer, present, list } = scope(c);
    const forum = readableForum(store, viewer, c.req.param("forumId"));
    return c.json(list("types", store.typesOf(forum.id), idOnlyListSpec(), (t) => present.type(t)));
  });

  api.get(`/forums/${FORUM}/types/:typeId{[0-9]+}/statuses`, auth, (c) => {
    const { store, viewer, present, list } = scope(c);
    const forum = readableForum(store, viewer, c.req.param("forumId"));
    const type = store.type(Number(c.req.param("typeId")));
    if (type === undefined || type.forumId !== forum.id) throw new NotFoundError("Type not found");
    return c.json(
      list("statuses", store.statusesOf(type), idOnlyListSpec(), (s) => present.status(s)),
    );
  });

  api.get(`/forums/${FORUM}/categories`, auth, (c) => {
    const { store, viewer, present, list } = scope(c);
    const forum = readableForum(store, viewer, c.req.param("forumId"));
    return c.json(
      list("categories", store.categoriesOf(forum.id), categoryListSpec(store), (k) =>
        present.category(k),
      ),
    );
  });

  api.get(`/forums/${FORUM}/tags`, auth, (c) => {
    const { store, viewer, present, list } = scope(c);
    const forum = readableForum(store, viewer, c.req.param("forumId"));
    return c.json(list("tags", store.tagsOf(forum.id), idOnlyListSpec(), (t) => present.tag(t)));
  });

  api.get(`/forums/${FORUM}/topics/search`, auth, (c) => {
    const { store, viewer, present, params, list } = scope(c);
    const forum = readableForum(store, viewer, c.req.param("forumId"));
    const terms = (params.get("query") ?? "").toLowerCase().split(/\s+/).filter(Boolean);
    // An empty query is refused rather than matching everything (inferred).
    if (terms.length === 0) throw new BadRequestError("Parameter 'query' is required");
    const found = store.topicsOf(forum.id).filter((topic) => store.matchesSearch(topic, terms));
    return c.json(list("search", found, searchListSpec, (t) => present.topic(t, "list")));
  });

  api.get(`/forums/${FORUM}/topics`, auth, (c) => {
    const { store, viewer, present, list } = scope(c);
    const forum = readableForum(store, viewer, c.req.param("forumId"));
    return c.json(
      list("topics", store.topicsOf(forum.id), topicListSpec, (t) => present.topic(t, "list")),
    );
  });

  api.get(`/topics/${TOPIC}/comments`, auth, (c) => {
    const { store, viewer, present, list } = scope(c);
    const topic = readableTopic(store, viewer, c.req.param("topicId"));
    return c.json(
      list("comments", store.commentsOf(topic.id), commentListSpec, (k) => present.comment(k)),
    );
  });

  api.get(`/topics/${TOPIC}`, auth, (c) => {
    const { store, viewer, present } = scope(c);
    return c.json(success(present.topic(readableTopic(store, viewer, c.req.param("topicId")))));
  });

  api.get("/users", auth, (c) => {
    const { store, present, list } = scope(c);
    return c.json(list("users", store.users(), userListSpec, (u) => present.user(u)));
  });

  api.get("/users/current", auth, (c) => {
    const { store, viewer, present } = scope(c);
    if (viewer.kind === "anonymous") {
      // The anonymous token alone is nobody (inferred message).
      throw new UnauthorizedError("No user: send an sso_token");
    }
    const user = store.user(viewer.userId);
    if (user === undefined) throw new NotFoundError("User not found");
    return c.json(success(present.user(user)));
  });

  api.get("/users/sso/:guid", auth, (c) => {
    const { store, present } = scope(c);
    const user = store.userBySsoGuid(c.req.param("guid"));
    if (user === undefined) throw new NotFoundError("User not found");
    return c.json(success(present.user(user)));
  });

  // Documented with the "all" permission, which only the agent's token stands for here.
  api.get("/users/groups", auth, (c) => {
    const { store, viewer, present, list } = scope(c);
    if (viewer.kind !== "agent") throw new UnauthorizedError("Needs a token with all permissions");
    return c.json(list("groups", store.groups(), groupListSpec, (g) => present.group(g)));
  });

  // The path is documented, its answer nowhere: only the extended profile guesses one.
  api.get("/users/:userId{[0-9]+}/subscriptions", auth, (c) => {
    const { store, viewer, present, list } = scope(c);
    if (c.get("profile").subscriptions !== true) throw new NotFoundError("Unknown API path");
    if (viewer.kind === "anonymous") throw new UnauthorizedError("No user: send an sso_token");
    const user = store.user(Number(c.req.param("userId")));
    // A signed-in user reads only their own (inferred); anyone else's look missing.
    if (user === undefined || (viewer.kind === "sso" && viewer.userId !== user.id)) {
      throw new NotFoundError("User not found");
    }
    return c.json(
      list("subscriptions", store.subscriptionsOf(user.id), subscriptionListSpec, (s) =>
        present.subscription(s),
      ),
    );
  });

  api.get("/users/:userId{[0-9]+}", auth, (c) => {
    const { store, present } = scope(c);
    const user = store.user(Number(c.req.param("userId")));
    if (user === undefined) throw new NotFoundError("User not found");
    return c.json(success(present.user(user)));
  });

  api.route("/", writeRoutes({ auth, store: getStore, alias, recordWrite, announce }));
  return api;
}

/**
 * Filters, orders and pages a list, then wraps the page in the success envelope, with `details`
 * where the profile has them for this kind of list.
 */
function list<T, R>(
  kind: ListKind,
  items: readonly T[],
  params: URLSearchParams,
  spec: ListSpec<T>,
  present: (item: T) => R,
  profile: Profile,
) {
  const paging = parsePaging(params);
  const query = attestedOnly(params, spec, profile.unattested);
  const { data, details } = paginate(applyListQuery(items, query, spec), paging);
  return success(data.map(present), profile.details.has(kind) ? details : undefined);
}
