import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, it } from "vitest";

/**
 * The npm package as someone installs it: `package.json` and `dist/npm`, copied into a project
 * outside the workspace whose node_modules holds only `lit` (its one dependency). Its
 * declarations must type-check there with `skipLibCheck: false`: no private workspace package,
 * no zod, nothing that resolves to `any`.
 */
const widgetDir = fileURLToPath(new URL("../../widget/", import.meta.url));
let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), "userecho-npm-consumer-"));
  const installed = join(project, "node_modules/@userecho-edge/widget");
  mkdirSync(installed, { recursive: true });
  cpSync(join(widgetDir, "package.json"), join(installed, "package.json"));
  cpSync(join(widgetDir, "dist/npm"), join(installed, "dist/npm"), { recursive: true });
  // pnpm's real folder of lit, whose own dependencies sit beside it.
  symlinkSync(realpathSync(join(widgetDir, "node_modules/lit")), join(project, "node_modules/lit"));
});
afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

/** Type-checks `code` as the consumer's one module; returns the diagnostics as text. */
function typeCheck(code: string): string[] {
  const file = join(project, "consumer.ts");
  writeFileSync(file, code);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file?.fileName.replace(project, "") ?? "";
    return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
  });
}

const consumer = `
import { EdgeApi, UserEchoFeedback, configure, type Topic, type TopicPage } from "@userecho-edge/widget";
import "@userecho-edge/widget/define";

configure({ endpoint: "https://feedback.example.com" });
const board: UserEchoFeedback = document.createElement("userecho-feedback");
board.forum = 1;
board.sort = "new";
board.addEventListener("userecho-vote", (event) => {
  const score: number = event.detail.votes.score;
  console.log(score);
});
const api = new EdgeApi("https://feedback.example.com");
const page: Promise<TopicPage> = api.topics({ forum: 1, page: 1, limit: 10 });
void page.then((result) => {
  const first: Topic | undefined = result.items[0];
  const title: string | undefined = first?.title;
  const status: string | undefined = first?.status.color;
  console.log(title, status);
});
`;

describe("npm package types", () => {
  it("type-check in a project that has only lit installed", ({ expect }) => {
    expect(typeCheck(consumer), "a consumer's type errors").toEqual([]);
  });

  it("are real types: misuse is an error, not any", ({ expect }) => {
    const errors = typeCheck(
      `${consumer}
board.sort = "random";
void page.then((result) => { const n: number = result.items[0]!.title; console.log(n); });
`,
    );
    expect(errors).toHaveLength(2);
    expect(errors.join("\n")).toMatch(/"random"/);
    expect(errors.join("\n")).toMatch(/'string' is not assignable to type 'number'/);
  });
});
