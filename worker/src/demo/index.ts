/**
 * DEMO ONLY: a stand-in for the customer's backend, which in real life signs the site JWT for
 * its logged-in user. It exists only in builds made with `__USERECHO_DEMO__ = true` (what
 * `pnpm dev` passes); `wrangler deploy` builds with `false`, and esbuild drops this module
 * entirely. test/deploy proves the production bundle does not contain it.
 */
import { Hono } from "hono";
import { SignJWT } from "jose";
import type { AppEnv } from "../env.ts";
import { ForbiddenOriginError, MisconfiguredError } from "../errors/index.ts";

/** Marker the deploy test looks for; it must never appear in a production bundle. */
export const DEMO_SIGNER_MARKER = "userecho-edge demo signer";

const DEMO_USERS = [
  { sub: "demo-ada", name: "Ada (demo)", email: "ada@demo.invalid" },
  { sub: "demo-grace", name: "Grace (demo)", email: "grace@demo.invalid" },
] as const;

export const demo = new Hono<AppEnv>();

demo.post("/demo/login", async (c) => {
  const origin = c.req.header("Origin");
  if (origin !== new URL(c.req.url).origin) throw new ForbiddenOriginError();
  const secret = c.env.SITE_JWT_SECRET;
  if (!secret) throw new MisconfiguredError("SITE_JWT_SECRET", "the demo signer needs it");
  const index = Number(new URL(c.req.url).searchParams.get("user") ?? 0) === 1 ? 1 : 0;
  const user = DEMO_USERS[index]!;
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ name: user.name, email: user.email, email_verified: true })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(user.sub)
    .setAudience(c.env.SITE_JWT_AUDIENCE || "userecho-edge")
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(new TextEncoder().encode(secret));
  return c.json({ token, user: { name: user.name }, signer: DEMO_SIGNER_MARKER }, 200, {
    "Cache-Control": "no-store",
  });
});
