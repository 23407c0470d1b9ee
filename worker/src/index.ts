import type { Hono } from "hono";
import { createApp } from "./app.ts";
import type { AppEnv } from "./env.ts";
import { warmUp } from "./warmup/index.ts";

export { IdempotencyLedger } from "./idempotency/index.ts";

/** `true` only in `pnpm dev` builds (see wrangler.toml `[define]` and test/stack.ts). */
declare const __USERECHO_DEMO__: boolean;

// With the define false, esbuild removes this branch and never bundles ./demo.
const app: Promise<Hono<AppEnv>> = __USERECHO_DEMO__
  ? import("./demo/index.ts").then(({ demo }) => createApp({ extraRoutes: demo }))
  : Promise.resolve(createApp());

export default {
  async fetch(request, env, ctx) {
    return (await app).fetch(request, env, ctx);
  },
  async scheduled(_controller, env, ctx) {
    const handler = await app;
    await warmUp((request, runEnv, runCtx) => handler.fetch(request, runEnv, runCtx), env, ctx);
  },
} satisfies ExportedHandler<Env>;
