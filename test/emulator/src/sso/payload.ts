/**
 * Validating a decrypted SSO payload (docs/USERECHO.md §10). Required: `guid` (string or number),
 * `display_name`, and an expiry in the future — `expires` (Unix seconds, integer or float) in
 * the current format, `expires_date` (`YYYY-MM-DD HH:MM:SS`, UTC) in the legacy one.
 * Documented maximum lengths are enforced rather than silently cut (inferred: a sender that
 * exceeds them has a bug worth seeing).
 */
import { SsoTokenError } from "./cipher.ts";

/** What the emulator takes from a valid token. */
export interface SsoUserClaims {
  readonly guid: string;
  readonly displayName: string;
  /** Unix seconds. */
  readonly expires: number;
  readonly email?: string;
  readonly avatarUrl?: string;
  /** Replace an existing avatar too (docs/USERECHO.md §10 `force_update_avatar`). */
  readonly forceUpdateAvatar: boolean;
  readonly locale?: string;
  readonly allowedPrivateForums: readonly number[];
  /** The user's new groups (`groups`, or the older `group_id`); absent: keep their groups. */
  readonly groups?: readonly number[];
}

/**
 * @param nowSeconds The current Unix time; `expires` must be after it.
 * @throws SsoTokenError naming the field at fault.
 */
export function readSsoClaims(
  payload: Readonly<Record<string, unknown>>,
  nowSeconds: number,
): SsoUserClaims {
  const guid = guidOf(payload["guid"]);
  const displayName = stringField(payload, "display_name", 30, true);
  const expires = expiryOf(payload);
  if (expires <= nowSeconds) throw new SsoTokenError("sso_token has expired");
  const email = stringField(payload, "email", 255, false);
  const avatarUrl = stringField(payload, "avatar_url", 255, false);
  // UserEcho's SSO article gives the locale as Varchar(5) (docs/USERECHO.md §10).
  const locale = stringField(payload, "locale", 5, false);
  const groups = groupsOf(payload);
  return {
    guid,
    displayName: displayName ?? "",
    expires,
    ...(email === undefined || email === "" ? {} : { email }),
    ...(avatarUrl === undefined || avatarUrl === "" ? {} : { avatarUrl }),
    ...(locale === undefined || locale === "" ? {} : { locale }),
    forceUpdateAvatar: payload["force_update_avatar"] === true,
    allowedPrivateForums: idList(payload["allowed_private_forums"]),
    ...(groups === undefined ? {} : { groups }),
  };
}

/**
 * `groups` replaces the user's groups (the current SSO article); the older article's `group_id`
 * sets one group, 0 none. Ids that are not positive integers are skipped rather than refused
 * (inferred: what UserEcho does with them is unknown, and a group is no access right).
 */
function groupsOf(payload: Readonly<Record<string, unknown>>): readonly number[] | undefined {
  const { groups } = payload;
  if (Array.isArray(groups)) return groups.filter((id) => Number.isSafeInteger(id) && id > 0);
  const groupId = payload["group_id"];
  if (typeof groupId === "number" && Number.isSafeInteger(groupId) && groupId >= 0) {
    return groupId === 0 ? [] : [groupId];
  }
  return undefined;
}

function guidOf(value: unknown): string {
  const guid = typeof value === "number" && Number.isFinite(value) ? String(value) : value;
  if (typeof guid !== "string" || guid === "")
    throw new SsoTokenError("sso_token: guid is required");
  if ([...guid].length > 255) throw new SsoTokenError("sso_token: guid is longer than 255");
  return guid;
}

function stringField(
  payload: Readonly<Record<string, unknown>>,
  name: string,
  maxLength: number,
  required: boolean,
): string | undefined {
  const value = payload[name];
  if (value === undefined || value === null) {
    if (required) throw new SsoTokenError(`sso_token: ${name} is required`);
    return undefined;
  }
  if (typeof value !== "string") throw new SsoTokenError(`sso_token: ${name} must be a string`);
  if (required && value.trim() === "") throw new SsoTokenError(`sso_token: ${name} is required`);
  if ([...value].length > maxLength) {
    throw new SsoTokenError(`sso_token: ${name} is longer than ${maxLength}`);
  }
  return value;
}

function expiryOf(payload: Readonly<Record<string, unknown>>): number {
  const { expires } = payload;
  if (expires !== undefined) {
    if (typeof expires !== "number" || !Number.isFinite(expires)) {
      throw new SsoTokenError("sso_token: expires must be a number");
    }
    return expires;
  }
  const date = payload["expires_date"];
  if (typeof date === "string") {
    const match = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)$/.exec(date);
    const epochMs = match === null ? NaN : Date.parse(`${match[1]}T${match[2]}Z`);
    if (Number.isNaN(epochMs)) throw new SsoTokenError("sso_token: expires_date is malformed");
    return epochMs / 1000;
  }
  throw new SsoTokenError("sso_token: expires is required");
}

function idList(value: unknown): readonly number[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((id) => Number.isSafeInteger(id) && id > 0)) {
    throw new SsoTokenError("sso_token: allowed_private_forums must be a list of forum ids");
  }
  return value as number[];
}
