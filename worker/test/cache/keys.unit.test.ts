import { describe, it } from "vitest";
import { cacheKey } from "../../src/cache/keys.ts";

describe("cache keys", () => {
  it("name the route, the parameters by name and the generations", ({ expect }) => {
    expect(cacheKey("topics", { sort: "new", page: 2, forumId: 1 }, [7, 9])).toBe(
      "https://edge-cache.internal/v1/topics?forumId=1&page=2&sort=new&gen=7.9",
    );
  });

  it("are one entry whatever the order of the parameters, and leave out unset ones", ({
    expect,
  }) => {
    const a = cacheKey("topics", { page: 1, limit: 20, q: undefined }, [3]);
    const b = cacheKey("topics", { limit: 20, page: 1 }, [3]);
    expect(a).toBe(b);
    expect(a).toBe("https://edge-cache.internal/v1/topics?limit=20&page=1&gen=3");
    expect(cacheKey("forums", {}, [])).toBe("https://edge-cache.internal/v1/forums?gen=");
  });

  it("encode values, so no value can forge another parameter", ({ expect }) => {
    expect(cacheKey("topics", { q: "a&gen=1 b" }, [2])).toBe(
      "https://edge-cache.internal/v1/topics?q=a%26gen%3D1%20b&gen=2",
    );
  });

  it("differ with every generation, route and value", ({ expect }) => {
    const base = cacheKey("topics", { page: 1 }, [1, 2]);
    expect(cacheKey("topics", { page: 1 }, [1, 3])).not.toBe(base);
    expect(cacheKey("topic", { page: 1 }, [1, 2])).not.toBe(base);
    expect(cacheKey("topics", { page: 2 }, [1, 2])).not.toBe(base);
  });
});
