import type { ForumMeta, Status } from "@userecho-edge/shared";

/**
 * The statuses a roadmap shows, one column each, in the forum's order (each type's statuses in
 * turn, each status once): the ones `wanted` lists (`"12, 14"`, ids), else every status but the
 * initial "no status yet" one, which has an empty name.
 */
export function roadmapStatuses(meta: ForumMeta, wanted?: string): Status[] {
  const all = new Map<number, Status>();
  for (const type of meta.types) {
    for (const status of type.statuses) if (!all.has(status.id)) all.set(status.id, status);
  }
  const ids = wanted?.trim()
    ? new Set(wanted.split(",").map((id) => Number(id.trim())))
    : undefined;
  return [...all.values()].filter((status) => (ids ? ids.has(status.id) : status.name !== ""));
}
