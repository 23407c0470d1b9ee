import { describe, it } from "vitest";
import { Problem, type Route, routes, TopicPage } from "@userecho-edge/shared";
import { worker } from "../support/index.ts";

/** A concrete path for a declared template, with ids of a public forum and one of its topics. */
async function concreteFor(): Promise<(path: string) => string> {
  const page = TopicPage.parse(await (await worker("/v1/forums/1/topics?limit=1")).json());
  const topicId = String(page.items[0]?.id);
  return (path) => path.replace("{forumId}", "1").replace("{topicId}", topicId);
}

const declared: Route[] = Object.values(routes);

describe("the declared routes (shared/src/routes.ts)", () => {
  it("are all mounted: no declared method and path answers 404 or 405", async ({ expect }) => {
    const concrete = await concreteFor();
    for (const route of declared) {
      const response = await worker(concrete(route.path), { method: route.method.toUpperCase() });
      expect([404, 405], `${route.method} ${route.path}`).not.toContain(response.status);
    }
  });

  it("answers 405 with Allow for a declared path asked with another method", async ({ expect }) => {
    const response = await worker("/v1/forums", { method: "DELETE" });
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("GET, HEAD");
    expect(response.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    Problem.parse(await response.json());

    const write = await worker("/v1/forums/1/topics", { method: "PUT" });
    expect(write.status).toBe(405);
    expect(write.headers.get("Allow")).toBe("GET, HEAD, POST");
  });

  it("knows a path only as declared: a trailing slash is not the same resource", async ({
    expect,
  }) => {
    const response = await worker("/v1/forums/");
    expect(response.status).toBe(404);
    Problem.parse(await response.json());
  });
});
