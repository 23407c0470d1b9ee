import type { CacheOutcome } from "./cache/edge-cache.ts";
import type { Config } from "./config/index.ts";
import type { Identity } from "./identity/index.ts";
import type { KeyHolder } from "./api-keys/index.ts";
import type { UserEchoClient } from "./upstream/client.ts";
import type { WarmupRun } from "./warmup/run.ts";

/**
 * Bindings that `wrangler types` cannot know because wrangler.toml leaves them commented out:
 * the optional KV namespace of the global cache tier (a namespace id is account-specific).
 */
interface OptionalBindings {
  CACHE_KV?: KVNamespace;
  /** Partner keys by SHA-256 hash (`partner-key:<hex>` → partner id). */
  PARTNER_KV?: KVNamespace;
  /*
   * Optional secrets: only signed-in-user and partner features need them, so a read-only board
   * deploys without. Not in `[secrets] required`, hence not generated.
   */
  USERECHO_ANON_TOKEN?: string;
  USERECHO_SSO_KEY?: string;
  SITE_JWT_SECRET?: string;
  PARTNER_KEYS?: string;
  /** Admin keys (`id:sha256hex,…`): purging the cache. */
  ADMIN_KEYS?: string;
  /** The secret path segment of the webhook URL UserEcho delivers to; unset: webhooks are off. */
  USERECHO_WEBHOOK_TOKEN?: string;
  /** The project's webhook key: when set, deliveries must carry a matching `X-UE-Signature`. */
  USERECHO_WEBHOOK_KEY?: string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Env extends OptionalBindings {}
  // eslint-disable-next-line @typescript-eslint/no-namespace -- merging into the generated one
  namespace Cloudflare {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Env extends OptionalBindings {}
  }
}

/** Per-request timing, filled by the upstream client, read by the request log. */
export interface UpstreamTiming {
  calls: number;
  milliseconds: number;
}

/** A webhook delivery whose token (and signature, when the worker has the key) held. */
export interface VerifiedHook {
  /** The body as received, UTF-8. */
  body: string;
  /** What the signature was computed over; `unsigned` when the worker has no webhook key. */
  signedOver: "body" | "literal" | "unsigned";
}

/** Hono's view of the worker: generated bindings plus what middleware puts on the context. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    config: Config;
    upstream: UserEchoClient;
    upstreamTiming: UpstreamTiming;
    /** The signed-in site user, when the request carries a valid bearer token. */
    identity: Identity | undefined;
    /** The partner or admin, when the request carries a valid `X-Api-Key`. */
    keyHolder: KeyHolder | undefined;
    /** Set on the requests the cron's warm-up makes itself (warmup/index.ts). */
    warmup: WarmupRun | undefined;
    /** Set by the cache layer; the request log turns it into `Cache-Status`. */
    cacheOutcome: CacheOutcome | undefined;
    /** A webhook delivery, once its token and signature held (middleware/userecho-hook). */
    hook: VerifiedHook | undefined;
  };
}
