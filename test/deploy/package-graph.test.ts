import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ESLint } from "eslint";
import { describe, it } from "vitest";
import { ROOT } from "../stack.ts";

/**
 * `pnpm check` keeps the package graph declared: a package reaches another only by name, through
 * a dependency its package.json declares, and never in a cycle (eslint-plugin-import-x, see
 * eslint.config.js). Each rule is shown to fail on a probe; the tree itself passes in `pnpm check`.
 */
describe("the workspace's package graph", () => {
  const eslint = new ESLint({ cwd: ROOT });
  const rulesBroken = async (code: string, file: string) => {
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
    return result!.messages.map((message) => message.ruleId);
  };

  it("refuses a relative import that crosses into another package", async ({ expect }) => {
    const broken = await rulesBroken(
      'import { createApp } from "../../test/emulator/src/app.ts";\nexport const probe = createApp;\n',
      "worker/src/probe.ts",
    );
    expect(broken).toContain("import-x/no-relative-packages");
  });

  it("refuses a package the importing package does not declare", async ({ expect }) => {
    const broken = await rulesBroken(
      'import { defineElements } from "@userecho-edge/widget";\nexport const probe = defineElements;\n',
      "worker/src/probe.ts",
    );
    expect(broken).toContain("import-x/no-extraneous-dependencies");
    // The same import from a package that declares it is fine.
    expect(
      await rulesBroken(
        'import { PROFILE_NAMES } from "@userecho-edge/emulator/profiles";\nexport const probe = PROFILE_NAMES;\n',
        "worker/test/probe.ts",
      ),
    ).not.toContain("import-x/no-extraneous-dependencies");
  });

  it("refuses a cycle", async ({ expect }) => {
    const dir = join(ROOT, `worker/src/cycle-probe-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(join(dir, "a.ts"), 'import { b } from "./b.ts";\nexport const a = () => b;\n');
      writeFileSync(join(dir, "b.ts"), 'import { a } from "./a.ts";\nexport const b = () => a;\n');
      const [result] = await eslint.lintFiles([join(dir, "a.ts")]);
      expect(result!.messages.map((message) => message.ruleId)).toContain("import-x/no-cycle");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
