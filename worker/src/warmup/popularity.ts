/**
 * Which shared reads are asked for most, in a structure of bounded size whatever the traffic:
 * the "space-saving" heavy-hitters scheme. A new path that finds the table full takes the place
 * of the least-requested one and inherits its count, so a path asked for often is never pushed
 * out by a crowd of one-off paths (a scan of random ids), and memory stays at `capacity` rows.
 */
export interface PopularPath {
  /** The request path and query, as a visitor sent it: what the warm-up asks again. */
  path: string;
  hits: number;
}

export class Popularity {
  readonly #capacity: number;
  /** Path → its row. */
  readonly #rows = new Map<string, PopularPath>();

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get size(): number {
    return this.#rows.size;
  }

  record(path: string): void {
    const row = this.#rows.get(path);
    if (row) {
      row.hits += 1;
      return;
    }
    let inherited = 0;
    if (this.#rows.size >= this.#capacity) {
      let least: [string, PopularPath] | undefined;
      for (const entry of this.#rows) if (!least || entry[1].hits < least[1].hits) least = entry;
      if (least) {
        this.#rows.delete(least[0]);
        inherited = least[1].hits;
      }
    }
    this.#rows.set(path, { path, hits: inherited + 1 });
  }

  /** The `limit` most requested paths, most first. */
  top(limit: number): PopularPath[] {
    return [...this.#rows.values()]
      .sort((a, b) => b.hits - a.hits)
      .slice(0, limit)
      .map((row) => ({ ...row }));
  }

  /**
   * Halves every count (and forgets what falls to zero), so that what was popular an hour ago
   * gives way to what is popular now.
   */
  age(): void {
    for (const [path, row] of this.#rows) {
      row.hits = Math.floor(row.hits / 2);
      if (row.hits === 0) this.#rows.delete(path);
    }
  }
}

/** Adds up several tables' top lists (one per isolate), most requested first. */
export function mergePopular(lists: readonly (readonly PopularPath[])[]): PopularPath[] {
  const merged = new Map<string, number>();
  for (const list of lists) {
    for (const { path, hits } of list) merged.set(path, (merged.get(path) ?? 0) + hits);
  }
  return [...merged].map(([path, hits]) => ({ path, hits })).sort((a, b) => b.hits - a.hits);
}
