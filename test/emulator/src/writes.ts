/**
 * The write endpoints, as a signed-in user (the agent token's user, or the SSO user of the
 * anonymous token + `sso_token`): create a topic and comment (docs/USERECHO.md §7), and vote
 * (inferred from legacy v1: see INFERRED.md). Each answers with the object as reads show it.
 */
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { actingUserId, readableForum, readableTopic, type AuthVariables } from "./auth.ts";
import {
  optionalBoolean,
  optionalId,
  optionalIdList,
  optionalText,
  readJsonObject,
  requiredId,
  requiredText,
} from "./body.ts";
import type { WriteKind } from "./control.ts";
import { Presenter, siteOrigin } from "./entities.ts";
import { success } from "./envelope.ts";
import { BadRequestError, NotFoundError } from "./errors.ts";
import type { Profile } from "./profile.ts";
import { VoteBudgetError, type VoteValue, type Store } from "./store.ts";
import { escapeHtml } from "./text.ts";
import type { Subject } from "./hooks/deliver.ts";
import type { HookEvent } from "./hooks/registry.ts";

type WriteEnv = { Variables: AuthVariables & { profile: Profile } };

export interface WriteDeps {
  readonly auth: MiddlewareHandler<WriteEnv>;
  readonly store: () => Store;
  readonly alias: string;
  readonly recordWrite?: ((kind: WriteKind) => void) | undefined;
  /** Told about each topic and comment written, so registered webhooks hear of it. */
  readonly announce?: ((c: Context, event: HookEvent, subject: Subject) => void) | undefined;
}

// Limits (inferred: the real ones are unknown).
const MAX_HEADER = 255;
const MAX_HTML = 100_000;

/** `POST forums/:id/topics`, `POST topics/:id/comments`, `POST topics/:id/votes`. */
export function writeRoutes({
  auth,
  store: getStore,
  alias,
  recordWrite,
  announce,
}: WriteDeps): Hono<WriteEnv> {
  const writes = new Hono<WriteEnv>();

  /** The acting user first: a request nobody signed cannot even learn whether a forum exists. */
  const scope = (c: Context<WriteEnv>) => {
    const viewer = c.get("viewer");
    const userId = actingUserId(viewer);
    const store = getStore();
    return {
      viewer,
      userId,
      store,
      present: new Presenter(store, viewer, siteOrigin(c.req.url, alias), c.get("profile")),
      profile: c.get("profile"),
    };
  };

  writes.post("/forums/:forumId{[0-9]+}/topics", auth, async (c) => {
    const { viewer, userId, store, present } = scope(c);
    const forum = readableForum(store, viewer, c.req.param("forumId"));
    const body = await readJsonObject(c);
    const header = requiredText(body, "header", MAX_HEADER).trim();
    const description = toHtml(optionalText(body, "description", MAX_HTML));
    const typeId = requiredId(body, "type");
    if (store.type(typeId)?.forumId !== forum.id) {
      throw new BadRequestError("Parameter 'type' is not a type of this forum");
    }
    const categoryId = optionalId(body, "category");
    if (categoryId !== null && store.category(categoryId)?.forumId !== forum.id) {
      throw new BadRequestError("Parameter 'category' is not a category of this forum");
    }
    const tagIds = optionalIdList(body, "tags");
    if (tagIds.some((id) => store.tag(id)?.forumId !== forum.id)) {
      throw new BadRequestError("Parameter 'tags' names a tag not of this forum");
    }
    // Accepted and not emulated: show_voter, custom_fields, needs_review (type-checked only).
    optionalBoolean(body, "show_voter");
    optionalBoolean(body, "needs_review");

    const topic = store.createTopic({
      forumId: forum.id,
      typeId,
      categoryId,
      tagIds,
      header,
      description,
      authorId: userId,
    });
    recordWrite?.("topics");
    announce?.(c, "topic.created", { kind: "topic", topic });
    return c.json(success(present.topic(topic)));
  });

  writes.post("/topics/:topicId{[0-9]+}/comments", auth, async (c) => {
    const { viewer, userId, store, present, profile } = scope(c);
    const topic = readableTopic(store, viewer, c.req.param("topicId"));
    const body = await readJsonObject(c);
    const text = toHtml(requiredText(body, "text", MAX_HTML));
    // Only staff may post the official answer; others' flag is ignored (inferred).
    const official = optionalBoolean(body, "is_official") === true && !!store.user(userId)?.isStaff;
    const comment = store.createComment({
      topicId: topic.id,
      authorId: userId,
      text,
      isOfficial: official,
    });
    recordWrite?.("comments");
    announce?.(c, "comment.created", { kind: "comment", comment });
    // A third-party client reads only `data.id` of the answer; nothing shows more of it.
    return c.json(success(profile.richTopics ? present.comment(comment) : { id: comment.id }));
  });

  writes.post("/topics/:topicId{[0-9]+}/votes", auth, async (c) => {
    const { viewer, userId, store, present, profile } = scope(c);
    // No source names a vote endpoint for v2: only the extended profile guesses one.
    if (!profile.votes) throw new NotFoundError("Unknown API path");
    const topic = readableTopic(store, viewer, c.req.param("topicId"));
    const body = await readJsonObject(c);
    let voted;
    try {
      voted = store.vote(topic.id, userId, voteValue(body["value"]));
    } catch (error) {
      // A spent budget is refused like any bad request (inferred: UserEcho's status and text are
      // unknown, and the worker must not read this one).
      if (error instanceof VoteBudgetError) throw new BadRequestError("You have no votes left");
      throw error;
    }
    recordWrite?.("votes");
    return c.json(success(present.topic(voted)));
  });

  return writes;
}

function voteValue(value: unknown): VoteValue {
  if (value === undefined || value === null)
    throw new BadRequestError("Parameter 'value' is required");
  if (value === 1 || value === 0 || value === -1) return value;
  throw new BadRequestError("Parameter 'value' must be 1, 0 or -1");
}

/**
 * HTML is stored as sent (docs/USERECHO.md §7: descriptions are HTML; sanitising is the consumer's
 * job); plain text is escaped and wrapped in paragraphs, as the documented response shows
 * `"<p>Test topic description</p>"` for a plain description (inferred).
 */
function toHtml(text: string): string {
  if (text.trim() === "") return "";
  if (/<[a-z!/]/i.test(text)) return text;
  return text
    .trim()
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\r?\n/g, "<br>")}</p>`)
    .join("");
}
