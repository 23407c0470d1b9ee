import { z } from "zod";
import { PROBLEM_CONTENT_TYPE } from "./problems.ts";
import { PageQuery, TopicListQuery } from "./queries.ts";
import { contract } from "./schemas.ts";

/**
 * The OpenAPI 3.1 document of `/v1`, generated from the same zod schemas the worker validates
 * with. Component schemas come from the `contract` registry; query parameters from the query
 * schemas, one parameter per field.
 */
export interface OpenApiOptions {
  version: string;
  /** Absolute URL of the worker, for `servers`. */
  serverUrl?: string;
}

type JsonSchema = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function queryParameters(schema: z.ZodObject): JsonSchema[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const json = z.toJSONSchema(field as z.ZodType, { target: "draft-2020-12", io: "input" });
    const { description, ...rest } = json as JsonSchema & { description?: string };
    delete rest["$schema"];
    return {
      name,
      in: "query",
      required: false,
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

const pathId = (name: string, description: string) => ({
  name,
  in: "path",
  required: true,
  description,
  schema: { type: "integer", minimum: 1 },
});

const problem = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ref("Problem") } },
});

const cachedHeaders = {
  ETag: {
    description: "Strong validator; send it back in If-None-Match",
    schema: { type: "string" },
  },
  "Cache-Status": {
    description: "RFC 9211: hit, fwd=miss or fwd=stale",
    schema: { type: "string" },
  },
};

const listHeaders = {
  ...cachedHeaders,
  Link: { description: "RFC 8288 first, prev, next, last", schema: { type: "string" } },
};

/** Read operations accept a partner key or a site token, and work anonymously too. */
const readSecurity = [{}, { partnerKey: [] }, { siteJwt: [] }];

function withPath(operation: ReturnType<typeof write>, name: "forumId" | "topicId") {
  return {
    ...operation,
    parameters: [
      pathId(name, name === "forumId" ? "Forum id" : "Topic id"),
      ...operation.parameters,
    ],
  };
}

function ok(schema: string, description: string, headers: Record<string, unknown> = cachedHeaders) {
  return {
    "200": { description, headers, content: { "application/json": { schema: ref(schema) } } },
    "401": problem("A partner key or site token was sent and is invalid"),
    "304": { description: "Not modified (If-None-Match matched)" },
    "400": problem("Invalid parameter; `parameter` names it"),
    "404": problem("Unknown forum or topic"),
    "429": problem("Rate limited; see Retry-After"),
    "431": problem("Request headers over 16 KiB"),
    "502": problem("UserEcho answered with an error or an unusable body"),
    "503": problem("UserEcho unreachable or overloaded"),
    "504": problem("UserEcho did not answer in time"),
  };
}

function write(request: string, response: string, status: "200" | "201", description: string) {
  return {
    security: [{ siteJwt: [] }],
    parameters: [
      {
        name: "Idempotency-Key",
        in: "header",
        required: false,
        description: "A retry with the same key returns the first result without a second write",
        schema: { type: "string", maxLength: 200 },
      },
    ],
    requestBody: { required: true, content: { "application/json": { schema: ref(request) } } },
    responses: {
      [status]: { description, content: { "application/json": { schema: ref(response) } } },
      "400": problem("Invalid body; `parameter` names the field"),
      "401": problem("Missing or invalid bearer token"),
      "403": problem("Origin not allowed"),
      "404": problem("Unknown forum or topic"),
      "409": problem("Idempotency-Key still in progress, or voting hands off to the community"),
      "413": problem("Body too large"),
      "422": problem("Idempotency-Key reused with another body, or UserEcho refused the write"),
      "415": problem("Content-Type is not application/json"),
      "429": problem("Rate limited; see Retry-After"),
      "431": problem("Request headers over 16 KiB"),
      "502": problem("UserEcho refused or failed"),
    },
  };
}

export function openApiDocument(options: OpenApiOptions): JsonSchema {
  const { schemas } = z.toJSONSchema(contract, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
  });
  for (const schema of Object.values(schemas)) delete (schema as JsonSchema)["$schema"];

  return {
    openapi: "3.1.0",
    info: {
      title: "userecho-edge public API",
      version: options.version,
      description:
        "A UserEcho feedback board, read (and written, as the site's signed-in user) without exposing the UserEcho token. Errors are RFC 9457 problem documents.",
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    security: readSecurity,
    paths: {
      "/v1/forums": {
        get: { summary: "Public forums", responses: ok("ForumList", "The visible forums") },
      },
      "/v1/forums/{forumId}/meta": {
        get: {
          summary: "Types with their statuses, categories and tags of a forum",
          parameters: [pathId("forumId", "Forum id")],
          responses: ok("ForumMeta", "The forum's metadata"),
        },
      },
      "/v1/forums/{forumId}/topics": {
        get: {
          summary: "A page of a forum's topics; `q` searches",
          parameters: [pathId("forumId", "Forum id"), ...queryParameters(TopicListQuery)],
          responses: ok("TopicPage", "A page of topics", listHeaders),
        },
        post: {
          summary: "Create a topic as the signed-in user",
          ...withPath(
            write("CreateTopicRequest", "TopicDetail", "201", "The new topic"),
            "forumId",
          ),
        },
      },
      "/v1/forums/{forumId}/my-votes": {
        get: {
          summary:
            "The signed-in visitor's own votes on the page of topics the same query gives (a personal overlay on the shared list)",
          security: [{ siteJwt: [] }],
          parameters: [pathId("forumId", "Forum id"), ...queryParameters(TopicListQuery)],
          responses: {
            "200": {
              description: "The visitor's vote on each topic of the page",
              content: { "application/json": { schema: ref("MyVotes") } },
            },
            "400": problem("Invalid parameter; `parameter` names it"),
            "401": problem("Missing or invalid bearer token"),
            "404": problem("Unknown forum"),
            "429": problem("Rate limited; see Retry-After"),
            "502": problem("UserEcho answered with an error or an unusable body"),
          },
        },
      },
      "/v1/topics/{topicId}": {
        get: {
          summary: "One topic with its sanitised description",
          parameters: [pathId("topicId", "Topic id")],
          responses: ok("TopicDetail", "The topic"),
        },
      },
      "/v1/topics/{topicId}/comments": {
        get: {
          summary: "A page of a topic's comments, oldest first",
          parameters: [pathId("topicId", "Topic id"), ...queryParameters(PageQuery)],
          responses: ok("CommentPage", "A page of comments", listHeaders),
        },
        post: {
          summary: "Comment as the signed-in user",
          ...withPath(
            write("CreateCommentRequest", "Comment", "201", "The new comment"),
            "topicId",
          ),
        },
      },
      "/v1/users/top": {
        get: {
          summary: "Leaderboard by rating",
          parameters: queryParameters(PageQuery),
          responses: ok("TopUserPage", "A page of the leaderboard", listHeaders),
        },
      },
      "/v1/topics/{topicId}/votes": {
        post: {
          summary: "Vote as the signed-in user (only when forum meta says voting: inline)",
          ...withPath(write("VoteRequest", "VoteResult", "200", "The new vote totals"), "topicId"),
        },
      },
      "/v1/sso/link": {
        post: {
          summary:
            "A community URL that lands the signed-in user signed in (returnTo on the community host only)",
          ...write("SsoLinkRequest", "SsoLink", "200", "The signed-in link"),
        },
      },
      "/v1/health": {
        get: {
          summary: "Liveness; does not call UserEcho",
          responses: {
            "200": {
              description: "Up",
              content: { "application/json": { schema: ref("Health") } },
            },
          },
        },
      },
      "/v1/openapi.json": {
        get: {
          summary: "This document",
          responses: {
            "200": { description: "OpenAPI 3.1" },
            "401": problem("A partner key or site token was sent and is invalid"),
            "429": problem("Rate limited; see Retry-After"),
            "431": problem("Request headers over 16 KiB"),
          },
        },
      },
    },
    components: {
      schemas,
      securitySchemes: {
        siteJwt: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description: "Short-lived JWT signed by the customer's site for its signed-in user",
        },
        partnerKey: {
          type: "apiKey",
          in: "header",
          name: "X-Api-Key",
          description: "A partner's key; read-only, not personalised, rate-limited per key",
        },
      },
    },
  };
}
