import type { Context } from "hono";
import { HookAck } from "@userecho-edge/shared";
import { visibility } from "../board/visibility.ts";
import { purgeScopes } from "../cache/index.ts";
import type { AppEnv } from "../env.ts";
import { type HookEvent, loggableName, readDelivery } from "../hooks/events.ts";
import { hookScopes } from "../hooks/scopes.ts";
import type { RouteHandlers } from "./mount.ts";

/**
 * Handlers of UserEcho's webhook (shared/src/routes.ts); its guard (`auth: "webhook"`,
 * api/mount.ts) has checked the token and the signature before anything here runs.
 */
export const hookHandlers = {
  /**
   * Answers at once, as UserEcho asks (it waits 10 s, then retries minutes later), and purges
   * in `waitUntil`. A replayed delivery only purges again.
   */
  receiveUserEchoHook: (c, { body }) => {
    const event = readDelivery(body);
    const action = event.kind === "ignore" ? "ignore" : "purge";
    if (event.kind === "ignore") {
      logHook(c, event, { reason: event.reason });
    } else {
      c.executionCtx.waitUntil(purgeFor(c, event));
    }
    return c.json(HookAck.parse({ event: body.hook, action }), 200, {
      "Cache-Control": "private, no-store",
    });
  },
} satisfies Partial<RouteHandlers>;

/** The purge an event calls for; never rejects (it runs after the answer). */
async function purgeFor(c: Context<AppEnv>, event: HookEvent): Promise<void> {
  try {
    // Only a topic whose forum the delivery does not name needs the visible forums.
    const forums =
      event.kind === "topic" && event.forumId === undefined
        ? await visibility(c).then(
            ({ items }) => items.map((forum) => forum.id),
            () => undefined,
          )
        : [];
    const scopes = hookScopes(event, forums);
    const reach = await purgeScopes(c, scopes);
    logHook(c, event, { scopes, reach });
  } catch (error) {
    console.error(
      JSON.stringify({
        level: "error",
        message: "userecho hook purge failed",
        requestId: c.get("requestId"),
        error: error instanceof Error ? error.name : typeof error,
      }),
    );
  }
}

/** One line per delivery: the event, what it did, and which signature reading held. */
function logHook(c: Context<AppEnv>, event: HookEvent, outcome: Record<string, unknown>): void {
  console.log(
    JSON.stringify({
      level: "info",
      message: "userecho hook",
      requestId: c.get("requestId"),
      event: loggableName(event.name),
      ...outcome,
      signedOver: c.get("hook")?.signedOver,
    }),
  );
}
