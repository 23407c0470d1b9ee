import * as z from "zod/mini";
import type { ApiError } from "../errors/index.ts";
import {
  MisconfiguredError,
  NotFoundError,
  UpstreamError,
  UpstreamRefusedError,
  UpstreamRejectedError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from "../errors/index.ts";
import { HOOKS_COMMAND, HOOK_EVENTS_COMMAND, hookEventNames, voteCommand } from "./inferred.ts";
import {
  UpstreamComment,
  UpstreamCreated,
  UpstreamDetails,
  UpstreamForum,
  UpstreamHook,
  UpstreamNamed,
  UpstreamStatus,
  UpstreamTopic,
  UpstreamUser,
} from "./schemas.ts";

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
  /** The items that passed their schema; the others were logged and dropped. */
  items: T[];
  /** `details.count`: the total over all pages, when UserEcho says. */
  total: number | undefined;
  /** How many items UserEcho sent, before any was dropped. */
  received: number;
  /** The id of the first item UserEcho sent, valid or not (to notice a page sent twice). */
  firstId: unknown;
}

export type UpstreamQuery = Record<string, string | number | undefined>;

/** Body of `POST forums/[id]/topics` (docs/USERECHO.md, "Writes"). */
export interface UpstreamTopicInput {
  header: string;
  description?: string;
  type: number;
  category?: number;
  tags?: number[];
}

const Envelope = z.object({
  status: z.string(),
  data: z.optional(z.unknown()),
  details: z.optional(z.unknown()),
});
type Envelope = z.infer<typeof Envelope>;

/** Whose credentials a call carries: the agent token, the anonymous token, or a user's. */
type Credentials = "agent" | "anonymous" | "user";

/**
 * A typed client for UserEcho API v2. It is the only code that builds upstream URLs, and
 * therefore the only code that sees the access token.
 *
 * It trusts only what UserEcho documents (docs/USERECHO.md): an envelope whose `status` is
 * `"success"` carries `data`; anything else is an error whose text and HTTP code mean nothing
 * reliable. Such an error is classified by asking UserEcho a question whose answer is known
 * (the forum list, with the same credentials): if that fails too, the credentials are wrong
 * (500 naming the secret); if not, the request itself was refused (a missing topic is a 404, a
 * refused list an upstream error, a refused write a 422).
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
  asUser(anonymousToken: string, ssoToken: string): UserEchoClient {
    return new UserEchoClient({ ...this.#options, accessToken: anonymousToken, ssoToken });
  }

  /** True when calls act as an end user (and reads are therefore personal). */
  get isUser(): boolean {
    return this.#options.ssoToken !== undefined;
  }

  /** The upstream this client talks to; what the worker learns about it is kept per base. */
  get baseUrl(): string {
    return this.#options.baseUrl;
  }

  /** Creates a topic; only the new id is certain in the answer (docs/USERECHO.md). */
  async createTopic(forumId: number, body: UpstreamTopicInput): Promise<Written<UpstreamTopic>> {
    return this.#write(`forums/${forumId}/topics`, body, UpstreamTopic);
  }

  async createComment(topicId: number, text: string): Promise<Written<UpstreamComment>> {
    return this.#write(`topics/${topicId}/comments`, { text }, UpstreamComment);
  }

  /** The vote endpoint is inferred from API v1 (see inferred.ts); it answers with the topic. */
  async vote(topicId: number, value: -1 | 0 | 1): Promise<Written<UpstreamTopic>> {
    return this.#write(voteCommand(topicId), { value }, UpstreamTopic);
  }

  /**
   * The events UserEcho offers webhooks for (`GET hooks/events`, documented; the answer's shape
   * is not, so every plausible one is read: inferred.ts). Refused, or unreadable: an error.
   */
  async listHookEvents(): Promise<string[]> {
    const envelope = await this.#request("GET", HOOK_EVENTS_COMMAND, {});
    const names = hookEventNames(envelope.data);
    if (!names) throw new UpstreamError(`Unexpected ${HOOK_EVENTS_COMMAND} answer from UserEcho.`);
    return names;
  }

  /** The registered webhooks; no source names this call (inferred.ts). */
  listHooks(): Promise<UpstreamHook[]> {
    return this.getAll(HOOKS_COMMAND, UpstreamHook);
  }

  /** Registers a webhook for one event (`POST hooks`, documented). */
  createHook(event: string, targetUrl: string): Promise<Written<UpstreamHook>> {
    return this.#write(HOOKS_COMMAND, { event, target_url: targetUrl }, UpstreamHook);
  }

  listForums(): Promise<UpstreamForum[]> {
    return this.getAll("forums", UpstreamForum);
  }

  listTopics(forumId: number, query: UpstreamQuery): Promise<UpstreamPage<UpstreamTopic>> {
    return this.getPage(`forums/${forumId}/topics`, query, UpstreamTopic);
  }

  searchTopics(forumId: number, query: UpstreamQuery): Promise<UpstreamPage<UpstreamTopic>> {
    return this.getPage(`forums/${forumId}/topics/search`, query, UpstreamTopic);
  }

  /** One topic; 404 when UserEcho refuses it (missing, or hidden from these credentials). */
  async getTopic(topicId: number): Promise<UpstreamTopic> {
    try {
      return await this.getOne(`topics/${topicId}`, {}, UpstreamTopic);
    } catch (error) {
      if (error instanceof UpstreamRefusedError) throw new NotFoundError();
      throw error;
    }
  }

  listComments(topicId: number, query: UpstreamQuery): Promise<UpstreamPage<UpstreamComment>> {
    return this.getPage(`topics/${topicId}/comments`, query, UpstreamComment);
  }

  listUsers(query: UpstreamQuery): Promise<UpstreamPage<UpstreamUser>> {
    return this.getPage("users", query, UpstreamUser);
  }

  listTypes(forumId: number): Promise<UpstreamNamed[]> {
    return this.getAll(`forums/${forumId}/types`, UpstreamNamed);
  }

  listStatuses(forumId: number, typeId: number): Promise<UpstreamStatus[]> {
    return this.getAll(`forums/${forumId}/types/${typeId}/statuses`, UpstreamStatus);
  }

  listCategories(forumId: number): Promise<UpstreamNamed[]> {
    return this.getAll(`forums/${forumId}/categories`, UpstreamNamed);
  }

  listTags(forumId: number): Promise<UpstreamNamed[]> {
    return this.getAll(`forums/${forumId}/tags`, UpstreamNamed);
  }

  /**
   * Every item of a short list (forums, types, categories): pages of 100 until the count is
   * reached or, where UserEcho gives no count, until a page comes back empty, is refused, or
   * repeats an earlier one (in case `page` is ignored). At most `maxPages` calls.
   */
  async getAll<T extends z.ZodMiniType>(
    command: string,
    item: T,
    maxPages = 10,
  ): Promise<z.infer<T>[]> {
    const items: z.infer<T>[] = [];
    const firstIds = new Set<unknown>();
    for (let page = 1; page <= maxPages; page++) {
      let result: UpstreamPage<z.infer<T>>;
      try {
        result = await this.getPage(command, { page, limit: ALL_PAGE_SIZE }, item);
      } catch (error) {
        // Past the last page some APIs answer with an error rather than an empty page.
        if (page > 1 && error instanceof UpstreamRefusedError) break;
        throw error;
      }
      if (result.received === 0 || firstIds.has(result.firstId)) break;
      firstIds.add(result.firstId);
      items.push(...result.items);
      if (result.total !== undefined) {
        if (page * ALL_PAGE_SIZE >= result.total) break;
      } else if (result.received < ALL_PAGE_SIZE && result.received !== DEFAULT_PAGE_SIZE) {
        // A short page is the last, unless it is exactly UserEcho's default size: then `limit`
        // may have been ignored, and the next page is worth asking for.
        break;
      }
    }
    return items;
  }

  /**
   * GET a list endpoint. Items are validated one by one: one that fails its schema is dropped
   * and logged by id and field (never its content), and the rest is served. `details` is
   * optional: without it the total is unknown.
   */
  async getPage<T extends z.ZodMiniType>(
    command: string,
    query: UpstreamQuery,
    item: T,
  ): Promise<UpstreamPage<z.infer<T>>> {
    const envelope = await this.#request("GET", command, query);
    if (!Array.isArray(envelope.data)) {
      throw new UpstreamError(`Unexpected ${command} list from UserEcho.`);
    }
    const details = UpstreamDetails.safeParse(envelope.details);
    return {
      items: parseItems(envelope.data, item, command),
      total: details.success ? details.data.count : undefined,
      received: envelope.data.length,
      firstId: idOf(envelope.data[0]),
    };
  }

  /** GET a single-object endpoint and validate it. */
  async getOne<T extends z.ZodMiniType>(
    command: string,
    query: UpstreamQuery,
    schema: T,
  ): Promise<z.infer<T>> {
    const envelope = await this.#request("GET", command, query);
    const data = schema.safeParse(envelope.data);
    if (!data.success) {
      logDropped(command, envelope.data, data.error);
      throw new UpstreamError(`Unexpected ${command} object from UserEcho.`);
    }
    return data.data;
  }

  /**
   * POST a JSON body; writes are never retried here (see the idempotency ledger). Of the answer
   * only `data.id` is certain; the whole object comes back when it passes its schema.
   */
  async #write<T extends z.ZodMiniType>(
    command: string,
    body: unknown,
    schema: T,
  ): Promise<Written<z.infer<T>>> {
    const envelope = await this.#request("POST", command, {}, body);
    const full = schema.safeParse(envelope.data);
    if (full.success) return { id: (full.data as { id: number }).id, object: full.data };
    const created = UpstreamCreated.safeParse(envelope.data);
    if (!created.success) throw new UpstreamError(`Unexpected ${command} answer from UserEcho.`);
    return { id: created.data.id, object: undefined };
  }

  /**
   * One logical upstream call. Reads (GET) that fail fast and transiently (connection lost,
   * reset, HTTP 500/502/503/504 without a long Retry-After) are retried once after a jittered
   * pause, while at least half the time budget is left; writes never are (the idempotency ledger
   * covers those). After a 429, calls are not sent at all until its Retry-After has passed.
   */
  async #request(
    method: "GET" | "POST",
    command: string,
    query: UpstreamQuery,
    body?: unknown,
  ): Promise<Envelope> {
    const backoff = backoffRemaining(this.#options.baseUrl);
    if (backoff > 0) {
      throw new UpstreamUnavailableError("UserEcho asked us to slow down.", {
        status: 503,
        retryAfterSeconds: backoff,
      });
    }
    const attempt = async () => {
      const answer = await this.#send(command, query, body);
      const { response, envelope } = answer;
      if (response.status >= 500 && !(response.ok && envelope.status === "success")) {
        throw new UpstreamError(`UserEcho answered with an error (HTTP ${response.status}).`, {
          transient: true,
        });
      }
      return answer;
    };
    const started = Date.now();
    let answer: Answer;
    try {
      answer = await attempt();
    } catch (error) {
      const elapsed = Date.now() - started;
      if (method !== "GET" || !isTransient(error) || elapsed > this.#options.timeoutMs / 2) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 150));
      answer = await attempt();
    }
    const { response, envelope } = answer;
    if (envelope.status === "success" && response.ok) return envelope;
    throw await this.#classify(method, command, response.status);
  }

  /**
   * An error answer, told apart by what can be known: an explicit 401/403 blames the
   * credentials; anything else (an HTTP-200 error envelope included) is checked against them.
   */
  async #classify(method: "GET" | "POST", command: string, status: number): Promise<ApiError> {
    const credentialsWork =
      status === 401 || status === 403 ? false : await this.#credentialsWork(this.#credentials);
    if (!credentialsWork) return this.#misconfigured();
    return method === "GET" ? new UpstreamRefusedError(command) : new UpstreamRejectedError();
  }

  get #credentials(): Credentials {
    return this.isUser ? "user" : "agent";
  }

  /**
   * Whether these credentials can read the forum list, the cheapest question with a known
   * answer. Remembered for a minute per upstream (ten seconds when they failed, so a fixed
   * secret is noticed soon).
   */
  async #credentialsWork(credentials: Credentials): Promise<boolean> {
    // Per token too: a fixed secret, or two workers on one upstream, must not share an answer.
    // The map lives in memory only and is never logged.
    const key = [this.#options.baseUrl, credentials, this.#options.accessToken].join("\n");
    const known = credentialChecks.get(key);
    if (known && known.until > Date.now()) return known.works;
    const { ssoToken, ...anonymous } = this.#options;
    const options =
      credentials === "anonymous" || ssoToken === undefined ? anonymous : this.#options;
    const { response, envelope } = await this.#send("forums", { page: 1, limit: 1 }, undefined, {
      options,
    });
    const works = response.ok && envelope.status === "success";
    credentialChecks.set(key, { works, until: Date.now() + (works ? 60_000 : 10_000) });
    return works;
  }

  /** The secret to blame when UserEcho refuses the credentials themselves. */
  async #misconfigured(): Promise<MisconfiguredError> {
    if (!this.isUser) {
      return new MisconfiguredError("USERECHO_API_TOKEN", "UserEcho rejected the access token");
    }
    return (await this.#credentialsWork("anonymous"))
      ? new MisconfiguredError("USERECHO_SSO_KEY", "UserEcho rejected the minted sso_token")
      : new MisconfiguredError("USERECHO_ANON_TOKEN", "UserEcho rejected the anonymous token");
  }

  /** One HTTP exchange: the answer and its envelope, or a transport failure. */
  async #send(
    command: string,
    query: UpstreamQuery,
    body: unknown,
    { options = this.#options }: { options?: UserEchoClientOptions } = {},
  ): Promise<Answer> {
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
    // One budget for the headers and the body: a response that never ends is a timeout too.
    const signal = AbortSignal.timeout(options.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await this.#fetch(url, {
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
        if (response.status === 429) startBackoff(options.baseUrl, retryAfter);
        throw new UpstreamUnavailableError("UserEcho is overloaded.", {
          status: 503,
          retryAfterSeconds:
            retryAfter ?? (response.status === 429 ? DEFAULT_BACKOFF_S : undefined),
        });
      }
      text = await response.text();
    } catch (error) {
      if (error instanceof UpstreamUnavailableError) throw error;
      if (signal.aborted) throw new UpstreamTimeoutError(options.timeoutMs);
      // Refused, reset, or dropped mid-body: the cause may quote the URL, so it stays here.
      throw new UpstreamUnavailableError("UserEcho could not be reached.", { status: 502 });
    } finally {
      options.onTiming?.(Date.now() - started);
    }

    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new UpstreamError(`UserEcho sent a body that is not JSON (HTTP ${response.status}).`, {
        transient: response.status >= 500,
      });
    }
    const envelope = Envelope.safeParse(parsed);
    if (!envelope.success) {
      throw new UpstreamError(`UserEcho sent no envelope (HTTP ${response.status}).`, {
        transient: response.status >= 500,
      });
    }
    // An error envelope's `message` is UserEcho's text: it is neither relied on nor forwarded.
    return { response, envelope: envelope.data };
  }
}

/** A write's answer: the new object's id, and the object when the answer carried all of it. */
export interface Written<T> {
  id: number;
  object: T | undefined;
}

interface Answer {
  response: Response;
  envelope: Envelope;
}

/** Per isolate and per upstream: whether each kind of credentials was seen to work, and until. */
const credentialChecks = new Map<string, { works: boolean; until: number }>();

/** Items that pass `item`; the others are logged by id and failing field, never by content. */
function parseItems<T extends z.ZodMiniType>(
  data: unknown[],
  item: T,
  command: string,
): z.infer<T>[] {
  const items: z.infer<T>[] = [];
  for (const raw of data) {
    const parsed = item.safeParse(raw);
    if (parsed.success) items.push(parsed.data);
    else logDropped(command, raw, parsed.error);
  }
  return items;
}

function logDropped(command: string, raw: unknown, error: z.core.$ZodError): void {
  console.warn(
    JSON.stringify({
      level: "warn",
      message: "upstream item dropped",
      command,
      id: idOf(raw) ?? null,
      field: error.issues[0]?.path.join(".") || "(item)",
    }),
  );
}

function idOf(raw: unknown): number | undefined {
  const id = (raw as { id?: unknown } | null | undefined)?.id;
  return typeof raw === "object" && typeof id === "number" ? id : undefined;
}

/** Without a Retry-After, how long a 429 keeps us away. */
const DEFAULT_BACKOFF_S = 30;
/** However long UserEcho asks, we try again after at most this. */
const MAX_BACKOFF_S = 600;

// Per isolate and per upstream: after a 429 nobody in this isolate calls until it has passed.
const backoffUntil = new Map<string, number>();

function startBackoff(baseUrl: string, retryAfter: number | undefined): void {
  const seconds = Math.min(MAX_BACKOFF_S, Math.max(1, retryAfter ?? DEFAULT_BACKOFF_S));
  backoffUntil.set(baseUrl, Date.now() + seconds * 1000);
}

function backoffRemaining(baseUrl: string): number {
  const until = backoffUntil.get(baseUrl);
  if (until === undefined) return 0;
  const remaining = Math.ceil((until - Date.now()) / 1000);
  if (remaining <= 0) backoffUntil.delete(baseUrl);
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
