import { Hono } from "hono";
import { Health, openApiDocument } from "@userecho-edge/shared";
import type { AppEnv } from "../env.ts";

/** Bumped with every release of the `/v1` contract. */
export const API_VERSION = "1.0.0";

export const meta = new Hono<AppEnv>();

let document: string | undefined;

meta.get("/openapi.json", (c) => {
  // Generated once per isolate: the schemas do not change at run time.
  document ??= JSON.stringify(openApiDocument({ version: API_VERSION }));
  return c.body(document, 200, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "public, max-age=3600",
  });
});

meta.get("/health", (c) =>
  c.json(Health.parse({ status: "ok", version: API_VERSION }), 200, {
    "Cache-Control": "no-store",
  }),
);
