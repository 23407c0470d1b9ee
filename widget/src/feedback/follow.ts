import type { EdgeApi } from "../api/client.ts";
import type { TokenProvider } from "../internal/config.ts";

/** The signed-in actions, loaded on first use (see actions.ts). */
export const loadActions = () => import("./actions.ts");

/**
 * "Continue on the forum": with a token callback, the plain link becomes a signed-in one
 * (`/v1/sso/link`). The tab is opened inside the click, so popup blockers allow it, and is
 * pointed at the link once the worker answers (at the plain URL if it cannot; `onError` hears
 * why). Without a callback the plain link does its job. Resolves `false`, having closed the
 * tab, when the link needs a signed-in visitor (`anonymous: false`) and there is none.
 */
export async function follow(
  api: EdgeApi | undefined,
  provider: TokenProvider | undefined,
  event: Event | undefined,
  url: string,
  anonymous: boolean,
  onError: (error: unknown) => void,
): Promise<boolean> {
  if (!provider || !api) return true;
  event?.preventDefault();
  const tab = window.open("", "_blank");
  if (tab) tab.opener = null;
  const { url: target, error } = await loadActions().then(
    (actions) => actions.signedInUrl(api, provider, url, anonymous),
    (failure: unknown) => ({ url, error: failure }),
  );
  if (error) onError(error);
  if (!target) {
    tab?.close();
    return false;
  }
  if (tab) tab.location.href = target;
  else window.open(target, "_blank", "noopener");
  return true;
}
