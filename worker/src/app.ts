import { Hono } from "hono";
import type { AppEnv } from "./env.ts";
import { readConfig } from "./config/index.ts";
import { ApiError, NotFoundError, problemResponse } from "./errors/index.ts";
import { UserEchoClient } from "./upstream/client.ts";
import { topics } from "./v1/topics.ts";

/** Builds the worker's Hono app. Exported as a factory so tests get a fresh instance. */
export function createApp(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use("*", async function requestContext(c, next) {
    c.set("requestId", c.req.header("cf-ray") ?? crypto.randomUUID());
    await next();
  });

  app.use("/v1/*", async function upstreamClient(c, next) {
    const config = readConfig(c.env);
    c.set("config", config);
    c.set(
      "upstream",
      new UserEchoClient({
        baseUrl: config.upstreamBaseUrl,
        accessToken: config.apiToken,
        timeoutMs: config.upstreamTimeoutMs,
      }),
    );
    await next();
  });

  app.route("/v1", topics);

  app.notFound((c) => problemResponse(new NotFoundError("No such route."), c.get("requestId")));
  app.onError(function renderError(error, c) {
    if (!(error instanceof ApiError)) {
      // Only the class name: messages of unexpected errors may quote URLs, and URLs carry tokens.
      console.error(
        JSON.stringify({ level: "error", requestId: c.get("requestId"), error: error.name }),
      );
    }
    return problemResponse(error, c.get("requestId"));
  });
  return app;
}
