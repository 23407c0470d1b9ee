/**
 * The chaos profile: every variant of the grammar changes how the data travel, never the data;
 * answers replay; failures come and go as their class says; the control API sets dialects.
 */
import { describe, it } from "vitest";
import { createApp } from "../src/app.ts";
import { Store } from "../src/store.ts";
import { buildSeed } from "../src/seed/index.ts";
import {
  DIMENSIONS,
  LEAK_PATTERN,
  breakageOf,
  canonicalDialect,
  dialectFromSeed,
  type Dialect,
  type Dimension,
} from "../src/chaos/grammar.ts";
import type { ChaosLogEntry } from "../src/chaos/serve.ts";
import { AGENT_TOKEN, ANONYMOUS_TOKEN, UPSTREAM, ssoToken } from "./support.ts";

type Json = Record<string, unknown>;

const seed = buildSeed();
let keys = 0;

/** An app of its own, and a fresh namespace with `dialect`. */
async function chaosApp(dialect: Partial<Dialect> = {}) {
  const app = createApp({ store: new Store(seed) });
  const key = `t${keys++}`;
  const put = await app.request(`${UPSTREAM}/__emulator/chaos/${key}`, {
    method: "PUT",
    body: JSON.stringify({ ...canonicalDialect(), ...dialect }),
  });
  if (put.status !== 200) throw new Error(`PUT dialect: ${put.status} ${await put.text()}`);
  return {
    app,
    key,
    /** The raw answer to GET `command` (with `.json` and query), as the agent. */
    async get(command: string, token = AGENT_TOKEN): Promise<Response> {
      const url = new URL(`${UPSTREAM}/profile/chaos-${key}/api/v2/${command}`);
      url.searchParams.set("access_token", token);
      return app.request(url.toString());
    },
    async log(): Promise<ChaosLogEntry[]> {
      const response = await app.request(`${UPSTREAM}/__emulator/chaos/${key}/log`);
      return ((await response.json()) as { entries: ChaosLogEntry[] }).entries;
    },
  };
}

/** The same command under the extended profile: every field, canonical encodings. */
async function extended(command: string): Promise<Json> {
  const app = createApp({ store: new Store(seed) });
  const url = new URL(`${UPSTREAM}/profile/extended/api/v2/${command}`);
  url.searchParams.set("access_token", AGENT_TOKEN);
  return (await (await app.request(url.toString())).json()) as Json;
}

async function bodyText(response: Response): Promise<string> {
  if (response.headers.get("Content-Encoding") !== "gzip") return response.text();
  const stream = response.body!.pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text();
}

// ---------------------------------------------------------------------------------------------
// An independent reading of every encoding back into plain values: if it finds the extended
// profile's values, the encoding carried them.

const integer = (value: unknown): number | undefined => {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
};
const bool = (value: unknown): boolean | undefined =>
  value === true || value === 1 || value === "1"
    ? true
    : value === false || value === 0 || value === "0"
      ? false
      : undefined;
const instant = (value: unknown): number | undefined => {
  if (typeof value !== "string") return undefined;
  const sql = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)$/.exec(value);
  return Date.parse(sql ? `${sql[1]}T${sql[2]}Z` : value);
};
const refId = (value: unknown): number | undefined =>
  typeof value === "object" && value !== null ? integer((value as Json)["id"]) : integer(value);

function listItems(envelope: Json): Json[] {
  const data = envelope["data"];
  if (data === undefined || data === null) return [];
  if (Array.isArray(data)) return data as Json[];
  return Object.values(data as Record<string, Json>);
}

/** Per-item plain values a client must be able to read back. */
function plainTopic(topic: Json) {
  const vote = (topic["vote"] ?? {}) as Json;
  return {
    id: integer(topic["id"]),
    header: topic["header"],
    created: Math.floor(instant(topic["created"])! / 1000),
    status: refId(topic["status"]),
    type: refId(topic["type"]),
    comments: integer(topic["comment_count"]),
    diff: integer(vote["diff"]),
    positive: integer(vote["positive"]),
    negative: integer(vote["negative"]),
  };
}

describe("every variant carries the same data", () => {
  const variants = (Object.entries(DIMENSIONS) as [Dimension, readonly unknown[]][]).flatMap(
    ([dimension, values]) => values.map((value) => [dimension, value] as const),
  );

  it.for(variants)("%s = %s", async ([dimension, value], { expect }) => {
    // Unusable items and failures change what is served; the other dimensions only the form.
    if (dimension === "unusable" || dimension === "transient" || dimension === "hardFailures") {
      return;
    }
    const chaos = await chaosApp({ [dimension]: value, seed: 11 });
    const command = "forums/1/topics.json?page=2&limit=30&order_by=-created";
    const truth = listItems(await extended(command)).map(plainTopic);
    const response = await chaos.get(command);
    expect(response.status).toBe(200);
    const envelope = JSON.parse(await bodyText(response)) as Json;
    expect(envelope["status"]).toBe("success");
    const served = listItems(envelope).map(plainTopic);
    // Keyed by id, a parsed object lists its items by ascending id; the set is the same.
    const byId = (a: { id: number | undefined }, b: { id: number | undefined }) => a.id! - b.id!;
    const cap = (value as unknown) === 25 ? 25 : 30;
    const expected = truth.slice(0, 30);
    if (dimension === "limitCap" && value === 25) {
      // Capped: page 2 of 25 is a different window of the same order.
      const capped = listItems(
        await extended("forums/1/topics.json?page=2&limit=25&order_by=-created"),
      ).map(plainTopic);
      expect(served.sort(byId)).toEqual(capped.sort(byId));
    } else {
      expect(served.length).toBe(cap);
      expect([...served].sort(byId)).toEqual([...expected].sort(byId));
    }
  });

  it("forums, comments, users and meta lists read back to the same values", async ({ expect }) => {
    const everything: Partial<Dialect> = {
      lists: "mixed",
      numbers: "mixed",
      booleans: "mixed",
      timestamps: "mixed",
      commentText: "mixed",
      userNames: "mixed",
      optional: "mixed",
      extraFields: "mixed",
      seed: 5,
    };
    const chaos = await chaosApp(everything);
    const read = async (command: string) =>
      listItems(JSON.parse(await bodyText(await chaos.get(command))) as Json);

    const forums = await read("forums.json");
    const trueForums = listItems(await extended("forums.json"));
    expect(forums.map((f) => [integer(f["id"]), f["name"], bool(f["is_default"])])).toEqual(
      trueForums.map((f) => [f["id"], f["name"], f["is_default"]]),
    );

    const comments = await read("topics/1059/comments.json?order_by=created&limit=10");
    const trueComments = listItems(
      await extended("topics/1059/comments.json?order_by=created&limit=10"),
    );
    expect(comments.map((c) => [integer(c["id"]), c["text"] ?? c["comment"]])).toEqual(
      trueComments.map((c) => [c["id"], c["text"]]),
    );
    // `is_official` is optional: where it is sent, it says what the record says.
    comments.forEach((comment, i) => {
      const official = bool(comment["is_official"]);
      if (official !== undefined) expect(official).toBe(trueComments[i]!["is_official"]);
    });

    const users = await read("users.json?limit=40");
    const trueUsers = listItems(await extended("users.json?limit=40"));
    expect(
      users.map((u) => [integer(u["id"]), u["display_name"] ?? u["name"], Number(u["rating"])]),
    ).toEqual(trueUsers.map((u) => [u["id"], u["name"], u["rating"]]));

    const statuses = await read("forums/1/types/1/statuses.json");
    const trueStatuses = listItems(await extended("forums/1/types/1/statuses.json"));
    expect(statuses.map((s) => [integer(s["id"]), s["name"]])).toEqual(
      trueStatuses.map((s) => [s["id"], s["name"]]),
    );
  });
});

describe("forum types", () => {
  it("a public forum's type is always readable as PUBLIC; others may be unreadable", async ({
    expect,
  }) => {
    for (let seedNumber = 0; seedNumber < 20; seedNumber++) {
      const chaos = await chaosApp({
        forumTypes: "mixed",
        hiddenForumTypes: "mixed",
        seed: seedNumber,
      });
      const forums = listItems(JSON.parse(await bodyText(await chaos.get("forums.json"))) as Json);
      for (const forum of forums) {
        const type = forum["type"];
        const name =
          typeof type === "string" ? type : ((type as Json | null | undefined)?.["name"] ?? null);
        const id = integer(forum["id"]);
        if (id === 1 || id === 2 || id === 5) {
          expect(String(name).toUpperCase(), `forum ${id}`).toBe("PUBLIC");
        } else {
          expect(typeof name === "string" ? name.toUpperCase() : name).not.toBe("PUBLIC");
        }
      }
    }
  });
});

describe("paging", () => {
  it("caps limit, and details never lie about the count", async ({ expect }) => {
    const chaos = await chaosApp({ limitCap: 50, detailsLimit: "asked", details: "everywhere" });
    const envelope = JSON.parse(
      await bodyText(await chaos.get("forums/1/topics.json?limit=100&page=2")),
    ) as Json;
    expect(listItems(envelope)).toHaveLength(50);
    expect(envelope["details"]).toEqual({ count: 180, limit: 100, page: 2, from: 51 });
  });

  it("writes details 0-based, as strings, or leaves the position out", async ({ expect }) => {
    const zero = await chaosApp({ detailsPosition: "zero-based", detailsNumbers: "string" });
    const details = (
      JSON.parse(await bodyText(await zero.get("users.json?limit=20&page=3"))) as Json
    )["details"];
    expect(details).toEqual({ count: "540", limit: "20", page: "2", from: "40" });
    const missing = await chaosApp({ detailsPosition: "missing" });
    expect(
      (JSON.parse(await bodyText(await missing.get("users.json?limit=20"))) as Json)["details"],
    ).toEqual({ count: 540, limit: 20 });
  });

  it("encodes an empty list each way", async ({ expect }) => {
    const forms = new Map<string, string>();
    for (const emptyLists of ["array", "null", "object", "missing"] as const) {
      const chaos = await chaosApp({ emptyLists });
      const text = await bodyText(await chaos.get("forums/5/topics.json"));
      forms.set(emptyLists, text);
    }
    expect(JSON.parse(forms.get("array")!)).toMatchObject({ data: [] });
    expect(JSON.parse(forms.get("null")!)).toMatchObject({ data: null });
    expect(JSON.parse(forms.get("object")!)).toMatchObject({ data: {} });
    expect(JSON.parse(forms.get("missing")!)).not.toHaveProperty("data");
  });

  it("keys by id in the order of the result, as text", async ({ expect }) => {
    const chaos = await chaosApp({ lists: "keyed-by-id" });
    const text = await bodyText(await chaos.get("forums/1/topics.json?limit=5&order_by=-created"));
    const keysInText = [...text.matchAll(/"(\d+)":\{"id"/g)].map((match) => Number(match[1]));
    expect(keysInText).toEqual([...keysInText].sort((a, b) => b - a));
    expect(keysInText).toHaveLength(5);
  });
});

describe("unusable items", () => {
  it("are broken the same way in every list and on their own", async ({ expect }) => {
    const dialect = { ...canonicalDialect(3), unusable: 0.1 } as const;
    const chaos = await chaosApp(dialect);
    const items = listItems(
      JSON.parse(await bodyText(await chaos.get("forums/1/topics.json?limit=100"))) as Json,
    );
    const trueIds = listItems(await extended("forums/1/topics.json?limit=100")).map(
      (topic) => topic["id"] as number,
    );
    const broken = trueIds.filter((id) => breakageOf(dialect, "topic", id) !== undefined);
    expect(broken.length).toBeGreaterThan(0);
    expect(items).toHaveLength(100);
    const usable = items.filter(
      (item) => integer(item["id"])! > 0 && typeof item["header"] === "string" && item["header"],
    );
    expect(usable.map((item) => integer(item["id"]))).toEqual(
      trueIds.filter((id) => !broken.includes(id)),
    );
    const single = JSON.parse(await bodyText(await chaos.get(`topics/${broken[0]}.json`))) as Json;
    const data = single["data"] as Json;
    expect(integer(data["id"])! > 0 && Boolean(data["header"])).toBe(false);
  });
});

describe("failures", () => {
  it("a transient failure fails the first attempt only; a hard one the first two", async ({
    expect,
  }) => {
    const transient = await chaosApp({ transient: 0.2 });
    const hard = await chaosApp({ hardFailures: 0.1 });
    for (const [chaos, failing] of [
      [transient, 1],
      [hard, 2],
    ] as const) {
      const commands = Array.from({ length: 40 }, (_, i) => `topics/${1001 + i}.json`);
      for (const command of commands) {
        for (let attempt = 0; attempt < 3; attempt++) await chaos.get(command);
      }
      const log = await chaos.log();
      const failed = log.filter((entry) => entry.outcome !== "served");
      expect(failed.length).toBeGreaterThan(0);
      for (const entry of failed) {
        expect(entry.attempt).toBeLessThanOrEqual(failing);
        // The same request's later attempts are served, and a failed first attempt means the
        // request is one that fails.
        const third = log.find((e) => e.request === entry.request && e.attempt === 3);
        expect(third?.outcome === "served" || third?.outcome === "refused").toBe(true);
      }
    }
  });

  it("carries the message sentinel in every text, and never refuses the forum list", async ({
    expect,
  }) => {
    const chaos = await chaosApp({ hardFailures: 0.1, seed: 2 });
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const forumList = await chaos.get(`forums.json?page=${i + 1}`);
      const text = await bodyText(forumList);
      if (forumList.status === 200 && text.startsWith("{")) {
        const envelope = JSON.parse(text) as Json;
        if (envelope["status"] !== "success") seen.add("refused forum list");
      }
      const topic = await chaos.get(`topics/${1001 + i}.json`);
      const body = await bodyText(topic);
      if (topic.status !== 200 || !body.includes('"success"')) {
        if (body !== "" && body.includes("message")) expect(body).toMatch(LEAK_PATTERN);
        seen.add(`HTTP ${topic.status}`);
      }
    }
    expect(seen.has("refused forum list")).toBe(false);
    expect(seen.size).toBeGreaterThan(0);
  });
});

describe("the profile", () => {
  it("replays: the same dialect and request give the same bytes", async ({ expect }) => {
    const dialect = dialectFromSeed(99);
    const first = await chaosApp({ ...dialect, transient: 0, hardFailures: 0 });
    const second = await chaosApp({ ...dialect, transient: 0, hardFailures: 0 });
    for (const command of ["forums.json", "forums/1/topics.json?limit=20", "users.json?page=2"]) {
      expect(await bodyText(await first.get(command))).toBe(
        await bodyText(await second.get(command)),
      );
    }
  });

  it("serves /profile/chaos and /profile/chaos-<seed> with dialects drawn from the seed", async ({
    expect,
  }) => {
    const app = createApp({ store: new Store(seed) });
    const forums = async (prefix: string) => {
      const url = new URL(`${UPSTREAM}/profile/${prefix}/api/v2/forums.json`);
      url.searchParams.set("access_token", AGENT_TOKEN);
      return app.request(url.toString());
    };
    expect([200, 500, 502, 503, 504]).toContain((await forums("chaos")).status);
    const dialect = (await (await app.request(`${UPSTREAM}/__emulator/chaos/42`)).json()) as {
      dialect: Dialect;
    };
    expect(dialect.dialect).toEqual(dialectFromSeed(42));
    expect(
      (
        await app.request(`${UPSTREAM}/__emulator/chaos/42`, {
          method: "PUT",
          body: '{"lists":"nope"}',
        })
      ).status,
    ).toBe(400);
  });

  it("sends private fields and e-mail addresses when the dialect adds them", async ({ expect }) => {
    const chaos = await chaosApp({ extraFields: "private" });
    const text = await bodyText(await chaos.get("forums/1/topics.json?limit=3"));
    expect(text).toMatch(LEAK_PATTERN);
    expect(text).toMatch(/"email":"[^"]+@/);
  });

  it("gzip-encodes answers correctly", async ({ expect }) => {
    const chaos = await chaosApp({ gzip: 1 });
    const response = await chaos.get("forums.json");
    expect(response.headers.get("Content-Encoding")).toBe("gzip");
    expect(JSON.parse(await bodyText(response))).toMatchObject({ status: "success" });
  });

  it("takes writes on a store of its own", async ({ expect }) => {
    const app = createApp({ store: new Store(seed) });
    const token = await ssoToken({ guid: "chaos-writer", display_name: "Chaos Writer" });
    const created = await app.request(
      `${UPSTREAM}/profile/chaos-w1/api/v2/forums/2/topics.json?access_token=${ANONYMOUS_TOKEN}&sso_token=${token}`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ header: "Written under chaos", type: 5 }),
      },
    );
    expect(created.status).toBe(200);
    const id = ((await created.json()) as { data: { id: number } }).data.id;
    const url = (profile: string) =>
      `${UPSTREAM}/profile/${profile}/api/v2/topics/${id}.json?access_token=${AGENT_TOKEN}`;
    expect((await app.request(url("chaos-w1"))).status).toBe(200);
    const documented = (await (await app.request(url("documented"))).json()) as Json;
    expect(documented["status"]).not.toBe("success");
  });
});
