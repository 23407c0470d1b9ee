import type { ErrorMessages } from "../describe.ts";

/** Japanese. */
export default {
  network: "サーバーに接続できません。接続を確認して、もう一度お試しください。",
  rateLimited: "短時間にリクエストが多すぎます。1 分待ってから、もう一度お試しください。",
  unavailable: "フォーラムが現在応答していません。しばらくしてからもう一度お試しください。",
  unauthorized: "サインインの有効期限が切れました。もう一度サインインしてください。",
  forbiddenOrigin: "このウェブサイトはフォーラムに投稿できません。",
  duplicate: "すでに送信中です。しばらくお待ちください。",
  votingHandoff: "このフォーラムでは、フォーラム上で投票します。",
  voteBudgetSpent:
    "投票できる票が残っていません。ここで投票するには、ほかのトピックへの投票を取り消してください。",
  writeOutcomeUnknown:
    "フォーラムが時間内に応答しなかったため、保存されたかどうかわかりません。もう一度試す前に、ページを再読み込みして確認してください。",
  rejected: "フォーラムに受け付けられませんでした。",
  invalid: "リクエストの一部が受け付けられませんでした。",
  unknown: "問題が発生しました。もう一度お試しください。",
  notFound: "すでに存在しません。",
  topicNotFound: "このトピックはすでに存在しません。",
  forumNotFound: "フォーラム {forum} は存在しないか、公開されていません。",
  forumMissing: "このボードにはフォーラムが設定されていません。",
  titleLength: "タイトルは {min}～{max} 文字にしてください。",
  descriptionLength: "説明は {max} 文字以内にしてください。",
  commentLength: "コメントは {min}～{max} 文字にしてください。",
} satisfies ErrorMessages;
