/**
 * Votes: whether the worker's guessed vote endpoint works (`--probe-votes`, a write: one vote as
 * the check user, read back, taken back, read back), and how much a vote may count where user
 * groups weight it (read-only).
 */
import { ownVote } from "../../src/board/dto.ts";
import { encryptSsoPayload } from "../../src/sso/index.ts";
import { ALL_PAGE_SIZE } from "../../src/upstream/client.ts";
import { voteCommand } from "../../src/upstream/inferred.ts";
import type { UpstreamTopic } from "../../src/upstream/model.ts";
import type { CheckContext } from "./context.ts";
import { CHECK_USER } from "./credentials.ts";
import { countShapes, describeEnvelope, describeError, isRecord } from "./judge.ts";
import { asSent, envelopeOf } from "./observe.ts";

/** How many of the checked page's oldest topics are tried for one the check user has not voted on. */
const CANDIDATES = 5;

/**
 * `--probe-votes`: as the check user, vote up one topic of the checked forum, read it back, take
 * the vote back and read it again. Without the flag nothing is written and the check says how
 * to run it. Returns what the vote counted, when it counted.
 */
export async function checkVotes(
  ctx: CheckContext,
  forumId: number,
  topics: readonly UpstreamTopic[],
): Promise<number | undefined> {
  const { anonymousToken, ssoKey, probeVotes } = ctx.settings;
  const guess = `the worker's guess is POST ${voteCommand(0).replace("0", "{id}")} {value}`;
  if (!probeVotes || anonymousToken === undefined || ssoKey === undefined) {
    ctx.add({
      id: "votes",
      status: "unknown",
      evidence: `not checked (${guess}): run with --probe-votes, which casts one vote as the check user and takes it back (a write)`,
    });
    return undefined;
  }
  const ssoToken = await encryptSsoPayload(
    {
      guid: CHECK_USER.guid,
      display_name: CHECK_USER.displayName,
      expires: Math.floor(Date.now() / 1000) + 600,
    },
    ssoKey,
  );
  ctx.mintedSecrets.push(ssoToken, encodeURIComponent(ssoToken));
  const user = ctx.client.asUser(anonymousToken, ssoToken);
  const ownVoteOn = async (topicId: number) => {
    const read = await ctx.observe(() => user.getTopic(topicId));
    return "error" in read ? undefined : read.value;
  };

  // The oldest topics of the page: a vote there and back draws the least attention.
  let target: UpstreamTopic | undefined;
  for (const candidate of [...topics].sort((a, b) => a.id - b.id).slice(0, CANDIDATES)) {
    const read = await ownVoteOn(candidate.id);
    if (read !== undefined && (read.vote?.current_user ?? 0) === 0) {
      target = read;
      break;
    }
  }
  if (target === undefined) {
    ctx.add({
      id: "votes",
      status: "unknown",
      evidence: `nothing written: none of the ${Math.min(CANDIDATES, topics.length)} oldest topics of forum ${forumId}'s page could be read as the check user without a vote of its own on it`,
    });
    return undefined;
  }
  const id = target.id;
  const command = voteCommand(id);
  const before = target.vote;

  const cast = await ctx.observe(() => user.vote(id, 1));
  if ("error" in cast) {
    const answer = cast.answers.find((a) => a.command === command);
    const shape =
      answer === undefined
        ? "no answer"
        : `HTTP ${answer.httpStatus}, ${describeEnvelope(envelopeOf(answer))}`;
    // A refusal that counted all the same must not stay behind.
    const after = await ownVoteOn(id);
    const leftover = (after?.vote?.current_user ?? 0) !== 0;
    if (leftover) await ctx.observe(() => user.vote(id, 0));
    ctx.add({
      id: "votes",
      status: "fail",
      verdict: "refused",
      evidence:
        `POST ${command} {value: 1} as the check user was refused (${shape}, read as ` +
        `"${describeError(cast.error)}"): inline voting does not work here, or this user may ` +
        `not vote (a spent vote budget would look the same); keep VOTING=community`,
    });
    return undefined;
  }

  const after = await ownVoteOn(id);
  const counted = after?.vote?.current_user ?? 0;
  const moved = (after?.vote?.positive ?? 0) - (before?.positive ?? 0);
  const retract = await ctx.observe(() => user.vote(id, 0));
  const final = await ownVoteOn(id);
  const restored = !("error" in retract) && (final?.vote?.current_user ?? 0) === 0;
  const totals = `positive ${before?.positive ?? "?"} → ${after?.vote?.positive ?? "?"} → ${final?.vote?.positive ?? "?"}`;

  if (!restored) {
    ctx.warnings.push(
      `The check's vote on topic ${id} may remain: take it back on the community as "${CHECK_USER.displayName}".`,
    );
  }
  if (counted === 0) {
    ctx.add({
      id: "votes",
      status: "fail",
      verdict: "ignored",
      evidence: `POST ${command} {value: 1} was accepted, but topic ${id} read back shows vote.current_user 0 (${totals}): the endpoint does not count votes; keep VOTING=community`,
    });
    return undefined;
  }
  const weight = counted > 1 ? `; the check user's vote counts ${counted} (user groups)` : "";
  const drift =
    moved === counted ? "" : ` (totals moved by ${moved}: others may have voted meanwhile)`;
  ctx.add(
    restored
      ? {
          id: "votes",
          status: "pass",
          verdict: "works",
          evidence: `topic ${id}, as the check user: vote.current_user 0 → ${counted} → 0 (${totals})${drift}; voted with POST ${command} {value: 1}, taken back with {value: 0}${weight}`,
        }
      : {
          id: "votes",
          status: "fail",
          evidence: `topic ${id}: the vote counted (vote.current_user ${counted}, ${totals}) but was not taken back (${"error" in retract ? `{value: 0} refused: ${describeError(retract.error)}` : `vote.current_user ${final?.vote?.current_user ?? "unreadable"} after {value: 0}`}): voting inline could not be undone; keep VOTING=community`,
        },
  );
  return counted;
}

/**
 * How much one user's vote on a topic may count: the groups' `vote_weight` (and `vote_count`,
 * a budget over all topics) from `users/groups`, every `vote.current_user` read so far, and what
 * the probe's vote counted; and whether the worker shows a vote worth that much as such.
 */
export async function checkVoteWeights(
  ctx: CheckContext,
  probed: number | undefined,
): Promise<void> {
  const groupsCommand = "users/groups";
  const groups = await ctx.observe(() =>
    ctx.client.getPage(groupsCommand, { page: 1, limit: ALL_PAGE_SIZE }, asSent),
  );
  const parts: string[] = [];
  const weights: number[] = [];
  if ("error" in groups) {
    parts.push(
      `users/groups cannot be read (${describeError(groups.error)}; it needs a token with every permission)`,
    );
  } else {
    const items = groups.value.items.filter(isRecord);
    const numbers = (key: string) =>
      items.flatMap((g) => (typeof g[key] === "number" ? [g[key]] : []));
    weights.push(...numbers("vote_weight"));
    const budgets = numbers("vote_count");
    parts.push(
      `users/groups: ${items.length} group(s)` +
        (weights.length === 0
          ? ", none with a vote_weight"
          : `, vote_weight ${Math.min(...weights)}–${Math.max(...weights)}`) +
        (budgets.length === 0
          ? ", none with a vote budget"
          : `, ${budgets.length} with a budget (vote_count ${Math.min(...budgets)}–${Math.max(...budgets)}: a vote may be refused once it is spent)`),
    );
  }

  const seen = ownVotesRead(ctx);
  parts.push(
    seen.length === 0
      ? "no vote.current_user read"
      : `vote.current_user on ${seen.length} topic read(s): ${countShapes(seen.map(String))}`,
  );
  if (probed !== undefined) parts.push(`the probe's vote counted ${probed}`);

  const most = Math.max(1, ...weights, ...seen.map(Math.abs), probed ?? 0);
  if (most === 1) {
    ctx.add({
      id: "votes.weight",
      status: "error" in groups ? "unknown" : "pass",
      evidence: `${parts.join("; ")}: ${"error" in groups ? "no vote above 1 seen" : "every vote counts one"}`,
    });
    return;
  }
  const shown = ownVote(most);
  if (shown !== most) {
    ctx.warnings.push(
      `User groups make a vote count up to ${most} here, and the worker shows such a vote as myVote ${shown}: a visitor's own weighted vote is not shown as theirs.`,
    );
  }
  ctx.add({
    id: "votes.weight",
    status: shown === most ? "pass" : "fail",
    evidence: `${parts.join("; ")}: the worker shows a vote worth ${most} as myVote ${shown}`,
  });
}

/** Every `vote.current_user` in the topics read so far (the reader's own vote). */
function ownVotesRead(ctx: CheckContext): number[] {
  const values: number[] = [];
  const collect = (item: unknown) => {
    if (!isRecord(item) || !isRecord(item["vote"])) return;
    const value = item["vote"]["current_user"];
    if (typeof value === "number") values.push(value);
  };
  for (const answer of ctx.recorder.answers) {
    const data = envelopeOf(answer).data;
    if (/^topics\/\d+$/.test(answer.command)) collect(data);
    else if (/^forums\/\d+\/topics(\/search)?$/.test(answer.command) && Array.isArray(data)) {
      data.forEach(collect);
    }
  }
  return values;
}
