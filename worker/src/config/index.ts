import type { TopicFilter, TopicSort } from "@userecho-edge/shared";
import { TOPIC_FILTERS, TOPIC_SORTS } from "@userecho-edge/shared/topic-options";
import { MisconfiguredError } from "../errors/index.ts";
import type { FreshnessPolicy } from "../cache/edge-cache.ts";
import { DEFAULT_VOTING, VOTING_MODES, isVotingMode, type VotingMode } from "./voting.ts";

/** The cached routes, each with its own fresh TTL. */
export const CACHE_ROUTES = [
  "forums",
  "meta",
  "topics",
  "index",
  "topic",
  "comments",
  "users",
] as const;
export type CacheRoute = (typeof CACHE_ROUTES)[number];

/** The worker's settings, parsed once per isolate from its bindings. */
export interface Config {
  /** UserEcho API v2 base, without a trailing slash: `https://{alias}.userecho.com/api/v2`. */
  readonly upstreamBaseUrl: string;
  /**
   * The community's web origin, for topic and forum links: `USERECHO_COMMUNITY_URL`, else
   * `https://{alias}.userecho.com`, else the origin of `USERECHO_BASE_URL`.
   */
  readonly communityOrigin: string;
  /** The agent access token. Only the upstream client reads it. */
  readonly apiToken: string;
  /** Bound on every upstream call. */
  readonly upstreamTimeoutMs: number;
  /** Upstream calls one warm-up run may make (warmup/index.ts); 0 turns the warm-up off. */
  readonly warmupMaxCalls: number;
  /** Forum ids the API may show, on top of "public"; `undefined` means no restriction. */
  readonly allowedForums: ReadonlySet<number> | undefined;
  /** Browser origins allowed to call `/v1` cross-origin. */
  readonly allowedOrigins: OriginMatcher;
  /**
   * How votes are cast: through the (inferred) upstream endpoint, by handing off to the
   * community, or (`auto`) inline until UserEcho shows it has no vote endpoint (board/voting.ts).
   */
  readonly voting: VotingMode;
  /** Whether staff appear on the leaderboard (`LEADERBOARD_STAFF`). */
  readonly leaderboardStaff: "hide" | "show";
  /** How many of a forum's newest topics the worker reads to compute lists (board/forum-index.ts). */
  readonly computedMaxTopics: number;
  /** Topic-forum proofs that ask UserEcho, per isolate and minute (board/forum-proof.ts). */
  readonly forumProofsPerMinute: number;
  /** Freshness per cached route. */
  readonly cache: Readonly<Record<CacheRoute, FreshnessPolicy>>;
  /**
   * Sorts UserEcho serves (`TOPIC_SORTS`): tried at run time unless listed explicitly. The
   * others are computed at the edge.
   */
  readonly topicSorts: Choice<TopicSort>;
  /** Filters UserEcho serves (`TOPIC_FILTERS`), likewise. */
  readonly topicFilters: Choice<TopicFilter>;
}

/** A set of guessed features and whether the worker should find out at run time which work. */
export interface Choice<T extends string> {
  readonly values: ReadonlySet<T>;
  /** True when the variable is empty: every value, each tried before UserEcho is trusted with it. */
  readonly detect: boolean;
}

export type OriginMatcher = (origin: string) => boolean;

const DEFAULT_TTL: Readonly<Record<CacheRoute, number>> = {
  forums: 300,
  meta: 300,
  topics: 60,
  index: 60,
  topic: 60,
  comments: 60,
  users: 300,
};
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
  const upstream = upstreamUrls(env);
  const revalidateSeconds = seconds(env.CACHE_SWR_SECONDS, "CACHE_SWR_SECONDS", 300);
  const staleIfErrorSeconds = seconds(
    env.CACHE_STALE_IF_ERROR_SECONDS,
    "CACHE_STALE_IF_ERROR_SECONDS",
    86_400,
  );
  const ttl = ttls(env.CACHE_TTL);
  const cache = Object.fromEntries(
    CACHE_ROUTES.map((route) => [
      route,
      { freshSeconds: ttl[route], revalidateSeconds, staleIfErrorSeconds },
    ]),
  ) as Record<CacheRoute, FreshnessPolicy>;

  const config: Config = {
    ...upstream,
    apiToken: apiToken.trim(),
    upstreamTimeoutMs: seconds(env.UPSTREAM_TIMEOUT_MS, "UPSTREAM_TIMEOUT_MS", 8_000, 100, 60_000),
    warmupMaxCalls: seconds(env.WARMUP_MAX_CALLS, "WARMUP_MAX_CALLS", 20, 0, 1_000),
    allowedForums: forumIds(env.ALLOWED_FORUMS),
    allowedOrigins: originMatcher(env.ALLOWED_ORIGINS),
    voting: votingMode(env.VOTING),
    leaderboardStaff: staffMode(env.LEADERBOARD_STAFF),
    computedMaxTopics: seconds(env.COMPUTED_MAX_TOPICS, "COMPUTED_MAX_TOPICS", 2_000, 100, 10_000),
    forumProofsPerMinute: seconds(
      env.FORUM_PROOFS_PER_MINUTE,
      "FORUM_PROOFS_PER_MINUTE",
      60,
      1,
      10_000,
    ),
    cache,
    topicSorts: choice(env.TOPIC_SORTS, "TOPIC_SORTS", TOPIC_SORTS),
    topicFilters: choice(env.TOPIC_FILTERS, "TOPIC_FILTERS", TOPIC_FILTERS),
  };
  parsed.set(env, config);
  return config;
}

function upstreamUrls(env: Env): Pick<Config, "upstreamBaseUrl" | "communityOrigin"> {
  const urls = apiUrls(env);
  const community = env.USERECHO_COMMUNITY_URL?.trim();
  if (!community) return urls;
  let url: URL;
  try {
    url = new URL(community);
  } catch {
    throw new MisconfiguredError("USERECHO_COMMUNITY_URL", "is not an absolute URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new MisconfiguredError("USERECHO_COMMUNITY_URL", "must be an http(s) URL");
  }
  return { ...urls, communityOrigin: url.origin };
}

function apiUrls(env: Env): Pick<Config, "upstreamBaseUrl" | "communityOrigin"> {
  const alias = env.USERECHO_ALIAS?.trim();
  if (alias && !ALIAS_PATTERN.test(alias)) {
    throw new MisconfiguredError("USERECHO_ALIAS", "is not a valid sub-domain label");
  }
  const aliasOrigin = alias ? `https://${alias.toLowerCase()}.userecho.com` : undefined;
  const explicit = env.USERECHO_BASE_URL?.trim();
  if (!explicit) {
    if (!aliasOrigin) {
      throw new MisconfiguredError("USERECHO_ALIAS", "is not set (nor is USERECHO_BASE_URL)");
    }
    return { upstreamBaseUrl: `${aliasOrigin}/api/v2`, communityOrigin: aliasOrigin };
  }
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
  return {
    upstreamBaseUrl: url.href.replace(/\/+$/, ""),
    communityOrigin: aliasOrigin ?? url.origin,
  };
}

/** A comma-separated subset of `all`; empty means all of them, detected at run time. */
function choice<T extends string>(
  value: string | undefined,
  variable: string,
  all: readonly T[],
): Choice<T> {
  const parts = (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return { values: new Set(all), detect: true };
  const unknown = parts.find((part) => !(all as readonly string[]).includes(part));
  if (unknown !== undefined) {
    throw new MisconfiguredError(variable, `expects a comma-separated subset of ${all.join(", ")}`);
  }
  return { values: new Set(parts as T[]), detect: false };
}

function votingMode(value: string | undefined): Config["voting"] {
  const mode = value?.trim() || DEFAULT_VOTING;
  if (!isVotingMode(mode)) {
    throw new MisconfiguredError(
      "VOTING",
      `must be ${VOTING_MODES.map((m) => `"${m}"`).join(", ")}`,
    );
  }
  return mode;
}

function staffMode(value: string | undefined): Config["leaderboardStaff"] {
  const mode = value?.trim() || "hide";
  if (mode !== "hide" && mode !== "show") {
    throw new MisconfiguredError("LEADERBOARD_STAFF", 'must be "hide" or "show"');
  }
  return mode;
}

function seconds(
  value: string | undefined,
  variable: string,
  fallback: number,
  min = 0,
  max = 30 * 86_400,
): number {
  if (value === undefined || value.trim() === "") return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new MisconfiguredError(variable, `must be an integer from ${min} to ${max}`);
  }
  return number;
}

/** `CACHE_TTL="topics=60,meta=300"`: routes not named keep their default. */
function ttls(value: string | undefined): Record<CacheRoute, number> {
  const result = { ...DEFAULT_TTL };
  for (const part of (value ?? "").split(",")) {
    if (part.trim() === "") continue;
    const [route, raw] = part.split("=").map((s) => s.trim());
    if (!route || !(CACHE_ROUTES as readonly string[]).includes(route) || raw === undefined) {
      throw new MisconfiguredError(
        "CACHE_TTL",
        `expects route=seconds for ${CACHE_ROUTES.join(", ")}`,
      );
    }
    result[route as CacheRoute] = seconds(raw, "CACHE_TTL", 0, 0, 86_400);
  }
  return result;
}

function forumIds(value: string | undefined): ReadonlySet<number> | undefined {
  const parts = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  const ids = parts.map(Number);
  if (ids.some((id) => !Number.isInteger(id) || id <= 0)) {
    throw new MisconfiguredError("ALLOWED_FORUMS", "expects comma-separated forum ids");
  }
  return new Set(ids);
}

/**
 * `ALLOWED_ORIGINS`: exact origins, `https://*.example.com` (any one or more sub-domain labels of
 * example.com, not example.com itself), or `*`.
 */
export function originMatcher(value: string | undefined): OriginMatcher {
  const entries = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.includes("*")) return () => true;
  const exact = new Set<string>();
  // Stryker disable ArrayDeclaration: a string in these lists has no scheme, so matches nothing
  const suffixes: { scheme: string; suffix: string }[] = [];
  // `http://localhost:*`: one host on any port, for a developer's local pages (pnpm dev).
  const anyPort: { scheme: string; hostname: string }[] = [];
  // Stryker restore ArrayDeclaration
  for (const entry of entries) {
    const portWildcard = /^(https?):\/\/([a-z0-9.-]+):\*$/i.exec(entry);
    if (portWildcard) {
      anyPort.push({
        scheme: portWildcard[1]!.toLowerCase(),
        hostname: portWildcard[2]!.toLowerCase(),
      });
      continue;
    }
    const wildcard = /^(https?):\/\/\*\.([a-z0-9.-]+(?::\d+)?)$/i.exec(entry);
    if (wildcard) {
      suffixes.push({
        scheme: wildcard[1]!.toLowerCase(),
        suffix: `.${wildcard[2]!.toLowerCase()}`,
      });
      continue;
    }
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new MisconfiguredError("ALLOWED_ORIGINS", "contains an entry that is not an origin");
    }
    if (url.origin === "null" || url.pathname !== "/" || url.search || entry.endsWith("/")) {
      throw new MisconfiguredError("ALLOWED_ORIGINS", "entries must be bare origins, no path");
    }
    exact.add(url.origin);
  }
  return (origin) => {
    if (exact.has(origin)) return true;
    // Only a real serialised origin may match a wildcard: no userinfo, path, query or fragment.
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    if (url.origin !== origin) return false;
    const scheme = url.protocol.slice(0, -1);
    const host = url.host.toLowerCase();
    if (anyPort.some((p) => p.scheme === scheme && p.hostname === url.hostname)) return true;
    return suffixes.some(
      (s) => s.scheme === scheme && host.endsWith(s.suffix) && host.length > s.suffix.length,
    );
  };
}
