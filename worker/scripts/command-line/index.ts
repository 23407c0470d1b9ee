/**
 * What the project's commands (`pnpm check-userecho`, `pnpm setup-webhooks`) share on their
 * command line. Secrets come from the environment only: an argument ends up in the shell history
 * and in every process list, so anything that looks like a token is refused, and no message ever
 * repeats an argument's value.
 */

/** Bad usage: the message is safe to print, and the process exits with 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** DNS labels, as the worker's USERECHO_ALIAS accepts them. */
const ALIAS_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
/** Option names under which people pass secrets. */
const SECRET_OPTION = /token|secret|key|password|passwd|auth|credential/i;
/** A long run of token characters with both letters and digits, and no URL or path in it. */
const TOKEN_LIKE = /^(?=.*[a-z])(?=.*\d)[\w.+/=~-]{16,}$/i;

/** One command's rules: its usage text, and the environment variables that hold its secrets. */
export interface Command {
  readonly usage: string;
  readonly secretNames: readonly string[];
}

/** One option as given: its name, and what reads its value or checks it has none. */
export interface Option {
  readonly name: string;
  /** The option's value (`--name value` or `--name=value`). */
  value(): string;
  /** For a flag: refuses a value. */
  flag(): true;
}

/** The refusal of an argument that looks like a secret, naming where secrets go instead. */
export function tokenRefused(command: Command): UsageError {
  return new UsageError(
    "Refusing an argument that looks like a token or key. Secrets are read from the environment " +
      `only (${command.secretNames.join(", ")}): an argument is kept in your shell history and ` +
      "shown in the process list.",
  );
}

/**
 * The options of `argv`, in order, after refusing any argument that holds a secret of `env`, a
 * positional argument, and an option named like a secret.
 */
export function* readOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  command: Command,
): Generator<Option> {
  const secrets = command.secretNames
    .map((name) => env[name]?.trim())
    .filter((value): value is string => value !== undefined && value.length >= 8);
  for (const arg of argv) {
    if (secrets.some((secret) => arg.includes(secret))) throw tokenRefused(command);
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith("--") ? splitOption(arg) : [undefined, undefined];
    if (name === undefined) {
      throw TOKEN_LIKE.test(arg)
        ? tokenRefused(command)
        : new UsageError(`Unexpected argument #${i + 1}.\n\n${command.usage}`);
    }
    if (SECRET_OPTION.test(name)) throw tokenRefused(command);
    yield {
      name,
      value() {
        const given = inline ?? argv[++i];
        if (given === undefined || given.startsWith("--")) {
          throw new UsageError(`--${name} needs a value.\n\n${command.usage}`);
        }
        return given;
      },
      flag() {
        if (inline !== undefined) throw new UsageError(`--${name} takes no value.`);
        return true;
      },
    };
  }
}

/** An option the command does not know; its name is repeated only when it is a plain name. */
export function unknownOption(name: string, command: Command): UsageError {
  return new UsageError(
    `Unknown option${/^[a-z-]{1,30}$/.test(name) ? ` --${name}` : ""}.\n\n${command.usage}`,
  );
}

/** `--alias`: a sub-domain label, lower-cased. */
export function readAlias(value: string, command: Command): string {
  const given = value.trim().toLowerCase();
  if (!ALIAS_PATTERN.test(given)) {
    if (TOKEN_LIKE.test(given)) throw tokenRefused(command);
    throw new UsageError("--alias is not a valid sub-domain label.");
  }
  return given;
}

/**
 * An http(s) URL without credentials, a query or a fragment, any of which could carry a token
 * into a log.
 */
export function readHttpUrl(value: string, option: string, command: Command): URL {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new UsageError(`${option} is not an absolute URL.`);
  }
  if (url.username || url.password || /[?&](access_token|sso_token)=/i.test(value)) {
    throw tokenRefused(command);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new UsageError(`${option} must be an http(s) URL.`);
  }
  if (url.search || url.hash) throw new UsageError(`${option} must not carry a query.`);
  return url;
}

/**
 * The API v2 base from `--alias` or `--base-url` (one of them, not both), without a trailing
 * slash.
 */
export function apiBaseOf(
  alias: string | undefined,
  baseUrl: string | undefined,
  command: Command,
): string {
  if (baseUrl !== undefined && alias !== undefined) {
    throw new UsageError("Give --alias or --base-url, not both.");
  }
  if (alias !== undefined) return `https://${alias}.userecho.com/api/v2`;
  if (baseUrl === undefined)
    throw new UsageError(`Give --alias or --base-url.\n\n${command.usage}`);
  return baseUrl;
}

/**
 * The command line as `read` makes it, or the exit code the command ends with at once: 2 after
 * printing a usage error, 0 after printing `usage` for `--help` (`read` answers `null`).
 */
export function commandLineOrExit<T>(read: () => T | null, usage: string): T | number {
  let commandLine: T | null;
  try {
    commandLine = read();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (commandLine === null) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  return commandLine;
}

function splitOption(arg: string): [string, string | undefined] {
  const body = arg.slice(2);
  const equals = body.indexOf("=");
  return equals === -1 ? [body, undefined] : [body.slice(0, equals), body.slice(equals + 1)];
}
