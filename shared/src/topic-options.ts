/**
 * The sorts and filters of a forum's topic list, declared once: the query schema (queries.ts),
 * forum meta and `applied` (schemas.ts), the worker's `TOPIC_SORTS` and `TOPIC_FILTERS`
 * settings, the OpenAPI document and the widget's sort select all read these lists. Kept free
 * of the schema library so the widget can import them.
 */

/** In the order a board offers them; `top` (most votes) first, the default. */
export const TOPIC_SORTS = ["top", "new", "updated", "discussed"] as const;

/** By query parameter name. */
export const TOPIC_FILTERS = ["type", "status", "category", "tag"] as const;
