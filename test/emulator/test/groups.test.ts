import { beforeEach, describe, it } from "vitest";
import { createApp } from "../src/app.ts";
import type { ApiForum, ApiGroup, ApiSubscription, ApiTopic, ApiUser } from "../src/entities.ts";
import { GROUP_MEMBERS, USER_GROUPS, getSeed } from "../src/seed/index.ts";
import { Store } from "../src/store.ts";
import {
  AGENT_TOKEN,
  ANONYMOUS_TOKEN,
  data,
  getJson,
  postJson,
  rawSsoToken,
  ssoToken,
} from "./support.ts";

// A store of its own: the votes and comments here must not reach other suites.
const store = new Store(getSeed());
const extended = createApp({ store, profile: "extended" });
const documented = createApp({ store, profile: "documented" });

beforeEach(() => store.reset());

/** An `sso_token` for a seeded group member, as a site that knows their guid signs them in. */
const signIn = (member: { readonly guid: string }, extra: Record<string, unknown> = {}) =>
  ssoToken({ guid: member.guid, display_name: "Group member", ...extra });

const withSso = (command: string, sso: string) =>
  `${command}${command.includes("?") ? "&" : "?"}sso_token=${sso}`;

/** A topic as `sso` reads it (the anonymous token and the user's `sso_token`). */
const topicAs = async (topicId: number, sso: string) =>
  data(await getJson<ApiTopic>(extended, withSso(`topics/${topicId}.json`, sso), ANONYMOUS_TOKEN));

const vote = (topicId: number, value: number, sso: string, app = extended) =>
  postJson<ApiTopic>(
    app,
    `topics/${topicId}/votes.json`,
    { value },
    { token: ANONYMOUS_TOKEN, sso },
  );

const forumVotes = async () =>
  data(await getJson<ApiForum[]>(extended, "forums.json")).find((f) => f.id === 1)!.vote_count;

/** Topics of the public forum 1 that no seeded member has voted on. */
const [FRESH_TOPIC, SECOND_TOPIC, THIRD_TOPIC] = getSeed()
  .topics.filter((t) => t.forumId === 1 && !getSeed().votes.some((v) => v.topicId === t.id))
  .map((t) => t.id) as [number, number, number];

describe("user groups (docs/USERECHO.md §8)", () => {
  it("lists the groups with their weight and budget, for the agent's token only", async ({
    expect,
  }) => {
    const groups = data(await getJson<ApiGroup[]>(extended, "users/groups.json"));
    expect(groups).toEqual(
      USER_GROUPS.map((g) => ({
        id: g.id,
        name: g.name,
        vote_weight: g.voteWeight,
        vote_count: g.voteCount,
      })),
    );
    expect(groups.some((g) => g.vote_weight === 3 && g.vote_count === null)).toBe(true);
    // Documented (the reference's row and the create page's answer), so every profile has it.
    expect(data(await getJson<ApiGroup[]>(documented, "users/groups.json"))).toEqual(groups);
    const anonymous = await getJson(extended, "users/groups.json", ANONYMOUS_TOKEN);
    expect(anonymous.status).toBe(401);
    const member = await getJson(
      extended,
      withSso("users/groups.json", await signIn(GROUP_MEMBERS.keyAccount)),
      ANONYMOUS_TOKEN,
    );
    expect(member.body.status).toBe("error");
  });

  it("counts a vote with the user's weight, and takes all of it back", async ({ expect }) => {
    const sso = await signIn(GROUP_MEMBERS.keyAccount);
    const before = await topicAs(FRESH_TOPIC, sso);
    const forumBefore = await forumVotes();
    expect(before.vote.current_user).toBe(0);

    const up = data(await vote(FRESH_TOPIC, 1, sso));
    expect(up.vote).toMatchObject({
      current_user: 3,
      positive: before.vote.positive + 3,
      total: before.vote.total + 3,
      diff: before.vote.diff + 3,
    });
    expect((await topicAs(FRESH_TOPIC, sso)).vote.current_user).toBe(3);
    expect(await forumVotes()).toBe(forumBefore + 3);

    const down = data(await vote(FRESH_TOPIC, -1, sso));
    expect(down.vote).toMatchObject({
      current_user: -3,
      positive: before.vote.positive,
      negative: before.vote.negative + 3,
      diff: before.vote.diff - 3,
    });

    const withdrawn = data(await vote(FRESH_TOPIC, 0, sso));
    expect(withdrawn.vote).toEqual(before.vote);
    expect(await forumVotes()).toBe(forumBefore);
  });

  it("shows a seeded member's earlier vote as theirs, with its weight", async ({ expect }) => {
    const [seeded] = getSeed().votes.filter((v) => v.userId === GROUP_MEMBERS.keyAccount.userId);
    expect(seeded?.value).toBe(3);
    const sso = await signIn(GROUP_MEMBERS.keyAccount);
    const topic = await topicAs(seeded!.topicId, sso);
    expect(topic.vote.current_user).toBe(3);
    // Taking it back takes the three seeded votes off the totals.
    const withdrawn = data(await vote(seeded!.topicId, 0, sso));
    expect(withdrawn.vote.positive).toBe(topic.vote.positive - 3);
    // Nobody else sees it as their own.
    const other = await ssoToken({ guid: "groups-someone-else", display_name: "Else" });
    expect((await topicAs(seeded!.topicId, other)).vote.current_user).toBe(0);
  });

  it("refuses a vote beyond the budget with an error envelope, until one is taken back", async ({
    expect,
  }) => {
    const sso = await signIn(GROUP_MEMBERS.trial);
    expect(data(await vote(FRESH_TOPIC, 1, sso)).vote.current_user).toBe(1);
    const before = await topicAs(SECOND_TOPIC, sso);
    const refused = await vote(SECOND_TOPIC, 1, sso);
    expect(refused.body).toMatchObject({ status: "error", message: expect.any(String) });
    expect(refused.status).toBe(400);
    expect((await topicAs(SECOND_TOPIC, sso)).vote).toEqual(before.vote);
    // Turning the vote round costs nothing more; taking it back frees it for another topic.
    expect(data(await vote(FRESH_TOPIC, -1, sso)).vote.current_user).toBe(-1);
    expect(data(await vote(FRESH_TOPIC, 0, sso)).vote.current_user).toBe(0);
    expect(data(await vote(SECOND_TOPIC, 1, sso)).vote.current_user).toBe(1);
  });

  it("refuses every new vote of a member whose budget is spent by a seeded vote", async ({
    expect,
  }) => {
    const sso = await signIn(GROUP_MEMBERS.spent);
    const refused = await vote(FRESH_TOPIC, 1, sso);
    expect(refused.body.status).toBe("error");
    const [seeded] = getSeed().votes.filter((v) => v.userId === GROUP_MEMBERS.spent.userId);
    expect((await topicAs(seeded!.topicId, sso)).vote.current_user).toBe(1);
    expect(data(await vote(seeded!.topicId, 0, sso)).vote.current_user).toBe(0);
    expect(data(await vote(FRESH_TOPIC, 1, sso)).vote.current_user).toBe(1);
  });

  it("gives the most generous weight and budget to a member of several groups", async ({
    expect,
  }) => {
    // Partners (5 votes, 10 in all) and Key accounts (3, no limit): 5 each, no limit.
    const sso = await ssoToken({ guid: "groups-both", display_name: "Both", groups: [12, 11] });
    for (const topicId of [FRESH_TOPIC, SECOND_TOPIC, THIRD_TOPIC]) {
      expect(data(await vote(topicId, 1, sso)).vote.current_user).toBe(5);
    }
  });

  it("takes a user's groups from the sso_token: groups replace them, group_id sets one", async ({
    expect,
  }) => {
    const guid = "groups-from-token";
    const weighted = await ssoToken({ guid, display_name: "Grace", groups: [11, 999, -1] });
    expect(data(await vote(FRESH_TOPIC, 1, weighted)).vote.current_user).toBe(3);
    expect(store.userBySsoGuid(guid)?.groupIds).toEqual([11]); // unknown ids are skipped

    // Without `groups` the user keeps them; with `groups: []` they lose them.
    const keep = await ssoToken({ guid, display_name: "Grace" });
    expect(data(await vote(FRESH_TOPIC, 1, keep)).vote.current_user).toBe(3);
    const none = await ssoToken({ guid, display_name: "Grace", groups: [] });
    expect(data(await vote(FRESH_TOPIC, 1, none)).vote.current_user).toBe(1);

    // The older article's `group_id`: one group, 0 for none.
    const legacy = await rawSsoToken({
      guid,
      display_name: "Grace",
      group_id: 12,
      expires: Math.floor(Date.now() / 1000) + 600,
    });
    expect(data(await vote(FRESH_TOPIC, 1, legacy)).vote.current_user).toBe(5);
    expect(store.userBySsoGuid(guid)?.groupIds).toEqual([12]);
  });

  it("has no vote endpoint in the documented profile, whatever the groups", async ({ expect }) => {
    const sso = await signIn(GROUP_MEMBERS.keyAccount);
    const response = await vote(FRESH_TOPIC, 1, sso, documented);
    expect(response.status).toBe(200); // the documented profile's errors are HTTP 200 envelopes
    expect(response.body.status).toBe("error");
    expect((await topicAs(FRESH_TOPIC, sso)).vote.current_user).toBe(0);
  });
});

describe("users/sso/{guid} and users/{id}/subscriptions", () => {
  it("finds a user by the guid a site signed them in with", async ({ expect }) => {
    const { userId, guid } = GROUP_MEMBERS.partner;
    const user = data(await getJson<ApiUser>(extended, `users/sso/${guid}.json`));
    expect(user.id).toBe(userId);
    const created = "site-user/with:odd chars";
    await getJson(
      extended,
      withSso("users/current.json", await ssoToken({ guid: created, display_name: "Odd" })),
      ANONYMOUS_TOKEN,
    );
    const odd = data(
      await getJson<ApiUser>(extended, `users/sso/${encodeURIComponent(created)}.json`),
    );
    expect(odd.name).toBe("Odd");
    const missing = await getJson(extended, "users/sso/nobody-has-this-guid.json");
    expect(missing.status).toBe(404);
  });

  it("lists the topics a user wrote or commented on, in the extended profile", async ({
    expect,
  }) => {
    const author = getSeed().topics.find((t) => t.authorId > 6)!.authorId;
    const authored = getSeed()
      .topics.filter((t) => t.authorId === author)
      .map((t) => t.id);
    const listed = data(
      await getJson<ApiSubscription[]>(extended, `users/${author}/subscriptions.json`),
    );
    expect(listed.map((s) => s.object_id)).toEqual(authored);
    expect(listed.every((s) => s.object_type === "topic" && !Number.isNaN(Date.parse(s.created))));

    // A new user follows nothing, then the topic they comment on.
    const sso = await ssoToken({ guid: "subscriber", display_name: "Sub" });
    const me = data(
      await getJson<ApiUser>(extended, withSso("users/current.json", sso), ANONYMOUS_TOKEN),
    );
    const own = () =>
      getJson<ApiSubscription[]>(
        extended,
        withSso(`users/${me.id}/subscriptions.json`, sso),
        ANONYMOUS_TOKEN,
      );
    const empty = await own();
    expect(empty.body).toMatchObject({ status: "success", data: [], details: { count: 0 } });
    const comment = await postJson(
      extended,
      `topics/${FRESH_TOPIC}/comments.json`,
      { text: "Me too" },
      { token: ANONYMOUS_TOKEN, sso },
    );
    expect(comment.body.status).toBe("success");
    expect(data(await own()).map((s) => s.object_id)).toEqual([FRESH_TOPIC]);
  });

  it("hides other users' subscriptions, and has none in the documented profile", async ({
    expect,
  }) => {
    const sso = await ssoToken({ guid: "nosy", display_name: "Nosy" });
    const others = await getJson(
      extended,
      withSso(`users/${GROUP_MEMBERS.partner.userId}/subscriptions.json`, sso),
      ANONYMOUS_TOKEN,
    );
    expect(others.status).toBe(404);
    const anonymous = await getJson(extended, "users/7/subscriptions.json", ANONYMOUS_TOKEN);
    expect(anonymous.status).toBe(401);
    const inDocumented = await getJson(documented, "users/7/subscriptions.json");
    expect(inDocumented).toMatchObject({ status: 200, body: { status: "error" } });
    expect((await getJson(extended, "users/999999/subscriptions.json", AGENT_TOKEN)).status).toBe(
      404,
    );
  });
});
