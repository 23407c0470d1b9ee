import type { ErrorMessages } from "../describe.ts";

/** German. */
export default {
  network: "Keine Verbindung zum Server. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
  rateLimited:
    "Zu viele Anfragen in kurzer Zeit. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.",
  unavailable: "Das Forum antwortet gerade nicht. Bitte versuchen Sie es gleich noch einmal.",
  unauthorized: "Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.",
  forbiddenOrigin: "Diese Website darf nicht im Forum veröffentlichen.",
  duplicate: "Das wird bereits gesendet. Bitte warten Sie einen Moment.",
  votingHandoff: "In diesem Forum wird im Forum selbst abgestimmt.",
  voteBudgetSpent:
    "Sie haben keine Stimmen mehr. Ziehen Sie eine Ihrer Stimmen bei einem anderen Thema zurück, um hier abzustimmen.",
  writeOutcomeUnknown:
    "Das Forum hat nicht rechtzeitig geantwortet, daher ist unklar, ob dies gespeichert wurde. Laden Sie die Seite neu, um es zu prüfen, bevor Sie es erneut versuchen.",
  rejected: "Das Forum hat dies nicht angenommen.",
  invalid: "Etwas an der Anfrage wurde nicht angenommen.",
  unknown: "Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.",
  notFound: "Das gibt es nicht mehr.",
  topicNotFound: "Dieses Thema gibt es nicht mehr.",
  forumNotFound: "Forum {forum} gibt es nicht, oder es ist nicht öffentlich.",
  forumMissing: "Für dieses Board ist kein Forum eingestellt.",
  titleLength: "Der Titel braucht {min} bis {max} Zeichen.",
  descriptionLength: "Die Beschreibung darf höchstens {max} Zeichen haben.",
  commentLength: "Der Kommentar braucht {min} bis {max} Zeichen.",
} satisfies ErrorMessages;
