import { SSO_LINK } from "@userecho-edge/shared/paths";
import type { EdgeApi } from "../api/client.ts";
import { tokenFrom } from "../internal/auth.ts";
import type { TokenProvider } from "../internal/config.ts";

/**
 * "Continue on the forum" and "Open on the forum", signed in: the link a visitor follows to the
 * community lands them signed in there when the page can sign them in here. Loaded on the first
 * such click (the tab is opened inside the click by `openTab`, which the board carries).
 */

/** Where a link leads, and the failure to report if the signed-in link was not made. */
export interface SignedInUrl {
  /** `undefined`: the link needs a signed-in visitor and there is none. */
  url: string | undefined;
  error?: unknown;
}

/**
 * A signed-in URL for `url` from `/v1/sso/link`. Without a token: the plain URL when
 * `anonymous` is allowed (a link anyone may follow), else no URL. The plain URL, with the
 * error, when the worker cannot make the link.
 */
export async function signedInUrl(
  api: EdgeApi,
  provider: TokenProvider | undefined,
  url: string,
  anonymous: boolean,
): Promise<SignedInUrl> {
  try {
    const token = provider ? await tokenFrom(provider) : undefined;
    if (!token) return { url: anonymous ? url : undefined };
    const link = await api.post(SSO_LINK, { body: { returnTo: url } }, { token });
    return { url: link.url };
  } catch (error) {
    return { url, error };
  }
}

/**
 * Points `tab` (opened inside the click, see `openTab`) at a signed-in link to `url`, or at `url`
 * itself when the worker cannot make one (with the error, to report). `followed: false`, with the
 * tab closed, when the link needs a signed-in visitor (`anonymous: false`) and there is none.
 */
export async function followSignedIn(
  tab: Window | null,
  api: EdgeApi,
  provider: TokenProvider,
  url: string,
  anonymous: boolean,
): Promise<{ followed: boolean; error?: unknown }> {
  const { url: target, error } = await signedInUrl(api, provider, url, anonymous);
  if (!target) {
    tab?.close();
    return { followed: false, error };
  }
  if (tab) tab.location.href = target;
  else window.open(target, "_blank", "noopener");
  return { followed: true, error };
}
