/**
 * The emulator as a Hono app: control API, request counting, an optional middleware slot (for
 * fault injection), format handling, then the `/api/v2` read endpoints.
 */
import { type Context, Hono, type MiddlewareHandler, type Next } from "hono";
import { HTTPException } from "hono/http-exception";
import { getPath } from "hono/utils/url";
// Named imports let the bundler drop the file's other secret (the site JWT secret).
import { agentToken, alias, anonymousToken, sitePublicJwk, ssoKey } from "../credentials.json";
import { apiRoutes, type ApiEnv } from "./api.ts";
import { authenticate } from "./auth.ts";
import { communityRoutes } from "./community.ts";
import { FaultRegistry, faultRoutes, injectFaults } from "./faults.ts";
import {
  type HookRegistry,
  adminRoutes,
  announcer,
  getDefaultHooks,
  hookApiRoutes,
  hookControlRoutes,
} from "./hooks/index.ts";
import { injectRoutes } from "./inject.ts";
import type { Tokens } from "./auth.ts";
import { CONTROL_PREFIX, RequestStats, controlRoutes, countRequests } from "./control.ts";
import { failure } from "./envelope.ts";
import { ApiError, MethodNotAllowedError, NotAcceptableError, NotFoundError } from "./errors.ts";
import {
  DEFAULT_PROFILE,
  PROFILES,
  isProfileName,
  meaninglessMessage,
  splitProfilePrefix,
  type Profile,
} from "./profile.ts";
import { getDefaultStore, type Store } from "./store.ts";
import { ChaosRegistry, chaosRoutes, serveChaos } from "./chaos/serve.ts";

export type EmulatorEnv = ApiEnv & { Bindings: { EMULATOR_PROFILE?: string } };

export interface EmulatorOptions {
  /** Data to serve; defaults to the shared seed. */
  readonly store?: Store;
  /** Counters behind `/__emulator/stats`; pass one to read them without HTTP. */
  readonly stats?: RequestStats;
  /** Defaults to the tokens in `test/emulator/credentials.json`. */
  readonly tokens?: Tokens;
  /** Defaults to the alias in `credentials.json`. */
  readonly alias?: string;
  /** Key `sso_token`s are decrypted with; defaults to `ssoKey` in `credentials.json`. */
  readonly ssoKey?: string;
  /**
   * Middleware run after a request is counted and before format, auth and routing. They never
   * see `/__emulator/` requests.
   */
  readonly middleware?: readonly MiddlewareHandler<EmulatorEnv>[];
  /** Injected faults, set through `/__emulator/faults`; one registry per app by default. */
  readonly faults?: FaultRegistry;
  /** Registered webhooks and their deliveries; the isolate's shared one by default. */
  readonly hooks?: HookRegistry;
  /** The chaos profile's state (chaos/serve.ts); one per app by default. */
  readonly chaos?: ChaosRegistry;
  /**
   * The profile of requests without a `/profile/<name>` prefix. Defaults to the worker's
   * `EMULATOR_PROFILE` variable, then to `documented` (see profile.ts).
   */
  readonly profile?: Profile["name"];
}

const API_PREFIX = "/api/v2";
/** Where the emulator serves the site's public keys (credentials.json `sitePublicJwk`). */
export const SITE_JWKS_PATH = "/__site/jwks.json";
const JSON_SUFFIX = ".json";

/**
 * Routes on the path without its profile prefix and `.json` suffix, so handlers read
 * `/api/v2/users/current`. Any host is accepted: tests send the worker's
 * `https://demo.userecho.com/…` fetches here.
 */
function routingPath(request: Request): string {
  const path = splitProfilePrefix(getPath(request)).rest;
  return path.startsWith(`${API_PREFIX}/`) && path.endsWith(JSON_SUFFIX)
    ? path.slice(0, -JSON_SUFFIX.length)
    : path;
}

/** The profile a request is served under: its path prefix, else the app's default. */
function profileOf(c: Context<EmulatorEnv>, fallback: Profile["name"] | undefined): Profile {
  const prefixed = splitProfilePrefix(getPath(c.req.raw)).name;
  const configured = isProfileName(c.env?.EMULATOR_PROFILE) ? c.env.EMULATOR_PROFILE : undefined;
  return PROFILES[prefixed ?? fallback ?? configured ?? DEFAULT_PROFILE];
}

/** Only `.json` is served: `.xml` is a known but unemulated format; no suffix is no command. */
async function requireJsonFormat(c: Context, next: Next): Promise<void> {
  const path = getPath(c.req.raw);
  if (path.endsWith(".xml")) {
    throw new NotAcceptableError("The xml format is not emulated; use .json");
  }
  if (!path.endsWith(JSON_SUFFIX)) throw new NotFoundError("Unknown API path");
  await next();
}

/**
 * The one place errors become responses: the API's error envelope. Under an `envelope` profile
 * every API error is HTTP 200 with a text that says nothing (profile.ts).
 */
function renderError(error: Error, c: Context<EmulatorEnv>, fallback?: Profile["name"]): Response {
  if (error instanceof ApiError) {
    const profile = profileOf(c, fallback);
    if (profile.errors === "envelope" && getPath(c.req.raw).includes(`${API_PREFIX}/`)) {
      return c.json(failure(meaninglessMessage()), 200);
    }
    return c.json(failure(error.message), error.status);
  }
  if (error instanceof HTTPException) {
    return error.res ?? c.json(failure(error.message || "HTTP error"), error.status);
  }
  console.error("emulator: unexpected error", error);
  return c.json(failure("Internal error"), 500);
}

/**
 * Creates an emulator app. Each app has its own counters; apps without `options.store` share
 * the default store, writes included, until a reset.
 */
export function createApp(options: EmulatorOptions = {}): Hono<EmulatorEnv> {
  const stats = options.stats ?? new RequestStats();
  const faults = options.faults ?? new FaultRegistry();
  const store = () => options.store ?? getDefaultStore();
  const hooks = () => options.hooks ?? getDefaultHooks();
  const hookDeps = { hooks, store, alias: options.alias ?? alias };
  const { store: ownStore } = options;
  const chaos = options.chaos ?? new ChaosRegistry(ownStore && (() => ownStore.seed));
  const app = new Hono<EmulatorEnv>({ getPath: routingPath });
  app.onError((error, c) => renderError(error, c, options.profile));
  app.notFound((c) => renderError(new NotFoundError("Unknown path"), c, options.profile));

  // Registered first so that neither counting nor injected middleware ever touch it.
  app.route(`${CONTROL_PREFIX}/faults`, faultRoutes(faults));
  app.route(`${CONTROL_PREFIX}/inject`, injectRoutes(store));
  app.route(`${CONTROL_PREFIX}/hooks`, hookControlRoutes(hookDeps));
  app.route(`${CONTROL_PREFIX}/admin`, adminRoutes(hookDeps));
  app.route(`${CONTROL_PREFIX}/chaos`, chaosRoutes(chaos));
  app.route(
    CONTROL_PREFIX,
    controlRoutes(stats, () => {
      store().reset();
      faults.clear();
      hooks().reset();
      chaos.reset();
    }),
  );
  app.use("*", drainRequestBody);
  app.use("*", countRequests(stats));
  app.use("*", injectFaults(faults));
  // The chaos profile reads the emulator's own answers from a second app over its own store,
  // whose counters and faults are its own: a chaos request is counted once, here.
  let chaosSource: Hono<EmulatorEnv> | undefined;
  app.use(
    "*",
    serveChaos(chaos, async (request) => {
      chaosSource ??= createApp({
        store: chaos.store,
        ...(options.tokens && { tokens: options.tokens }),
        ...(options.alias !== undefined && { alias: options.alias }),
        ...(options.ssoKey !== undefined && { ssoKey: options.ssoKey }),
      });
      return chaosSource.fetch(request);
    }),
  );
  app.use("*", async function selectProfile(c, next) {
    c.set("profile", profileOf(c, options.profile));
    await next();
  });
  for (const middleware of options.middleware ?? []) app.use("*", middleware);

  // Not UserEcho: the key set of a customer site that signs its users with ES256, so the
  // worker's SITE_JWKS_URL path is tested over HTTP (counted, and faults apply, like any call).
  app.get(SITE_JWKS_PATH, (c) =>
    c.json({ keys: [sitePublicJwk] }, 200, { "Cache-Control": "max-age=300" }),
  );

  app.use(`${API_PREFIX}/*`, requireJsonFormat);
  const tokens = options.tokens ?? { agentToken, anonymousToken };
  app.route(
    API_PREFIX,
    apiRoutes({
      store,
      tokens,
      alias: options.alias ?? alias,
      ssoKey: options.ssoKey ?? ssoKey,
      recordWrite: (kind) => stats.recordWrite(kind),
      announce: announcer(hookDeps),
    }),
  );
  app.route(
    API_PREFIX,
    hookApiRoutes({
      hooks,
      auth: authenticate({
        tokens,
        ssoKey: options.ssoKey ?? ssoKey,
        alias: options.alias ?? alias,
        store,
        onUserWritten: () => stats.recordWrite("users"),
      }),
    }),
  );
  app.route(
    "/",
    communityRoutes({ store, ssoKey: options.ssoKey ?? ssoKey, alias: options.alias ?? alias }),
  );
  // Reached when no route matched: other writes are not emulated (inferred status 405).
  app.all(`${API_PREFIX}/*`, (c) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") {
      throw new NotFoundError("Unknown API path");
    }
    throw new MethodNotAllowedError(`${c.req.method} is not emulated on this path`);
  });
  return app;
}

/**
 * An answer given without reading the request's body (a 404 for an unknown path, a refused
 * token, an injected fault) still takes the body, as a real server's connection would: workerd
 * reports a body left unread after the answer as an uncaught error, noise in every test log.
 */
const drainRequestBody: MiddlewareHandler<EmulatorEnv> = async (c, next) => {
  await next();
  if (c.req.raw.body && !c.req.raw.bodyUsed) await c.req.raw.arrayBuffer().catch(() => undefined);
};
