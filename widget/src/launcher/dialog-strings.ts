import type { Locale } from "../i18n/locales.ts";

/** The words of the launcher's dialog frame, drawn before the board's strings load. */
export interface DialogStrings {
  readonly close: string;
  readonly loading: string;
  /** Back from a topic to the board. */
  readonly allTopics: string;
  /** The board's code could not be fetched. */
  readonly failed: string;
  readonly retry: string;
}

/** Every locale's dialog words; fetched with the dialog (see `dialog.ts`), not with the tab. */
export const DIALOG_STRINGS: Record<Locale, DialogStrings> = {
  en: {
    close: "Close",
    loading: "Loading…",
    allTopics: "All topics",
    failed: "Part of the board could not be downloaded.",
    retry: "Try again",
  },
  ru: {
    close: "Закрыть",
    loading: "Загрузка…",
    allTopics: "Все темы",
    failed: "Не удалось загрузить часть доски.",
    retry: "Повторить",
  },
  es: {
    close: "Cerrar",
    loading: "Cargando…",
    allTopics: "Todos los temas",
    failed: "No se pudo descargar una parte del tablero.",
    retry: "Reintentar",
  },
  de: {
    close: "Schließen",
    loading: "Wird geladen…",
    allTopics: "Alle Themen",
    failed: "Ein Teil des Boards konnte nicht heruntergeladen werden.",
    retry: "Erneut versuchen",
  },
  fr: {
    close: "Fermer",
    loading: "Chargement…",
    allTopics: "Tous les sujets",
    failed: "Une partie du tableau n’a pas pu être téléchargée.",
    retry: "Réessayer",
  },
  "pt-BR": {
    close: "Fechar",
    loading: "Carregando…",
    allTopics: "Todos os tópicos",
    failed: "Não foi possível baixar uma parte do quadro.",
    retry: "Tentar novamente",
  },
  he: {
    close: "סגירה",
    loading: "טוען…",
    allTopics: "כל הנושאים",
    failed: "לא ניתן היה להוריד חלק מהלוח.",
    retry: "ניסיון נוסף",
  },
  it: {
    close: "Chiudi",
    loading: "Caricamento…",
    allTopics: "Tutti gli argomenti",
    failed: "Impossibile scaricare una parte della bacheca.",
    retry: "Riprova",
  },
  nl: {
    close: "Sluiten",
    loading: "Laden…",
    allTopics: "Alle onderwerpen",
    failed: "Een deel van het bord kon niet worden gedownload.",
    retry: "Opnieuw proberen",
  },
  pl: {
    close: "Zamknij",
    loading: "Wczytywanie…",
    allTopics: "Wszystkie tematy",
    failed: "Nie udało się pobrać części tablicy.",
    retry: "Spróbuj ponownie",
  },
  ja: {
    close: "閉じる",
    loading: "読み込み中…",
    allTopics: "すべてのトピック",
    failed: "ボードの一部をダウンロードできませんでした。",
    retry: "再試行",
  },
};
