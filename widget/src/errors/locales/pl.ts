import type { ErrorMessages } from "../describe.ts";

/** Polish. */
export default {
  network: "Brak połączenia z serwerem. Sprawdź połączenie i spróbuj ponownie.",
  rateLimited: "Zbyt wiele żądań w krótkim czasie. Odczekaj minutę i spróbuj ponownie.",
  unavailable: "Forum w tej chwili nie odpowiada. Spróbuj ponownie za chwilę.",
  unauthorized: "Twoja sesja wygasła. Zaloguj się ponownie.",
  forbiddenOrigin: "Ta witryna nie może publikować na forum.",
  duplicate: "To jest już wysyłane. Zaczekaj chwilę.",
  votingHandoff: "Na tym forum głosuje się bezpośrednio na forum.",
  voteBudgetSpent:
    "Nie masz już głosów. Wycofaj jeden ze swoich głosów w innym temacie, aby zagłosować tutaj.",
  writeOutcomeUnknown:
    "Forum nie odpowiedziało na czas, więc nie wiadomo, czy to zostało zapisane. Odśwież stronę, aby to sprawdzić, zanim spróbujesz ponownie.",
  rejected: "Forum tego nie przyjęło.",
  invalid: "Część żądania nie została przyjęta.",
  unknown: "Coś poszło nie tak. Spróbuj ponownie.",
  notFound: "To już nie istnieje.",
  topicNotFound: "Ten temat już nie istnieje.",
  forumNotFound: "Forum {forum} nie istnieje lub nie jest publiczne.",
  forumMissing: "Dla tej tablicy nie ustawiono forum.",
  titleLength: "Tytuł musi mieć od {min} do {max} znaków.",
  descriptionLength: "Opis może mieć najwyżej {max} znaków.",
  commentLength: "Komentarz musi mieć od {min} do {max} znaków.",
} satisfies ErrorMessages;
