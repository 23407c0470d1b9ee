/**
 * The command line of `pnpm setup-webhooks`. Secrets come from the environment only, as for
 * `pnpm check-userecho`: an argument ends up in the shell history and in every process list, so
 * anything that looks like a token is refused, and no message repeats an argument's value.
 */
import { readHookSecrets } from "../../src/hooks/config.ts";
import { MisconfiguredError } from "../../src/errors/index.ts";

export interface SetupArgs {
  /** `https://{alias}.userecho.com/api/v2` (or any API v2 base), without a trailing slash. */
  baseUrl: string;
  /** The worker's origin, `https://feedback.example.com`. */
  target: string;
  /** Register every event without listing first (when UserEcho cannot list hooks). */
  withoutListing: boolean;
  json: boolean;
}

export interface SetupSecrets {
  /** The agent token: managing hooks is project settings. */
  apiToken: string;
  /** The worker's USERECHO_WEBHOOK_TOKEN: the secret path segment of the hook URL. */
  hookToken: string;
}

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const USAGE = `Usage: pnpm setup-webhooks (--alias ALIAS | --base-url https://ALIAS.userecho.com/api/v2)
                          --target https://WORKER.HOST [--without-listing] [--json]

Registers the worker's webhook with UserEcho for every event that changes what the board shows
(topics and comments created, accepted or deleted). It lists what is registered first, so a
second run changes nothing. Exit code: 0 every event is registered, 1 something failed,
2 bad usage.

Environment (never pass a secret as an argument):
  USERECHO_API_TOKEN       required: an agent token with every permission
  USERECHO_WEBHOOK_TOKEN   required: the worker's webhook token, at least 32 characters of
                           A-Z a-z 0-9 . _ ~ -  (e.g. export USERECHO_WEBHOOK_TOKEN=$(openssl rand -hex 32))

Options:
  --alias ALIAS        the community's sub-domain (ALIAS.userecho.com)
  --base-url URL       the API v2 base instead, e.g. a regional host
  --target URL         the worker's origin: deliveries go to URL/v1/hooks/userecho/<token>
  --without-listing    register every event without listing first, when UserEcho cannot list
                       its hooks (a second run then registers them again: each event would be
                       delivered twice, which only purges twice)
  --json               print the outcome as JSON
  --help               this text`;

const ALIAS_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const SECRET_OPTION = /token|secret|key|password|passwd|auth|credential/i;
const TOKEN_LIKE = /^(?=.*[a-z])(?=.*\d)[\w.+/=~-]{16,}$/i;
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

const TOKEN_REFUSED =
  "Refusing an argument that looks like a token or key. Secrets are read from the environment " +
  "only (USERECHO_API_TOKEN, USERECHO_WEBHOOK_TOKEN): an argument is kept in your shell history " +
  "and shown in the process list.";

/**
 * Reads the arguments and the environment. `null` means `--help`.
 *
 * @throws UsageError with a message that never quotes a value.
 */
export function readCommandLine(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): { args: SetupArgs; secrets: SetupSecrets } | null {
  const secrets = [env["USERECHO_API_TOKEN"], env["USERECHO_WEBHOOK_TOKEN"]]
    .map((value) => value?.trim())
    .filter((value): value is string => value !== undefined && value.length >= 8);
  for (const arg of argv) {
    if (secrets.some((secret) => arg.includes(secret))) throw new UsageError(TOKEN_REFUSED);
  }

  let baseUrl: string | undefined;
  let alias: string | undefined;
  let target: string | undefined;
  let withoutListing = false;
  let json = false;
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
    const flag = (): true => {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value.`);
      return true;
    };
    switch (name) {
      case "help":
        return null;
      case "json":
        json = flag();
        break;
      case "without-listing":
        withoutListing = flag();
        break;
      case "base-url":
        baseUrl = httpUrl(value(), "--base-url").href.replace(/\/+$/, "");
        break;
      case "target": {
        const url = httpUrl(value(), "--target");
        if (url.pathname !== "/") {
          throw new UsageError(
            "--target is the worker's origin only (no path): the API is at /v1.",
          );
        }
        if (url.protocol === "http:" && !LOOPBACK.test(url.hostname)) {
          throw new UsageError("--target must be https (http only for localhost).");
        }
        target = url.origin;
        break;
      }
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
  if (target === undefined) throw new UsageError(`Give --target.\n\n${USAGE}`);

  const apiToken = env["USERECHO_API_TOKEN"]?.trim();
  if (!apiToken) {
    throw new UsageError("Set USERECHO_API_TOKEN in the environment to an agent token.");
  }
  let hookToken: string;
  try {
    // The worker's own rule, so a token it would refuse is refused here first.
    hookToken = readHookSecrets({ USERECHO_WEBHOOK_TOKEN: env["USERECHO_WEBHOOK_TOKEN"] }).token;
  } catch (error) {
    if (!(error instanceof MisconfiguredError)) throw error;
    throw new UsageError(
      `USERECHO_WEBHOOK_TOKEN ${error.message.replace(/^USERECHO_WEBHOOK_TOKEN: /, "")}. ` +
        "Make one with: export USERECHO_WEBHOOK_TOKEN=$(openssl rand -hex 32)",
    );
  }
  return { args: { baseUrl, target, withoutListing, json }, secrets: { apiToken, hookToken } };
}

function splitOption(arg: string): [string, string | undefined] {
  const body = arg.slice(2);
  const equals = body.indexOf("=");
  return equals === -1 ? [body, undefined] : [body.slice(0, equals), body.slice(equals + 1)];
}

/** An http(s) URL without credentials or a query, which could carry a token into a log. */
function httpUrl(value: string, option: string): URL {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new UsageError(`${option} is not an absolute URL.`);
  }
  if (url.username || url.password || /[?&](access_token|sso_token)=/i.test(value)) {
    throw new UsageError(TOKEN_REFUSED);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new UsageError(`${option} must be an http(s) URL.`);
  }
  if (url.search || url.hash) throw new UsageError(`${option} must not carry a query.`);
  return url;
}
