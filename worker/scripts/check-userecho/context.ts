/**
 * What every check shares during a run: the settings, the worker's own client (with a fetch that
 * records each answer), and where checks, warnings and minted secrets are collected.
 */
import { UserEchoClient } from "../../src/upstream/client.ts";
import { TOPIC_FILTER_PARAMS, TOPIC_ORDER_BY } from "../../src/upstream/inferred.ts";
import type { Check, Observed } from "./judge.ts";
import { AnswerRecorder } from "./observe.ts";

/** The board's sorts and filters, as the worker's guesses name them. */
export type TopicSort = keyof typeof TOPIC_ORDER_BY;
export type TopicFilter = keyof typeof TOPIC_FILTER_PARAMS;
/** Every sort and filter the worker knows, in its own order. */
export const TOPIC_SORTS = Object.keys(TOPIC_ORDER_BY) as TopicSort[];
export const TOPIC_FILTERS = Object.keys(TOPIC_FILTER_PARAMS) as TopicFilter[];

/** What a run needs: where, which secrets, and how long to wait. */
export interface RunSettings {
  /** The API v2 base, without a trailing slash. */
  baseUrl: string;
  apiToken: string;
  anonymousToken: string | undefined;
  ssoKey: string | undefined;
  /** The forum whose topics are checked; chosen by the run when absent. */
  forumId: number | undefined;
  /** Per upstream call. */
  timeoutMs: number;
  /** Vote once as the check user and take it back (`--probe-votes`): a write. */
  probeVotes: boolean;
}

/** What a run found, before it is turned into settings. */
export interface Findings {
  checks: Check[];
  /** Fallbacks that matter to the site owner, in words. */
  warnings: string[];
  /** Every `sso_token` minted during the run, so the output can be scrubbed of them. */
  mintedSecrets: string[];
}

/** One run's shared state; checks add to it one at a time. */
export class CheckContext implements Findings {
  readonly settings: RunSettings;
  readonly recorder: AnswerRecorder;
  /** The worker's client with the agent token. */
  readonly client: UserEchoClient;
  readonly checks: Check[] = [];
  readonly warnings: string[] = [];
  readonly mintedSecrets: string[] = [];

  constructor(settings: RunSettings) {
    this.settings = settings;
    this.recorder = new AnswerRecorder(settings.baseUrl);
    this.client = this.clientWith(settings.apiToken);
  }

  /** The worker's client with other credentials; its answers go to `recorder`. */
  clientWith(accessToken: string, recorder = this.recorder): UserEchoClient {
    return new UserEchoClient({
      baseUrl: this.settings.baseUrl,
      accessToken,
      timeoutMs: this.settings.timeoutMs,
      fetch: recorder.fetch,
    });
  }

  add(check: Check): void {
    this.checks.push(check);
  }

  /** The answers recorded while `call` ran, with its result or error. Calls run one at a time. */
  async observe<T>(call: () => Promise<T>): Promise<Observed<T>> {
    const mark = this.recorder.answers.length;
    try {
      const value = await call();
      return { answers: this.recorder.answers.slice(mark), value };
    } catch (error) {
      return { answers: this.recorder.answers.slice(mark), error };
    }
  }
}
