/**
 * The user document inside an `sso_token` (docs/USERECHO.md §10) and its serialisation.
 */
import { SSO_LOCALE_MAX_LENGTH } from "./locales.ts";
import { phpJsonEncode } from "./php.ts";

/**
 * What UserEcho reads from a decrypted `sso_token` (docs/USERECHO.md §10, current format). Keys are
 * UserEcho's own; lengths are the documented maxima.
 */
export interface SsoPayload {
  /** The user's id on the customer's site, ≤ 255 characters; UserEcho keys the account on it. */
  readonly guid: string;
  /** ≤ 30 characters. */
  readonly display_name: string;
  /** Unix seconds; UserEcho refuses the token from then on. */
  readonly expires: number;
  /** ≤ 255 characters. */
  readonly email?: string;
  readonly verified_email?: boolean;
  /** One of UserEcho's interface languages (see `SSO_LOCALES`). */
  readonly locale?: string;
  /** ≤ 255 characters. */
  readonly avatar_url?: string;
  /** Private forums the user may access. */
  readonly allowed_private_forums?: readonly number[];
  /** UserEcho replaces all of the user's groups with these; omit to leave groups alone. */
  readonly groups?: readonly number[];
}

// The order of PHP's test.php (guid, display_name, email, locale, avatar_url) with `expires`
// last, as the PHP cipher appends it; the worked example (docs/USERECHO.md §10) depends on it.
const KEY_ORDER = [
  "guid",
  "display_name",
  "email",
  "verified_email",
  "locale",
  "avatar_url",
  "allowed_private_forums",
  "groups",
  "expires",
] as const satisfies readonly (keyof SsoPayload)[];

/**
 * The payload as PHP `json_encode` would write it, keys in a fixed order, absent keys left out.
 *
 * @throws RangeError when a field breaks docs/USERECHO.md §10's limits (a caller bug: identities are
 *   normalised before they get here).
 */
export function serialiseSsoPayload(payload: SsoPayload): string {
  checkString(payload.guid, "guid", 255);
  checkString(payload.display_name, "display_name", 30);
  if (!Number.isSafeInteger(payload.expires) || payload.expires <= 0) {
    throw new RangeError("SSO payload: expires must be a positive integer (Unix seconds)");
  }
  if (payload.email !== undefined) checkString(payload.email, "email", 255);
  if (payload.avatar_url !== undefined) checkString(payload.avatar_url, "avatar_url", 255);
  // UserEcho's SSO article gives `locale` as Varchar(5) (docs/USERECHO.md, "SSO").
  if (payload.locale !== undefined) checkString(payload.locale, "locale", SSO_LOCALE_MAX_LENGTH);
  checkIds(payload.allowed_private_forums, "allowed_private_forums");
  checkIds(payload.groups, "groups");

  const ordered: Record<string, unknown> = {};
  for (const key of KEY_ORDER) {
    if (payload[key] !== undefined) ordered[key] = payload[key];
  }
  return phpJsonEncode(ordered);
}

function checkString(value: unknown, field: string, maxLength: number): void {
  // Limits count characters, as UserEcho's (Python) model fields do.
  if (typeof value !== "string" || value.length === 0 || [...value].length > maxLength) {
    throw new RangeError(`SSO payload: ${field} must be a string of 1–${maxLength} characters`);
  }
}

function checkIds(ids: readonly number[] | undefined, field: string): void {
  if (ids !== undefined && !ids.every((id) => Number.isSafeInteger(id) && id > 0)) {
    throw new RangeError(`SSO payload: ${field} must be positive integer ids`);
  }
}
