import { z } from "zod";
import {
  MisconfiguredError,
  NotFoundError,
  UpstreamError,
  UpstreamRejectedError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from "../errors/index.ts";
import { UPSTREAM_NOT_FOUND_MESSAGE, voteCommand } from "./inferred.ts";
import {
  UpstreamComment,
  UpstreamDetails,
  UpstreamForum,
  UpstreamNamed,
  UpstreamStatus,
  UpstreamTopic,
  UpstreamUser,
} from "./schemas.ts";

/** The largest page UserEcho is known to serve (README §4: third-party tools use 100). */
const ALL_PAGE_SIZE = 100;

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
}

export interface UpstreamPage<T> {
  items: T[];
  details: UpstreamDetails;
}

export type UpstreamQuery = Record<string, string | number | undefined>;

/** Body of `POST forums/[id]/topics` (endpoints.md §2.6). */
export interface UpstreamTopicInput {
  header: string;
  description?: string;
  type: number;
  category?: number;
  tags?: number[];
}

const Envelope = z.object({
  status: z.string(),
  data: z.unknown().optional(),
  message: z.string().optional(),
  details: z.unknown().optional(),
});

/**
 * A typed client for the read side of UserEcho API v2. It is the only code that builds upstream
 * URLs, and therefore the only code that sees the access token.
 */
export class UserEchoClient {
  readonly #options: UserEchoClientOptions;
  readonly #fetch: typeof fetch;

  constructor(options: UserEchoClientOptions) {
    this.#options = options;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /**
   * The same client acting as an end user: the anonymous token plus the user's `sso_token`
   * (README §5 of the API notes), never the agent token.
   */
  asUser(anonymousToken: string, ssoToken: string): UserEchoClient {
    return new UserEchoClient({ ...this.#options, accessToken: anonymousToken, ssoToken });
  }

  /** True when calls act as an end user (and reads are therefore personal). */
  get isUser(): boolean {
    return this.#options.ssoToken !== undefined;
  }

  createTopic(forumId: number, body: UpstreamTopicInput): Promise<UpstreamTopic> {
    return this.post(`forums/${forumId}/topics`, body, UpstreamTopic);
  }

  createComment(topicId: number, text: string): Promise<UpstreamComment> {
    return this.post(`topics/${topicId}/comments`, { text }, UpstreamComment);
  }

  /** The vote endpoint is inferred from API v1 (see inferred.ts); it answers with the topic. */
  vote(topicId: number, value: -1 | 0 | 1): Promise<UpstreamTopic> {
    return this.post(voteCommand(topicId), { value }, UpstreamTopic);
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

  getTopic(topicId: number): Promise<UpstreamTopic> {
    return this.getOne(`topics/${topicId}`, {}, UpstreamTopic);
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
   * Every item of a short list (types, categories, forums): pages of 100 until the count is
   * reached, bounded so a misbehaving upstream cannot keep us looping.
   */
  async getAll<T extends z.ZodType>(
    command: string,
    item: T,
    maxPages = 10,
  ): Promise<z.infer<T>[]> {
    const items: z.infer<T>[] = [];
    for (let page = 1; page <= maxPages; page++) {
      const result = await this.getPage(command, { page, limit: ALL_PAGE_SIZE }, item);
      items.push(...result.items);
      if (result.items.length === 0 || items.length >= result.details.count) break;
    }
    return items;
  }

  /** GET a list endpoint and validate each item and the paging details. */
  async getPage<T extends z.ZodType>(
    command: string,
    query: UpstreamQuery,
    item: T,
  ): Promise<UpstreamPage<z.infer<T>>> {
    const envelope = await this.#request(command, query);
    const data = z.array(item).safeParse(envelope.data);
    const details = UpstreamDetails.safeParse(envelope.details);
    if (!data.success) throw new UpstreamError(`Unexpected ${command} list from UserEcho.`);
    if (!details.success) throw new UpstreamError(`Missing paging details from UserEcho.`);
    return { items: data.data, details: details.data };
  }

  /** GET a single-object endpoint and validate it. */
  async getOne<T extends z.ZodType>(
    command: string,
    query: UpstreamQuery,
    schema: T,
  ): Promise<z.infer<T>> {
    const envelope = await this.#request(command, query);
    const data = schema.safeParse(envelope.data);
    if (!data.success) throw new UpstreamError(`Unexpected ${command} object from UserEcho.`);
    return data.data;
  }

  /** POST a JSON body; writes are never retried here (see the idempotency ledger). */
  async post<T extends z.ZodType>(command: string, body: unknown, schema: T): Promise<z.infer<T>> {
    const envelope = await this.#request(command, {}, body);
    const data = schema.safeParse(envelope.data);
    if (!data.success) throw new UpstreamError(`Unexpected ${command} answer from UserEcho.`);
    return data.data;
  }

  /**
   * One logical upstream call. Reads (GET) that fail fast and transiently (connection lost,
   * reset, HTTP 500/502/503/504 without a long Retry-After) are retried once after a jittered
   * pause, while at least half the time budget is left; writes never are (the idempotency ledger
   * covers those). After a 429, calls are not sent at all until its Retry-After has passed.
   */
  async #request(
    command: string,
    query: UpstreamQuery,
    body?: unknown,
  ): Promise<z.infer<typeof Envelope>> {
    const backoff = backoffRemaining(this.#options.baseUrl);
    if (backoff > 0) {
      throw new UpstreamUnavailableError("UserEcho asked us to slow down.", {
        status: 503,
        retryAfterSeconds: backoff,
      });
    }
    const started = Date.now();
    try {
      return await this.#attempt(command, query, body);
    } catch (error) {
      const elapsed = Date.now() - started;
      if (body !== undefined || !isTransient(error) || elapsed > this.#options.timeoutMs / 2) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 150));
      return this.#attempt(command, query, body);
    }
  }

  async #attempt(
    command: string,
    query: UpstreamQuery,
    body?: unknown,
  ): Promise<z.infer<typeof Envelope>> {
    const url = new URL(`${this.#options.baseUrl}/${command}.json`);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    url.searchParams.set("access_token", this.#options.accessToken);
    if (this.#options.ssoToken !== undefined) {
      url.searchParams.set("sso_token", this.#options.ssoToken);
    }

    const started = Date.now();
    // One budget for the headers and the body: a response that never ends is a timeout too.
    const signal = AbortSignal.timeout(this.#options.timeoutMs);
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
        if (response.status === 429) startBackoff(this.#options.baseUrl, retryAfter);
        throw new UpstreamUnavailableError("UserEcho is overloaded.", {
          status: 503,
          retryAfterSeconds:
            retryAfter ?? (response.status === 429 ? DEFAULT_BACKOFF_S : undefined),
        });
      }
      text = await response.text();
    } catch (error) {
      if (error instanceof UpstreamUnavailableError) throw error;
      if (signal.aborted) throw new UpstreamTimeoutError(this.#options.timeoutMs);
      // Refused, reset, or dropped mid-body: the cause may quote the URL, so it stays here.
      throw new UpstreamUnavailableError("UserEcho could not be reached.", { status: 502 });
    } finally {
      this.#options.onTiming?.(Date.now() - started);
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
      throw new UpstreamError(`UserEcho sent no envelope (HTTP ${response.status}).`);
    }
    if (envelope.data.status === "success" && response.ok) return envelope.data;

    // An error envelope. Its message is UserEcho's text: we log it, we do not forward it.
    const message = envelope.data.message ?? "";
    if (response.status === 401 || response.status === 403) {
      throw this.isUser
        ? new MisconfiguredError(
            "USERECHO_SSO_KEY",
            "UserEcho rejected the anonymous token or the minted sso_token",
          )
        : new MisconfiguredError("USERECHO_API_TOKEN", "UserEcho rejected the access token");
    }
    if (response.status === 400 || response.status === 422) {
      throw new UpstreamRejectedError(message);
    }
    if (response.status === 404 || UPSTREAM_NOT_FOUND_MESSAGE.test(message)) {
      throw new NotFoundError();
    }
    throw new UpstreamError(`UserEcho answered with an error (HTTP ${response.status}).`, {
      transient: response.status >= 500,
    });
  }
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
