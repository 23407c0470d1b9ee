/**
 * Emulator profiles: how much of UserEcho the emulator claims to know.
 *
 * - `documented` (the default) serves only what UserEcho's documentation and the third-party
 *   clients that call the real API show (the project's own summary: docs/USERECHO.md). Topics
 *   carry no `forum_id` and no `category`, only topic and user lists carry `details`, errors
 *   arrive as HTTP 200 envelopes whose texts mean nothing, some topics use the older
 *   bare-integer `status`/`type`, and an unattested `order_by` or filter is refused with an
 *   error envelope. There is no vote endpoint, and no `users/:id/subscriptions`.
 * - `documented-ignore`: the same, but unattested parameters are silently ignored. Nobody knows
 *   which of the two UserEcho does, so the worker must cope with both.
 * - `extended`: the richer emulator of the first version, which implements every guess the
 *   worker makes (test/emulator/INFERRED.md). Evidence only for code paths, never for facts.
 *
 * The emulator's default comes from its `EMULATOR_PROFILE` variable; any request may choose
 * another by a path prefix: `/profile/extended/api/v2/forums.json`.
 */
export const PROFILE_NAMES = ["documented", "documented-ignore", "extended"] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

/** Lists by the endpoint that serves them, for {@link Profile.details}. */
export type ListKind =
  | "forums"
  | "types"
  | "statuses"
  | "categories"
  | "tags"
  | "topics"
  | "search"
  | "comments"
  | "users"
  | "groups"
  | "subscriptions";

export interface Profile {
  readonly name: ProfileName;
  /** Topics as the richer guesses have them: `forum_id`, `category`, tag objects, `url` always. */
  readonly richTopics: boolean;
  /** Which lists carry `details`. */
  readonly details: ReadonlySet<ListKind>;
  /** `http`: the inferred 4xx codes; `envelope`: HTTP 200 with a meaningless message. */
  readonly errors: "http" | "envelope";
  /** What happens to an `order_by` or filter that no source shows UserEcho accepting. */
  readonly unattested: "accept" | "refuse" | "ignore";
  /** Some seeded topics in the older format: `status` and `type` as bare integers. */
  readonly legacyTopics: boolean;
  /** The inferred vote endpoint (`POST topics/:id/votes`). */
  readonly votes: boolean;
  /**
   * `GET users/:id/subscriptions`, whose answer no source shows (INFERRED.md, "Subscriptions");
   * absent or false: the path is unknown.
   */
  readonly subscriptions?: boolean;
}

const ALL_LISTS: ReadonlySet<ListKind> = new Set([
  "forums",
  "types",
  "statuses",
  "categories",
  "tags",
  "topics",
  "search",
  "comments",
  "users",
  "groups",
  "subscriptions",
]);

const DOCUMENTED = {
  richTopics: false,
  // Attested: the topic list (third-party clients page it by details) and the users sample.
  details: new Set<ListKind>(["topics", "users"]),
  errors: "envelope",
  legacyTopics: true,
  votes: false,
} as const satisfies Omit<Profile, "name" | "unattested">;

export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  documented: { name: "documented", unattested: "refuse", ...DOCUMENTED },
  "documented-ignore": { name: "documented-ignore", unattested: "ignore", ...DOCUMENTED },
  extended: {
    name: "extended",
    richTopics: true,
    details: ALL_LISTS,
    errors: "http",
    unattested: "accept",
    legacyTopics: false,
    votes: true,
    subscriptions: true,
  },
};

export const DEFAULT_PROFILE: ProfileName = "documented";

export function isProfileName(value: unknown): value is ProfileName {
  return typeof value === "string" && (PROFILE_NAMES as readonly string[]).includes(value);
}

/** `/profile/<name>` at the start of a path: the profile it names and the path without it. */
export function splitProfilePrefix(path: string): { name: ProfileName | undefined; rest: string } {
  const match = /^\/profile\/([a-z-]+)(\/.*)?$/.exec(path);
  if (!match || !isProfileName(match[1])) return { name: undefined, rest: path };
  return { name: match[1], rest: match[2] ?? "/" };
}

/**
 * Error texts of the `envelope` profiles. UserEcho's real texts are unknown, so the emulator
 * rotates through texts that are deliberately useless or misleading: a worker that matches on
 * them breaks here first.
 */
const MEANINGLESS_MESSAGES = [
  "Error",
  "Object does not exist",
  "Ошибка запроса",
  "Access denied",
  "Something went wrong",
  "Not found",
  "Invalid data",
] as const;

let messageIndex = 0;

export function meaninglessMessage(): string {
  messageIndex = (messageIndex + 1) % MEANINGLESS_MESSAGES.length;
  return MEANINGLESS_MESSAGES[messageIndex]!;
}
