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

const KV_KEY = "voting:refused:";
const KEEP_SECONDS = 3600;

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

/** A vote went through: the endpoint exists. */
export function voteWorked(agent: UserEchoClient): void {
  new Capabilities(agent).record("votes:inline", "works");
}

/**
 * A vote UserEcho refused while the visitor's reads work: told apart with a vote that changes
 * nothing. If the visitor has no vote on the topic, a withdrawal is a no-op: when UserEcho
 * accepts it, the endpoint exists and the refusal was about this vote, most likely the
 * visitor's vote budget spent (UserEcho user groups cap a user's votes), a 409 of its own;
 * when UserEcho refuses it too, the endpoint is missing for this visitor. Whether it is missing
 * for everyone is the agent's to tell, never a visitor's (confirmMissingEndpoint): until it has,
 * this visitor alone is handed off (`VOTING=auto`) or told the vote was refused (`inline`).
 */
export async function explainRefusedVote(
  c: Context<AppEnv>,
  user: UserEchoClient,
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
  await confirmMissingEndpoint(c, topicId);
  return new VotingHandoffError();
}

/**
 * Asks with the agent token whether the vote endpoint exists, with a vote that changes nothing:
 * a withdrawal on a topic where the agent's own vote is known to be none. Its refusal becomes
 * everyone's knowledge (votes hand off); its success shows the endpoint is there, and the
 * visitor's refusal theirs alone. When the agent has a vote on the topic, or UserEcho does not
 * say, nothing is asked and nothing is learnt.
 */
async function confirmMissingEndpoint(c: Context<AppEnv>, topicId: number): Promise<void> {
  const agent = c.get("upstream");
  if ((await agent.getTopic(topicId)).vote?.current_user !== 0) return;
  try {
    await agent.vote(topicId, 0);
    voteWorked(agent);
    return;
  } catch (error) {
    if (!(error instanceof UpstreamRejectedError)) throw error;
  }
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

/**
 * Forgets, in every isolate that reads it, that votes hand off: `POST /v1/admin/purge
 * {"all": true}` (this isolate's verdict goes with the others, upstream/capabilities.ts).
 */
export async function forgetVotingHandoff(c: Context<AppEnv>): Promise<void> {
  await c.env.CACHE_KV?.delete(KV_KEY + c.get("upstream").baseUrl).catch(() => undefined);
}
