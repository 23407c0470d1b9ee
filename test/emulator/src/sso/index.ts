/**
 * UserEcho SSO on the receiving side: decrypt an `sso_token` and read the user from it
 * (sso.md §3.4, §4.2, §2).
 */
export {
  SsoTokenError,
  decodeSsoToken,
  decryptCurrentFormat,
  decryptLegacyFormat,
  openSsoToken,
  phpAes256Key,
  stripPkcs7Leniently,
  type OpenedSsoToken,
  type SsoFormat,
} from "./cipher.ts";
export { readSsoClaims, type SsoUserClaims } from "./payload.ts";
