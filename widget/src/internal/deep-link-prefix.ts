/**
 * The fragment's prefix before a topic's id in a deep link (`#userecho-topic-123`), unless
 * `history-prefix` says another. Apart from `deep-link.ts`, so the launcher can look for it in
 * the address without carrying the rest.
 */
export const DEFAULT_PREFIX = "userecho-topic-";
