/**
 * English, the source locale, part one: the strings a board needs before its first row, which
 * ship in the board's chunk. The rest are in `en-more.ts`, which every part loaded later brings along
 * (`i18n/english-more.ts`). Every other locale provides all keys of both, in one file (checked by
 * `satisfies Messages`). `{n}`, `{title}`, `{page}`, `{total}` are placeholders; objects are
 * plural forms keyed by `Intl.PluralRules` categories.
 */
const en = {
  heading: "Ideas and feedback",
  topicCount: { one: "{n} topic", other: "{n} topics" },
  loading: "Loading…",
  empty: "No topics yet.",
  loadError: "The board could not be loaded.",
  partFailed: "Part of the board could not be downloaded.",
  retry: "Try again",
  search: "Search",
  searchPlaceholder: "Search ideas…",
  votes: { one: "vote", other: "votes" },
  voteFor: "Vote for “{title}”",
  comments: { one: "{n} comment", other: "{n} comments" },
  submitIdea: "Submit an idea",
  secondsAgo: { "=0": "now", one: "{n} second ago", other: "{n} seconds ago" },
  minutesAgo: { one: "{n} minute ago", other: "{n} minutes ago" },
  hoursAgo: { one: "{n} hour ago", other: "{n} hours ago" },
  daysAgo: { "=1": "yesterday", other: "{n} days ago" },
  weeksAgo: { "=1": "last week", other: "{n} weeks ago" },
  monthsAgo: { "=1": "last month", other: "{n} months ago" },
  yearsAgo: { "=1": "last year", other: "{n} years ago" },
};

export default en;
