/**
 * npm entry: the element classes, unregistered, plus `defineElements()` and `configure()`.
 * Importing this module touches no browser global, so it is safe in server-side rendering;
 * `import "@userecho-edge/widget/define"` registers the elements.
 */
export { UserEchoFeedback, type PagingMode } from "./feedback/userecho-feedback.component.ts";
export { UserEchoTopUsers } from "./top-users/userecho-top-users.component.ts";
export { UserEchoRoadmap } from "./roadmap/userecho-roadmap.component.ts";
export {
  UserEchoLauncher,
  type LauncherPosition,
  type LauncherOpenOptions,
} from "./launcher/userecho-launcher.component.ts";
export { UserEchoElement, type Theme } from "./internal/userecho-element.ts";
export {
  EdgeApi,
  ApiRequestError,
  type CallAt,
  type Method,
  type PathOf,
  type RequestOptions,
} from "./api/client.ts";
export { createTopic, createComment, vote, ssoLink, type WriteOptions } from "./api/writes.ts";
export { configure, type WidgetConfig, type TokenProvider } from "./internal/config.ts";
export { defineElements } from "./elements.ts";
export { LOCALES, matchLocale, type Locale, type Messages } from "./i18n/index.ts";
export type {
  UserAction,
  UserEchoEventMap,
  UserEchoEventName,
  SignInRequestDetail,
  VoteDetail,
  TopicCreatedDetail,
  CommentCreatedDetail,
  LoadDetail,
  ErrorDetail,
} from "./internal/events.ts";
// The worker's /v1 shapes. In the published declarations they are plain types
// (scripts/dts-api-types.ts), so a consumer needs nothing but lit.
export type {
  Comment,
  CommentPage,
  ForumMeta,
  PageInfo,
  Problem,
  Topic,
  TopicDetail,
  TopicPage,
  TopicSort,
  TopUserPage,
  VoteResult,
  VoteValue,
  Votes,
} from "@userecho-edge/shared";
