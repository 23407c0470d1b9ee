/**
 * npm entry: the element classes, unregistered, plus `defineElements()` and `configure()`.
 * Importing this module touches no browser global, so it is safe in server-side rendering.
 */
export { UserEchoFeedback } from "./feedback/userecho-feedback.ts";
export { EdgeApi, ApiRequestError } from "./api/client.ts";
export { configure, type WidgetConfig } from "./internal/config.ts";
export { defineElements } from "./elements.ts";
