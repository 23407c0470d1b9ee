import { API_VERSION, Health } from "@userecho-edge/shared";
import { MisconfiguredError } from "../errors/index.ts";
import type { RouteHandlers } from "./mount.ts";

/** Handlers of the routes about the API itself (shared/src/routes.ts). */
export const serviceHandlers = {
  getHealth: (c) =>
    c.json(Health.parse({ status: "ok", version: API_VERSION }), 200, {
      "Cache-Control": "no-store",
    }),

  /**
   * The document generated at build time from the route declarations (shared/openapi.json,
   * kept current by `pnpm check`) and shipped with the static assets (widget/vite.config.ts):
   * no schema conversion runs in the worker, and the document costs its bundle nothing.
   */
  getOpenApiDocument: async (c) => {
    const asset = await c.env.ASSETS.fetch(new URL("/openapi.json", c.req.url));
    if (!asset.ok) throw new MisconfiguredError("ASSETS", "has no openapi.json: run pnpm build");
    return new Response(asset.body, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Cache-Control": "public, max-age=3600",
        ...(asset.headers.get("ETag") ? { ETag: asset.headers.get("ETag")! } : {}),
      },
    });
  },
} satisfies Partial<RouteHandlers>;
