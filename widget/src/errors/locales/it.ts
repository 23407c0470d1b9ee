import type { ErrorMessages } from "../describe.ts";

/** Italian. */
export default {
  network: "Nessuna connessione al server. Controlla la connessione e riprova.",
  rateLimited: "Troppe richieste in poco tempo. Attendi un minuto, poi riprova.",
  unavailable: "Il forum non risponde in questo momento. Riprova tra poco.",
  unauthorized: "Il tuo accesso è scaduto. Accedi di nuovo.",
  forbiddenOrigin: "Questo sito non può pubblicare nel forum.",
  duplicate: "L’invio è già in corso. Attendi un momento.",
  votingHandoff: "In questo forum si vota direttamente nel forum.",
  voteBudgetSpent:
    "Non hai più voti. Ritira uno dei tuoi voti su un altro argomento per votare qui.",
  writeOutcomeUnknown:
    "Il forum non ha risposto in tempo, quindi non si sa se è stato salvato. Ricarica la pagina per verificarlo prima di riprovare.",
  rejected: "Il forum non l’ha accettato.",
  invalid: "Qualcosa nella richiesta non è stato accettato.",
  unknown: "Qualcosa è andato storto. Riprova.",
  notFound: "Non esiste più.",
  topicNotFound: "Questo argomento non esiste più.",
  forumNotFound: "Il forum {forum} non esiste o non è pubblico.",
  forumMissing: "Per questa bacheca non è impostato alcun forum.",
  titleLength: "Il titolo deve avere da {min} a {max} caratteri.",
  descriptionLength: "La descrizione può avere al massimo {max} caratteri.",
  commentLength: "Il commento deve avere da {min} a {max} caratteri.",
} satisfies ErrorMessages;
