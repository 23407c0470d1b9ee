import credentials from "../../../test/emulator/credentials.json" with { type: "json" };

/**
 * The leak check behind every worker test: each secret the tests run with is recognisable, and
 * no response header, body or log line may carry one — raw, URL-encoded, or inside base64.
 */
export const SECRETS: Readonly<Record<string, string>> = {
  agentToken: credentials.agentToken,
  anonymousToken: credentials.anonymousToken,
  ssoKey: credentials.ssoKey,
  siteJwtSecret: credentials.siteJwtSecret,
  partnerKey: credentials.partnerKey,
};

const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;

/** Names of the secrets found in `text`, in any of the encodings checked. */
export function findSecrets(text: string): string[] {
  const haystacks = [text, safeDecodeUri(text), ...decodedBase64Runs(text)];
  return Object.entries(SECRETS)
    .filter(([, secret]) => haystacks.some((haystack) => haystack.includes(secret)))
    .map(([name]) => name);
}

/** Every header and the body of a response (read from a clone: the caller still gets it). */
export async function responseText(response: Response): Promise<string> {
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join("\n");
  const body = response.body ? await response.clone().text() : "";
  return `${response.status}\n${headers}\n\n${body}`;
}

export async function assertNoSecrets(response: Response, where: string): Promise<void> {
  const found = findSecrets(await responseText(response));
  if (found.length > 0)
    throw new Error(`secret leak (${found.join(", ")}) in response to ${where}`);
}

function safeDecodeUri(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

/** Base64 runs decoded at each of the three alignments a secret can have inside them. */
function decodedBase64Runs(text: string): string[] {
  const decoded: string[] = [];
  for (const [run] of text.matchAll(BASE64_RUN)) {
    const standard = run.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
    for (let skip = 0; skip < 4; skip++) {
      const slice = standard.slice(skip);
      const usable = slice.slice(0, slice.length - (slice.length % 4));
      if (usable.length < 16) continue;
      try {
        decoded.push(atob(usable));
      } catch {
        // not base64 at this alignment
      }
    }
  }
  return decoded;
}
