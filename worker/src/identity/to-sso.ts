/**
 * From a verified identity to the document UserEcho's `sso_token` carries (docs/USERECHO.md §10).
 */
import type { SsoPayload } from "../sso/index.ts";
import type { Identity } from "./claims.ts";
import { IdentityError, IdentityErrorReason } from "./errors.ts";

/** docs/USERECHO.md §10: the samples default `expires` to one hour from now. */
const SSO_TOKEN_LIFETIME_SECONDS = 3600;

/**
 * The SSO payload for `identity`, expiring at `min(JWT exp, now + 1 h)`: an `sso_token` never
 * outlives the proof of identity it was made from.
 *
 * @param now Unix milliseconds. @default Date.now()
 * @throws IdentityError (`expired`) when the JWT's `exp` has passed. The verifier's clock
 *   tolerance can let such a token through, but an `sso_token` must expire after now
 *   (docs/USERECHO.md §10) and not after the JWT, so none can be made.
 */
export function toSsoPayload(identity: Identity, now: number = Date.now()): SsoPayload {
  const nowSeconds = Math.floor(now / 1000);
  const expires = Math.min(identity.expiresAt, nowSeconds + SSO_TOKEN_LIFETIME_SECONDS);
  if (expires <= nowSeconds) throw new IdentityError(IdentityErrorReason.expired);
  return {
    guid: identity.subject,
    display_name: identity.name,
    ...(identity.email === undefined ? {} : { email: identity.email }),
    ...(identity.emailVerified === undefined ? {} : { verified_email: identity.emailVerified }),
    ...(identity.locale === undefined ? {} : { locale: identity.locale }),
    ...(identity.picture === undefined ? {} : { avatar_url: identity.picture }),
    ...(identity.privateForums === undefined
      ? {}
      : { allowed_private_forums: identity.privateForums }),
    ...(identity.groups === undefined ? {} : { groups: identity.groups }),
    expires,
  };
}
