/**
 * The `chaos` profile: `/profile/chaos/api/v2/…` (the default seed) and
 * `/profile/chaos-<key>/api/v2/…`, a UserEcho whose every answer is drawn from the grammar
 * (grammar.ts) for the dialect of `<key>`. The data come from the emulator itself, read through
 * the `extended` profile (which has every field) on a store of the chaos profile's own, then
 * re-encoded (encode.ts); reads may fail (failures.ts). Writes go through as the `documented`
 * profile has them.
 *
 * Each key is a namespace: its dialect (drawn from the key, or set through the control API),
 * how often each request was made (failures depend on the attempt), and a log of what was
 * answered. A given dialect answers the n-th identical request of a namespace the same way,
 * so a test that gives every case its own key replays exactly.
 */
import { Hono, type MiddlewareHandler } from "hono";
import { BadRequestError } from "../errors.ts";
import {
  commentListSpec,
  idOnlyListSpec,
  searchListSpec,
  topicListSpec,
  userListSpec,
} from "../lists.ts";
import { DEFAULT_LIMIT, MAX_LIMIT } from "../paging.ts";
import type { ListKind } from "../profile.ts";
import { attestedOnly, type ListSpec } from "../query.ts";
import { getSeed, type Seed } from "../seed/index.ts";
import { Store } from "../store.ts";
import { Encoder, type PageFacts } from "./encode.ts";
import {
  FAILED_ATTEMPTS,
  failureClassOf,
  hardFailure,
  jsonContentType,
  outage,
  refusal,
  type FailedAnswer,
} from "./failures.ts";
import {
  DEFAULT_CHAOS_SEED,
  dialectFromSeed,
  hash,
  parseDialect,
  requestRandom,
  type Dialect,
} from "./grammar.ts";

/** `/profile/chaos` or `/profile/chaos-<key>` at the start of a path: the key and the rest. */
export function splitChaosPrefix(path: string): { key: string; rest: string } | undefined {
  const match = /^\/profile\/chaos(?:-([a-z0-9]{1,40}))?(\/.*)?$/.exec(path);
  if (!match) return undefined;
  return { key: match[1] ?? String(DEFAULT_CHAOS_SEED), rest: match[2] ?? "/" };
}

/** The seed a key stands for: the number it spells, else a hash of it. */
export function seedOfKey(key: string): number {
  return /^\d{1,9}$/.test(key) ? Number(key) : hash(key);
}

/** One line of a namespace's log: a request, and what it was answered. */
export interface ChaosLogEntry {
  /** `GET forums/1/topics?limit=100&order_by=-created&page=1`, tokens left out. */
  readonly request: string;
  /** 1 for the first time this request was made in the namespace. */
  readonly attempt: number;
  readonly status: number;
  /**
   * `served` (an answer, in whatever encoding), `refused` (an error the request itself called
   * for: a missing object, a refused parameter), or a failure the dialect injected:
   * `transient` (the first attempt only) or `hard` (a retry does not help).
   */
  readonly outcome: "served" | "refused" | "transient" | "hard";
  /** The variants used, in words (`lists:keyed-by-id`, `cap:50`, `unusable:topic 1004 id-null`). */
  readonly notes: readonly string[];
}

interface Namespace {
  readonly dialect: Dialect;
  readonly attempts: Map<string, number>;
  readonly log: ChaosLogEntry[];
}

/** Namespaces kept at once; the oldest is forgotten first. */
const MAX_NAMESPACES = 5_000;
/** Log lines kept per namespace. */
const MAX_LOG = 500;

/** The chaos profile's state: its store, dialects set through the control API, namespaces. */
export class ChaosRegistry {
  readonly #seed: () => Seed;
  #store: Store | undefined;
  readonly #namespaces = new Map<string, Namespace>();
  readonly #dialects = new Map<string, Dialect>();

  /** `seed`: the data to serve; the shared seed by default. */
  constructor(seed: () => Seed = getSeed) {
    this.#seed = seed;
  }

  /**
   * The chaos profile's data, apart from the other profiles' store, so that writes made through
   * them (by other suites) never change what a chaos namespace holds.
   */
  get store(): Store {
    this.#store ??= new Store(this.#seed());
    return this.#store;
  }

  dialectOf(key: string): Dialect {
    return this.#dialects.get(key) ?? dialectFromSeed(seedOfKey(key));
  }

  /** Sets the dialect of a key, starting its namespace afresh. */
  setDialect(key: string, dialect: Dialect): void {
    if (this.#dialects.size >= MAX_NAMESPACES) {
      this.#dialects.delete(this.#dialects.keys().next().value!);
    }
    this.#dialects.set(key, dialect);
    this.#namespaces.delete(key);
  }

  namespace(key: string): Namespace {
    let namespace = this.#namespaces.get(key);
    if (namespace === undefined) {
      if (this.#namespaces.size >= MAX_NAMESPACES) {
        this.#namespaces.delete(this.#namespaces.keys().next().value!);
      }
      namespace = { dialect: this.dialectOf(key), attempts: new Map(), log: [] };
      this.#namespaces.set(key, namespace);
    }
    return namespace;
  }

  log(key: string): readonly ChaosLogEntry[] {
    return this.#namespaces.get(key)?.log ?? [];
  }

  /** Forgets every namespace and dialect, and every write made through the chaos profile. */
  reset(): void {
    this.#namespaces.clear();
    this.#dialects.clear();
    this.#store?.reset();
  }
}

/** Control routes, mounted under `/__emulator/chaos`. */
export function chaosRoutes(registry: ChaosRegistry): Hono {
  const routes = new Hono();
  const key = ":key{[a-z0-9]{1,40}}";
  routes.get(`/${key}`, (c) => c.json({ dialect: registry.dialectOf(c.req.param("key")) }));
  routes.put(`/${key}`, async (c) => {
    let dialect: Dialect;
    try {
      dialect = parseDialect(await c.req.json());
    } catch (error) {
      return c.json({ error: error instanceof Error ? error.message : "bad dialect" }, 400);
    }
    registry.setDialect(c.req.param("key"), dialect);
    return c.json({ dialect });
  });
  routes.get(`/${key}/log`, (c) => c.json({ entries: registry.log(c.req.param("key")) }));
  routes.delete("/", (c) => {
    registry.reset();
    return c.json({});
  });
  return routes;
}

/** How the chaos profile reads the emulator's own answers: the app, under another profile. */
export type InnerFetch = (request: Request) => Promise<Response>;

type Command =
  | { readonly kind: "list"; readonly list: ListKind }
  | { readonly kind: "topic" }
  | { readonly kind: "user" }
  | { readonly kind: "other" };

const COMMANDS: readonly [RegExp, Command][] = [
  [/^forums$/, { kind: "list", list: "forums" }],
  [/^forums\/\d+\/types$/, { kind: "list", list: "types" }],
  [/^forums\/\d+\/types\/\d+\/statuses$/, { kind: "list", list: "statuses" }],
  [/^forums\/\d+\/categories$/, { kind: "list", list: "categories" }],
  [/^forums\/\d+\/tags$/, { kind: "list", list: "tags" }],
  [/^forums\/\d+\/topics$/, { kind: "list", list: "topics" }],
  [/^forums\/\d+\/topics\/search$/, { kind: "list", list: "search" }],
  [/^topics\/\d+\/comments$/, { kind: "list", list: "comments" }],
  [/^users$/, { kind: "list", list: "users" }],
  [/^topics\/\d+$/, { kind: "topic" }],
  [/^users\/(current|\d+|sso\/[^/]+)$/, { kind: "user" }],
];

const SPECS: Readonly<Record<ListKind, ListSpec<never>>> = {
  forums: idOnlyListSpec(),
  types: idOnlyListSpec(),
  statuses: idOnlyListSpec(),
  categories: idOnlyListSpec(),
  tags: idOnlyListSpec(),
  topics: topicListSpec,
  search: searchListSpec,
  comments: commentListSpec,
  users: userListSpec,
  groups: idOnlyListSpec(),
  subscriptions: idOnlyListSpec(),
};

const API_PATH = /^\/api\/v2\/(.+)\.json$/;
const PRIVATE_PARAMETERS = new Set(["access_token", "sso_token"]);

/** The request as the log and the PRNG know it: method, command, query without tokens. */
function requestKey(method: string, command: string, params: URLSearchParams): string {
  const query = [...params]
    .filter(([name]) => !PRIVATE_PARAMETERS.has(name))
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
  return `${method} ${command}${query ? `?${query}` : ""}`;
}

/**
 * The middleware that serves chaos paths (any others pass by). Registered after counting and
 * injected faults, so both apply to chaos requests as to any other.
 */
export function serveChaos(registry: ChaosRegistry, inner: InnerFetch): MiddlewareHandler {
  return async function chaosProfile(c, next) {
    const url = new URL(c.req.url);
    const prefix = splitChaosPrefix(url.pathname);
    if (prefix === undefined) return next();
    const apiPath = API_PATH.exec(prefix.rest);
    const command = apiPath?.[1];
    const as = (profile: string, params: URLSearchParams = url.searchParams) => {
      const target = new URL(`/profile/${profile}${prefix.rest}`, url);
      target.search = params.toString();
      return target;
    };
    if (c.req.method !== "GET" || command === undefined) {
      return inner(new Request(as("documented"), c.req.raw));
    }
    const shape = COMMANDS.find(([pattern]) => pattern.test(command))?.[1] ?? { kind: "other" };
    if (shape.kind === "other") return inner(new Request(as("extended"), c.req.raw));

    const namespace = registry.namespace(prefix.key);
    const { dialect } = namespace;
    const key = requestKey("GET", command, url.searchParams);
    const attempt = (namespace.attempts.get(key) ?? 0) + 1;
    namespace.attempts.set(key, attempt);
    const record = (status: number, outcome: ChaosLogEntry["outcome"], notes: Iterable<string>) => {
      if (namespace.log.length >= MAX_LOG) namespace.log.shift();
      namespace.log.push({ request: key, attempt, status, outcome, notes: [...notes] });
    };
    const failed = (outcome: ChaosLogEntry["outcome"], failure: FailedAnswer) => {
      record(failure.response.status, outcome, [failure.note]);
      return failure.response;
    };

    const failure = failureClassOf(dialect, requestRandom(dialect, `${key}#failure`));
    const random = requestRandom(dialect, key);
    if (failure !== undefined && attempt <= FAILED_ATTEMPTS[failure]) {
      return failed(
        failure,
        failure === "hard"
          ? hardFailure(dialect, random, command)
          : outage(dialect, random, failure),
      );
    }

    const notes = new Set<string>();
    let params: URLSearchParams;
    let askedLimit: number | undefined;
    try {
      ({ params, askedLimit } = upstreamQuery(dialect, shape, url.searchParams, notes));
    } catch (error) {
      if (!(error instanceof BadRequestError)) throw error;
      return failed("refused", refusal(dialect, random, error.message, error.status));
    }

    const response = await inner(
      new Request(as("extended", params), { headers: c.req.raw.headers }),
    );
    const text = await response.text();
    let envelope: { status?: unknown; data?: unknown; details?: { count: number; page: number } };
    try {
      envelope = JSON.parse(text) as typeof envelope;
    } catch {
      return failed("refused", refusal(dialect, random, "unreadable request", response.status));
    }
    if (response.status !== 200 || envelope.status !== "success") {
      return failed("refused", refusal(dialect, random, "not found", response.status));
    }

    const encoder = new Encoder(dialect, random);
    let body: string;
    if (shape.kind === "list") {
      const items = Array.isArray(envelope.data)
        ? (envelope.data as Record<string, unknown>[])
        : [];
      const details = envelope.details!;
      const facts: PageFacts = {
        count: details.count,
        page: details.page,
        limit: Number(params.get("limit") ?? DEFAULT_LIMIT),
        askedLimit,
      };
      const data = encoder.listData(
        items.map((item) => encoder.item(shape.list, item)),
        items.map((item) => item["id"] as number),
        (facts.page - 1) * facts.limit,
      );
      body = encoder.envelope(data, encoder.details(shape.list, facts));
    } else {
      const object = envelope.data as Record<string, unknown>;
      body = encoder.envelope(
        JSON.stringify(shape.kind === "topic" ? encoder.topic(object) : encoder.user(object)),
        undefined,
      );
    }
    for (const note of encoder.notes) notes.add(note);
    const contentType = jsonContentType(dialect, random);
    if (contentType !== "application/json") notes.add(`content-type:${contentType}`);
    const gzip = dialect.gzip > 0 && random.chance(dialect.gzip);
    if (gzip) notes.add("gzip");
    record(200, "served", notes);
    return gzip
      ? await gzipped(body, contentType)
      : new Response(body, { headers: { "Content-Type": contentType } });
  };
}

/**
 * The query the emulator's own profile is asked with: `filter__id__gt` and unattested parameters
 * as the dialect treats them, and `limit` capped.
 *
 * @throws BadRequestError when the dialect refuses a parameter.
 */
function upstreamQuery(
  dialect: Dialect,
  shape: Command,
  query: URLSearchParams,
  notes: Set<string>,
): { params: URLSearchParams; askedLimit: number | undefined } {
  let params = new URLSearchParams(query);
  if (params.has("filter__id__gt") && dialect.idFilter !== "honoured") {
    if (dialect.idFilter === "refused") {
      throw new BadRequestError("Unsupported parameter 'filter__id__gt'");
    }
    params.delete("filter__id__gt");
    notes.add("ignored:filter__id__gt");
  }
  if (shape.kind === "list") {
    const before = params.toString();
    params = attestedOnly(params, SPECS[shape.list], dialect.unattested);
    if (params.toString() !== before) notes.add("ignored:unattested parameters");
  }
  const asked = params.get("limit");
  const askedLimit = asked !== null && /^\d+$/.test(asked) ? Number(asked) : undefined;
  if (shape.kind === "list" && (asked === null || askedLimit !== undefined)) {
    const applied = Math.min(askedLimit ?? DEFAULT_LIMIT, dialect.limitCap ?? MAX_LIMIT);
    if (applied > 0) params.set("limit", String(applied));
    if (askedLimit !== undefined && applied < askedLimit) notes.add(`cap:${applied}`);
  }
  return { params, askedLimit };
}

/** The body gzip-encoded, labelled so, and sent as is. */
async function gzipped(body: string, contentType: string): Promise<Response> {
  const stream = new Blob([body]).stream().pipeThrough(new CompressionStream("gzip"));
  const bytes = await new Response(stream).arrayBuffer();
  return new Response(bytes, {
    headers: { "Content-Type": contentType, "Content-Encoding": "gzip" },
    encodeBody: "manual",
  });
}
