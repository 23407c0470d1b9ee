/**
 * The sanitiser, evaluated on first use. parse5 and the HTML entity tables it builds at load
 * time were most of the worker's start-up CPU; lists, meta and cache hits never parse HTML, so
 * a cold isolate that serves them does not pay for it (docs/BENCHMARKS.md, "Cold start").
 * Nothing else may import `./index.ts` statically, or the bundler would load it eagerly again.
 */
import type { sanitizeRichText } from "./index.ts";

export type SanitizeHtml = typeof sanitizeRichText;
export type { RichText, SanitizeOptions } from "./index.ts";

let loading: Promise<SanitizeHtml> | undefined;

export function loadSanitizer(): Promise<SanitizeHtml> {
  loading ??= import("./index.ts").then((module) => module.sanitizeRichText);
  return loading;
}
