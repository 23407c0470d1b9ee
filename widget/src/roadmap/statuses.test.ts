import { describe, expect, it } from "vitest";
import type { ForumMeta } from "@userecho-edge/shared";
import { roadmapStatuses } from "./statuses.ts";

const status = (id: number, name: string) => ({ id, name, color: "#000000" });
const meta = {
  types: [
    { id: 1, name: "Idea", statuses: [status(1, ""), status(3, "Planned"), status(4, "Started")] },
    { id: 2, name: "Problem", statuses: [status(1, ""), status(5, "Fixed"), status(4, "Started")] },
  ],
} as unknown as ForumMeta;

describe("roadmapStatuses", () => {
  it("takes every named status once, in the forum's order", () => {
    expect(roadmapStatuses(meta).map((s) => s.id)).toEqual([3, 4, 5]);
  });

  it("takes the listed ones, still in the forum's order, the initial one too if listed", () => {
    expect(roadmapStatuses(meta, " 5, 3 ").map((s) => s.id)).toEqual([3, 5]);
    expect(roadmapStatuses(meta, "1,4").map((s) => s.id)).toEqual([1, 4]);
    expect(roadmapStatuses(meta, "99")).toEqual([]);
    expect(roadmapStatuses(meta, "  ").map((s) => s.id)).toEqual([3, 4, 5]);
  });
});
