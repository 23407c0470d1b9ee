/**
 * Control routes for webhooks (no auth, never under `/api`):
 *
 * - `/__emulator/hooks`: `GET /deliveries` → `{ deliveries: [{ hookId, event, objectId, status,
 *   signedOver }] }` (never a URL: it carries the receiver's secret); `DELETE /deliveries`
 *   forgets them; `PUT /signing` with `{ "key"?: "…", "over"?: "body" | "literal" }` signs the
 *   next deliveries another way (a forger's key, the other reading), `{}` goes back to the
 *   project's key over the body.
 * - `/__emulator/admin`: an admin of the community at work in UserEcho's own back office. What
 *   they create or delete is delivered to the registered hooks before the answer, which says how
 *   each delivery went:
 *   `POST /topics` `{ "forumId", "header", "description"?, "typeId"? }` → 201
 *   `{ topicId, deliveries }`; `POST /topics/:id/comments` `{ "text" }` → 201
 *   `{ commentId, deliveries }`; `DELETE /topics/:id`, `DELETE /comments/:id` → 200
 *   `{ deliveries }`. `"repeat": n` (1–1000) in the body of either POST repeats the description
 *   or text n times: a text longer than a JSON body may be, to try a consumer's bound on it.
 */
import { type Context, Hono } from "hono";
import {
  type JsonObject,
  optionalId,
  optionalText,
  readJsonObject,
  requiredId,
  requiredText,
} from "../body.ts";
import { siteOrigin } from "../entities.ts";
import { BadRequestError, NotFoundError } from "../errors.ts";
import { AGENT_USER_ID } from "../seed/index.ts";
import type { Store } from "../store.ts";
import { type Subject, deliver } from "./deliver.ts";
import type { HookEvent, HookRegistry } from "./registry.ts";

export interface HookControlDeps {
  readonly hooks: () => HookRegistry;
  readonly store: () => Store;
  readonly alias: string;
}

/** Mount at `/__emulator/hooks`. */
export function hookControlRoutes({ hooks }: HookControlDeps): Hono {
  const routes = new Hono();
  routes.get("/deliveries", (c) => c.json({ deliveries: hooks().deliveries() }));
  routes.delete("/deliveries", (c) => {
    hooks().clearDeliveries();
    return c.json({ deliveries: [] });
  });
  routes.put("/signing", async (c) => {
    const body = await readJsonObject(c);
    const key = body["key"];
    const over = body["over"];
    if (key !== undefined && (typeof key !== "string" || key === "")) {
      throw new BadRequestError("'key' must be a non-empty string");
    }
    if (over !== undefined && over !== "body" && over !== "literal") {
      throw new BadRequestError('\'over\' must be "body" or "literal"');
    }
    hooks().sign({
      ...(key === undefined ? {} : { key }),
      ...(over === undefined ? {} : { over }),
    });
    return c.json({ over: hooks().signing.over });
  });
  return routes;
}

/**
 * Tells the registered hooks about an event, after the answer when the runtime allows it (a
 * write through the API), as UserEcho does.
 */
export function announcer({ hooks, store, alias }: HookControlDeps) {
  return (c: Context, event: HookEvent, subject: Subject): void => {
    const work = deliver(hooks(), store(), event, subject, siteOrigin(c.req.url, alias));
    try {
      c.executionCtx.waitUntil(work);
    } catch {
      // In-process tests have no execution context: the delivery simply runs on.
    }
  };
}

/** Mount at `/__emulator/admin`. */
export function adminRoutes({ hooks, store, alias }: HookControlDeps): Hono {
  const routes = new Hono();
  const tell = (c: Context, event: HookEvent, subject: Subject) =>
    deliver(hooks(), store(), event, subject, siteOrigin(c.req.url, alias));

  routes.post("/topics", async (c) => {
    const body = await readJsonObject(c);
    const forumId = requiredId(body, "forumId");
    if (store().forum(forumId) === undefined) throw new NotFoundError(`No forum ${forumId}`);
    const typeId = optionalId(body, "typeId") ?? store().typesOf(forumId)[0]?.id;
    if (typeId === undefined || store().type(typeId)?.forumId !== forumId) {
      throw new BadRequestError(`No such type in forum ${forumId}`);
    }
    const topic = store().createTopic({
      forumId,
      typeId,
      categoryId: null,
      tagIds: [],
      header: requiredText(body, "header", 255),
      description: optionalText(body, "description", 100_000).repeat(repetitions(body)),
      authorId: AGENT_USER_ID,
    });
    const deliveries = await tell(c, "topic.created", { kind: "topic", topic });
    return c.json({ topicId: topic.id, deliveries }, 201);
  });

  routes.post("/topics/:topicId{[0-9]+}/comments", async (c) => {
    const topicId = Number(c.req.param("topicId"));
    if (store().topic(topicId) === undefined) throw new NotFoundError(`No topic ${topicId}`);
    const body = await readJsonObject(c);
    const comment = store().createComment({
      topicId,
      authorId: AGENT_USER_ID,
      text: requiredText(body, "text", 100_000).repeat(repetitions(body)),
      isOfficial: false,
    });
    const deliveries = await tell(c, "comment.created", { kind: "comment", comment });
    return c.json({ commentId: comment.id, deliveries }, 201);
  });

  routes.delete("/topics/:topicId{[0-9]+}", async (c) => {
    const topic = store().deleteTopic(Number(c.req.param("topicId")));
    if (topic === undefined) throw new NotFoundError("No such topic");
    return c.json({ deliveries: await tell(c, "topic.deleted", { kind: "topic", topic }) });
  });

  routes.delete("/comments/:commentId{[0-9]+}", async (c) => {
    const comment = store().deleteComment(Number(c.req.param("commentId")));
    if (comment === undefined) throw new NotFoundError("No such comment");
    return c.json({ deliveries: await tell(c, "comment.deleted", { kind: "comment", comment }) });
  });

  return routes;
}

/** `repeat` of an admin's POST: how many times its text is repeated (1 when absent). */
function repetitions(body: JsonObject): number {
  const repeat = optionalId(body, "repeat") ?? 1;
  if (repeat > 1000) throw new BadRequestError("Parameter 'repeat' must be at most 1000");
  return repeat;
}
