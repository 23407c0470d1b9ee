import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, it } from "vitest";
import { installWidgetPackage } from "./support/npm-package.ts";

/**
 * The npm package as someone installs it (support/npm-package.ts). Its declarations must
 * type-check there with `skipLibCheck: false`: no private workspace package, no zod, nothing
 * that resolves to `any`.
 */
let project: string;

beforeAll(() => {
  project = installWidgetPackage("userecho-npm-consumer-");
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
import {
  EdgeApi,
  UserEchoFeedback,
  UserEchoLauncher,
  UserEchoRoadmap,
  configure,
  type Topic,
  type TopicPage,
} from "@userecho-edge/widget";
import "@userecho-edge/widget/define";

configure({ endpoint: "https://feedback.example.com" });
const board: UserEchoFeedback = document.createElement("userecho-feedback");
board.forum = 1;
board.sort = "new";
board.addEventListener("userecho-vote", (event) => {
  const score: number = event.detail.votes.score;
  console.log(score);
});
const launcher: UserEchoLauncher = document.createElement("userecho-launcher");
launcher.open({ topic: 1 });
const roadmap: UserEchoRoadmap = document.createElement("userecho-roadmap");
roadmap.forum = 1;
const api = new EdgeApi("https://feedback.example.com");
const page: Promise<TopicPage> = api.get("/v1/forums/{forumId}/topics", {
  params: { forumId: 1 },
  query: { page: 1, limit: 10, sort: "new" },
});
void page.then((result) => {
  const first: Topic | undefined = result.items[0];
  const title: string | undefined = first?.title;
  const status: string | undefined = first?.status?.color;
  console.log(title, status);
});
`;

// Each test checks a whole program with the DOM's declarations: about 15 s on a quiet two-core
// machine, over 30 s while its cores are shared.
describe("npm package types", { timeout: 90_000 }, () => {
  it("type-check in a project that has only the package's dependencies installed", ({ expect }) => {
    expect(typeCheck(consumer), "a consumer's type errors").toEqual([]);
  });

  it("are real types: misuse is an error, not any", ({ expect }) => {
    const errors = typeCheck(
      `${consumer}
board.sort = "random";
void page.then((result) => { const n: number = result.items[0]!.title; console.log(n); });
void api.get("/v1/forums/{forumId}/nope", { params: { forumId: 1 } });
void api.get("/v1/topics/{topicId}", { params: { topicId: "7" } });
`,
    );
    expect(errors, errors.join("\n")).toHaveLength(4);
    expect(errors.join("\n")).toMatch(/"random"/);
    expect(errors.join("\n")).toMatch(/'string' is not assignable to type 'number'/);
    // The client's paths and parameters are the route declarations': a path no route has,
    // or a parameter of the wrong type, does not type-check.
    expect(errors.join("\n")).toMatch(/"\/v1\/forums\/\{forumId\}\/nope"/);
    expect(
      errors.filter((e) => /'string' is not assignable to type 'number'/.test(e)),
    ).toHaveLength(2);
  });
});
