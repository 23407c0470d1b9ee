/**
 * Credentials and errors: how UserEcho answers a missing topic and a wrong token (and whether
 * the worker tells them apart), and reads as a signed-in user with an `sso_token` minted by the
 * worker's own code.
 */
import { MisconfiguredError, UserRefusedError, NotFoundError } from "../../src/errors/index.ts";
import { encryptSsoPayload } from "../../src/sso/index.ts";
import { ATTESTED_SORT, TOPIC_ORDER_BY } from "../../src/upstream/inferred.ts";
import { userReader } from "../../src/upstream/normalise/index.ts";
import type { CheckContext } from "./context.ts";
import { describeEnvelope, describeError } from "./judge.ts";
import { AnswerRecorder, envelopeOf, type RawAnswer } from "./observe.ts";

/** The SSO user the signed-in check signs in as; UserEcho creates it on first sign-in. */
export const CHECK_USER = { guid: "userecho-edge-check", displayName: "userecho-edge check" };

const WRONG_TOKEN = "userecho-edge-check-deliberately-wrong-token";
// Far above any real topic id, still a 32-bit integer.
const MISSING_TOPIC_ID = 2_147_000_000;

/**
 * A missing topic against a wrong token: how UserEcho answers each (HTTP status and
 * envelope), and whether the worker's client, which asks the forum list with the same token
 * when in doubt, tells them apart.
 */
export async function checkErrors(ctx: CheckContext): Promise<void> {
  const missing = await ctx.observe(() => ctx.client.getTopic(MISSING_TOPIC_ID));
  const wrongRecorder = new AnswerRecorder(ctx.settings.baseUrl);
  const wrongClient = ctx.clientWith(WRONG_TOKEN, wrongRecorder);
  // The very same request, with a wrong token: only the token differs.
  let wrongError: unknown;
  try {
    await wrongClient.getTopic(MISSING_TOPIC_ID);
  } catch (error) {
    wrongError = error;
  }
  const missingAnswer = missing.answers.find((a) => a.command === `topics/${MISSING_TOPIC_ID}`);
  const wrongAnswer = wrongRecorder.answers[0];
  const shape = (answer: RawAnswer | undefined) =>
    answer === undefined
      ? "no answer"
      : `HTTP ${answer.httpStatus}, ${describeEnvelope(envelopeOf(answer))}`;
  const missingRight = "error" in missing && missing.error instanceof NotFoundError;
  const wrongRight =
    wrongError instanceof MisconfiguredError &&
    wrongError.members.variable === "USERECHO_API_TOKEN";
  const missingReading = missingRight
    ? "404"
    : "error" in missing
      ? `"${describeError(missing.error)}" (not a 404)`
      : "a topic (that id exists?)";
  const wrongReading = wrongRight
    ? "a refused USERECHO_API_TOKEN"
    : wrongError === undefined
      ? "a success (a wrong token was accepted)"
      : `"${describeError(wrongError)}" (not the token blamed)`;
  const sameHttp = missingAnswer?.httpStatus === wrongAnswer?.httpStatus;
  const wrongStatus = wrongAnswer?.httpStatus;
  const told = sameHttp
    ? "the same HTTP status: only the worker's probe (the forum list with the same token) tells them apart"
    : wrongStatus === 401 || wrongStatus === 403
      ? `different HTTP statuses: the worker blames the token on HTTP ${wrongStatus} at once`
      : "different HTTP statuses, but not 401/403: the worker tells them apart by its probe (the forum list with the same token)";
  ctx.add({
    id: "errors",
    status: missingRight && wrongRight ? "pass" : "fail",
    evidence:
      `missing topic: ${shape(missingAnswer)}; wrong token: ${shape(wrongAnswer)}; ${told}. ` +
      `The worker read them as ${missingReading} and ${wrongReading}`,
  });
}

/**
 * Reads as a signed-in user: the anonymous token alone, then with an `sso_token` minted by the
 * worker's own code for the check user, whom `users/current` must name.
 */
export async function checkSso(ctx: CheckContext, forumId: number): Promise<void> {
  const { anonymousToken, ssoKey } = ctx.settings;
  if (anonymousToken === undefined || ssoKey === undefined) {
    ctx.add({
      id: "sso",
      status: "unknown",
      evidence:
        anonymousToken === undefined && ssoKey === undefined
          ? "not checked: set USERECHO_ANON_TOKEN and USERECHO_SSO_KEY to check reads as a signed-in user"
          : "not checked: set both USERECHO_ANON_TOKEN and USERECHO_SSO_KEY",
    });
    return;
  }
  const anonymous = ctx.clientWith(anonymousToken);
  const anonRead = await ctx.observe(() => anonymous.listForums());
  if ("error" in anonRead) {
    ctx.add({
      id: "sso",
      status: "fail",
      evidence:
        anonRead.error instanceof MisconfiguredError
          ? "UserEcho refused USERECHO_ANON_TOKEN on the forum list"
          : `the forum list cannot be read with the anonymous token: ${describeError(anonRead.error)}`,
      essential: true,
    });
    return;
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
  const read = await ctx.observe(async () => {
    const current = await user.getOne("users/current", {}, userReader);
    const forums = await user.listForums();
    const topics = await user.listTopics(forumId, {
      page: 1,
      limit: 10,
      order_by: TOPIC_ORDER_BY[ATTESTED_SORT],
    });
    return { current, forums, topics };
  });
  const created =
    `UserEcho creates the user "${CHECK_USER.displayName}" (guid ${CHECK_USER.guid}) on its ` +
    `first sign-in, ${ctx.settings.probeVotes ? "a write besides the probe's vote" : "the check's only write"}`;
  if ("error" in read) {
    const variable =
      read.error instanceof MisconfiguredError ? read.error.members.variable : undefined;
    ctx.add({
      id: "sso",
      status: "fail",
      evidence:
        (read.error instanceof UserRefusedError
          ? "UserEcho refused the sso_token minted with USERECHO_SSO_KEY"
          : variable !== undefined
            ? `UserEcho refused ${variable}`
            : `reads as a signed-in user fail: ${describeError(read.error)}`) + `. ${created}`,
      essential: true,
    });
    return;
  }
  const { current, forums, topics } = read.value;
  const named = current.name === CHECK_USER.displayName;
  ctx.add({
    id: "sso",
    status: named ? "pass" : "fail",
    evidence:
      (named
        ? `users/current is the check user; `
        : `users/current is not the check user: UserEcho may have ignored the sso_token; `) +
      `anonymous token: ${anonRead.value.length} forum(s); signed in: ${forums.length} forum(s), ` +
      `${topics.items.length} topic(s) of forum ${forumId}. ${created}`,
    ...(named ? {} : { essential: true as const }),
  });
}
