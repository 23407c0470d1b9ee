/**
 * The emitted declarations import the `/v1` shapes (Topic, PageInfo, …) from
 * `@userecho-edge/shared`, a private workspace package whose types are inferred from zod
 * schemas. Someone who installs the npm package has neither, so this writes those types out as
 * plain TypeScript in `types/api-types.d.ts` and points the imports there. The e2e suite
 * type-checks a consumer that has only `lit` (test/e2e/npm-types.test.ts).
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const dir = fileURLToPath(new URL("../dist/npm/types/", import.meta.url));
// The contract package, by name, as any other package of the workspace would reach it.
const sharedEntry = fileURLToPath(import.meta.resolve("@userecho-edge/shared"));
const IMPORT = /(import|export) type \{([^}]+)\} from "@userecho-edge\/shared";/g;

const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) =>
  file.endsWith(".d.ts"),
);
const names = new Set<string>();
for (const file of files) {
  for (const match of readFileSync(dir + file, "utf8").matchAll(IMPORT)) {
    for (const name of match[2]!.split(",")) if (name.trim()) names.add(name.trim());
  }
}

// A probe module aliasing each type, so the checker can tell us what each one is.
const probePath = fileURLToPath(new URL("../dist/npm/.api-types-probe.ts", import.meta.url));
const sorted = [...names].sort();
const probe =
  `import type * as S from ${JSON.stringify(sharedEntry)};\n` +
  sorted.map((name) => `export type ${name} = S.${name};`).join("\n");
writeFileSync(probePath, probe);
const program = ts.createProgram([probePath], {
  strict: true,
  noEmit: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2023,
  allowImportingTsExtensions: true,
  skipLibCheck: true,
});
const checker = program.getTypeChecker();
process.on("exit", () => rmSync(probePath, { force: true }));
const source = program.getSourceFile(probePath)!;
const flags =
  ts.NodeBuilderFlags.NoTruncation |
  ts.NodeBuilderFlags.InTypeAlias |
  ts.NodeBuilderFlags.MultilineObjectLiterals;
const printer = ts.createPrinter();

const declarations: string[] = [];
for (const statement of source.statements) {
  if (!ts.isTypeAliasDeclaration(statement)) continue;
  const type = checker.getTypeAtLocation(statement.type);
  const node = checker.typeToTypeNode(type, statement, flags)!;
  const text = printer.printNode(ts.EmitHint.Unspecified, node, source);
  if (/\bz\.|\$Zod|\bS\./.test(text)) {
    throw new Error(`${statement.name.text} still refers to zod or shared: ${text.slice(0, 200)}`);
  }
  declarations.push(`export type ${statement.name.text} = ${text};`);
}
writeFileSync(
  `${dir}api-types.d.ts`,
  `/** The worker's /v1 shapes, written out from @userecho-edge/shared at build time. */\n` +
    declarations.join("\n\n") +
    "\n",
);

for (const file of files) {
  const path = dir + file;
  const text = readFileSync(path, "utf8");
  let target = relative(dirname(path), `${dir}api-types.js`);
  if (!target.startsWith(".")) target = `./${target}`;
  const fixed = text.replace(
    IMPORT,
    (_, kind: string, list: string) => `${kind} type {${list}} from "${target}";`,
  );
  if (fixed !== text) writeFileSync(path, fixed);
}
