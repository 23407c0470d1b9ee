import { Validator } from "@cfworker/json-schema";
import { describe, it } from "vitest";
import { siteToken, worker } from "../support/index.ts";

interface Operation {
  requestBody?: { content: Record<string, { schema: { $ref: string } }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref: string } }> }>;
}

async function loadDocument() {
  const response = await worker("/v1/openapi.json");
  return (await response.json()) as {
    openapi: string;
    paths: Record<string, { get?: Operation; post?: Operation }>;
    components: { schemas: Record<string, unknown> };
  };
}

/** Validates a body against a `#/components/schemas/...` reference of the served document. */
function validatorFor(document: Awaited<ReturnType<typeof loadDocument>>, ref: string) {
  const base = "https://userecho-edge.test/openapi.json";
  const validator = new Validator({ $ref: `${base}${ref}` }, "2020-12", false);
  validator.addSchema(document as never, base);
  return validator;
}

describe("GET /v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document describing every read route", async ({ expect }) => {
    const document = await loadDocument();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/v1/forums",
        "/v1/forums/{forumId}/meta",
        "/v1/forums/{forumId}/topics",
        "/v1/topics/{topicId}",
        "/v1/topics/{topicId}/comments",
        "/v1/users/top",
        "/v1/health",
        "/v1/sso/link",
        "/v1/topics/{topicId}/votes",
      ]),
    );
    expect(Object.keys(document.paths["/v1/forums/{forumId}/topics"]!)).toEqual(["get", "post"]);
    expect(Object.keys(document.paths["/v1/topics/{topicId}/comments"]!)).toEqual(["get", "post"]);
  });

  it("describes the real responses of every route (checked against the document)", async ({
    expect,
  }) => {
    const document = await loadDocument();
    const samples: [string, string, string][] = [
      ["/v1/forums", "/v1/forums", "200"],
      ["/v1/forums/{forumId}/meta", "/v1/forums/1/meta", "200"],
      ["/v1/forums/{forumId}/topics", "/v1/forums/1/topics?limit=50&sort=new", "200"],
      ["/v1/forums/{forumId}/topics", "/v1/forums/2/topics?q=crash", "200"],
      ["/v1/topics/{topicId}", "/v1/topics/1004", "200"],
      ["/v1/topics/{topicId}/comments", "/v1/topics/1059/comments?limit=100", "200"],
      ["/v1/users/top", "/v1/users/top?limit=100", "200"],
      ["/v1/health", "/v1/health", "200"],
      ["/v1/forums/{forumId}/topics", "/v1/forums/1/topics?limit=9000", "400"],
      ["/v1/topics/{topicId}", "/v1/topics/99999999", "404"],
    ];
    for (const [template, path, status] of samples) {
      const response = await worker(path);
      expect(String(response.status), path).toBe(status);
      const content = document.paths[template]!.get!.responses[status]!.content!;
      const [mediaType, { schema }] = Object.entries(content)[0]!;
      expect(response.headers.get("Content-Type"), path).toContain(mediaType);
      const result = validatorFor(document, schema.$ref).validate(await response.json());
      expect(result.errors, path).toEqual([]);
      expect(result.valid, path).toBe(true);
    }
  });

  it("describes the real answers of the write routes", async ({ expect }) => {
    const document = await loadDocument();
    const token = await siteToken({ sub: `openapi-${crypto.randomUUID()}`, name: "Doc Checker" });
    const samples: [string, string, unknown, string][] = [
      [
        "/v1/forums/{forumId}/topics",
        "/v1/forums/2/topics",
        { title: "Doc check", type: 5 },
        "201",
      ],
      ["/v1/topics/{topicId}/comments", "/v1/topics/1004/comments", { text: "Doc check" }, "201"],
      ["/v1/sso/link", "/v1/sso/link", {}, "200"],
      ["/v1/forums/{forumId}/topics", "/v1/forums/2/topics", { title: "x" }, "400"],
    ];
    for (const [template, path, body, status] of samples) {
      const operation = document.paths[template]!.post!;
      const requestSchema = operation.requestBody!.content["application/json"]!.schema.$ref;
      if (status !== "400") {
        expect(validatorFor(document, requestSchema).validate(body).valid, path).toBe(true);
      }
      const response = await worker(path, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${token}`,
          "Content-Type": "application/json",
          Origin: "https://site.example",
        },
        body: JSON.stringify(body),
      });
      expect(String(response.status), path).toBe(status);
      const content = operation.responses[status]!.content!;
      const [, { schema }] = Object.entries(content)[0]!;
      const result = validatorFor(document, schema.$ref).validate(await response.json());
      expect(result.errors, path).toEqual([]);
    }
  });

  it("rejects a body that breaks the contract (the check can fail)", async ({ expect }) => {
    const document = await loadDocument();
    const result = validatorFor(document, "#/components/schemas/TopicPage").validate({
      items: [{ id: "x" }],
      page: { number: 0 },
    });
    expect(result.valid).toBe(false);
  });
});

describe("GET /v1/health", () => {
  it("answers without calling UserEcho", async ({ expect }) => {
    const response = await worker("/v1/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
    expect(response.headers.get("Cache-Control")).toBe("no-store");
  });
});
