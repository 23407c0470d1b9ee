/**
 * Can the worker read this community at all, and what do its answers look like: the token, the
 * envelope, the forums, a forum's topics and their fields, one topic, forum meta, and `details`
 * on each of those lists.
 */
import { MisconfiguredError } from "../../src/errors/index.ts";
import type { UpstreamPage } from "../../src/upstream/client.ts";
import { ATTESTED_SORT, TOPIC_ORDER_BY, isPublicForum } from "../../src/upstream/inferred.ts";
import type {
  UpstreamForum,
  UpstreamNamed,
  UpstreamStatus,
  UpstreamTopic,
} from "../../src/upstream/model.ts";
import type { CheckContext } from "./context.ts";
import {
  arrayOf,
  countShapes,
  describeEnvelope,
  describeError,
  detailsCheck,
  isHttpUrl,
  isRecord,
  shapes,
} from "./judge.ts";
import { envelopeOf, type RawAnswer } from "./observe.ts";

/** The size of the topic page the checks look at, as the worker's probes ask for. */
const PAGE = 30;

/** A page of topics, as the worker reads it and as UserEcho sent it. */
export interface ReadTopics {
  page: UpstreamPage<UpstreamTopic>;
  /** The raw items, for what the worker's schema does not keep (is `category` there at all?). */
  raw: unknown[];
}

/** What the worker reads of a forum before it offers filters. */
export interface ForumMeta {
  types: UpstreamNamed[];
  statuses: UpstreamStatus[][];
  categories: UpstreamNamed[];
  tags: UpstreamNamed[];
}

/** The token, the envelope, `details` on the forum list: nothing else runs without them. */
export async function checkToken(ctx: CheckContext): Promise<UpstreamForum[] | undefined> {
  const read = await ctx.observe(() => ctx.client.listForums());
  const answer = read.answers.find((a) => a.command === "forums");
  const envelope = envelopeOf(answer);
  const shape =
    answer === undefined ? "no answer" : `HTTP ${answer.httpStatus}, ${describeEnvelope(envelope)}`;
  if ("error" in read) {
    const refused = read.error instanceof MisconfiguredError;
    ctx.add({
      id: "token",
      status: "fail",
      evidence: refused
        ? `UserEcho refused USERECHO_API_TOKEN on the forum list (${shape})`
        : `the forum list could not be read: ${describeError(read.error)} (${shape})`,
      essential: true,
    });
    return undefined;
  }
  const forums = read.value;
  ctx.add({
    id: "token",
    status: "pass",
    evidence: `the agent token reads the forum list (${forums.length} forum(s))`,
  });
  const data = envelope.data;
  ctx.add(
    envelope.status === "success" && Array.isArray(data)
      ? {
          id: "envelope",
          status: "pass",
          evidence: `{status: "success", data: [${data.length} items]} with keys ${envelope.keys.join(", ")}`,
        }
      : {
          id: "envelope",
          status: "fail",
          evidence: `unexpected envelope: ${describeEnvelope(envelope)}`,
          essential: true,
        },
  );
  ctx.add(detailsCheck("details.forums", answer));
  return forums;
}

/** Which forums a board may show, and the one whose topics the checks read. */
export function checkForums(ctx: CheckContext, forums: UpstreamForum[]): UpstreamForum | undefined {
  const publicForums = forums.filter(isPublicForum);
  const hidden = forums.length - publicForums.length;
  const counts =
    `${forums.length} forum(s), ${publicForums.length} public (a board may show them), ` +
    `${hidden} not public (private, knowledge base, help desk…)`;
  const requested = ctx.settings.forumId;
  if (requested !== undefined) {
    const forum = forums.find((f) => f.id === requested);
    if (forum === undefined) {
      ctx.add({
        id: "forums",
        status: "fail",
        evidence: `${counts}; forum ${requested} is not among them`,
        essential: true,
      });
      return undefined;
    }
    if (!isPublicForum(forum)) {
      ctx.warnings.push(`Forum ${forum.id} is not public: the board will not show it.`);
    }
    ctx.add({
      id: "forums",
      status: "pass",
      evidence: `${counts}; checking forum ${forum.id}`,
    });
    return forum;
  }
  if (publicForums.length === 0) {
    ctx.add({
      id: "forums",
      status: "fail",
      evidence: `${counts}: the board would show nothing`,
      essential: true,
    });
    return undefined;
  }
  // The forum with most topics tells most; the default forum breaks a tie.
  const [forum] = [...publicForums].sort(
    (a, b) =>
      (b.topic_count ?? -1) - (a.topic_count ?? -1) ||
      Number(b.is_default ?? false) - Number(a.is_default ?? false),
  );
  ctx.add({
    id: "forums",
    status: "pass",
    evidence: `${counts}; checking forum ${forum!.id}${forum!.topic_count == null ? "" : ` (${forum!.topic_count} topics)`}`,
  });
  return forum;
}

/** A page of the forum's topics, asked for exactly as the board's default list asks. */
export async function checkTopics(
  ctx: CheckContext,
  forum: UpstreamForum,
): Promise<ReadTopics | undefined> {
  const command = `forums/${forum.id}/topics`;
  const read = await ctx.observe(() =>
    ctx.client.listTopics(forum.id, {
      page: 1,
      limit: PAGE,
      order_by: TOPIC_ORDER_BY[ATTESTED_SORT],
    }),
  );
  const answer = read.answers.find((a) => a.command === command);
  if ("error" in read) {
    ctx.add({
      id: "topics",
      status: "fail",
      evidence: `forum ${forum.id}'s topics cannot be read: ${describeError(read.error)}`,
      essential: true,
    });
    return undefined;
  }
  const page = read.value;
  if (page.received > 0 && page.items.length === 0) {
    ctx.add({
      id: "topics",
      status: "fail",
      evidence: `none of the ${page.received} topics UserEcho sent passes the worker's schema`,
      essential: true,
    });
    return undefined;
  }
  ctx.add({
    id: "topics",
    status: "pass",
    evidence:
      `forum ${forum.id}: ${page.items.length} topic(s) read with order_by=${TOPIC_ORDER_BY[ATTESTED_SORT]}` +
      (page.total === undefined ? "" : ` (${page.total} in all)`),
  });
  ctx.add(detailsCheck("details.topics", answer));
  return { page, raw: arrayOf(envelopeOf(answer).data) };
}

/** One topic by id, as a topic page reads it: essential. */
export async function checkSingleTopic(
  ctx: CheckContext,
  probe: UpstreamTopic | undefined,
): Promise<void> {
  if (probe === undefined) {
    ctx.add({ id: "topic.single", status: "unknown", evidence: "the forum has no topic" });
    return;
  }
  const read = await ctx.observe(() => ctx.client.getTopic(probe.id));
  if ("error" in read) {
    ctx.add({
      id: "topic.single",
      status: "fail",
      evidence: `topics/${probe.id} cannot be read: ${describeError(read.error)}; topic pages would fail`,
      essential: true,
    });
    return;
  }
  const topic = read.value;
  const has = (present: boolean, name: string) => `${name} ${present ? "present" : "absent"}`;
  ctx.add({
    id: "topic.single",
    status: "pass",
    evidence: `topics/${probe.id} read: ${has(typeof topic.forum_id === "number", "forum_id")}, ${has(isHttpUrl(topic.url), "url")}`,
  });
}

/** What a topic carries, from the list page (parsed by the worker, and raw). Returns whether every topic names its forum. */
export function checkTopicFields(ctx: CheckContext, { page, raw: rawTopics }: ReadTopics): boolean {
  const topics = page.items;
  const n = topics.length;
  if (n === 0) {
    for (const id of [
      "topic.forum_id",
      "topic.category",
      "topic.status-type",
      "topic.tags",
      "topic.url",
    ]) {
      ctx.add({ id, status: "unknown", evidence: "the forum has no topic to look at" });
    }
    return false;
  }
  const withForum = topics.filter((t) => typeof t.forum_id === "number").length;
  ctx.add({
    id: "topic.forum_id",
    status: withForum === n ? "pass" : "fail",
    evidence:
      withForum === n
        ? `on all ${n} topics: the worker knows each topic's forum`
        : `on ${withForum} of ${n} topics: the worker proves a topic's forum another way (topics.by-id)`,
  });

  const raw = rawTopics.filter(isRecord);
  const withCategoryKey = raw.filter((t) => "category" in t);
  const categorised = topics.filter((t) => t.category !== undefined).length;
  ctx.add({
    id: "topic.category",
    status: withCategoryKey.length === raw.length && raw.length > 0 ? "pass" : "fail",
    evidence:
      withCategoryKey.length === 0
        ? `absent on all ${raw.length} topics: topics show no category, and the category filter is judged by comparing pages`
        : `on ${withCategoryKey.length} of ${raw.length} topics (${categorised} with a category, ${shapes(withCategoryKey.map((t) => t["category"]))})`,
  });

  const bareStatus = raw.filter((t) => typeof t["status"] === "number").length;
  const bareType = raw.filter((t) => typeof t["type"] === "number").length;
  ctx.add({
    id: "topic.status-type",
    status: "pass",
    evidence:
      bareStatus + bareType === 0
        ? `objects {id, name…} on all ${n} topics`
        : `status a bare id on ${bareStatus}, type a bare id on ${bareType} of ${n} topics, objects on the rest: the worker accepts both and names bare ids from forum meta`,
  });

  const tags = raw.flatMap((t) => (Array.isArray(t["tags"]) ? (t["tags"] as unknown[]) : []));
  const tagShapes = tags.map((tag) =>
    typeof tag === "number"
      ? "bare id"
      : isRecord(tag) && typeof tag["id"] === "number"
        ? "object"
        : "other",
  );
  const otherTags = tagShapes.filter((s) => s === "other").length;
  ctx.add({
    id: "topic.tags",
    status: tags.length === 0 ? "unknown" : otherTags > 0 ? "fail" : "pass",
    evidence:
      tags.length === 0
        ? `every topic shows tags: [] (or none): an element's shape cannot be seen, and the tag filter is judged by comparing pages`
        : otherTags > 0
          ? `${otherTags} of ${tags.length} tags are neither {id…} nor a bare id: the worker drops those`
          : `${tags.length} tag(s): ${countShapes(tagShapes)}`,
  });

  const withUrl = topics.filter((t) => isHttpUrl(t.url)).length;
  ctx.add({
    id: "topic.url",
    status: withUrl === n ? "pass" : "fail",
    evidence:
      withUrl === n
        ? `on all ${n} list items`
        : `on ${withUrl} of ${n} list items: the others link to <community>/topics/{id}/`,
  });
  return withForum === n;
}

/** Types, their statuses, categories and tags: forum meta, which the board needs. */
export async function checkMeta(
  ctx: CheckContext,
  forumId: number,
): Promise<ForumMeta | undefined> {
  const read = await ctx.observe(async () => {
    const types = await ctx.client.listTypes(forumId);
    const statuses: UpstreamStatus[][] = [];
    for (const type of types) statuses.push(await ctx.client.listStatuses(forumId, type.id));
    const categories = await ctx.client.listCategories(forumId);
    const tags = await ctx.client.listTags(forumId);
    return { types, statuses, categories, tags };
  });
  const prefix = `forums/${forumId}/`;
  const first = (suffix: (command: string) => boolean) =>
    read.answers.find(
      (a) => a.command.startsWith(prefix) && suffix(a.command.slice(prefix.length)),
    );
  const lists: [string, RawAnswer | undefined][] = [
    ["details.types", first((c) => c === "types")],
    ["details.statuses", first((c) => /^types\/\d+\/statuses$/.test(c))],
    ["details.categories", first((c) => c === "categories")],
    ["details.tags", first((c) => c === "tags")],
  ];
  if ("error" in read) {
    ctx.add({
      id: "meta",
      status: "fail",
      evidence: `forum ${forumId}'s types, statuses, categories or tags cannot be read: ${describeError(read.error)}`,
      essential: true,
    });
    for (const [id, answer] of lists) ctx.add(detailsCheck(id, answer));
    return undefined;
  }
  const { types, statuses, categories, tags } = read.value;
  ctx.add({
    id: "meta",
    status: "pass",
    evidence: `${types.length} type(s), ${statuses.flat().length} status(es), ${categories.length} categor(y/ies), ${tags.length} tag(s)`,
  });
  for (const [id, answer] of lists) ctx.add(detailsCheck(id, answer));
  return read.value;
}
