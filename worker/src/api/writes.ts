import { Comment, TopicDetail, VoteResult } from "@userecho-edge/shared";
import { userClient } from "../board/clients.ts";
import { toComment, toTopic, toTopicDetail } from "../board/dto.ts";
import { loadSanitizer } from "../sanitize/lazy.ts";
import { loadForumNames } from "../board/forum-names.ts";
import { loadVisibleTopic } from "../board/topics.ts";
import { requireVisibleForum } from "../board/visibility.ts";
import {
  authorOf,
  checkAgainstMeta,
  forumScopes,
  sentTopic,
  topicContext,
  userHtml,
} from "../board/writes.ts";
import { explainRefusedVote, voteWorked, votesHandOff } from "../board/voting.ts";
import { purgeScopes } from "../cache/index.ts";
import type { Written } from "../upstream/client.ts";
import type { UpstreamTopic } from "../upstream/model.ts";
import { UpstreamRejectedError, VotingHandoffError } from "../errors/index.ts";
import type { RecordedResponse } from "../idempotency/index.ts";
import { requireIdentity } from "../middleware/authenticate/index.ts";
import type { RouteHandlers } from "./mount.ts";

/**
 * Handlers of the writes (shared/src/routes.ts). Their guards (allowed origin, signed-in user,
 * the user's write limit) come with the declaration's `auth: "user"`, and their Idempotency-Key
 * with its `idempotent` (api/mount.ts): each checks what it can before writing, then answers
 * with the write, which mountRoutes runs once per key.
 */
export const writeHandlers = {
  createTopic: async (c, { params: { forumId }, body: input }) => {
    await requireVisibleForum(c, forumId);
    const meta = await loadForumNames(c, forumId);
    checkAgainstMeta(meta, input);
    return {
      action: `topics:${forumId}`,
      perform: async (send) => {
        const user = await userClient(c);
        const description = input.description
          ? await userHtml(input.description, input.format)
          : undefined;
        const written = await send(() =>
          user.createTopic(forumId, {
            header: input.title,
            type: input.type,
            ...(description === undefined ? {} : { description }),
            ...(input.category === undefined ? {} : { category: input.category }),
            ...(input.tags === undefined ? {} : { tags: input.tags }),
          }),
        );
        await purgeScopes(c, [`forum:${forumId}`, `topic:${written.id}`]);
        // Only the new id is certain in UserEcho's answer: read the topic back when the answer is
        // not all of it, and describe it from what was sent when even that fails.
        const topic =
          written.object ??
          (await user.getTopic(written.id).catch(() => undefined)) ??
          sentTopic(written.id, input, description, meta, requireIdentity(c));
        const body = TopicDetail.parse(
          toTopicDetail(
            topic,
            { ...topicContext(c, forumId), names: [meta] },
            await loadSanitizer(),
          ),
        );
        return created(body, `/v1/topics/${topic.id}`);
      },
    };
  },

  createComment: async (c, { params: { topicId }, body: input }) => {
    const { forumId } = await loadVisibleTopic(c, topicId);
    return {
      action: `comments:${topicId}`,
      perform: async (send) => {
        const user = await userClient(c);
        const text = await userHtml(input.text, input.format);
        const written = await send(() => user.createComment(topicId, text));
        await purgeScopes(c, [...(await forumScopes(c, forumId)), `topic:${topicId}`]);
        // UserEcho's answer may be just the id: the rest is what was sent, by whom, now.
        const comment = written.object ?? {
          id: written.id,
          text,
          is_official: false,
          created: new Date().toISOString(),
          author: authorOf(requireIdentity(c)),
        };
        const { communityOrigin } = c.get("config");
        const body = Comment.parse(
          toComment(comment, topicId, communityOrigin, await loadSanitizer()),
        );
        return created(body, `/v1/topics/${topicId}/comments`);
      },
    };
  },

  voteOnTopic: async (c, { params: { topicId }, body: input }) => {
    if (await votesHandOff(c)) throw new VotingHandoffError();
    const { forumId } = await loadVisibleTopic(c, topicId);
    return {
      action: `votes:${topicId}`,
      perform: async (send) => {
        const user = await userClient(c);
        let written: Written<UpstreamTopic>;
        try {
          written = await send(() => user.vote(topicId, input.value));
        } catch (error) {
          if (!(error instanceof UpstreamRejectedError)) throw error;
          throw await explainRefusedVote(c, user, topicId, input.value);
        }
        voteWorked(c.get("upstream"));
        await purgeScopes(c, [...(await forumScopes(c, forumId)), `topic:${topicId}`]);
        const topic = written.object ?? (await user.getTopic(topicId));
        const { votes, myVote } = toTopic(topic, { ...topicContext(c, forumId), personal: true });
        const body = VoteResult.parse({ topicId, votes, myVote: myVote ?? 0 });
        return { status: 200, body: JSON.stringify(body), headers: {} };
      },
    };
  },
} satisfies Partial<RouteHandlers>;

function created(body: unknown, location: string): RecordedResponse {
  return { status: 201, body: JSON.stringify(body), headers: { Location: location } };
}
