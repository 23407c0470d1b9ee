/**
 * Where each `/v1` route lives, declared once: the route declarations (routes.ts) take their
 * paths from here, and so does the widget's client, which must not carry the schemas. OpenAPI
 * templates: `{name}` is a path parameter. A path names a resource; its routes differ by
 * method (`FORUM_TOPICS`: listing and creating topics).
 */
export const FORUMS = "/v1/forums";
export const FORUM_META = "/v1/forums/{forumId}/meta";
export const FORUM_TOPICS = "/v1/forums/{forumId}/topics";
export const FORUM_MY_VOTES = "/v1/forums/{forumId}/my-votes";
export const TOPIC = "/v1/topics/{topicId}";
export const TOPIC_COMMENTS = "/v1/topics/{topicId}/comments";
export const TOPIC_VOTES = "/v1/topics/{topicId}/votes";
export const TOP_USERS = "/v1/users/top";
export const SSO_LINK = "/v1/sso/link";
export const ADMIN_PURGE = "/v1/admin/purge";
export const HOOK_USERECHO = "/v1/hooks/userecho/{token}";
export const HEALTH = "/v1/health";
export const OPENAPI_DOCUMENT = "/v1/openapi.json";
