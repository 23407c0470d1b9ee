import type { ErrorMessages } from "../describe.ts";

/** Brazilian Portuguese. */
export default {
  network: "Sem conexão com o servidor. Verifique sua conexão e tente novamente.",
  rateLimited: "Muitas solicitações em pouco tempo. Aguarde um minuto e tente novamente.",
  unavailable: "O fórum não está respondendo agora. Tente novamente em instantes.",
  unauthorized: "Sua sessão expirou. Entre novamente.",
  forbiddenOrigin: "Este site não pode publicar no fórum.",
  duplicate: "Isso já está sendo enviado. Aguarde um momento.",
  votingHandoff: "Neste fórum, os votos são dados no próprio fórum.",
  voteBudgetSpent:
    "Você não tem mais votos. Retire um dos seus votos em outro tópico para votar aqui.",
  writeOutcomeUnknown:
    "O fórum não respondeu a tempo, então não se sabe se isso foi salvo. Recarregue a página para conferir antes de tentar de novo.",
  rejected: "O fórum não aceitou isso.",
  invalid: "Algo na solicitação não foi aceito.",
  unknown: "Algo deu errado. Tente novamente.",
  notFound: "Isso não existe mais.",
  topicNotFound: "Este tópico não existe mais.",
  forumNotFound: "O fórum {forum} não existe ou não é público.",
  forumMissing: "Nenhum fórum foi definido para este quadro.",
  titleLength: "O título precisa ter de {min} a {max} caracteres.",
  descriptionLength: "A descrição pode ter no máximo {max} caracteres.",
  commentLength: "O comentário precisa ter de {min} a {max} caracteres.",
} satisfies ErrorMessages;
