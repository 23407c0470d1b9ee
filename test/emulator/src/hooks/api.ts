/**
 * UserEcho's hook API, mounted at `/api/v2`: `POST hooks` and `GET hooks/events` as the Russian
 * edition of the docs shows them, and, under the `extended` profile only, `GET hooks` and
 * `DELETE hooks/[id]`, which no source names (INFERRED.md, "Webhooks").
 */
import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { AuthVariables } from "../auth.ts";
import { readJsonObject, requiredText } from "../body.ts";
import { success } from "../envelope.ts";
import { BadRequestError, NotFoundError, UnauthorizedError } from "../errors.ts";
import type { Profile } from "../profile.ts";
import { HOOK_EVENTS, type Hook, type HookRegistry, isHookEvent } from "./registry.ts";

type HookEnv = { Variables: AuthVariables & { profile: Profile } };

export interface HookApiDeps {
  readonly auth: MiddlewareHandler<HookEnv>;
  readonly hooks: () => HookRegistry;
}

/** A hook as `POST hooks` answers it: every event, `true` for the one it is on. */
export function presentHook(hook: Hook) {
  return {
    id: hook.id,
    target_url: hook.targetUrl,
    events: Object.fromEntries(HOOK_EVENTS.map((event) => [event, event === hook.event])),
  };
}

/** Managing hooks is project settings: an agent's token only (inferred). */
function requireAgent(c: Context<HookEnv>): void {
  if (c.get("viewer").kind !== "agent") {
    throw new UnauthorizedError("Managing webhooks needs an agent token");
  }
}

/**
 * Listing and deleting are guesses: only the extended profile has them. Before authentication,
 * as for any unknown path.
 */
const guessed: MiddlewareHandler<HookEnv> = async (c, next) => {
  if (!c.get("profile").richTopics) throw new NotFoundError("Unknown API path");
  await next();
};

export function hookApiRoutes({ auth, hooks }: HookApiDeps): Hono<HookEnv> {
  const api = new Hono<HookEnv>();

  // Literal segment first, so `events` is never taken for a hook id.
  api.get("/hooks/events", auth, (c) => {
    requireAgent(c);
    return c.json(success([...HOOK_EVENTS]));
  });

  api.post("/hooks", auth, async (c) => {
    requireAgent(c);
    const body = await readJsonObject(c);
    const event = requiredText(body, "event", 100);
    if (!isHookEvent(event)) throw new BadRequestError("Parameter 'event' is not a known event");
    const target = requiredText(body, "target_url", 2_000);
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      throw new BadRequestError("Parameter 'target_url' is not a URL");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      throw new BadRequestError("Parameter 'target_url' must be an http(s) URL");
    }
    return c.json(success(presentHook(hooks().register(event, target, c.get("profile").name))));
  });

  api.get("/hooks", guessed, auth, (c) => {
    requireAgent(c);
    return c.json(success(hooks().list().map(presentHook)));
  });

  api.delete("/hooks/:hookId{[0-9]+}", guessed, auth, (c) => {
    requireAgent(c);
    const id = Number(c.req.param("hookId"));
    if (!hooks().delete(id)) throw new NotFoundError("Hook not found");
    return c.json(success({ id }));
  });

  return api;
}
