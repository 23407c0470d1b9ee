/**
 * From a verified claims set to the user UserEcho should see. Only `sub` is required; every
 * other claim is optional and is dropped, not refused, when it does not fit UserEcho's SSO
 * fields (docs/USERECHO.md §10): a site with an odd `picture` still signs its users in.
 */
import type { JWTPayload } from "jose";
import { normaliseSsoLocale, type SsoLocale } from "../sso/index.ts";
import { IdentityError, IdentityErrorReason } from "./errors.ts";

/** A site user, as verified from its token. */
export interface Identity {
  /** `sub`: the user's id on the site, UserEcho's SSO `guid`. */
  readonly subject: string;
  /** At most 30 characters (docs/USERECHO.md §10 `display_name`). */
  readonly name: string;
  readonly email?: string;
  readonly emailVerified?: boolean;
  /** An `https:`/`http:` URL of at most 255 characters. */
  readonly picture?: string;
  readonly locale?: SsoLocale;
  /** UserEcho group ids. */
  readonly groups?: readonly number[];
  /** UserEcho private forum ids, from {@link PRIVATE_FORUMS_CLAIM}. */
  readonly privateForums?: readonly number[];
  /** The token's `exp`, Unix seconds. */
  readonly expiresAt: number;
}

/**
 * The claim granting private forums. Deliberately ours and namespaced: a site must mean to
 * grant access, so no generic IdP claim is ever read as a forum list.
 */
export const PRIVATE_FORUMS_CLAIM = "userecho_private_forums";

const MAX_GUID = 255;
const MAX_NAME = 30;
const MAX_URL_OR_EMAIL = 255;
const MAX_IDS = 100;
const FALLBACK_NAME = "User";

/**
 * Maps claims to an {@link Identity}.
 *
 * @throws IdentityError (`invalid_claims`) when `sub` is not a 1–255 character string free of
 *   control characters.
 */
export function identityFromClaims(claims: JWTPayload & { exp: number }): Identity {
  const { sub } = claims;
  // Control characters (NUL included) have no place in an id, and would reach UserEcho's guid.
  if (
    typeof sub !== "string" ||
    sub.length === 0 ||
    [...sub].length > MAX_GUID ||
    /\p{Cc}/u.test(sub)
  ) {
    throw new IdentityError(IdentityErrorReason.claims);
  }
  const email = emailOf(claims["email"]);
  const emailVerified = booleanOf(claims["email_verified"]);
  const picture = pictureOf(claims["picture"]);
  const locale =
    typeof claims["locale"] === "string" ? normaliseSsoLocale(claims["locale"]) : undefined;
  const groups = idsOf(claims["groups"]);
  const privateForums = idsOf(claims[PRIVATE_FORUMS_CLAIM]);
  return {
    subject: sub,
    name: displayName(claims["name"]) ?? displayName(claims["preferred_username"]) ?? FALLBACK_NAME,
    ...(email === undefined ? {} : { email }),
    ...(emailVerified === undefined ? {} : { emailVerified }),
    ...(picture === undefined ? {} : { picture }),
    ...(locale === undefined ? {} : { locale }),
    ...(groups === undefined ? {} : { groups }),
    ...(privateForums === undefined ? {} : { privateForums }),
    // NumericDate may carry fractions (RFC 7519 §2); UserEcho wants whole seconds.
    expiresAt: Math.floor(claims.exp),
  };
}

/** Whitespace and control characters collapsed, cut to 30 characters (not UTF-16 units). */
function displayName(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const clean = value.replace(/[\p{Cc}\p{Cf}\p{Z}]+/gu, " ").trim();
  if (clean === "") return undefined;
  return [...clean].slice(0, MAX_NAME).join("").trimEnd();
}

function emailOf(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > MAX_URL_OR_EMAIL) return undefined;
  return /^[^\s@]+@[^\s@]+$/.test(value) ? value : undefined;
}

/** Booleans, and the strings some IdPs (e.g. Cognito) send instead. */
function booleanOf(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  return undefined;
}

function pictureOf(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > MAX_URL_OR_EMAIL) return undefined;
  try {
    const url = new URL(value);
    // javascript:, data: and friends never become an avatar the forum puts in an <img>.
    return url.protocol === "https:" || url.protocol === "http:" ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Positive integer ids, or `undefined` when the claim is absent or anything in it is not one.
 * All or nothing: UserEcho replaces a user's groups with the list it gets (docs/USERECHO.md §10), so a
 * partly understood list would silently drop memberships; leaving the claim out keeps them.
 */
function idsOf(value: unknown): readonly number[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_IDS) return undefined;
  if (!value.every((id) => typeof id === "number" && Number.isSafeInteger(id) && id > 0)) {
    return undefined;
  }
  return [...new Set(value as number[])];
}
