/**
 * What a warm-up request carries, out of reach of any client: see `warmupOf` (index.ts). Apart
 * from the warm-up itself so that the request context (env.ts) can name it without importing
 * the module that imports the context.
 */
export interface WarmupRun {
  /** Upstream calls this run may still make; the upstream client refuses beyond it. */
  budget: { remaining: number };
  /** Refresh entries with at most this many seconds of fresh life left. */
  refreshWithinSeconds: number;
}
