/**
 * The chunk map of docs/WIDGET.md ("What loads when"): every file of the script-tag build, what
 * it is made of, which file loads it and when, from the chunk graphs the two builds write
 * (`chunkGraph` in cdn-plugins.ts). The "when" of each chunk is written here, by its name; a
 * chunk without one fails, so a new chunk cannot go unexplained. The build checks that the
 * table in docs/WIDGET.md is this one (`node scripts/chunk-map.ts`, exit 1 when stale);
 * `--write` puts it there.
 *
 * Run after both `vite build`s.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ChunkGraph } from "./cdn-plugins.ts";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const doc = fileURLToPath(new URL("../../docs/WIDGET.md", import.meta.url));
const START = "<!-- chunk map: written by widget/scripts/chunk-map.ts -->";
const END = "<!-- end of chunk map -->";

/** When each chunk is fetched, by its name. */
const WHEN: Readonly<Record<string, string>> = {
  widget: "first: the page's script tag; it holds the elements' places and fetches the rest",
  board: "once the page has a board, a leaderboard or a roadmap, or when a launcher is reached for",
  "userecho-top-users": "once the page has a leaderboard",
  "userecho-roadmap": "once the page has a roadmap",
  "userecho-launcher": "once the page has a launcher",
  dialog: "when the visitor reaches for a launcher (points at it, focuses it, opens it)",
  "userecho-topic-view": "when a topic opens in a launcher's or a roadmap's dialog",
  controls:
    "once a board's first rows are drawn, or on the visitor's first action if that comes first",
  "userecho-topic-detail": "when a topic is first expanded, or shown in a dialog",
  "userecho-submit-form": 'when the visitor first presses "Submit an idea"',
  actions: "on the visitor's first vote, or first signed-in forum link, on a board",
  "own-votes": "once a page of topics is listed, on a page that can sign the visitor in",
  "signed-in": "with the first signed-in forum link",
  writes: "with the first vote, comment or topic",
  auth: "with the first part that asks for the visitor's token",
  pager: "with the first numbered paging (a board's, or a topic's comments)",
  "english-more": "with the first part drawn after the first rows: the rest of English",
  "board-context": "with the first part that reads or provides the board's context",
  "context-provider": "with the first part that provides the board's context",
  "context-consumer": "with the first part that reads the board's context",
  "control-styles":
    "with the first part drawn after a board's first rows, or another element: the rest of English, the controls' styles",
  errors: "on the first failure to explain, in the element's language",
  load: "when an element's language is not English",
  "rolldown-runtime": "with the first chunk that needs the bundler's module helpers",
  strings: "when an element is first shown in that language",
  explanations: "when a failure is first explained in that language",
};

interface Row {
  file: string;
  name: string;
  madeOf: string;
  loadedBy: string;
}

/** A module as a reader finds it: a path under src/, a package, or the bundler's own. */
function moduleName(path: string): string {
  if (/rolldown\/runtime|\0|(^|\/)vite\//.test(path)) return "the bundler's runtime";
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?(@[^/]+\/[^/]+|[^/]+)/.exec(path);
  if (pkg) return pkg[1]!;
  // The workspace's contract package, which the bundler names from widget/ as a sibling.
  const shared = /^\.\.\/(shared)\/src\/(.*)$/.exec(path);
  if (shared) return `${shared[1]}/${shared[2]}`;
  return path.replace(/^src\//, "");
}

/**
 * The modules of a chunk: each package once; the files of a folder by name, or, when it gives
 * more than two, the folder with their count.
 */
function summary(modules: readonly string[]): string {
  const folders = new Map<string, string[]>();
  for (const module of new Set(modules.map(moduleName))) {
    const slash = module.lastIndexOf("/");
    const folder = module.startsWith("@") || slash < 0 ? module : module.slice(0, slash);
    folders.set(folder, [...(folders.get(folder) ?? []), module]);
  }
  return [...folders]
    .map(([folder, files]) =>
      files.length > 2 ? `${folder}/ (${files.length} files)` : files.join(", "),
    )
    .join(", ");
}

function rows(): Row[] {
  const graph: ChunkGraph = Object.assign(
    {},
    ...["cdn-board-chunks.json", "cdn-chunks.json"].map(
      (file) => JSON.parse(readFileSync(dist + file, "utf8")) as ChunkGraph,
    ),
  );
  const loaders = new Map<string, Set<string>>();
  const nameOf = (file: string) => (file === "widget.js" ? "widget" : graph[file]!.name);
  for (const [file, chunk] of Object.entries(graph)) {
    for (const [imported, how] of [
      ...chunk.imports.map((i) => [i, "with"] as const),
      ...chunk.dynamicImports.map((i) => [i, "lazily"] as const),
    ]) {
      const set = loaders.get(imported) ?? new Set();
      set.add(`${nameOf(file)} (${how})`);
      loaders.set(imported, set);
    }
  }
  // widget.js fetches the board by its hashed name, which no bundler sees as an import.
  loaders.set(
    Object.keys(graph).find((file) => graph[file]!.name === "board")!,
    new Set(["widget (lazily)"]),
  );
  const all = Object.entries(graph).map(([file, chunk]) => ({
    file,
    name: nameOf(file),
    madeOf: summary(chunk.modules),
    loadedBy: file === "widget.js" ? "the page" : [...(loaders.get(file) ?? [])].sort().join(", "),
    modules: chunk.modules,
  }));
  // A language's strings and its explanations of failures: one row each, for all languages.
  const language = (kind: string, folder: string): Row | undefined => {
    const chunks = all.filter((c) => c.modules.every((m) => m.includes(folder)));
    if (!chunks.length) return undefined;
    const names = [...new Set(chunks.map((c) => c.name))].sort();
    return {
      file: `chunks/{${names.join(",")}}-*.js`,
      name: kind,
      madeOf: `${folder} (one each)`,
      loadedBy: [...new Set(chunks.map((c) => c.loadedBy))].join(", "),
    };
  };
  const perLanguage = (c: { modules: string[] }) =>
    c.modules.every((m) => m.includes("i18n/locales/") || m.includes("errors/locales/"));
  const named = all
    .filter((c) => !perLanguage(c))
    .map(({ file, name, madeOf, loadedBy }) => ({
      file: file === "widget.js" ? file : file.replace(/-[\w-]{8}\.js$/, "-*.js"),
      name,
      madeOf,
      loadedBy,
    }));
  const order = (row: Row) => (row.name === "widget" ? 0 : row.name === "board" ? 1 : 2);
  named.sort((a, b) => order(a) - order(b) || a.file.localeCompare(b.file));
  return [
    ...named,
    ...[language("strings", "i18n/locales/"), language("explanations", "errors/locales/")].filter(
      (row): row is Row => row !== undefined,
    ),
  ];
}

function table(): string {
  const lines = ["| file | made of | loaded by | when |", "| --- | --- | --- | --- |"];
  const missing: string[] = [];
  for (const row of rows()) {
    const when = WHEN[row.name];
    if (!when) missing.push(row.name);
    lines.push(`| \`${row.file}\` | ${row.madeOf} | ${row.loadedBy} | ${when ?? "?"} |`);
  }
  if (missing.length) {
    throw new Error(`say when these chunks load, in scripts/chunk-map.ts: ${missing.join(", ")}`);
  }
  return lines.join("\n");
}

const text = readFileSync(doc, "utf8");
const start = text.indexOf(START);
const end = text.indexOf(END);
if (start < 0 || end < start) throw new Error(`docs/WIDGET.md has no "${START}" … "${END}"`);
// Prettier would realign the table's columns, and the check compares text: it leaves it be.
const updated = `${text.slice(0, start + START.length)}
<!-- prettier-ignore-start -->
${table()}
<!-- prettier-ignore-end -->
${text.slice(end)}`;
if (process.argv.includes("--write")) {
  writeFileSync(doc, updated);
} else if (updated !== text) {
  console.error(
    "docs/WIDGET.md's chunk map is not this build's: run `pnpm --filter @userecho-edge/widget chunk-map`",
  );
  process.exit(1);
}
