/**
 * Why a site-signed identity token was refused. One class, one `reason`, a fixed message per
 * reason: nothing from the token (not even a claim value) reaches the message, the logs or the
 * client.
 */

/** Stable codes; safe to show in a problem `detail` and to count in metrics. */
export const IdentityErrorReason = {
  /** Not a compact JWS/JWT, or an unparsable header or claims set. */
  malformed: "malformed",
  /** Longer than `maxTokenLength`; refused before any parsing. */
  tooLarge: "too_large",
  /** `alg` not allowed for this verifier (`none`, HS/RS confusion, …). */
  algorithm: "algorithm",
  /** A `crit` header naming an extension this verifier does not implement. */
  unsupportedHeader: "unsupported_header",
  signature: "signature",
  /** No key in the JWKS for the token's `kid`/`alg`, even after a refetch. */
  unknownKey: "unknown_key",
  /** The JWKS could not be fetched or read (a configuration or availability problem). */
  keyUnavailable: "key_unavailable",
  expired: "expired",
  /** `nbf` (or `iat`) in the future beyond the clock tolerance. */
  notYetValid: "not_yet_valid",
  audience: "audience",
  issuer: "issuer",
  /** `exp` too far after `iat` (or after now, without `iat`). */
  lifetime: "lifetime",
  /** A required claim (`exp`, `sub`) missing or of the wrong type. */
  claims: "invalid_claims",
} as const;

export type IdentityErrorReason = (typeof IdentityErrorReason)[keyof typeof IdentityErrorReason];

const MESSAGES: Readonly<Record<IdentityErrorReason, string>> = {
  malformed: "The identity token is malformed.",
  too_large: "The identity token is too large.",
  algorithm: "The identity token's algorithm is not allowed.",
  unsupported_header: "The identity token has an unsupported critical header.",
  signature: "The identity token's signature is invalid.",
  unknown_key: "The identity token is signed with an unknown key.",
  key_unavailable: "The site's signing keys could not be loaded.",
  expired: "The identity token has expired.",
  not_yet_valid: "The identity token is not valid yet.",
  audience: "The identity token is meant for another audience.",
  issuer: "The identity token comes from an unexpected issuer.",
  lifetime: "The identity token's lifetime exceeds the allowed maximum.",
  invalid_claims: "The identity token lacks a required claim.",
};

/**
 * The one error a verifier throws for a refused token. Map it to 401; `key_unavailable` is the
 * site's JWKS failing, which a caller may prefer to report as 503.
 */
export class IdentityError extends Error {
  override readonly name = "IdentityError";

  /**
   * @param reason Why the token was refused.
   * @param code The underlying jose error code (`ERR_JWT_EXPIRED`, …), for logs; never a value
   *   from the token. The jose error itself is not kept: it carries the claims set.
   */
  constructor(
    readonly reason: IdentityErrorReason,
    readonly code?: string,
  ) {
    super(MESSAGES[reason]);
  }
}
