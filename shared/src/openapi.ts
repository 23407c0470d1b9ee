import * as z from "zod/mini";
import { guardProblems } from "./guards.ts";
import { PROBLEM_CONTENT_TYPE } from "./problems.ts";
import { TAGS, routes, type Route } from "./routes.ts";
import { contract } from "./schemas.ts";

/**
 * The OpenAPI 3.1 document of `/v1`, generated from the route declarations (routes.ts) and the
 * contract's schemas. Written to `shared/openapi.json` by `pnpm openapi` (checked to be current
 * by `pnpm check`, and linted there); the worker serves that file, so no schema conversion runs
 * in the worker.
 */
export interface OpenApiOptions {
  version: string;
}

type JsonObject = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** One JSON Schema per field of an object schema (as the caller sends it: `io: "input"`). */
function fieldSchemas(schema: z.ZodMiniObject): [string, JsonObject, boolean][] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const json = z.toJSONSchema(field as z.ZodMiniType, {
      target: "draft-2020-12",
      io: "input",
    }) as JsonObject;
    delete json["$schema"];
    const optional = (field as z.ZodMiniType)._zod.optin === "optional";
    return [name, json, optional];
  });
}

function parameters(route: Route): JsonObject[] {
  const of = (where: "path" | "query", schema: z.ZodMiniObject | undefined) =>
    schema
      ? fieldSchemas(schema).map(([name, json, optional]) => {
          const { description, ...rest } = json as JsonObject & { description?: string };
          return {
            name,
            in: where,
            required: where === "path" || !optional,
            ...(description ? { description } : {}),
            schema: rest,
          };
        })
      : [];
  const signature =
    route.auth === "webhook"
      ? [
          {
            name: "X-UE-Signature",
            in: "header",
            required: false,
            description:
              "HMAC-SHA1, hex, with the project's webhook key: required when the worker has USERECHO_WEBHOOK_KEY",
            schema: { type: "string", pattern: "^[0-9a-fA-F]{40}$" },
          },
        ]
      : [];
  const idempotency = route.idempotent
    ? [
        {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description: "A retry with the same key returns the first result without a second write",
          schema: { type: "string", maxLength: 200 },
        },
      ]
    : [];
  return [...of("path", route.params), ...of("query", route.query), ...signature, ...idempotency];
}

const problem = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ref("Problem") } },
});

/**
 * The failures a route can answer, by status: those of its guards (guards.ts, the table the
 * worker mounts them from), those of its input, idempotency and upstream, then its own.
 */
function problems(route: Route): Record<string, string> {
  const write = route.method === "post";
  const hook = route.auth === "webhook";
  const input = route.params !== undefined || route.query !== undefined || write;
  return {
    ...guardProblems(route),
    ...(input
      ? { "400": `Invalid ${write ? "body or parameter" : "parameter"}; \`parameter\` names it` }
      : {}),
    ...(route.params && !hook ? { "404": "No such resource (unknown or not public)" } : {}),
    ...(route.idempotent
      ? {
          "409":
            "A request with this Idempotency-Key is still in progress (`idempotency-conflict`), or reached UserEcho with an unknown outcome and is not sent again (`write-outcome-unknown`)",
          "422": "Idempotency-Key reused with another body, or UserEcho refused the write",
        }
      : {}),
    // Every route that may call UserEcho while answering (the admin's and the webhook do not).
    ...(route.auth !== "admin" &&
    !hook &&
    (route.success.status !== 200 || route.cached || route.auth !== "read" || input)
      ? {
          "502": "UserEcho answered with an error or an unusable body",
          "503": "UserEcho unreachable or overloaded",
          "504": "UserEcho did not answer in time",
        }
      : {}),
    ...Object.fromEntries(Object.entries(route.problems ?? {})),
  };
}

const CACHE_HEADERS = {
  ETag: {
    description: "Strong validator; send it back in If-None-Match",
    schema: { type: "string" },
  },
  "Cache-Status": {
    description: "RFC 9211: hit, fwd=miss, fwd=stale or fwd=bypass",
    schema: { type: "string" },
  },
};
const LINK_HEADER = {
  Link: {
    description: "RFC 8288 first, prev, next (and last when the total is known)",
    schema: { type: "string" },
  },
};

const SECURITY: Record<Route["auth"], JsonObject[]> = {
  read: [{}, { partnerKey: [] }, { siteJwt: [] }],
  user: [{ siteJwt: [] }],
  admin: [{ adminKey: [] }],
  // The secret is a path segment, which no OpenAPI security scheme can describe: the
  // operation's description and its 401 say what is checked.
  webhook: [{}],
};

function operation(route: Route): JsonObject {
  const { success } = route;
  const headers = route.cached
    ? { ...CACHE_HEADERS, ...(route.cached === "list" ? LINK_HEADER : {}) }
    : undefined;
  const schemaId = "schema" in success ? contract.get(success.schema)?.id : undefined;
  const responses: JsonObject = {
    [String(success.status)]: {
      description: success.description,
      ...(headers ? { headers } : {}),
      content: {
        "application/json": { schema: schemaId ? ref(schemaId) : { type: "object" } },
      },
    },
    ...(route.cached ? { "304": { description: "Not modified (If-None-Match matched)" } } : {}),
    ...Object.fromEntries(
      Object.entries(problems(route)).map(([status, text]) => [status, problem(text)]),
    ),
  };
  const bodyId = route.body ? contract.get(route.body)?.id : undefined;
  const parameterList = parameters(route);
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: route.description,
    tags: [...route.tags],
    security: SECURITY[route.auth],
    ...(parameterList.length ? { parameters: parameterList } : {}),
    ...(bodyId
      ? {
          requestBody: { required: true, content: { "application/json": { schema: ref(bodyId) } } },
        }
      : {}),
    responses,
  };
}

export function openApiDocument(options: OpenApiOptions): JsonObject {
  const { schemas } = z.toJSONSchema(contract, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
  });
  for (const schema of Object.values(schemas) as JsonObject[]) {
    delete schema["$schema"];
    // A schema's `$id` may not be a fragment (JSON Schema 2020-12): the components map names it.
    delete schema["$id"];
  }
  const paths: Record<string, JsonObject> = {};
  for (const route of Object.values(routes) as Route[]) {
    paths[route.path] = { ...paths[route.path], [route.method]: operation(route) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "userecho-edge public API",
      version: options.version,
      description:
        "A UserEcho feedback board, read (and written, as the site's signed-in user) without exposing the UserEcho token. Errors are RFC 9457 problem documents.",
      license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
      contact: { name: "The operator of this userecho-edge worker" },
    },
    // The document is served by the worker it describes: its paths are relative to it.
    servers: [{ url: "/", description: "The userecho-edge worker serving this document" }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    security: [{}, { partnerKey: [] }, { siteJwt: [] }],
    paths,
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
        adminKey: {
          type: "apiKey",
          in: "header",
          name: "X-Api-Key",
          description: "An admin key of the worker's operator (ADMIN_KEYS); opens /v1/admin",
        },
      },
    },
  };
}
