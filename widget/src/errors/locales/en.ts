/**
 * English explanations of failures, the source locale of `errors/` (the others are checked
 * against it). Loaded only when something fails, so the first render does not carry them.
 * `{min}`, `{max}`, `{forum}` are placeholders.
 */
const en = {
  network: "There is no connection to the server. Check your connection and try again.",
  rateLimited: "Too many requests in a short time. Please wait a minute, then try again.",
  unavailable: "The forum is not answering right now. Please try again in a moment.",
  unauthorized: "Your sign-in has expired. Please sign in again.",
  forbiddenOrigin: "This website may not post to the forum.",
  duplicate: "This is already being sent. Please wait a moment.",
  votingHandoff: "On this forum, votes are cast on the forum itself.",
  voteBudgetSpent:
    "You have no votes left. Take back one of your votes on another topic to vote here.",
  writeOutcomeUnknown:
    "The forum did not answer in time, so it is not known whether this was saved. Reload the page to check before trying again.",
  rejected: "The forum did not accept this.",
  invalid: "Something in the request was not accepted.",
  unknown: "Something went wrong. Please try again.",
  notFound: "It no longer exists.",
  topicNotFound: "This topic no longer exists.",
  forumNotFound: "Forum {forum} does not exist or is not public.",
  forumMissing: "No forum is set for this board.",
  titleLength: "The title needs {min} to {max} characters.",
  descriptionLength: "The description can have at most {max} characters.",
  commentLength: "The comment needs {min} to {max} characters.",
};

export default en;
