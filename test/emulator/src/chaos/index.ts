/**
 * The chaos profile's grammar and helpers, for the worker's property-based suite: dialects and
 * their variants, which records a dialect makes unusable, the leak sentinels, the records the
 * profile holds, and the shape of its log.
 */
export * from "./grammar.ts";
export { splitChaosPrefix, seedOfKey, type ChaosLogEntry } from "./serve.ts";
export { commentsInOrder, searchResults, topicsInOrder, usersByRating } from "./truth.ts";
export { FAILED_ATTEMPTS, type FailureClass } from "./failures.ts";
