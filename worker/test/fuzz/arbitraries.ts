/**
 * Arbitraries for `/v1` requests: paths built from the real route templates with fuzzed ids,
 * query strings, headers, methods and JSON bodies. Valid values are weighted in, so that a fair
 * share of cases gets past validation and exercises the cache and the upstream client.
 */
import fc from "fast-check";
import { credentials } from "../support/index.ts";
import type { FuzzRequest } from "./index.ts";
import { tokenSpec, validTokenSpec } from "./tokens.ts";

/**
 * Forums of the emulator's seed: 1, 2, 5 public (5 empty), 4 a public knowledge base, 3 private,
 * 6 a private knowledge base, 7 missing.
 */
export const forumIds = fc.integer({ min: 1, max: 7 });
/**
 * Topics of the seed are 1001–1330, forum 3's (private) among them; the private knowledge base's
 * 1331–1338 come up in the wider range.
 */
export const topicIds = fc.oneof(
  { weight: 9, arbitrary: fc.integer({ min: 1001, max: 1330 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 2_000 }) },
);

/** ASCII `0x20-0x7e` text: always a valid header value, never a newline. */
export const printable = (maxLength: number, minLength = 0) =>
  fc
    .string({ unit: "binary-ascii", minLength, maxLength })
    .map((s) => s.replace(/[^\x20-\x7e]/g, "~"));

/**
 * Header values: short junk, percent-encoded Unicode, and very long values (up to ~8 KB). Only
 * ASCII: workerd re-encodes other characters as UTF-8 (warning on each), so raw non-ASCII header
 * bytes cannot be sent from a test anyway.
 */
export const headerJunk = fc.oneof(
  { weight: 4, arbitrary: printable(60) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }).map(encodeURIComponent) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1_000, max: 8_192 }), printable(8, 1))
      .map(([length, pattern]) =>
        pattern.repeat(Math.ceil(length / pattern.length)).slice(0, length),
      ),
  },
);

const LONG_SEGMENTS = fc
  .tuple(fc.integer({ min: 100, max: 6_000 }), fc.constantFrom("9", "a", "%41", "é", "..%2f"))
  .map(([count, unit]) => unit.repeat(count));

/**
 * A path segment where an id goes: a valid id (weight `validWeight`, against 8 for all the
 * invalid shapes together), or every shape of invalid one.
 */
export function idSegment(valid: fc.Arbitrary<number>, validWeight = 8): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: validWeight, arbitrary: valid.map(String) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        "0",
        "-1",
        "-0",
        "+1",
        "01",
        "1.0",
        "1.5",
        "1e3",
        "0x1f",
        "%201",
        "1%20",
        "Infinity",
        "NaN",
        "2147483647",
        "2147483648",
        "9007199254740993",
        "1e309",
        "null",
        "undefined",
        "true",
        "[]",
        "%7B%7D",
        "..",
        "%2e%2e",
        ".%2E",
        ".",
        "%00",
        "%2F",
        "%252e%252e",
        "%5C..%5C",
        "a",
        "%C3%A9",
        "%E2%80%AE1",
        "%EF%BC%91", // fullwidth 1
        "%D9%A1", // Arabic-Indic 1
        "%F0%9F%98%80",
        "%ff%fe",
        "__proto__",
        "constructor",
      ),
    },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: fc.bigInt({ min: 2n ** 31n, max: 2n ** 80n }).map(String) },
    { weight: 1, arbitrary: fc.double().map(String) },
    {
      weight: 1,
      arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }).map(encodeURIComponent),
    },
    { weight: 1, arbitrary: LONG_SEGMENTS },
  );
}

/** The documented route templates (GET and POST), with fuzzed ids. */
export const routePath: fc.Arbitrary<string> = fc.oneof(
  fc.constant("/v1/forums"),
  idSegment(forumIds).map((id) => `/v1/forums/${id}/meta`),
  idSegment(forumIds).map((id) => `/v1/forums/${id}/topics`),
  idSegment(topicIds).map((id) => `/v1/topics/${id}`),
  idSegment(topicIds).map((id) => `/v1/topics/${id}/comments`),
  idSegment(topicIds).map((id) => `/v1/topics/${id}/votes`),
  fc.constant("/v1/users/top"),
  fc.constant("/v1/sso/link"),
  fc.constant("/v1/health"),
  fc.constant("/v1/openapi.json"),
  printable(40, 1)
    .map(encodeURIComponent)
    .map((token) => `/v1/hooks/userecho/${token}`),
);

/** Paths that are not routes: near misses of real ones, other versions, random segments. */
export const unknownPath: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "/",
    "/v1",
    "/v1/",
    "/v2/forums",
    "/V1/forums",
    "/v1/forums/1",
    "/v1/forums/1/topics/1001",
    "/v1/forums/1/types",
    "/v1/topics",
    "/v1/users",
    "/v1/users/current",
    "/v1/users/top/1",
    "/v1/sso",
    "/v1/openapi.yaml",
    "/v1/api/v2/forums.json",
    "/v1/__emulator/stats",
    "/v1%2fforums",
    "/v1/forums%2f1%2ftopics",
    "/demo/login",
    "/widget.js",
  ),
  fc
    .array(fc.oneof(printable(12, 1).map(encodeURIComponent), idSegment(forumIds)), {
      minLength: 1,
      maxLength: 5,
    })
    .map((segments) => `/v1/${segments.join("/")}`),
);

/** A real route or a near miss, with the slashes a client might get wrong. */
export const anyPath: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof({ weight: 4, arbitrary: routePath }, { weight: 1, arbitrary: unknownPath }),
    fc.constantFrom("none", "none", "none", "none", "trailing", "double", "extra"),
  )
  .map(([path, mutation]) => {
    switch (mutation) {
      case "trailing":
        // Never "//": a client would read it as a host.
        return path === "/" ? path : `${path}/`;
      case "double":
        return path.replace(/^\/v1\//, "/v1//");
      case "extra":
        return `${path}/x`;
      default:
        return path;
    }
  });

const QUERY_VALUES = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 5 }).map(String) },
  { weight: 2, arbitrary: fc.constantFrom("1", "10", "20", "50", "100") },
  { weight: 2, arbitrary: fc.constantFrom("top", "new", "updated", "discussed") },
  { weight: 2, arbitrary: fc.constantFrom("idea", "export", "dark mode", "crash", "zz") },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "",
      " ",
      "0",
      "-1",
      "101",
      "10000",
      "10001",
      "2147483648",
      "1.5",
      "1e2",
      "1e-2",
      "0x10",
      "NaN",
      "Infinity",
      "TOP",
      "top ",
      "-created",
      "true",
      "a",
      "ä",
      "%",
      "%zz",
      "%00",
      "'; DROP TABLE topics;--",
      ".*",
      "(a+)+$",
      "<script>alert(1)</script>",
      "\u202e",
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 190, max: 6_000 }), fc.constantFrom("q", "é", "1", "😀"))
      .map(([n, unit]) => unit.repeat(n)),
  },
);

const QUERY_KEYS = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.constantFrom("page", "limit", "sort", "type", "status", "category", "tag", "q"),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "access_token",
      "sso_token",
      "order_by",
      "filter__id__gt",
      "__proto__",
      "constructor",
      "PAGE",
      "page[]",
      "limit ",
      "",
    ),
  },
  { weight: 1, arbitrary: printable(10) },
);

/** A query string: known and unknown parameters, repeated ones, odd encodings; often empty. */
export const queryString: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constant("") },
  {
    weight: 6,
    arbitrary: fc
      .array(
        fc.oneof(
          {
            weight: 9,
            arbitrary: fc
              .tuple(QUERY_KEYS, QUERY_VALUES)
              .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`),
          },
          // Unencoded and half-encoded pieces, as a careless client sends them.
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              "page",
              "=",
              "&",
              "q=%",
              "q=a+b",
              "limit=%31%30",
              "sort=new#x",
            ),
          },
        ),
        { minLength: 1, maxLength: 6 },
      )
      .map((pairs) => `?${pairs.join("&")}`),
  },
);

/** Origins: allowed (exact, wildcard, same origin), refused, and junk. */
export const origin = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "https://site.example",
      "https://app.customer.example",
      "https://edge.test",
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "https://evil.example",
      "null",
      "http://site.example",
      "https://site.example.evil.example",
      "https://a.b.customer.example",
      "https://customer.example",
      "https://SITE.example",
      "https://site.example:443",
      "https://site.example/",
      "*",
      "https://evil.example#.customer.example",
      "https://evil.example?.customer.example",
      "https://evil.example\\.customer.example",
      "https://user@x.customer.example",
      "https://x.customer.example.",
      "https://x.customer.example:8443",
      "HTTPS://A.CUSTOMER.EXAMPLE",
      "https://edge.test.evil.example",
    ),
  },
  { weight: 1, arbitrary: headerJunk },
);

/** `X-Api-Key`: the valid partner key now and then, otherwise junk. */
export const apiKey = fc.oneof(
  { weight: 1, arbitrary: fc.constant(credentials.partnerKey) },
  {
    weight: 3,
    arbitrary: fc.oneof(
      headerJunk,
      fc.constantFrom("", " ", `${credentials.partnerKey} `, credentials.partnerKey.toLowerCase()),
    ),
  },
);

/** `Authorization` values that are not a bearer token the worker could verify. */
export const authorizationJunk = fc.oneof(
  fc.constantFrom(
    "",
    "Bearer",
    "Bearer ",
    "bearer abc",
    "BEARER a.b.c",
    "Bearer a.b.c",
    "Bearer ..",
    "Bearer eyJhbGciOiJub25lIn0.e30.",
    "Basic dXNlcjpwYXNz",
    "Bearer a b",
    "Token abc",
  ),
  headerJunk,
  headerJunk.map((junk) => `Bearer ${junk}`),
  // Around the verifier's 8192-character limit.
  fc.integer({ min: 8_000, max: 8_300 }).map((n) => `Bearer ${"a".repeat(n)}`),
);

/** `If-None-Match`: `*` (matches any ETag, so a 304), tags that match nothing, junk. */
export const ifNoneMatch = fc.oneof(
  fc.constantFrom("*", '"abc"', 'W/"abc"', '"", ""', "W/", ",,,", '"*"'),
  headerJunk,
);

/** `Content-Type`: mostly JSON, then near misses (`application/jsonx`) and other types. */
export const contentType = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom("application/json", "application/json; charset=utf-8"),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "APPLICATION/JSON",
      "application/json;",
      "application/json ; charset=latin1",
      "application/jsonx",
      "application/json-patch+json",
      "application/problem+json",
      "text/plain",
      "text/json",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "",
    ),
  },
  { weight: 1, arbitrary: headerJunk },
);

/** `Accept`: what a client may ask for; the API always answers JSON or problem+json. */
export const accept = fc.oneof(
  fc.constantFrom(
    "application/json",
    "*/*",
    "text/html",
    "application/xml",
    "",
    "application/problem+json",
  ),
  headerJunk,
);

/** `Idempotency-Key`: UUIDs, and keys outside 1-200 visible ASCII characters. */
export const idempotencyKey = fc.oneof(
  fc.uuid(),
  fc.constantFrom("", " ", "a b", "%D0%BA%D0%BB%D1%8E%D1%87", "k".repeat(200), "k".repeat(201)),
  headerJunk,
);

/** Credentials: none, a partner key, a site token (any kind), or a junk Authorization. */
export const credentialHeaders: fc.Arbitrary<Pick<FuzzRequest, "headers" | "bearer">> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ headers: {} }) },
  { weight: 1, arbitrary: apiKey.map((key) => ({ headers: { "X-Api-Key": key } })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        tokenSpec,
        fc.constantFrom("Bearer ", "Bearer ", "Bearer ", "bearer ", "Bearer  "),
        fc.constantFrom("", "", "", "", " ", ".", "x"),
      )
      .map(([token, prefix, suffix]) => ({ headers: {}, bearer: { prefix, token, suffix } })),
  },
  {
    weight: 1,
    arbitrary: authorizationJunk.map((value) => ({ headers: { Authorization: value } })),
  },
);

/** A valid site token for `Authorization`: a signed-in user with fuzzed profile claims. */
export const signedIn: fc.Arbitrary<Pick<FuzzRequest, "headers" | "bearer">> = validTokenSpec.map(
  (token) => ({ headers: {}, bearer: { prefix: "Bearer ", token, suffix: "" } }),
);

/** The other headers a request may carry; each is often absent. */
export const otherHeaders: fc.Arbitrary<Record<string, string>> = fc
  .record(
    {
      Origin: origin,
      "If-None-Match": ifNoneMatch,
      Accept: accept,
      "Content-Type": contentType,
      "Idempotency-Key": idempotencyKey,
      "Accept-Encoding": fc.constantFrom("gzip", "br", "identity", "*"),
      "Access-Control-Request-Method": fc.constantFrom("GET", "POST", "DELETE", "x"),
      "Access-Control-Request-Headers": fc.constantFrom("authorization, content-type", "x-evil"),
      "CF-Ray": printable(40, 1),
      "X-Forwarded-For": fc.constantFrom("127.0.0.1", "::1", "10.0.0.1, 1.2.3.4"),
    },
    { requiredKeys: [] },
  )
  .map((headers) => headers as Record<string, string>);

/**
 * Methods: the usual ones, WebDAV and friends, and lower-case spellings (fetch upper-cases all
 * but `patch`).
 */
export const method = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("GET", "HEAD", "POST", "OPTIONS") },
  { weight: 3, arbitrary: fc.constantFrom("PUT", "DELETE", "PATCH") },
  // workerd refuses methods outside the ones HTTP parsers know, so no made-up names.
  { weight: 1, arbitrary: fc.constantFrom("PROPFIND", "QUERY", "TRACE", "PURGE", "get", "post") },
);

// ---------------------------------------------------------------------------------------------
// Bodies.

const textField = (maxLength: number) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: 3, maxLength: 60 }) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "",
        "  ",
        "ab",
        " ab ",
        "<b>bold</b> and <i>italic</i>",
        '<p>Hi<img src=x onerror=alert(1)><script>x()</script><a href="javascript:alert(1)">x</a></p>',
        '<a href="https://example.com" onclick="x()">link</a>',
        "<svg><script>alert(1)</script></svg>",
        "line one\n\nline two\nthree",
        "\u0000\u0001\u202e",
        "{{7*7}} ${7*7}",
      ),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: maxLength - 2, max: maxLength + 2 }).map((n) => "t".repeat(n)),
    },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 42, true, [], {}, ["x"]) },
  );

const idField = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 21 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(0, -1, 1.5, "5", null, 2 ** 31, 2 ** 53, 1e300, true, [5]),
  },
);

const extraKeys = fc.dictionary(
  fc.constantFrom("admin", "forumId", "author", "status", "__proto__", "constructor", "votes"),
  fc.jsonValue(),
  { maxKeys: 2 },
);

const withExtras = <T extends object>(arbitrary: fc.Arbitrary<T>) =>
  fc
    .tuple(arbitrary, fc.oneof({ weight: 5, arbitrary: fc.constant({}) }, extraKeys))
    .map(([value, extras]) => ({ ...value, ...extras }));

/** Bodies shaped like CreateTopicRequest, field by field valid or not, sometimes with extra keys. */
export const createTopicBody = withExtras(
  fc.record(
    {
      title: textField(200),
      description: fc.oneof(textField(20_000), fc.constant(undefined)),
      type: idField,
      category: idField,
      tags: fc.oneof(
        fc.array(fc.integer({ min: 1, max: 21 }), { maxLength: 4 }),
        fc.array(idField, { maxLength: 12 }),
        fc.constant<unknown>("1,2"),
      ),
    },
    { requiredKeys: ["title", "type"] },
  ),
);

/** Bodies shaped like CreateCommentRequest. */
export const createCommentBody = withExtras(
  fc.record({ text: textField(10_000) }, { requiredKeys: [] }),
);

/** Bodies shaped like VoteRequest. */
export const voteBody = withExtras(
  fc.record(
    {
      value: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(1, 0, -1) },
        { weight: 1, arbitrary: fc.constantFrom<unknown>(2, -2, "1", null, 0.5, true, -0) },
      ),
    },
    { requiredKeys: [] },
  ),
);

/** Bodies shaped like SsoLinkRequest: `returnTo` on the community, elsewhere, or not a URL. */
export const ssoLinkBody = withExtras(
  fc.record(
    {
      returnTo: fc.oneof(
        {
          weight: 3,
          arbitrary: fc.constantFrom(
            "https://demo.userecho.com/",
            "https://demo.userecho.com/topics/1001-x/",
            "/topics/1001",
            "topics/1001",
            "?a=1#frag",
            "https://demo.userecho.com/?sso_token=stolen",
            "https://DEMO.userecho.com:443/x",
          ),
        },
        {
          weight: 3,
          arbitrary: fc.constantFrom<unknown>(
            "//evil.example/",
            "https://evil.example/",
            "https://demo.userecho.com.evil.example/",
            "https://demo.userecho.com@evil.example/",
            "https://user:pw@demo.userecho.com/",
            "http://demo.userecho.com/",
            "javascript:alert(1)",
            "data:text/html,x",
            "\\\\evil.example",
            "/\\evil.example",
            "https:evil.example",
            "",
            " ",
            null,
            42,
          ),
        },
        { weight: 1, arbitrary: fc.webUrl() },
        { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
        {
          weight: 1,
          arbitrary: fc.integer({ min: 1_990, max: 2_010 }).map((n) => `/${"r".repeat(n)}`),
        },
      ),
    },
    { requiredKeys: [] },
  ),
);

/** A JSON document of `size` bytes: `{"text":"…"}`, padded with a multi-byte or ASCII unit. */
function sizedJson([size, unit]: [number, string]): string {
  const skeleton = '{"text":""}';
  const unitBytes = new TextEncoder().encode(unit).byteLength;
  return `{"text":"${unit.repeat(Math.max(0, Math.floor((size - skeleton.length) / unitBytes)))}"}`;
}

/** Malformed and odd JSON texts. */
export const invalidJson = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "{",
    "{ not json",
    "'x'",
    "{'text': 'x'}",
    '{"text": "x",}',
    "[1,]",
    "NaN",
    "undefined",
    "\uFEFF{}",
    '{"text":"\\ud800"}',
    '{"text":"a"}{"text":"b"}',
    '{"__proto__":{"admin":true},"text":"x"}',
    '{"text":"x","text":"y"}',
    "null",
    "[]",
    '"string"',
    "1e999",
    `${"[".repeat(5_000)}${"]".repeat(5_000)}`,
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
);

/** Any body for a write: shaped ones, arbitrary JSON, garbage, and sizes around 64 KiB. */
export function writeBody(shaped: fc.Arbitrary<object>): fc.Arbitrary<string | Uint8Array> {
  return fc.oneof(
    { weight: 20, arbitrary: shaped.map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: fc.json({ maxDepth: 3 }) },
    {
      weight: 1,
      arbitrary: fc.anything({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? "undefined"),
    },
    { weight: 2, arbitrary: invalidJson },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.oneof(
            fc.integer({ min: 65_536 - 8, max: 65_536 + 8 }),
            fc.integer({ min: 60_000, max: 200_000 }),
          ),
          fc.constantFrom("x", "é", "😀"),
        )
        .map(sizedJson),
    },
    {
      weight: 1,
      // Not UTF-8 at all.
      arbitrary: fc.uint8Array({ minLength: 1, maxLength: 40 }).map((bytes) => {
        const body = new Uint8Array([0x7b, 0xff, ...bytes, 0x7d]);
        return body;
      }),
    },
  );
}
