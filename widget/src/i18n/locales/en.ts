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
};

export default en;
