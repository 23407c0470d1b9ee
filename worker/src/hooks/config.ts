import { MisconfiguredError } from "../errors/index.ts";

/** The webhook's secrets, checked. */
export interface HookSecrets {
  /** The path segment UserEcho's deliveries must carry. */
  token: string;
  /** The project's webhook key; `undefined`: signatures are not checked. */
  key: string | undefined;
}

/** Long enough that guessing it, at the per-IP rate limit, is hopeless. */
const MIN_TOKEN_LENGTH = 32;
const TOKEN_CHARACTERS = /^[A-Za-z0-9._~-]+$/;

/**
 * Reads `USERECHO_WEBHOOK_TOKEN` and `USERECHO_WEBHOOK_KEY`. Webhooks are off until the token is
 * set: a delivery then answers 500 naming it, as other optional features do when their secret is
 * missing. Errors name the variable, never its value.
 */
export function readHookSecrets(env: {
  readonly USERECHO_WEBHOOK_TOKEN?: string | undefined;
  readonly USERECHO_WEBHOOK_KEY?: string | undefined;
}): HookSecrets {
  const token = env.USERECHO_WEBHOOK_TOKEN?.trim() ?? "";
  if (token === "") {
    throw new MisconfiguredError("USERECHO_WEBHOOK_TOKEN", "secret is not set: webhooks are off");
  }
  if (token.length < MIN_TOKEN_LENGTH || !TOKEN_CHARACTERS.test(token)) {
    throw new MisconfiguredError(
      "USERECHO_WEBHOOK_TOKEN",
      `must be at least ${MIN_TOKEN_LENGTH} characters of A-Z, a-z, 0-9, '.', '_', '~', '-'`,
    );
  }
  const key = env.USERECHO_WEBHOOK_KEY?.trim();
  return { token, key: key ? key : undefined };
}
