/**
 * `local/no-import-cycle` (lint/no-import-cycle.js), as `pnpm check` runs it: a cycle of
 * type-only imports fails, as does a value cycle; imports that only go one way, and a lazy
 * `import()`, pass.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { afterAll, describe, it } from "vitest";
// The rule is the workspace root's, and no package can depend on the root by name.
// eslint-disable-next-line import-x/no-relative-packages
import { noImportCycle } from "../../lint/no-import-cycle.js";

const dir = mkdtempSync(join(tmpdir(), "userecho-edge-lint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Lints `entry` of the given modules with the rule alone; the messages it reports. */
async function cyclesIn(modules: Record<string, string>, entry: string): Promise<string[]> {
  const root = mkdtempSync(join(dir, "case-"));
  for (const [name, source] of Object.entries(modules)) writeFileSync(join(root, name), source);
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ["**/*.ts"],
        languageOptions: { parser: tseslint.parser },
        plugins: { local: { rules: { "no-import-cycle": noImportCycle } } },
        rules: { "local/no-import-cycle": "error" },
      },
    ],
  });
  const [result] = await eslint.lintFiles([join(root, entry)]);
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe("local/no-import-cycle", () => {
  it("fails a cycle of type-only imports", async ({ expect }) => {
    const messages = await cyclesIn(
      {
        "a.ts": 'import type { B } from "./b.ts";\nexport interface A { b: B }\n',
        "b.ts": 'import type { A } from "./a.ts";\nexport interface B { a?: A }\n',
      },
      "a.ts",
    );
    expect(messages).toEqual(["local/no-import-cycle: Import cycle: a.ts → b.ts → a.ts"]);
  });

  it("fails a cycle through a type in an import() type and a re-export", async ({ expect }) => {
    const messages = await cyclesIn(
      {
        "a.ts": 'export type B = import("./b.ts").B;\nexport interface A { n: number }\n',
        "b.ts": 'export type { A } from "./c.ts";\nexport interface B { n: number }\n',
        "c.ts": 'export type { A } from "./a.ts";\n',
      },
      "a.ts",
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain("a.ts → b.ts → c.ts → a.ts");
  });

  it("passes imports that go one way, and a lazy import() back", async ({ expect }) => {
    const messages = await cyclesIn(
      {
        "a.ts": 'import type { B } from "./b.ts";\nexport const a = (b: B) => b;\n',
        "b.ts": 'export interface B { n: number }\nexport const load = () => import("./a.ts");\n',
      },
      "a.ts",
    );
    expect(messages).toEqual([]);
  });
});
