import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { readIdentityConfig } from "../identity/config.ts";
import { toSsoPayload } from "../identity/index.ts";
import { requireIdentity } from "../middleware/authenticate/index.ts";
import { encryptSsoPayload } from "../sso/index.ts";
import type { UserEchoClient } from "../upstream/client.ts";

/**
 * A client acting as the signed-in user: the anonymous token plus an `sso_token` minted here,
 * expiring no later than the site's JWT. The agent token is never used for a user's call.
 */
export async function userClient(c: Context<AppEnv>): Promise<UserEchoClient> {
  const identity = requireIdentity(c);
  const config = readIdentityConfig(c.env);
  const payload = toSsoPayload(identity);
  const ssoToken = await encryptSsoPayload(payload, config.ssoKey);
  return c.get("upstream").asUser(config.anonymousToken, ssoToken, payload.expires);
}

/** Whoever a read should be made as: the user for personal reads, the agent otherwise. */
export function readerClient(c: Context<AppEnv>): Promise<UserEchoClient> | UserEchoClient {
  return c.get("identity") ? userClient(c) : c.get("upstream");
}
