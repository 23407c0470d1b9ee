/**
 * Interface languages UserEcho accepts in the SSO `locale` field (docs/USERECHO.md §10, the API docs'
 * language list). Anything else is dropped rather than sent: UserEcho then uses the project's
 * default language.
 */
export const SSO_LOCALES = [
  "en",
  "en-gb",
  "ru",
  "es",
  "fr",
  "de",
  "nl",
  "is",
  "et",
  "kk",
  "pt-br",
  "uk",
  "cs",
  "da",
  "fi",
  "hu",
  "it",
  "ja",
  "ko",
  "sv",
  "sk",
  "tr",
  "zh-hans",
  "ca",
  "pl",
  "lv",
  "lt",
  "nb",
  "el",
  "he",
  "ar",
  "bg",
  "ro",
  "fa",
] as const;

/**
 * The SSO `locale` field holds at most five characters (UserEcho's SSO article: Varchar(5)).
 * `zh-hans`, though UserEcho lists it as an interface language, does not fit and is not sent:
 * the user then gets the project's default language.
 */
export const SSO_LOCALE_MAX_LENGTH = 5;

/** One of {@link SSO_LOCALES}. */
export type SsoLocale = (typeof SSO_LOCALES)[number];

const KNOWN: ReadonlySet<string> = new Set(SSO_LOCALES);

// BCP 47 tags that name a listed language under another spelling.
const ALIASES: ReadonlyMap<string, SsoLocale> = new Map([
  ["zh", "zh-hans"],
  ["zh-cn", "zh-hans"],
  ["zh-sg", "zh-hans"],
  ["no", "nb"],
  ["nb-no", "nb"],
]);

/**
 * Maps a BCP 47 tag (`pt-BR`, `en_US`, `zh-Hans-CN`) to UserEcho's code, or `undefined` when
 * UserEcho has no such language or its code does not fit the field (Chinese). Tries the whole tag, then ever shorter prefixes, so `en-US`
 * becomes `en` while `en-GB` stays `en-gb`.
 *
 * @example normaliseSsoLocale("pt-BR") // "pt-br"
 */
export function normaliseSsoLocale(tag: string): SsoLocale | undefined {
  if (tag.length > 35 || !/^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$/.test(tag)) return undefined;
  const parts = tag.toLowerCase().replace(/_/g, "-").split("-");
  for (let length = parts.length; length > 0; length--) {
    const candidate = parts.slice(0, length).join("-");
    const code = KNOWN.has(candidate) ? (candidate as SsoLocale) : ALIASES.get(candidate);
    if (code !== undefined) return code.length <= SSO_LOCALE_MAX_LENGTH ? code : undefined;
  }
  return undefined;
}
