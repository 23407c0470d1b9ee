import type { ErrorMessages } from "../describe.ts";

/** Dutch. */
export default {
  network: "Geen verbinding met de server. Controleer je verbinding en probeer het opnieuw.",
  rateLimited: "Te veel verzoeken in korte tijd. Wacht een minuut en probeer het dan opnieuw.",
  unavailable: "Het forum reageert op dit moment niet. Probeer het zo opnieuw.",
  unauthorized: "Je aanmelding is verlopen. Meld je opnieuw aan.",
  forbiddenOrigin: "Deze website mag niet op het forum publiceren.",
  duplicate: "Dit wordt al verzonden. Wacht even.",
  votingHandoff: "Op dit forum stem je op het forum zelf.",
  voteBudgetSpent:
    "Je hebt geen stemmen meer. Trek een van je stemmen op een ander onderwerp in om hier te stemmen.",
  writeOutcomeUnknown:
    "Het forum antwoordde niet op tijd, dus het is niet bekend of dit is opgeslagen. Laad de pagina opnieuw om het te controleren voordat je het nog eens probeert.",
  rejected: "Het forum heeft dit niet geaccepteerd.",
  invalid: "Iets in het verzoek werd niet geaccepteerd.",
  unknown: "Er ging iets mis. Probeer het opnieuw.",
  notFound: "Dit bestaat niet meer.",
  topicNotFound: "Dit onderwerp bestaat niet meer.",
  forumNotFound: "Forum {forum} bestaat niet of is niet openbaar.",
  forumMissing: "Er is geen forum ingesteld voor dit bord.",
  titleLength: "De titel moet {min} tot {max} tekens hebben.",
  descriptionLength: "De beschrijving mag hoogstens {max} tekens hebben.",
  commentLength: "De reactie moet {min} tot {max} tekens hebben.",
} satisfies ErrorMessages;
