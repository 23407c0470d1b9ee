import type { ApiError } from "../errors/index.ts";
import {
  MisconfiguredError,
  NotFoundError,
  UnauthorizedError,
  UpstreamError,
  UpstreamRefusedError,
  UpstreamRejectedError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
  UserRefusedError,
} from "../errors/index.ts";
import type {
  UpstreamComment,
  UpstreamForum,
  UpstreamHook,
  UpstreamNamed,
  UpstreamStatus,
  UpstreamTopic,
  UpstreamUser,
} from "./model.ts";
import {
  capShown,
  commentReader,
  createdReader,
  forumReader,
  hookReader,
  namedReader,
  pageSizeInUse,
  readAnswer,
  readHookEvents,
  readItem,
  readItems,
  statusReader,
  topicReader,
  userReader,
  type EntityReader,
  type PageEvidence,
} from "./normalise/index.ts";
import type { UpstreamQuery } from "./query.ts";
import { HOOKS_COMMAND, HOOK_EVENTS_COMMAND, voteCommand } from "./inferred.ts";

export type { UpstreamQuery } from "./query.ts";

/** The largest page UserEcho is known to serve: third-party tools ask for 100. */
export const ALL_PAGE_SIZE = 100;
/** UserEcho's documented page size when `limit` is not given. */
const DEFAULT_PAGE_SIZE = 50;

export interface UserEchoClientOptions {
  /** `https://{alias}.userecho.com/api/v2`, no trailing slash. */
  baseUrl: string;
  /** Added to the query string here and nowhere else. */
  accessToken: string;
  /** The end user's `sso_token` (Base64, not yet URL-encoded), for calls made as that user. */
  ssoToken?: string;
  /** When the `sso_token` expires (Unix seconds): a refusal after it is the user's 401. */
  ssoExpiresAt?: number;
  timeoutMs: number;
  /** Defaults to the global `fetch`; injectable for tests that count calls. */
  fetch?: typeof fetch;
  /** Told how long each upstream call took (for logs and `Server-Timing`). */
  onTiming?: (milliseconds: number) => void;
  /**
   * Calls left to this client and every client derived from it; once spent, a call fails as
   * UserEcho being unavailable, which the cache covers with what it has. The warm-up's cap.
   */
  callBudget?: { remaining: number } | undefined;
}

export interface UpstreamPage<T> {
  /** The usable items; the others were logged and dropped. */
  items: T[];
  /** `details.count`: the total over all pages, when UserEcho says. */
  total: number | undefined;
  /** How many items UserEcho sent, before any was dropped. */
  received: number;
  /** The id of the first item UserEcho sent, usable or not (to notice a page sent twice). */
  firstId: number | undefined;
  /** The list came as an object: its order may be lost (normalise/envelope.ts). */
  keyed: boolean;
  /** It was keyed by a run of positions: its order is very likely UserEcho's. */
  positional: boolean;
  /** The 1-based page and the `limit` asked for. */
  page: number;
  asked: number;
  /**
   * The page size UserEcho applied, as the page shows it; `undefined` when it cannot tell (a
   * short page without a total: the last, or a full page of an unknown cap).
   */
  size: number | undefined;
}

/** Body of `POST forums/[id]/topics` (docs/USERECHO.md, "Writes"). */
export interface UpstreamTopicInput {
  header: string;
  description?: string;
  type: number;
  category?: number;
  tags?: number[];
}

/** Whose credentials a call carries: the agent token, or a signed-in visitor's. */
type Credentials = "agent" | "user";

/**
 * A client for UserEcho API v2. It is the only code that builds upstream URLs, and therefore the
 * only code that sees the access token; every answer it gets goes through the normalising
 * boundary (normalise/), so the rest of the worker reads one model whatever UserEcho sent.
 *
 * It trusts only what UserEcho documents (docs/USERECHO.md §2): a success carries `data`;
 * anything else is an error whose text and HTTP code mean nothing reliable. Such an error is
 * classified by asking a question whose answer is known (the forum list) with the same
 * credentials: for the agent token, a failure there is a misconfigured secret (500), remembered
 * briefly per token; for a visitor, it is that visitor refused (their own 403, never remembered,
 * so no visitor's standing can change what others get). If the check works, the request itself
 * was refused: a missing topic is a 404, a refused list an upstream error, a refused write 422.
 */
export class UserEchoClient {
  readonly #options: UserEchoClientOptions;
  readonly #fetch: typeof fetch;

  constructor(options: UserEchoClientOptions) {
    this.#options = options;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /**
   * The same client acting as an end user: the anonymous token plus the user's `sso_token`,
   * never the agent token.
   */
  asUser(anonymousToken: string, ssoToken: string, ssoExpiresAt?: number): UserEchoClient {
    return new UserEchoClient({
      ...this.#options,
      accessToken: anonymousToken,
      ssoToken,
      ...(ssoExpiresAt === undefined ? {} : { ssoExpiresAt }),
    });
  }

  /**
   * True when calls act as an end user. Their answers are personal, and nothing learnt from
   * them (a refused guess, a page cap) is recorded for everyone.
   */
  get isUser(): boolean {
    return this.#options.ssoToken !== undefined;
  }

  /** The upstream this client talks to; what the worker learns about it is kept per base. */
  get baseUrl(): string {
    return this.#options.baseUrl;
  }

  /** What this UserEcho was seen to do with `limit` (agent calls only). */
  get pageSizes(): PageSizes {
    return pageSizes.get(this.#options.baseUrl) ?? {};
  }

  /** Creates a topic; only the new id is certain in the answer (docs/USERECHO.md §7). */
  async createTopic(forumId: number, body: UpstreamTopicInput): Promise<Written<UpstreamTopic>> {
    return this.#write(`forums/${forumId}/topics`, body, topicReader);
  }

  async createComment(topicId: number, text: string): Promise<Written<UpstreamComment>> {
    // An answer without the text is only the new id (the attested client reads nothing else).
    return this.#write(
      `topics/${topicId}/comments`,
      { text },
      commentReader,
      (comment) => comment.text !== undefined,
    );
  }

  /** The vote endpoint is inferred from API v1 (see inferred.ts); it answers with the topic. */
  async vote(topicId: number, value: -1 | 0 | 1): Promise<Written<UpstreamTopic>> {
    return this.#write(voteCommand(topicId), { value }, topicReader);
  }

  /**
   * The events UserEcho offers webhooks for (`GET hooks/events`, documented; the answer's shape
   * is not, so every plausible one is read: normalise/hooks.ts). Refused, or unreadable: an error.
   */
  async listHookEvents(): Promise<string[]> {
    const { data } = await this.#request("GET", HOOK_EVENTS_COMMAND, {});
    const names = readHookEvents(data);
    if (!names) throw new UpstreamError(`Unexpected ${HOOK_EVENTS_COMMAND} answer from UserEcho.`);
    return names;
  }

  /** The registered webhooks; no source names this call (inferred.ts). */
  listHooks(): Promise<UpstreamHook[]> {
    return this.getAll(HOOKS_COMMAND, hookReader);
  }

  /** Registers a webhook for one event (`POST hooks`, documented). */
  createHook(event: string, targetUrl: string): Promise<Written<UpstreamHook>> {
    return this.#write(HOOKS_COMMAND, { event, target_url: targetUrl }, hookReader);
  }

  listForums(): Promise<UpstreamForum[]> {
    return this.getAll("forums", forumReader);
  }

  listTopics(forumId: number, query: UpstreamQuery): Promise<UpstreamPage<UpstreamTopic>> {
    return this.getPage(`forums/${forumId}/topics`, query, topicReader);
  }

  searchTopics(forumId: number, query: UpstreamQuery): Promise<UpstreamPage<UpstreamTopic>> {
    return this.getPage(`forums/${forumId}/topics/search`, query, topicReader);
  }

  /** One topic; 404 when UserEcho refuses it (missing, or hidden from these credentials). */
  async getTopic(topicId: number): Promise<UpstreamTopic> {
    try {
      const topic = await this.getOne(`topics/${topicId}`, {}, topicReader);
      // An answer for another topic proves nothing about this one.
      if (topic.id !== topicId) throw new NotFoundError();
      return topic;
    } catch (error) {
      if (error instanceof UpstreamRefusedError) throw new NotFoundError();
      throw error;
    }
  }

  listComments(topicId: number, query: UpstreamQuery): Promise<UpstreamPage<UpstreamComment>> {
    return this.getPage(`topics/${topicId}/comments`, query, commentReader);
  }

  listUsers(query: UpstreamQuery): Promise<UpstreamPage<UpstreamUser>> {
    return this.getPage("users", query, userReader);
  }

  listTypes(forumId: number): Promise<UpstreamNamed[]> {
    return this.getAll(`forums/${forumId}/types`, namedReader);
  }

  listStatuses(forumId: number, typeId: number): Promise<UpstreamStatus[]> {
    return this.getAll(`forums/${forumId}/types/${typeId}/statuses`, statusReader);
  }

  listCategories(forumId: number): Promise<UpstreamNamed[]> {
    return this.getAll(`forums/${forumId}/categories`, namedReader);
  }

  listTags(forumId: number): Promise<UpstreamNamed[]> {
    return this.getAll(`forums/${forumId}/tags`, namedReader);
  }

  /**
   * Every item of a short list (forums, types, categories): pages of 100 until the total is
   * reached, a page comes back empty, short of the size in use, refused, or the same as an
   * earlier one (in case `page` is ignored). A short page whose size cannot be told (no total,
   * no cap known) may be a capped one, so the next page is asked too. At most `maxPages` calls.
   */
  async getAll<T>(command: string, reader: EntityReader<T>, maxPages = 10): Promise<T[]> {
    const items: T[] = [];
    const firstIds = new Set<number | undefined>();
    let received = 0;
    for (let page = 1; page <= maxPages; page++) {
      let result: UpstreamPage<T>;
      try {
        result = await this.getPage(command, { page, limit: ALL_PAGE_SIZE }, reader);
      } catch (error) {
        // Past the last page some APIs answer with an error rather than an empty page.
        if (page > 1 && error instanceof UpstreamRefusedError) break;
        throw error;
      }
      if (result.received === 0 || firstIds.has(result.firstId)) break;
      firstIds.add(result.firstId);
      items.push(...result.items);
      received += result.received;
      if (result.total !== undefined ? received >= result.total : isLastPage(result)) break;
    }
    return items;
  }

  /**
   * GET a list endpoint: its usable items (each read on its own, so one odd item costs that
   * item), its total when UserEcho says, and the page size it applied. What a page shows about
   * UserEcho's cap on `limit` is remembered for everyone only from the agent's calls.
   */
  async getPage<T>(
    command: string,
    query: UpstreamQuery,
    reader: EntityReader<T>,
  ): Promise<UpstreamPage<T>> {
    const { data, details } = await this.#request("GET", command, query);
    const read = readItems(data, reader, command);
    if (!read) throw new UpstreamError(`Unexpected ${command} list from UserEcho.`);
    const evidence = {
      asked: Number(query["limit"] ?? DEFAULT_PAGE_SIZE),
      page: Number(query["page"] ?? 1),
      received: read.received,
      total: details.count,
      saidLimit: details.limit,
      knownCap: this.pageSizes.cap,
      knownHonoured: this.pageSizes.honoured,
    };
    const size = pageSizeInUse(evidence);
    if (!this.isUser) learnPageCap(this.#options.baseUrl, evidence, size);
    return {
      items: read.items,
      total: details.count,
      received: read.received,
      firstId: read.firstId,
      keyed: read.keyed,
      positional: read.positional,
      page: evidence.page,
      asked: evidence.asked,
      size,
    };
  }

  /** GET a single-object endpoint; an answer that is not a usable object is UserEcho failing. */
  async getOne<T>(command: string, query: UpstreamQuery, reader: EntityReader<T>): Promise<T> {
    const { data } = await this.#request("GET", command, query);
    const item = readItem(data, reader, command);
    if (item === undefined) throw new UpstreamError(`Unexpected ${command} object from UserEcho.`);
    return item;
  }

  /**
   * POST a JSON body; writes are never retried here (see the idempotency ledger). Of the answer
   * only `data.id` is certain; the whole object comes back when it can be read.
   */
  async #write<T extends { id: number }>(
    command: string,
    body: unknown,
    reader: EntityReader<T>,
    whole: (object: T) => boolean = () => true,
  ): Promise<Written<T>> {
    const { data } = await this.#request("POST", command, {}, body);
    const full = reader.read(data);
    if (full && whole(full)) return { id: full.id, object: full };
    const created = createdReader.read(data);
    if (!created) throw new UpstreamError(`Unexpected ${command} answer from UserEcho.`);
    return { id: created.id, object: undefined };
  }

  /**
   * One logical upstream call. Reads (GET) that fail fast and transiently (connection lost,
   * reset, HTTP 5xx or an unreadable body at 5xx, 503 without a long Retry-After) are retried
   * once after a jittered pause, while at least half the time budget is left; writes never are
   * (the idempotency ledger covers those). After a 429, calls of the same kind are not sent
   * until its Retry-After has passed.
   */
  async #request(
    method: "GET" | "POST",
    command: string,
    query: UpstreamQuery,
    body?: unknown,
  ): Promise<{ data: unknown; details: { count: number | undefined; limit: number | undefined } }> {
    const scope = backoffScope(this.#options.baseUrl, command);
    const backoff = backoffRemaining(scope);
    if (backoff > 0) {
      throw new UpstreamUnavailableError("UserEcho asked us to slow down.", {
        status: 503,
        retryAfterSeconds: backoff,
      });
    }
    const attempt = async () => {
      const exchange = await this.#send(command, query, body, scope);
      const answer = readAnswer(exchange.status, exchange.text);
      if (answer.kind === "success") return { exchange, answer };
      if (exchange.status >= 500) {
        throw new UpstreamError(`UserEcho answered with an error (HTTP ${exchange.status}).`, {
          transient: true,
        });
      }
      // An unreadable 4xx (an HTML error page) is an error answer like any other; at 2xx it is
      // a success nobody can read.
      if (answer.kind === "unreadable" && exchange.status < 300) {
        throw new UpstreamError(`UserEcho sent no envelope (HTTP ${exchange.status}).`);
      }
      return { exchange, answer };
    };
    const started = Date.now();
    let result: Awaited<ReturnType<typeof attempt>>;
    try {
      result = await attempt();
    } catch (error) {
      const elapsed = Date.now() - started;
      if (method !== "GET" || !isTransient(error) || elapsed > this.#options.timeoutMs / 2) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 150));
      result = await attempt();
    }
    const { exchange, answer } = result;
    if (answer.kind === "success") return { data: answer.data, details: answer.details };
    throw await this.#classify(method, command, exchange.status);
  }

  /**
   * An error answer, told apart by what can be known: an explicit 401/403 blames the
   * credentials; anything else (an HTTP-200 error envelope included) is checked against them.
   */
  async #classify(method: "GET" | "POST", command: string, status: number): Promise<ApiError> {
    const credentials: Credentials = this.isUser ? "user" : "agent";
    const works =
      status === 401 || status === 403
        ? false
        : credentials === "agent"
          ? await this.#agentCredentialsWork()
          : await this.#works(this.#options);
    if (!works) return credentials === "agent" ? agentTokenRefused() : this.#userRefused();
    return method === "GET" ? new UpstreamRefusedError(command) : new UpstreamRejectedError();
  }

  /**
   * Whether the agent token can read the forum list, remembered for a minute per upstream and
   * token (ten seconds when it failed, so a fixed secret is noticed soon). Only the agent's
   * own calls ever ask or answer this.
   */
  async #agentCredentialsWork(): Promise<boolean> {
    return remembered(`agent\n${this.#options.baseUrl}\n${this.#options.accessToken}`, () =>
      this.#works(this.#options),
    );
  }

  /**
   * A visitor's credentials were refused. If the anonymous token itself is refused (a question
   * about the project, not the visitor, so it may be remembered), the worker is misconfigured;
   * otherwise it is this visitor's refusal: a 401 when their token has run out meanwhile (they
   * can get a new one), else a 403. Never remembered: it is about this visitor alone.
   */
  async #userRefused(): Promise<ApiError> {
    const { ssoExpiresAt } = this.#options;
    const anonymous: UserEchoClientOptions = { ...this.#options };
    delete anonymous.ssoToken;
    delete anonymous.ssoExpiresAt;
    const key = `anonymous\n${anonymous.baseUrl}\n${anonymous.accessToken}`;
    if (!(await remembered(key, () => this.#works(anonymous)))) {
      return new MisconfiguredError("USERECHO_ANON_TOKEN", "UserEcho rejected the anonymous token");
    }
    console.warn(
      JSON.stringify({
        level: "warn",
        message:
          "UserEcho refused a signed-in user (if every user is refused, check USERECHO_SSO_KEY)",
      }),
    );
    if (ssoExpiresAt !== undefined && ssoExpiresAt * 1000 <= Date.now()) {
      return new UnauthorizedError("The sign-in has expired.");
    }
    return new UserRefusedError();
  }

  /**
   * Whether these credentials can read the forum list: the cheapest question with a known answer.
   * No answer, or a 5xx, says nothing against the credentials: it is asked once more, then the
   * failure is UserEcho's (502), never a verdict on a secret.
   */
  async #works(options: UserEchoClientOptions): Promise<boolean> {
    // A refusal is believed when it repeats: a wrong secret is refused every time, while UserEcho
    // failing (an error envelope at HTTP 200 included) passes. Up to three asks, on errors only,
    // before a secret is blamed.
    let failures = 0;
    for (let attempt = 1; attempt <= 3; attempt++) {
      let exchange: { status: number; text: string };
      try {
        exchange = await this.#send("forums", { page: 1, limit: 1 }, undefined, undefined, {
          options,
        });
      } catch (error) {
        if (attempt < 3 && isTransient(error)) continue;
        throw error;
      }
      if (exchange.status < 500) {
        if (readAnswer(exchange.status, exchange.text).kind === "success") return true;
        failures += 1;
        if (failures >= 3 || exchange.status === 401 || exchange.status === 403) return false;
      }
    }
    throw new UpstreamError("UserEcho answered with an error (HTTP 5xx).", { transient: true });
  }

  /** One HTTP exchange: the status and the body's text, or a transport failure. */
  async #send(
    command: string,
    query: UpstreamQuery,
    body: unknown,
    scope: string | undefined,
    { options = this.#options }: { options?: UserEchoClientOptions } = {},
  ): Promise<{ status: number; text: string }> {
    const url = new URL(`${options.baseUrl}/${command}.json`);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    url.searchParams.set("access_token", options.accessToken);
    if (options.ssoToken !== undefined) url.searchParams.set("sso_token", options.ssoToken);

    if (options.callBudget) {
      if (options.callBudget.remaining <= 0) {
        throw new UpstreamUnavailableError("The warm-up's upstream call budget is spent");
      }
      options.callBudget.remaining -= 1;
    }
    const started = Date.now();
    // One budget for the headers and the body: a response that never ends is a timeout too. A
    // timer of our own, cleared once the body is in, rather than AbortSignal.timeout, whose
    // timer lives on for the whole budget after every call (workerd counts live timers).
    const controller = new AbortController();
    const { signal } = controller;
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      const response = await this.#fetch(url, {
        method: body === undefined ? "GET" : "POST",
        headers: {
          Accept: "application/json",
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        // Never follow a redirect blindly: it could carry the token elsewhere.
        redirect: "manual",
        signal,
      });
      if (response.status === 429 || response.status === 503) {
        await response.body?.cancel();
        const retryAfter = retryAfterSeconds(response.headers.get("Retry-After"));
        if (response.status === 429 && scope !== undefined) startBackoff(scope, retryAfter);
        throw new UpstreamUnavailableError("UserEcho is overloaded.", {
          status: 503,
          retryAfterSeconds:
            retryAfter ?? (response.status === 429 ? DEFAULT_BACKOFF_S : undefined),
        });
      }
      return { status: response.status, text: await response.text() };
    } catch (error) {
      if (error instanceof UpstreamUnavailableError) throw error;
      if (signal.aborted) throw new UpstreamTimeoutError(options.timeoutMs);
      // Refused, reset, or dropped mid-body: the cause may quote the URL, so it stays here.
      throw new UpstreamUnavailableError("UserEcho could not be reached.", { status: 502 });
    } finally {
      clearTimeout(timer);
      options.onTiming?.(Date.now() - started);
    }
  }
}

/** A write's answer: the new object's id, and the object when the answer carried all of it. */
export interface Written<T> {
  id: number;
  object: T | undefined;
}

function agentTokenRefused(): MisconfiguredError {
  return new MisconfiguredError("USERECHO_API_TOKEN", "UserEcho rejected the access token");
}

/**
 * Whether a page without a total is the last of its list: shorter than the size in use. A short
 * page whose size is unknown may be a full page of a cap not seen yet, so it is not the last.
 */
function isLastPage(page: UpstreamPage<unknown>): boolean {
  return page.size !== undefined && page.received < page.size;
}

/**
 * Forgets what this isolate learnt of its upstreams (credential checks, page caps), for
 * `POST /v1/admin/purge {"all": true}`. A back-off UserEcho asked for stays.
 */
export function forgetUpstreamKnowledge(): void {
  credentialChecks.clear();
  pageSizes.clear();
}

/** Per isolate: the credential checks of the agent and anonymous tokens, and until when. */
const credentialChecks = new Map<string, { works: boolean; until: number }>();

async function remembered(key: string, check: () => Promise<boolean>): Promise<boolean> {
  const known = credentialChecks.get(key);
  if (known && known.until > Date.now()) return known.works;
  const works = await check();
  credentialChecks.set(key, { works, until: Date.now() + (works ? 60_000 : 10_000) });
  return works;
}

/** What an upstream was seen to do with `limit`. */
export interface PageSizes {
  /** The cap it applied to a larger `limit`. */
  cap?: number;
  /** The largest `limit` it was seen to serve in full. */
  honoured?: number;
}

/** Per upstream, learnt from the agent's calls only (a visitor's must not teach everyone). */
const pageSizes = new Map<string, PageSizes>();

function learnPageCap(baseUrl: string, evidence: PageEvidence, size: number | undefined): void {
  const known = pageSizes.get(baseUrl) ?? {};
  const cap = capShown(evidence, size);
  if (cap !== undefined) {
    pageSizes.set(baseUrl, { cap });
  } else if (evidence.received === evidence.asked && evidence.asked > (known.honoured ?? 0)) {
    // A full page as large as asked: that much is served, and a smaller cap seen before is gone.
    pageSizes.set(baseUrl, {
      honoured: evidence.asked,
      ...(known.cap !== undefined && known.cap > evidence.asked ? { cap: known.cap } : {}),
    });
  }
}

/** Without a Retry-After, how long a 429 keeps calls of its kind away. */
const DEFAULT_BACKOFF_S = 10;
/** However long UserEcho asks, calls of that kind are tried again after at most this. */
const MAX_BACKOFF_S = 600;

/**
 * After a 429, nobody in this isolate sends a call of the same kind until it has passed. The
 * kind is the command with its ids left out (`forums/*\/topics/search`), per upstream: a flood
 * of searches, or one hot path, backs off alone, while the board's other reads go on (if
 * UserEcho limits them too, they meet their own 429 and back off in turn).
 */
const backoffUntil = new Map<string, number>();

function backoffScope(baseUrl: string, command: string): string {
  return `${baseUrl}\n${command.replace(/\d+/g, "*")}`;
}

function startBackoff(scope: string, retryAfter: number | undefined): void {
  const seconds = Math.min(MAX_BACKOFF_S, Math.max(1, retryAfter ?? DEFAULT_BACKOFF_S));
  backoffUntil.set(scope, Date.now() + seconds * 1000);
}

function backoffRemaining(scope: string): number {
  const until = backoffUntil.get(scope);
  if (until === undefined) return 0;
  const remaining = Math.ceil((until - Date.now()) / 1000);
  if (remaining <= 0) backoffUntil.delete(scope);
  return Math.max(0, remaining);
}

/** Worth one retry: the connection failed, or UserEcho had a passing 5xx. */
function isTransient(error: unknown): boolean {
  if (error instanceof UpstreamUnavailableError) {
    const retryAfter = Number(error.headers["Retry-After"] ?? 0);
    return error.status === 502 || (error.status === 503 && retryAfter <= 1);
  }
  return error instanceof UpstreamError && error.transient;
}

/** `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterSeconds(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
