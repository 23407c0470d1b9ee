import type { ErrorMessages } from "../describe.ts";

/** French. */
export default {
  network: "Pas de connexion au serveur. Vérifiez votre connexion et réessayez.",
  rateLimited: "Trop de requêtes en peu de temps. Patientez une minute, puis réessayez.",
  unavailable: "Le forum ne répond pas pour le moment. Réessayez dans un instant.",
  unauthorized: "Votre connexion a expiré. Veuillez vous reconnecter.",
  forbiddenOrigin: "Ce site web n’est pas autorisé à publier sur le forum.",
  duplicate: "C’est déjà en cours d’envoi. Patientez un instant.",
  votingHandoff: "Sur ce forum, on vote sur le forum lui-même.",
  voteBudgetSpent:
    "Vous n’avez plus de votes. Retirez l’un de vos votes sur un autre sujet pour voter ici.",
  writeOutcomeUnknown:
    "Le forum n’a pas répondu à temps : on ne sait pas si cela a été enregistré. Rechargez la page pour vérifier avant de réessayer.",
  rejected: "Le forum ne l’a pas accepté.",
  invalid: "Une partie de la requête n’a pas été acceptée.",
  unknown: "Une erreur s’est produite. Veuillez réessayer.",
  notFound: "Cela n’existe plus.",
  topicNotFound: "Ce sujet n’existe plus.",
  forumNotFound: "Le forum {forum} n’existe pas ou n’est pas public.",
  forumMissing: "Aucun forum n’est défini pour ce tableau.",
  titleLength: "Le titre doit comporter de {min} à {max} caractères.",
  descriptionLength: "La description peut comporter au plus {max} caractères.",
  commentLength: "Le commentaire doit comporter de {min} à {max} caractères.",
} satisfies ErrorMessages;
