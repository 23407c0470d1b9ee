/**
 * The command line of `pnpm check-userecho`. Secrets come from the environment only: an
 * argument ends up in the shell history and in every process list, so anything that looks like
 * a token is refused, and no message ever repeats an argument's value.
 */

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

/** Bad usage: the message is safe to print, and the process exits with 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
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

// DNS labels, as the worker's USERECHO_ALIAS accepts them.
const ALIAS_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const USERECHO_HOST = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.userecho\.com$/i;
// Option names under which people pass secrets.
const SECRET_OPTION = /token|secret|key|password|passwd|auth|credential/i;
// A long run of token characters with both letters and digits, and no URL or path in it.
const TOKEN_LIKE = /^(?=.*[a-z])(?=.*\d)[\w.+/=~-]{16,}$/i;

const TOKEN_REFUSED =
  "Refusing an argument that looks like a token or key. Secrets are read from the environment " +
  "only (USERECHO_API_TOKEN, USERECHO_ANON_TOKEN, USERECHO_SSO_KEY): an argument is kept in " +
  "your shell history and shown in the process list.";

/**
 * Reads the arguments and the environment. `null` means `--help`.
 *
 * @throws UsageError with a message that never quotes a value.
 */
export function readCommandLine(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): { args: CheckArgs; secrets: CheckSecrets } | null {
  const secrets = [env["USERECHO_API_TOKEN"], env["USERECHO_ANON_TOKEN"], env["USERECHO_SSO_KEY"]]
    .map((value) => value?.trim())
    .filter((value): value is string => value !== undefined && value.length >= 8);
  for (const arg of argv) {
    if (secrets.some((secret) => arg.includes(secret))) throw new UsageError(TOKEN_REFUSED);
  }

  let baseUrl: string | undefined;
  let alias: string | undefined;
  let forumId: number | undefined;
  let json = false;
  let probeVotes = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith("--") ? splitOption(arg) : [undefined, undefined];
    if (name === undefined) {
      throw new UsageError(
        TOKEN_LIKE.test(arg) ? TOKEN_REFUSED : `Unexpected argument #${i + 1}.\n\n${USAGE}`,
      );
    }
    if (SECRET_OPTION.test(name)) throw new UsageError(TOKEN_REFUSED);
    const value = (): string => {
      const given = inline ?? argv[++i];
      if (given === undefined || given.startsWith("--")) {
        throw new UsageError(`--${name} needs a value.\n\n${USAGE}`);
      }
      return given;
    };
    switch (name) {
      case "help":
        return null;
      case "json":
        if (inline !== undefined) throw new UsageError("--json takes no value.");
        json = true;
        break;
      case "probe-votes":
        if (inline !== undefined) throw new UsageError("--probe-votes takes no value.");
        probeVotes = true;
        break;
      case "base-url":
        baseUrl = apiBase(value());
        break;
      case "alias": {
        const given = value().trim().toLowerCase();
        if (!ALIAS_PATTERN.test(given)) {
          throw new UsageError(
            TOKEN_LIKE.test(given) ? TOKEN_REFUSED : "--alias is not a valid sub-domain label.",
          );
        }
        alias = given;
        break;
      }
      case "forum": {
        const given = value();
        if (!/^[1-9]\d{0,9}$/.test(given)) throw new UsageError("--forum expects a forum id.");
        forumId = Number(given);
        break;
      }
      default:
        throw new UsageError(
          `Unknown option${/^[a-z-]{1,30}$/.test(name) ? ` --${name}` : ""}.\n\n${USAGE}`,
        );
    }
  }

  if (baseUrl !== undefined && alias !== undefined) {
    throw new UsageError("Give --alias or --base-url, not both.");
  }
  if (alias !== undefined) baseUrl = `https://${alias}.userecho.com/api/v2`;
  if (baseUrl === undefined) throw new UsageError(`Give --alias or --base-url.\n\n${USAGE}`);
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

function splitOption(arg: string): [string, string | undefined] {
  const body = arg.slice(2);
  const equals = body.indexOf("=");
  return equals === -1 ? [body, undefined] : [body.slice(0, equals), body.slice(equals + 1)];
}

/** The API base as the worker's USERECHO_BASE_URL accepts it: http(s), no query, no credentials. */
function apiBase(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new UsageError("--base-url is not an absolute URL.");
  }
  if (/[?&](access_token|sso_token)=/i.test(value) || url.username || url.password) {
    throw new UsageError(TOKEN_REFUSED);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new UsageError("--base-url must be an http(s) URL.");
  }
  if (url.search || url.hash) throw new UsageError("--base-url must not carry a query.");
  return url.href.replace(/\/+$/, "");
}
