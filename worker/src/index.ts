import type { Hono } from "hono";
import type { AppEnv } from "./env.ts";

export { IdempotencyLedger } from "./idempotency/index.ts";

/** `true` only in `pnpm dev` builds (see wrangler.toml `[define]` and test/stack.ts). */
declare const __USERECHO_DEMO__: boolean;

let app: Promise<Hono<AppEnv>> | undefined;

/**
 * The app and everything it imports (the contract's schemas, above all) are evaluated on the
 * first event, not when the isolate starts: start-up stays near a hello-world Worker's
 * (docs/BENCHMARKS.md, "Cold start", has both halves). With the define false, esbuild removes
 * the demo branch and never bundles ./demo.
 */
function loadApp(): Promise<Hono<AppEnv>> {
  app ??= __USERECHO_DEMO__
    ? Promise.all([import("./app.ts"), import("./demo/index.ts")]).then(
        ([{ createApp }, { demo }]) => createApp({ extraRoutes: demo }),
      )
    : import("./app.ts").then(({ createApp }) => createApp());
  return app;
}

export default {
  async fetch(request, env, ctx) {
    return (await loadApp()).fetch(request, env, ctx);
  },
  async scheduled(_controller, env, ctx) {
    const [handler, { warmUp }] = await Promise.all([loadApp(), import("./warmup/index.ts")]);
    await warmUp((request, runEnv, runCtx) => handler.fetch(request, runEnv, runCtx), env, ctx);
  },
} satisfies ExportedHandler<Env>;
