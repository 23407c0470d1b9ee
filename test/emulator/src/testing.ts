/**
 * What other suites may import from the emulator's sources (no Node APIs, runs in workerd).
 * The bundled worker (`dist/emulator.js`) exports only its fetch handler.
 */
export { createApp, type EmulatorOptions } from "./app.ts";
export type { Viewer } from "./auth.ts";
export { CONTROL_PREFIX, RequestStats, type StatsSnapshot, type WriteKind } from "./control.ts";
export type { ErrorEnvelope, PageDetails, SuccessEnvelope } from "./envelope.ts";
export type {
  ApiComment,
  ApiForum,
  ApiGroup,
  ApiSubscription,
  ApiTopic,
  ApiUser,
} from "./entities.ts";
export { DEFAULT_LIMIT, MAX_LIMIT } from "./paging.ts";
export {
  AGENT_USER_ID,
  FORUM_KINDS,
  GROUP_MEMBERS,
  NO_STATUS_ID,
  REFERENCE_NOW,
  SEED_NUMBER,
  allComments,
  buildSeed,
  getSeed,
  USER_GROUPS,
  ssoGuidFor,
  type Seed,
  type SeedComment,
  type SeedForum,
  type SeedGroup,
  type SeedTopic,
  type SeedUser,
  type SeedVote,
} from "./seed/index.ts";
export { ATTACHMENT_PATH, attachmentPath } from "./seed/attachments.ts";
export { HOSTILE_HTML, HOSTILE_USER_NAMES } from "./seed/corpus.ts";
export { SsoTokenError, openSsoToken, readSsoClaims, type SsoUserClaims } from "./sso/index.ts";
export { Store, getDefaultStore, type VoteValue } from "./store.ts";
