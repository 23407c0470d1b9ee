/**
 * A small closed-loop load generator: N connections, each sending its next request as soon as
 * the previous answer is read. Enough to compare routes of one worker on one machine; the
 * numbers are relative, not a capacity claim.
 */
export interface LoadOptions {
  /** URL of each request; a function to vary it. */
  url: string | ((index: number) => string);
  connections: number;
  /** Stop after this long… */
  durationMs?: number;
  /** …or after this many requests, whichever comes first. */
  requests?: number;
  init?: (index: number) => RequestInit;
}

export interface LoadResult {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  cache: Record<string, number>;
  throughput: number;
  p50: number;
  p99: number;
  durationMs: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const cache: Record<string, number> = {};
  let errors = 0;
  let issued = 0;
  const started = performance.now();
  const deadline = started + (options.durationMs ?? Number.POSITIVE_INFINITY);
  const limit = options.requests ?? Number.POSITIVE_INFINITY;
  const urlFor = typeof options.url === "string" ? () => options.url as string : options.url;

  const connection = async () => {
    while (performance.now() < deadline && issued < limit) {
      const index = issued++;
      const t0 = performance.now();
      try {
        const response = await fetch(urlFor(index), options.init?.(index));
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        const kind = cacheKind(response.headers.get("Cache-Status"));
        cache[kind] = (cache[kind] ?? 0) + 1;
        if (response.status >= 400) errors += 1;
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, connection));
  const durationMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    statuses,
    cache,
    throughput: latencies.length / (durationMs / 1000),
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    durationMs,
  };
}

function cacheKind(status: string | null): string {
  if (!status) return "none";
  if (/fwd=stale/.test(status)) return "stale";
  if (/; hit/.test(status)) return "hit";
  if (/fwd=miss/.test(status)) return "miss";
  return "bypass";
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** A different visitor per request: real traffic comes from many IPs, and reads are limited per IP. */
export function visitor(index: number): RequestInit {
  return {
    headers: {
      "CF-Connecting-IP": `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
    },
  };
}
