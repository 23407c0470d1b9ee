/**
 * End-user identity: verify the site-signed JWT, map it to UserEcho's SSO fields.
 *
 * @example
 * const verify = createIdentityVerifier({ jwksUrl: "https://example.com/.well-known/jwks.json", audience: "userecho-edge" });
 * const identity = await verify(token);
 * const ssoToken = await mintSsoToken(toSsoPayload(identity), env.USERECHO_SSO_KEY);
 */
export { PRIVATE_FORUMS_CLAIM, identityFromClaims, type Identity } from "./claims.ts";
export { IdentityError, IdentityErrorReason } from "./errors.ts";
export type { IdentityVerifierOptions, JwksFetch } from "./options.ts";
export { toSsoPayload } from "./to-sso.ts";
export { createIdentityVerifier, type IdentityVerifier } from "./verify.ts";
