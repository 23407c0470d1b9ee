import type { Context } from "hono";
import type { Config } from "../config/index.ts";
import type { AppEnv } from "../env.ts";
import {
  UpstreamRejectedError,
  VoteBudgetSpentError,
  VotingHandoffError,
} from "../errors/index.ts";
import type { ApiError } from "../errors/index.ts";
import { Capabilities } from "../upstream/capabilities.ts";
import type { UserEchoClient } from "../upstream/client.ts";

/**
 * Votes. UserEcho shows no vote endpoint for API v2 (docs/USERECHO.md §8); the worker's guess is
 * `POST topics/{id}/votes` (upstream/inferred.ts). `VOTING=auto`, the default, votes inline
 * until UserEcho has shown it has no such endpoint, then hands off to the community like
 * `VOTING=community`; `VOTING=inline` always tries.
 */

/** How votes are cast right now, as forum meta tells the widget. */
export function votingNow(config: Config, capabilities: Capabilities): "inline" | "community" {
  if (config.voting !== "auto") return config.voting;
  return capabilities.verdict("votes:inline") === "refused" ? "community" : "inline";
}

/**
 * Distinct visitors whose votes showed the endpoint missing before the worker stops trying for
 * everyone. One visitor's refusal may be theirs alone (UserEcho may block them), so one visitor
 * can never switch inline voting off for the others.
 */
export const REFUSALS_TO_HAND_OFF = 2;
const KV_KEY = "voting:refused:";
const KEEP_SECONDS = 3600;

/** Per upstream: the visitors (by subject) whose votes found no endpoint, since the last success. */
const refusedBy = new Map<string, Set<string>>();

/**
 * Before a vote: whether votes hand off, in this isolate or, with CACHE_KV bound, as another
 * isolate found out (one KV read, only until this isolate knows).
 */
export async function votesHandOff(c: Context<AppEnv>): Promise<boolean> {
  const config = c.get("config");
  const agent = c.get("upstream");
  const capabilities = new Capabilities(agent);
  if (config.voting !== "auto" || capabilities.verdict("votes:inline") !== undefined) {
    return votingNow(config, capabilities) === "community";
  }
  const kv = c.env.CACHE_KV;
  if (kv && (await kv.get(KV_KEY + agent.baseUrl).catch(() => null)) !== null) {
    capabilities.record("votes:inline", "refused");
    return true;
  }
  return false;
}

/** A vote went through: the endpoint exists, whatever some visitors met before. */
export function voteWorked(agent: UserEchoClient): void {
  refusedBy.delete(agent.baseUrl);
  new Capabilities(agent).record("votes:inline", "works");
}

/**
 * A vote UserEcho refused while the visitor's reads work: told apart with a vote that changes
 * nothing. If the visitor has no vote on the topic, a withdrawal is a no-op: when UserEcho
 * accepts it, the endpoint exists and the refusal was about this vote, most likely the
 * visitor's vote budget spent (UserEcho user groups cap a user's votes), a 409 of its own;
 * when UserEcho refuses it too, there is no vote endpoint for this visitor, and the vote is
 * handed off to the community (`VOTING=auto`) or reported refused (`inline`).
 */
export async function explainRefusedVote(
  c: Context<AppEnv>,
  user: UserEchoClient,
  subject: string,
  topicId: number,
  value: -1 | 0 | 1,
): Promise<ApiError> {
  const config = c.get("config");
  const mine = value === 0 ? undefined : ((await user.getTopic(topicId)).vote?.current_user ?? 0);
  if (mine !== undefined && mine !== 0) return new VoteBudgetSpentError();
  if (mine === 0) {
    try {
      await user.vote(topicId, 0);
      voteWorked(c.get("upstream"));
      return new VoteBudgetSpentError();
    } catch (error) {
      if (!(error instanceof UpstreamRejectedError)) throw error;
    }
  }
  if (config.voting !== "auto") return new UpstreamRejectedError();
  await noteMissingEndpoint(c, subject);
  return new VotingHandoffError();
}

async function noteMissingEndpoint(c: Context<AppEnv>, subject: string): Promise<void> {
  const agent = c.get("upstream");
  const visitors = refusedBy.get(agent.baseUrl) ?? new Set<string>();
  visitors.add(subject);
  refusedBy.set(agent.baseUrl, visitors);
  if (visitors.size < REFUSALS_TO_HAND_OFF) return;
  // Recorded as the agent's knowledge, on the word of several visitors, never of one.
  new Capabilities(agent).record("votes:inline", "refused");
  console.warn(
    JSON.stringify({
      level: "warn",
      message: "UserEcho has no vote endpoint: votes hand off to the community (VOTING=auto)",
    }),
  );
  await c.env.CACHE_KV?.put(KV_KEY + agent.baseUrl, "1", { expirationTtl: KEEP_SECONDS }).catch(
    () => undefined,
  );
}

/** Forgets what was learnt of votes: `POST /v1/admin/purge {"all": true}`. */
export function forgetVoteRefusals(): void {
  refusedBy.clear();
}
