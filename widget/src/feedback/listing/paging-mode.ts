/** `numbered`: page buttons; `more`: a "Show more" button that appends the next page. */
export type PagingMode = "numbered" | "more";
