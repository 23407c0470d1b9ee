import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const widgetDir = fileURLToPath(new URL("../../../widget/", import.meta.url));

/**
 * A project outside the workspace with the widget's npm package installed as someone installs
 * it: `package.json` and `dist/npm` under `node_modules/@userecho-edge/widget`, and beside it
 * only its dependencies (`lit`, `@lit/context`: pnpm's real folder of each, whose own
 * dependencies sit beside it). Returns the project's folder; the caller removes it.
 */
export function installWidgetPackage(prefix: string): string {
  const project = mkdtempSync(join(tmpdir(), prefix));
  const installed = join(project, "node_modules/@userecho-edge/widget");
  mkdirSync(installed, { recursive: true });
  cpSync(join(widgetDir, "package.json"), join(installed, "package.json"));
  cpSync(join(widgetDir, "dist/npm"), join(installed, "dist/npm"), { recursive: true });
  const { dependencies } = JSON.parse(readFileSync(join(widgetDir, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  };
  for (const name of Object.keys(dependencies)) {
    const link = join(project, "node_modules", name);
    mkdirSync(join(link, ".."), { recursive: true });
    symlinkSync(realpathSync(join(widgetDir, "node_modules", name)), link);
  }
  return project;
}
