/**
 * The checks of `pnpm check-userecho`: every guess the worker makes about UserEcho API v2, asked
 * of a real community through the worker's own client and judged by the worker's own code
 * (worker/src/upstream/…), so that what passes here is what the worker will find. Reads only,
 * except the optional signed-in check, which makes UserEcho create its check user, and
 * `--probe-votes`, which casts one vote as that user and takes it back.
 */
import { isPublicForum } from "../../src/upstream/inferred.ts";
import type { UpstreamTopic } from "../../src/upstream/model.ts";
import { CheckContext, type Findings, type RunSettings } from "./context.ts";
import { checkErrors, checkSso } from "./credentials.ts";
import {
  checkEmptyLists,
  checkIdOrder,
  checkKnowledgeBases,
  checkRichText,
  checkSubscriptions,
} from "./evidence.ts";
import {
  checkComments,
  checkFilters,
  checkForumProof,
  checkLimit,
  checkSearch,
  checkSorts,
  checkUsersByRating,
} from "./guesses.ts";
import { summariseDropped } from "./judge.ts";
import { captureWorkerWarnings, type DroppedItem } from "./observe.ts";
import {
  checkForums,
  checkMeta,
  checkSingleTopic,
  checkToken,
  checkTopicFields,
  checkTopics,
} from "./reads.ts";
import { checkVoteWeights, checkVotes } from "./votes.ts";

export type { Check, CheckStatus } from "./judge.ts";
export { CHECK_USER } from "./credentials.ts";
export { TOPIC_FILTERS, TOPIC_SORTS, type Findings, type RunSettings } from "./context.ts";

/**
 * Runs every check, one call at a time, in a fixed order; UserEcho's answers become checks,
 * never exceptions. An essential failure ends the run early.
 */
export async function runChecks(settings: RunSettings): Promise<Findings> {
  const warnings = captureWorkerWarnings();
  const ctx = new CheckContext(settings);
  try {
    await run(ctx, warnings.dropped);
  } finally {
    warnings.restore();
  }
  return { checks: ctx.checks, warnings: ctx.warnings, mintedSecrets: ctx.mintedSecrets };
}

async function run(ctx: CheckContext, dropped: readonly DroppedItem[]): Promise<void> {
  const forums = await checkToken(ctx);
  if (forums === undefined) return;
  const forum = checkForums(ctx, forums);
  if (forum === undefined) return;
  const firstPage = await checkTopics(ctx, forum);
  if (firstPage === undefined) return;
  const topics = firstPage.page;

  const everyForumPublic = forums.every(isPublicForum);
  const probe = topics.items.reduce<UpstreamTopic | undefined>(
    (best, topic) => (best === undefined || topic.id > best.id ? topic : best),
    undefined,
  );
  await checkSingleTopic(ctx, probe);
  const forumIdOnAll = checkTopicFields(ctx, firstPage);
  const meta = await checkMeta(ctx, forum.id);
  await checkSorts(ctx, forum.id);
  await checkFilters(ctx, forum.id, meta);
  await checkForumProof(ctx, forums, forum.id, probe, forumIdOnAll, everyForumPublic);
  await checkSearch(ctx, forum.id, topics.items);
  const { usersTotal, topics: larger } = await checkLimit(ctx, forums, forum.id);
  const read = [...(larger ?? []), ...topics.items];
  await checkUsersByRating(ctx, usersTotal);
  await checkComments(ctx, read);
  await checkErrors(ctx);
  await checkSso(ctx, forum.id);
  await checkEmptyLists(ctx, forums, forum.id, read);
  // Both pages were asked with order_by=-created, as a forum proof would walk them.
  checkIdOrder(ctx, forum.id, read);
  await checkKnowledgeBases(ctx, forums);
  checkRichText(ctx);
  await checkSubscriptions(ctx, read);
  const counted = await checkVotes(ctx, forum.id, topics.items);
  await checkVoteWeights(ctx, counted);
  ctx.add(
    dropped.length === 0
      ? {
          id: "schema",
          status: "pass",
          evidence: "every item read passed the worker's schemas (nothing dropped)",
        }
      : {
          id: "schema",
          status: "fail",
          evidence: `the worker's schemas dropped ${dropped.length} item(s): ${summariseDropped(dropped)}`,
        },
  );
}
