/**
 * Evidence for what the worker assumes today or will need next, read-only: how an empty list is
 * encoded, whether topic ids grow with `created`, which URLs rich text carries (and whether the
 * worker keeps them), what knowledge bases look like, and a user's subscriptions.
 */
import { toTopicDetail } from "../../src/board/dto.ts";
import { sanitizeRichText } from "../../src/sanitize/index.ts";
import type { UpstreamPage } from "../../src/upstream/client.ts";
import { ATTESTED_SORT, TOPIC_ORDER_BY } from "../../src/upstream/inferred.ts";
import type { UpstreamForum, UpstreamTopic as Topic } from "../../src/upstream/model.ts";
import { topicReader, userReader } from "../../src/upstream/normalise/index.ts";
import type { CheckContext } from "./context.ts";
import { CHECK_USER } from "./credentials.ts";
import { asSent } from "./observe.ts";
import {
  type Observed,
  countShapes,
  describeError,
  embeddedUrls,
  isRecord,
  listEncoding,
  pathPattern,
  urlForm,
  valueShape,
} from "./judge.ts";
import { envelopeOf, type RawAnswer } from "./observe.ts";

/** Letters no community's text holds: a search for them finds nothing. */
const NO_MATCH = "qzxjvkwqzxjvkw";

/**
 * Empty lists asked for without writing anything: a search that cannot match, the comments of a
 * topic that has none, the topics of an empty forum, and a page past the end. Each answer's
 * encoding is reported, and whether the worker's client reads it as an empty list.
 */
export async function checkEmptyLists(
  ctx: CheckContext,
  forums: readonly UpstreamForum[],
  forumId: number,
  topics: readonly Topic[],
): Promise<void> {
  type Probe = {
    name: string;
    command: string;
    read: () => Promise<UpstreamPage<unknown>>;
  };
  const probes: Probe[] = [
    {
      name: "a search without hits",
      command: `forums/${forumId}/topics/search`,
      read: () => ctx.client.searchTopics(forumId, { query: NO_MATCH, page: 1, limit: 10 }),
    },
  ];
  const silent = topics.find((t) => t.comment_count === 0);
  if (silent !== undefined) {
    probes.push({
      name: `the comments of topic ${silent.id} (comment_count 0)`,
      command: `topics/${silent.id}/comments`,
      read: () => ctx.client.listComments(silent.id, { page: 1, limit: 10, order_by: "created" }),
    });
  }
  const empty = forums.find((f) => f.topic_count === 0);
  if (empty !== undefined) {
    probes.push({
      name: `the topics of forum ${empty.id} (topic_count 0)`,
      command: `forums/${empty.id}/topics`,
      read: () =>
        ctx.client.listTopics(empty.id, {
          page: 1,
          limit: 10,
          order_by: TOPIC_ORDER_BY[ATTESTED_SORT],
        }),
    });
  }
  const count = forums.find((f) => f.id === forumId)?.topic_count;
  if (typeof count === "number" && count > 0) {
    const page = Math.ceil(count / 100) + 1;
    probes.push({
      name: `page ${page} of forum ${forumId}'s topics (past the end)`,
      command: `forums/${forumId}/topics`,
      read: () =>
        ctx.client.listTopics(forumId, {
          page,
          limit: 100,
          order_by: TOPIC_ORDER_BY[ATTESTED_SORT],
        }),
    });
  }

  const readings: string[] = [];
  const unread: string[] = [];
  let empties = 0;
  for (const probe of probes) {
    const read = await ctx.observe(probe.read);
    const answer = read.answers.find((a) => a.command === probe.command);
    const encoding = listEncoding(answer);
    const success = envelopeOf(answer).status === "success";
    if (!success || (encoding.startsWith("[") && encoding !== "[]")) {
      readings.push(`${probe.name}: ${encoding}`);
      continue;
    }
    empties++;
    if ("error" in read) {
      unread.push(probe.name);
      readings.push(
        `${probe.name}: ${encoding}, which the worker fails on (${describeError(read.error)})`,
      );
    } else {
      readings.push(`${probe.name}: ${encoding}`);
    }
  }
  const evidence = readings.join("; ");
  if (empties === 0) {
    ctx.add({
      id: "lists.empty",
      status: "unknown",
      evidence: `no empty list came back: ${evidence}`,
    });
    return;
  }
  if (unread.length > 0) {
    ctx.warnings.push(
      `UserEcho encodes some empty lists in a way the worker does not read (${unread.join(", ")}): ` +
        "the board answers 502 where it should show an empty list.",
    );
  }
  ctx.add({ id: "lists.empty", status: unread.length === 0 ? "pass" : "fail", evidence });
}

/**
 * Whether topic ids grow with `created`, over the topics read from the checked forum: a walk
 * down `order_by=-created` pages then meets ids in falling order, and can stop at the first
 * id below the one it looks for.
 */
export function checkIdOrder(ctx: CheckContext, forumId: number, topics: readonly Topic[]): void {
  const byId = new Map(topics.map((t) => [t.id, t]));
  const newestFirst = [...byId.values()]
    .flatMap((t) => (t.created === undefined ? [] : [{ id: t.id, created: Date.parse(t.created) }]))
    .sort((a, b) => b.created - a.created);
  let pairs = 0;
  const disagreeing: [number, number][] = [];
  for (let i = 1; i < newestFirst.length; i++) {
    const newer = newestFirst[i - 1]!;
    const older = newestFirst[i]!;
    if (newer.created === older.created) continue;
    pairs++;
    if (older.id > newer.id) disagreeing.push([older.id, newer.id]);
  }
  if (pairs === 0) {
    ctx.add({
      id: "topics.id-order",
      status: "unknown",
      evidence: `fewer than two topics of forum ${forumId} with different dates: cannot tell`,
    });
    return;
  }
  const [example] = disagreeing;
  ctx.add(
    example === undefined
      ? {
          id: "topics.id-order",
          status: "pass",
          evidence: `over ${byId.size} topics of forum ${forumId}, ids grow with created: a walk down order_by=-created pages meets ids in falling order`,
        }
      : {
          id: "topics.id-order",
          status: "fail",
          evidence: `over ${byId.size} topics of forum ${forumId}, ${disagreeing.length} of ${pairs} neighbours by created disagree with their ids (topic ${example[0]} is older than topic ${example[1]}): a forum proof cannot stop at the first lower id`,
        },
  );
}

/**
 * The images and links in every description and comment read so far, by the form of their
 * URLs, and whether the worker keeps relative ones: a description that has them is drawn by
 * the worker's own topic code, against the community's origin.
 */
export function checkRichText(ctx: CheckContext): void {
  const descriptions = new Map<number, { raw: Record<string, unknown>; html: string }>();
  const comments = new Map<number, string>();
  for (const answer of ctx.recorder.answers) {
    const data = envelopeOf(answer).data;
    if (/^forums\/\d+\/topics(\/search)?$/.test(answer.command) && Array.isArray(data)) {
      for (const item of data) collectTopic(descriptions, item);
    } else if (/^topics\/\d+$/.test(answer.command)) {
      collectTopic(descriptions, data);
    } else if (/^topics\/\d+\/comments$/.test(answer.command) && Array.isArray(data)) {
      for (const item of data) {
        if (!isRecord(item) || typeof item["id"] !== "number") continue;
        const text = item["text"] ?? item["comment"];
        if (typeof text === "string") comments.set(item["id"], text);
      }
    }
  }
  const texts = [...[...descriptions.values()].map((d) => d.html), ...comments.values()];
  const images = texts.flatMap((html) => embeddedUrls(html).images);
  const links = texts.flatMap((html) => embeddedUrls(html).links);
  const read = `${descriptions.size} description(s) and ${comments.size} comment(s) read`;
  if (images.length + links.length === 0) {
    ctx.add({
      id: "rich.urls",
      status: "unknown",
      evidence: `no image or link in the ${read}: cannot tell how URLs are stored`,
    });
    return;
  }
  const described = `${summariseUrls("img src", images)}; ${summariseUrls("a href", links)}; in the ${read}`;

  // Comments go through the same sanitiser as descriptions; the worker's topic code is what can
  // be asked with the community's origin, so each comment stands in as a description.
  const origin = new URL(ctx.settings.baseUrl).origin;
  const samples = [
    ...[...descriptions.values()].map((d) => d.raw),
    ...[...comments].map(([id, html]) => ({ ...SAMPLE_TOPIC, id, description: html })),
  ].filter((raw) => relativeUrls(String(raw["description"])).length > 0);
  if (samples.length === 0) {
    ctx.add({
      id: "rich.urls",
      status: "pass",
      evidence: `${described}: no relative URL, and the worker keeps absolute ones`,
    });
    return;
  }
  let wanted = 0;
  let kept = 0;
  for (const raw of samples) {
    const topic = topicReader.read(raw);
    if (!topic) continue;
    const drawn = toTopicDetail(
      topic,
      { forumId: null, communityOrigin: origin },
      sanitizeRichText,
    ).descriptionHtml;
    // What the worker would keep of the same HTML with every relative URL written absolute: a
    // URL inside content the sanitiser drops anyway (a hostile <svg>, say) is not the question.
    let absolute = topic.description ?? "";
    const urls = relativeUrls(absolute);
    for (const url of urls) {
      absolute = absolute.replaceAll(`"${url}"`, `"${new URL(url, `${origin}/`).href}"`);
    }
    const reference = sanitizeRichText(absolute).html;
    for (const url of urls) {
      const resolved = new URL(url, `${origin}/`).href;
      if (!reference.includes(`"${resolved}"`)) continue;
      wanted++;
      if (drawn.includes(`"${resolved}"`)) kept++;
    }
  }
  const verdict = `drawn by the worker against ${origin}, ${kept} of the ${wanted} relative URL(s) survive`;
  if (kept < wanted) {
    ctx.warnings.push(
      "Rich text carries relative URLs (pasted images under /s/attachments/…, links between " +
        "topics), which the worker drops: those images and links are missing on the board.",
    );
  }
  ctx.add({
    id: "rich.urls",
    status: kept === wanted ? "pass" : "fail",
    evidence: `${described}; ${verdict}`,
  });
}

/** Relative `src` and `href` values of a piece of HTML. */
function relativeUrls(html: string): string[] {
  const { images, links } = embeddedUrls(html);
  return [...images, ...links].filter((url) =>
    ["root-relative", "relative"].includes(urlForm(url)),
  );
}

/** `img src: absolute: 3, root-relative: 5 (/s/attachments/…)`: counts by form, paths by pattern. */
function summariseUrls(name: string, urls: readonly string[]): string {
  if (urls.length === 0) return `${name}: none`;
  const byForm = new Map<string, string[]>();
  for (const url of urls) byForm.set(urlForm(url), [...(byForm.get(urlForm(url)) ?? []), url]);
  const parts = [...byForm].map(([form, found]) => {
    const patterns =
      form === "root-relative" ? [...new Set(found.map(pathPattern))].slice(0, 3) : [];
    return `${form} ${found.length}${patterns.length === 0 ? "" : ` (${patterns.join(", ")})`}`;
  });
  return `${name}: ${parts.join(", ")}`;
}

/** Enough of a topic for the worker's schema, around a comment's text. */
const SAMPLE_TOPIC = {
  header: "(a comment)",
  created: "2000-01-01T00:00:00.000Z",
  status: 1,
  type: 1,
};

function collectTopic(
  into: Map<number, { raw: Record<string, unknown>; html: string }>,
  item: unknown,
): void {
  if (!isRecord(item) || typeof item["id"] !== "number") return;
  if (typeof item["description"] !== "string") return;
  if (!topicReader.read(item)) return;
  into.set(item["id"], { raw: item, html: item["description"] });
}

/**
 * Knowledge bases (forums of type `KNOWLEDGEBASE …`), for later work on a help centre: one of
 * their topic lists, one article and one article's comments, with the shape of each. Evidence
 * only: the board shows no knowledge base.
 */
export async function checkKnowledgeBases(
  ctx: CheckContext,
  forums: readonly UpstreamForum[],
): Promise<void> {
  const bases = forums.filter((f) => /^KNOWLEDGE\s*BASE/i.test(f.type ?? ""));
  const ids = ["kb.topics", "kb.topic", "kb.comments"];
  if (bases.length === 0) {
    for (const id of ids) {
      ctx.add({ id, status: "unknown", evidence: "the community has no knowledge base forum" });
    }
    return;
  }
  const filled = bases.filter((f) => (f.topic_count ?? 1) > 0);
  const base = filled.find((f) => /PUBLIC/i.test(f.type ?? "")) ?? filled[0] ?? bases[0]!;
  const kinds = countShapes(bases.map((f) => f.type ?? "?"));
  const command = `forums/${base.id}/topics`;
  const list = await ctx.observe(() =>
    ctx.client.listTopics(base.id, { page: 1, limit: 10, order_by: TOPIC_ORDER_BY[ATTESTED_SORT] }),
  );
  const listAnswer = list.answers.find((a) => a.command === command);
  if ("error" in list) {
    ctx.add({
      id: "kb.topics",
      status: "fail",
      evidence: `${kinds}; ${command} cannot be read as a topic list: ${describeError(list.error)} (${listEncoding(listAnswer)})`,
    });
    for (const id of ids.slice(1)) {
      ctx.add({ id, status: "unknown", evidence: "no article list to take an article from" });
    }
    return;
  }
  const page = list.value;
  const firstRaw = envelopeOf(listAnswer).data;
  ctx.add({
    id: "kb.topics",
    status: page.received === 0 || page.items.length > 0 ? "pass" : "fail",
    evidence:
      `${kinds}; forum ${base.id} (${base.type ?? "?"}${base.topic_count == null ? "" : `, ${base.topic_count} topics`}): ` +
      `${page.received} article(s) read as topics, ${page.items.length} pass the worker's topic schema` +
      (Array.isArray(firstRaw) && firstRaw.length > 0
        ? `; an item: ${valueShape(firstRaw[0])}`
        : "") +
      `; details ${envelopeOf(listAnswer).details === undefined ? "absent" : "present"}`,
  });
  const article = page.items.reduce<Topic | undefined>(
    (best, t) =>
      best === undefined || (t.comment_count ?? 0) > (best.comment_count ?? 0) ? t : best,
    undefined,
  );
  if (article === undefined) {
    for (const id of ids.slice(1)) {
      ctx.add({ id, status: "unknown", evidence: `forum ${base.id} has no article to read` });
    }
    return;
  }
  const single = await ctx.observe(() => ctx.client.getTopic(article.id));
  ctx.add(shapeCheck("kb.topic", `topics/${article.id}`, single));
  const comments = await ctx.observe(() =>
    ctx.client.listComments(article.id, { page: 1, limit: 10, order_by: "created" }),
  );
  ctx.add(shapeCheck("kb.comments", `topics/${article.id}/comments`, comments));
}

/** A read reported by its shape: read or not, and what came back. */
function shapeCheck(id: string, command: string, read: Observed<unknown>) {
  const answer = read.answers.find((a) => a.command === command);
  const data = envelopeOf(answer).data;
  const shape = Array.isArray(data)
    ? `${valueShape(data)}${data.length > 0 ? `, an item: ${valueShape(data[0])}` : ""}`
    : valueShape(data);
  return "error" in read
    ? {
        id,
        status: "fail" as const,
        evidence: `${command} cannot be read: ${describeError(read.error)} (${listEncoding(answer)})`,
      }
    : { id, status: "pass" as const, evidence: `${command}: ${shape}` };
}

/**
 * The check user, found by the guid it signs in with (`users/sso/{guid}`), and the topics it
 * follows (`users/{id}/subscriptions`), whose shape no source shows. When its list is empty,
 * an author's is read too, for the shape of an item. Only shapes and counts are reported.
 */
export async function checkSubscriptions(
  ctx: CheckContext,
  topics: readonly Topic[],
): Promise<void> {
  const lookup = `users/sso/${encodeURIComponent(CHECK_USER.guid)}`;
  const found = await ctx.observe(() => ctx.client.getOne(lookup, {}, userReader));
  if ("error" in found) {
    const signedIn = ctx.checks.some((c) => c.id === "sso" && c.status === "pass");
    ctx.add({
      id: "users.sso",
      status: signedIn ? "fail" : "unknown",
      evidence: signedIn
        ? `users/sso/${CHECK_USER.guid} cannot be read: ${describeError(found.error)}, though the check user signed in`
        : `users/sso/${CHECK_USER.guid} cannot be read (${describeError(found.error)}): the check user may not exist yet; set USERECHO_ANON_TOKEN and USERECHO_SSO_KEY so that the check signs it in`,
    });
    ctx.add({ id: "subscriptions", status: "unknown", evidence: "no user to ask about" });
    return;
  }
  const user = found.value;
  const named = user.name === CHECK_USER.displayName;
  ctx.add({
    id: "users.sso",
    status: named ? "pass" : "fail",
    evidence: `users/sso/${CHECK_USER.guid} is user ${user.id}${named ? ", the check user" : `, not named "${CHECK_USER.displayName}"`}`,
  });

  const read = (id: number) =>
    ctx.observe(() =>
      ctx.client.getPage(`users/${id}/subscriptions`, { page: 1, limit: 10 }, asSent),
    );
  const own = await read(user.id);
  const ownAnswer = own.answers.find((a) => a.command === `users/${user.id}/subscriptions`);
  if ("error" in own) {
    ctx.add({
      id: "subscriptions",
      status: "fail",
      evidence: `users/${user.id}/subscriptions refused (${listEncoding(ownAnswer)}): its shape stays unknown; keep "Follow on the forum"`,
    });
    return;
  }
  let evidence = `users/${user.id}/subscriptions (the check user's): ${subscriptionShape(ownAnswer)}`;
  const ownData = envelopeOf(ownAnswer).data;
  const author = topics.find((t) => typeof t.author?.id === "number" && t.author.id !== user.id)
    ?.author?.id;
  if (Array.isArray(ownData) && ownData.length === 0 && typeof author === "number") {
    const other = await read(author);
    const answer = other.answers.find((a) => a.command === `users/${author}/subscriptions`);
    evidence +=
      "error" in other
        ? `; a topic author's (user ${author}) refused (${listEncoding(answer)})`
        : `; a topic author's (user ${author}): ${subscriptionShape(answer)}`;
  }
  ctx.add({ id: "subscriptions", status: "pass", evidence });
}

function subscriptionShape(answer: RawAnswer | undefined): string {
  const envelope = envelopeOf(answer);
  const data = envelope.data;
  const item = Array.isArray(data) && data.length > 0 ? `, an item: ${itemShape(data[0])}` : "";
  return `${valueShape(data)}${item}, details ${envelope.details === undefined ? "absent" : "present"}`;
}

/** An object's keys with the kind of each value: `{object_type: string, object_id: number}`. */
function itemShape(value: unknown): string {
  if (!isRecord(value)) return valueShape(value);
  const kind = (v: unknown) =>
    v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "object" ? "object" : typeof v;
  return `{${Object.entries(value)
    .map(([key, v]) => `${key}: ${kind(v)}`)
    .join(", ")}}`;
}
