import { MisconfiguredError } from "../errors/index.ts";

/** The worker's settings, parsed once per isolate from its bindings. */
export interface Config {
  /** UserEcho API v2 base, without a trailing slash: `https://{alias}.userecho.com/api/v2`. */
  readonly upstreamBaseUrl: string;
  /** The agent access token. Only the upstream client reads it. */
  readonly apiToken: string;
  /** Bound on every upstream call. */
  readonly upstreamTimeoutMs: number;
}

const UPSTREAM_TIMEOUT_MS = 8_000;
// DNS labels: what UserEcho accepts as a project alias (sub-domain of userecho.com).
const ALIAS_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

const parsed = new WeakMap<object, Config>();

/**
 * Reads and validates the configuration. Errors name the variable and never echo its value,
 * since the value may be a secret.
 */
export function readConfig(env: Env): Config {
  const cached = parsed.get(env);
  if (cached) return cached;

  const apiToken = env.USERECHO_API_TOKEN;
  if (typeof apiToken !== "string" || apiToken.trim() === "") {
    throw new MisconfiguredError("USERECHO_API_TOKEN", "secret is not set");
  }

  const config: Config = {
    upstreamBaseUrl: upstreamBaseUrl(env),
    apiToken: apiToken.trim(),
    upstreamTimeoutMs: UPSTREAM_TIMEOUT_MS,
  };
  parsed.set(env, config);
  return config;
}

function upstreamBaseUrl(env: Env): string {
  const explicit = env.USERECHO_BASE_URL?.trim();
  if (explicit) {
    let url: URL;
    try {
      url = new URL(explicit);
    } catch {
      throw new MisconfiguredError("USERECHO_BASE_URL", "is not an absolute URL");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      throw new MisconfiguredError("USERECHO_BASE_URL", "must be an http(s) URL");
    }
    if (url.search || url.hash || url.username || url.password) {
      throw new MisconfiguredError("USERECHO_BASE_URL", "must not carry a query or credentials");
    }
    return url.href.replace(/\/+$/, "");
  }
  const alias = env.USERECHO_ALIAS?.trim();
  if (!alias) {
    throw new MisconfiguredError("USERECHO_ALIAS", "is not set (nor is USERECHO_BASE_URL)");
  }
  if (!ALIAS_PATTERN.test(alias)) {
    throw new MisconfiguredError("USERECHO_ALIAS", "is not a valid sub-domain label");
  }
  return `https://${alias.toLowerCase()}.userecho.com/api/v2`;
}
