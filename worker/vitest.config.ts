import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { createHash } from "node:crypto";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import credentials from "@userecho-edge/emulator/credentials.json" with { type: "json" };

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
// The emulator's bundle, from its package (built by `pnpm build`).
const emulatorScript = fileURLToPath(import.meta.resolve("@userecho-edge/emulator/worker"));

/**
 * Worker tests run inside workerd. Every outbound `fetch` of the worker goes to the UserEcho
 * emulator (a second worker, built by `pnpm --filter @userecho-edge/emulator build`), whatever the
 * host: production code keeps its real `https://{alias}.userecho.com` URLs.
 */
export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "../wrangler.toml" },
      miniflare: {
        bindings: {
          USERECHO_ALIAS: credentials.alias,
          USERECHO_API_TOKEN: credentials.agentToken,
          USERECHO_ANON_TOKEN: credentials.anonymousToken,
          USERECHO_SSO_KEY: credentials.ssoKey,
          SITE_JWT_SECRET: credentials.siteJwtSecret,
          PARTNER_KEYS: `${credentials.partnerId}:${sha256(credentials.partnerKey)}`,
          ADMIN_KEYS: `${credentials.adminId}:${sha256(credentials.adminKey)}`,
          ALLOWED_ORIGINS: "https://site.example, https://*.customer.example",
          USERECHO_WEBHOOK_TOKEN: credentials.webhookToken,
          USERECHO_WEBHOOK_KEY: credentials.webhookKey,
        },
        // The optional global cache tier, bound so its code path is tested too.
        kvNamespaces: ["CACHE_KV", "PARTNER_KV"],
        outboundService: "userecho-emulator",
        workers: [
          {
            name: "userecho-emulator",
            modules: true,
            scriptPath: emulatorScript,
            // workerd refuses module paths that climb out of the root with "..".
            modulesRoot: dirname(emulatorScript),
            compatibilityDate: "2026-10-01",
            // Only what UserEcho documents, unless a test asks for another profile by base URL
            // (testing/index.ts profileBaseUrl).
            bindings: { EMULATOR_PROFILE: "documented" },
          },
        ],
      },
    }),
  ],
  test: {
    name: "worker",
    include: ["test/**/*.test.ts"],
    // Node-only: they drive workerd from outside, through Miniflare (vitest.node.config.ts).
    exclude: ["test/**/*.node.test.ts"],
    // Every test: log output is checked for secrets (responses are checked by the helpers).
    setupFiles: ["test/support/setup.ts"],
  },
});
