/**
 * UserEcho SSO on the receiving side: decrypt an `sso_token` and read the user from it
 * (docs/USERECHO.md §10).
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
