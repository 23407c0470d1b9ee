/**
 * The command line of `pnpm check-userecho`. Secrets come from the environment only, and no
 * message ever repeats an argument's value (../command-line).
 */
import {
  apiBaseOf,
  readAlias,
  readHttpUrl,
  readOptions,
  unknownOption,
  UsageError,
  type Command,
} from "../command-line/index.ts";

/** What a run checks, and how it reports. */
export interface CheckArgs {
  /** `https://{alias}.userecho.com/api/v2` (or any API v2 base), without a trailing slash. */
  baseUrl: string;
  /** Set when the base was given as `--alias`, or is an `{alias}.userecho.com` base. */
  alias: string | undefined;
  /** The forum whose topics are checked; by default the public forum with the most topics. */
  forumId: number | undefined;
  json: boolean;
  /** Cast one vote as the check user and take it back: the run's only deliberate write. */
  probeVotes: boolean;
}

/** The secrets a run reads, all from the environment. */
export interface CheckSecrets {
  apiToken: string;
  anonymousToken: string | undefined;
  ssoKey: string | undefined;
}

/** `--help`, and the tail of every usage error. */
export const USAGE = `Usage: pnpm check-userecho (--alias ALIAS | --base-url https://ALIAS.userecho.com/api/v2)
                          [--forum ID] [--probe-votes] [--json]

Checks, read-only, what the worker guesses about a UserEcho community's API v2 and prints
the settings it recommends. Exit code: 0 the worker will work (with the fallbacks shown),
1 something essential failed, 2 bad usage.

Environment (never pass a secret as an argument):
  USERECHO_API_TOKEN    required: the agent token the worker will use
  USERECHO_ANON_TOKEN   optional, with USERECHO_SSO_KEY: also check reads as a signed-in user
  USERECHO_SSO_KEY      optional: the project's SSO key

With the two optional secrets, the check signs in a user of its own, guid "userecho-edge-check",
display name "userecho-edge check": UserEcho creates that user on its first sign-in. That is
the only thing the check changes without --probe-votes; everything else is a GET.

Options:
  --alias ALIAS       the community's sub-domain (ALIAS.userecho.com)
  --base-url URL      the API v2 base instead, e.g. a regional host
  --forum ID          the forum whose topics are checked (default: the public forum with the most)
  --probe-votes       A WRITE: as the check user, vote on one topic of that forum, read it back,
                      take the vote back and read it again, to tell whether inline voting works
                      (VOTING). Needs USERECHO_ANON_TOKEN and USERECHO_SSO_KEY.
  --json              print { checks, recommended, warnings, ok } as JSON instead of a table
  --help              this text`;

const USERECHO_HOST = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.userecho\.com$/i;

const COMMAND: Command = {
  usage: USAGE,
  secretNames: ["USERECHO_API_TOKEN", "USERECHO_ANON_TOKEN", "USERECHO_SSO_KEY"],
};

/**
 * Reads the arguments and the environment. `null` means `--help`.
 *
 * @throws UsageError with a message that never quotes a value.
 */
export function readCommandLine(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): { args: CheckArgs; secrets: CheckSecrets } | null {
  let baseUrl: string | undefined;
  let alias: string | undefined;
  let forumId: number | undefined;
  let json = false;
  let probeVotes = false;
  for (const option of readOptions(argv, env, COMMAND)) {
    switch (option.name) {
      case "help":
        return null;
      case "json":
        json = option.flag();
        break;
      case "probe-votes":
        probeVotes = option.flag();
        break;
      case "base-url":
        baseUrl = readHttpUrl(option.value(), "--base-url", COMMAND).href.replace(/\/+$/, "");
        break;
      case "alias":
        alias = readAlias(option.value(), COMMAND);
        break;
      case "forum": {
        const given = option.value();
        if (!/^[1-9]\d{0,9}$/.test(given)) throw new UsageError("--forum expects a forum id.");
        forumId = Number(given);
        break;
      }
      default:
        throw unknownOption(option.name, COMMAND);
    }
  }

  baseUrl = apiBaseOf(alias, baseUrl, COMMAND);
  alias ??= USERECHO_HOST.exec(new URL(baseUrl).hostname)?.[1]?.toLowerCase();

  const apiToken = env["USERECHO_API_TOKEN"]?.trim();
  if (!apiToken) {
    throw new UsageError(
      "Set USERECHO_API_TOKEN in the environment to the agent token the worker will use.",
    );
  }
  const anonymousToken = env["USERECHO_ANON_TOKEN"]?.trim() || undefined;
  const ssoKey = env["USERECHO_SSO_KEY"] || undefined;
  if (probeVotes && (anonymousToken === undefined || ssoKey === undefined)) {
    throw new UsageError(
      "--probe-votes votes as the check's own SSO user: set USERECHO_ANON_TOKEN and " +
        "USERECHO_SSO_KEY in the environment too.",
    );
  }
  return {
    args: { baseUrl, alias, forumId, json, probeVotes },
    secrets: { apiToken, anonymousToken, ssoKey },
  };
}
