/**
 * The leak check behind every worker test, every fuzz case and the browser tests: no secret of
 * the worker's
 * configuration may reach a client or a log, neither as is nor in one of the encodings a
 * careless code path would produce (a token in a redirect URL, a key inside a Base64 blob, a
 * JSON-escaped message).
 */
import credentials from "../credentials.json" with { type: "json" };

/** The secrets of the test configuration (this package's credentials.json). */
export const SECRETS: Readonly<Record<string, string>> = {
  agentToken: credentials.agentToken,
  anonymousToken: credentials.anonymousToken,
  ssoKey: credentials.ssoKey,
  siteJwtSecret: credentials.siteJwtSecret,
  partnerKey: credentials.partnerKey,
  adminKey: credentials.adminKey,
  webhookToken: credentials.webhookToken,
  webhookKey: credentials.webhookKey,
};

/** How one form of a secret is searched for. */
export interface SecretForm {
  /** Which secret, for the failure message. */
  secret: string;
  /** Which encoding, for the failure message. */
  encoding: string;
  needle: string;
  /** Percent-encodings may use either hex case (RFC 3986 §2.1). */
  caseInsensitive: boolean;
}

/**
 * The part of a Base64 text that a byte string produces wherever it sits in a longer input, for
 * each of the three alignments (offset mod 3). Characters that also depend on the neighbouring
 * bytes are cut off at both ends, so the needle matches inside any larger Base64 text.
 */
export function base64Cores(bytes: Uint8Array): string[] {
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const shifted = new Uint8Array(offset + bytes.length);
    shifted.set(bytes, offset);
    const encoded = btoa(String.fromCharCode(...shifted));
    const first = Math.ceil((8 * offset) / 6);
    const end = Math.floor((8 * (offset + bytes.length)) / 6);
    cores.push(encoded.slice(first, end));
  }
  return cores;
}

/** Every form of `value` that {@link assertNoSecrets} looks for. */
export function secretForms(name: string, value: string): SecretForm[] {
  const form = (encoding: string, needle: string, caseInsensitive = false): SecretForm => ({
    secret: name,
    encoding,
    needle,
    caseInsensitive,
  });
  const bytes = new TextEncoder().encode(value);
  const forms: SecretForm[] = [form("raw", value), form("JSON string", JSON.stringify(value))];
  for (const [index, core] of base64Cores(bytes).entries()) {
    forms.push(form(`base64 (offset ${index})`, core));
    forms.push(form(`base64url (offset ${index})`, core.replace(/\+/g, "-").replace(/\//g, "_")));
  }
  const component = encodeURIComponent(value);
  const everyByte = [...bytes].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
  forms.push(
    form("encodeURIComponent", component, true),
    form("form-urlencoded", new URLSearchParams({ v: value }).toString().slice(2), true),
    form("every byte percent-encoded", everyByte, true),
    form("double URL-encoded", encodeURIComponent(component), true),
  );
  // A cut-off secret is still a leak: any 16-character window of the raw value.
  for (let start = 0; start + 16 <= value.length; start++) {
    forms.push(form(`raw, characters ${start}-${start + 15}`, value.slice(start, start + 16)));
  }
  return forms;
}

const FORMS: readonly SecretForm[] = Object.entries(SECRETS).flatMap(([name, value]) =>
  secretForms(name, value),
);

/**
 * Throws when `text` holds any secret in any form of {@link secretForms}.
 *
 * @param where What the text is (`body`, `header x-foo`), for the failure message.
 */
export function assertNoSecretsIn(text: string, where: string): void {
  const lower = text.toLowerCase();
  for (const form of FORMS) {
    const found = form.caseInsensitive
      ? lower.includes(form.needle.toLowerCase())
      : text.includes(form.needle);
    if (found) {
      throw new Error(`${where} leaks ${form.secret} (${form.encoding})`);
    }
  }
}

/**
 * Throws when any header (name or value) or the body of `response` carries a secret, raw,
 * Base64 (standard or URL-safe, any alignment), URL-encoded or JSON-escaped. A JSON body is also
 * checked after decoding, so `\u0055E-…` escapes do not hide a token. Reads a clone: the
 * caller can still read the body.
 */
export async function assertNoSecrets(response: Response, request = "response"): Promise<void> {
  for (const [name, value] of response.headers) {
    assertNoSecretsIn(`${name}: ${value}`, `${request}: header ${name}`);
  }
  const body = await response.clone().text();
  assertNoSecretsIn(body, `${request}: body`);
  let decoded: unknown;
  try {
    decoded = JSON.parse(body);
  } catch {
    return;
  }
  assertNoSecretsIn(JSON.stringify(decoded), `${request}: body (JSON-decoded)`);
}
