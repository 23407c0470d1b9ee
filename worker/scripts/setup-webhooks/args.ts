/**
 * The command line of `pnpm setup-webhooks`. Secrets come from the environment only, and no
 * message ever repeats an argument's value (../command-line).
 */
import { readHookSecrets } from "../../src/hooks/config.ts";
import { MisconfiguredError } from "../../src/errors/index.ts";
import {
  apiBaseOf,
  readAlias,
  readHttpUrl,
  readOptions,
  unknownOption,
  UsageError,
  type Command,
} from "../command-line/index.ts";

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

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

const COMMAND: Command = {
  usage: USAGE,
  secretNames: ["USERECHO_API_TOKEN", "USERECHO_WEBHOOK_TOKEN"],
};

/**
 * Reads the arguments and the environment. `null` means `--help`.
 *
 * @throws UsageError with a message that never quotes a value.
 */
export function readCommandLine(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): { args: SetupArgs; secrets: SetupSecrets } | null {
  let baseUrl: string | undefined;
  let alias: string | undefined;
  let target: string | undefined;
  let withoutListing = false;
  let json = false;
  for (const option of readOptions(argv, env, COMMAND)) {
    switch (option.name) {
      case "help":
        return null;
      case "json":
        json = option.flag();
        break;
      case "without-listing":
        withoutListing = option.flag();
        break;
      case "base-url":
        baseUrl = readHttpUrl(option.value(), "--base-url", COMMAND).href.replace(/\/+$/, "");
        break;
      case "target": {
        const url = readHttpUrl(option.value(), "--target", COMMAND);
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
      case "alias":
        alias = readAlias(option.value(), COMMAND);
        break;
      default:
        throw unknownOption(option.name, COMMAND);
    }
  }

  baseUrl = apiBaseOf(alias, baseUrl, COMMAND);
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
