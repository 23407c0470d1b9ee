import type { ErrorMessages } from "../describe.ts";

/** Spanish. */
export default {
  network: "No hay conexión con el servidor. Comprueba tu conexión e inténtalo de nuevo.",
  rateLimited: "Demasiadas solicitudes en poco tiempo. Espera un minuto e inténtalo de nuevo.",
  unavailable: "El foro no responde en este momento. Inténtalo de nuevo en un momento.",
  unauthorized: "Tu sesión ha caducado. Vuelve a iniciar sesión.",
  forbiddenOrigin: "Este sitio web no puede publicar en el foro.",
  duplicate: "Ya se está enviando. Espera un momento.",
  votingHandoff: "En este foro se vota en el propio foro.",
  voteBudgetSpent: "No te quedan votos. Retira uno de tus votos en otro tema para votar aquí.",
  writeOutcomeUnknown:
    "El foro no respondió a tiempo, así que no se sabe si esto se guardó. Recarga la página para comprobarlo antes de volver a intentarlo.",
  rejected: "El foro no lo ha aceptado.",
  invalid: "Algo de la solicitud no se ha aceptado.",
  unknown: "Algo ha salido mal. Inténtalo de nuevo.",
  notFound: "Ya no existe.",
  topicNotFound: "Este tema ya no existe.",
  forumNotFound: "El foro {forum} no existe o no es público.",
  forumMissing: "Este tablero no tiene un foro configurado.",
  titleLength: "El título necesita entre {min} y {max} caracteres.",
  descriptionLength: "La descripción puede tener como máximo {max} caracteres.",
  commentLength: "El comentario necesita entre {min} y {max} caracteres.",
} satisfies ErrorMessages;
