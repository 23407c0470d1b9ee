import type { Context, MiddlewareHandler } from "hono";
import { decodeUtf8, readCappedBytes } from "../../api/input.ts";
import type { AppEnv } from "../../env.ts";
import { PayloadTooLargeError, UnauthorizedError } from "../../errors/index.ts";
import { readHookSecrets } from "../../hooks/config.ts";
import { sameSecret, verifySignature } from "../../hooks/signature.ts";

/** Far above a topic with a long description; a delivery is one topic or one comment. */
export const MAX_HOOK_BODY_BYTES = 512 * 1024;

export interface UserEchoHookOptions {
  /**
   * Called before a delivery that does not prove itself is refused, e.g. to count it against
   * the caller's rate limit (and answer 429 instead once it is over).
   */
  onRefused?: (c: Context<AppEnv>) => Promise<void>;
  /** Largest body read; beyond it, 413. */
  maxBodyBytes?: number;
}

/**
 * Lets in only deliveries from UserEcho: the `{token}` path segment must be
 * USERECHO_WEBHOOK_TOKEN (compared in constant time) and, when USERECHO_WEBHOOK_KEY is set,
 * `X-UE-Signature` must be the key's HMAC-SHA1 of the body or of the word `POST`
 * (hooks/signature.ts). Either failing answers the same 401, so a caller cannot tell a right
 * token from a wrong one by the answer. The body is read raw, whatever its content type, and
 * left on the context for the route to parse.
 */
export function userEchoHook(options: UserEchoHookOptions = {}): MiddlewareHandler<AppEnv> {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_HOOK_BODY_BYTES;
  return async function userEchoHookMiddleware(c, next) {
    const { token, key } = readHookSecrets(c.env);
    const refuse = async (): Promise<never> => {
      await options.onRefused?.(c);
      throw new UnauthorizedError(
        "Unknown hook token, or a missing or wrong X-UE-Signature.",
        "Signature",
      );
    };
    if (!(await sameSecret(c.req.param("token") ?? "", token))) await refuse();

    if (Number(c.req.header("Content-Length") ?? 0) > maxBodyBytes) {
      throw new PayloadTooLargeError(maxBodyBytes);
    }
    const bytes = await readCappedBytes(c.req.raw.body, maxBodyBytes);
    const signedOver =
      key === undefined
        ? "unsigned"
        : ((await verifySignature(key, c.req.header("X-UE-Signature"), bytes)) ?? (await refuse()));
    c.set("hook", { body: decodeUtf8(bytes), signedOver });
    await next();
  };
}
