import { SsoLink } from "@userecho-edge/shared";
import { InvalidBodyError } from "../errors/index.ts";
import { readIdentityConfig } from "../identity/config.ts";
import { toSsoPayload } from "../identity/index.ts";
import { requireIdentity } from "../middleware/authenticate/index.ts";
import { mintSsoToken } from "../sso/index.ts";
import type { RouteHandlers } from "./mount.ts";

/**
 * A community URL that lands the signed-in user signed in: `returnTo` (on the community host
 * only: no open redirect) or the community's home, with a fresh `sso_token` that expires no
 * later than the site's JWT.
 */
export const ssoHandlers = {
  createSsoLink: async (c, { body: input }) => {
    const identity = requireIdentity(c);
    const config = readIdentityConfig(c.env);
    const target = returnTarget(input.returnTo, config.communityUrl);
    const payload = toSsoPayload(identity);
    // mintSsoToken is already URL-encoded the way UserEcho's samples do it: append it verbatim.
    const token = await mintSsoToken(payload, config.ssoKey);
    target.hash = "";
    const separator = target.search ? "&" : "?";
    const url = `${target.href}${separator}sso_token=${token}`;
    const body = SsoLink.parse({ url, expiresAt: new Date(payload.expires * 1000).toISOString() });
    return c.json(body, 200, { "Cache-Control": "private, no-store" });
  },
} satisfies Partial<RouteHandlers>;

function returnTarget(returnTo: string | undefined, community: URL): URL {
  if (returnTo === undefined) return new URL(community.href);
  let url: URL;
  try {
    url = new URL(returnTo, community);
  } catch {
    throw new InvalidBodyError("returnTo: is not a URL", "returnTo");
  }
  if (url.origin !== community.origin || url.username || url.password) {
    throw new InvalidBodyError("returnTo: must be on the community host", "returnTo");
  }
  url.searchParams.delete("sso_token");
  return url;
}
