import { cpSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const widgetDir = fileURLToPath(new URL("../../../widget/", import.meta.url));

/**
 * A project outside the workspace with the widget's npm package installed as someone installs
 * it: `package.json` and `dist/npm` under `node_modules/@userecho-edge/widget`, and beside it
 * only `lit`, its one dependency (pnpm's real folder of lit, whose own dependencies sit beside
 * it). Returns the project's folder; the caller removes it.
 */
export function installWidgetPackage(prefix: string): string {
  const project = mkdtempSync(join(tmpdir(), prefix));
  const installed = join(project, "node_modules/@userecho-edge/widget");
  mkdirSync(installed, { recursive: true });
  cpSync(join(widgetDir, "package.json"), join(installed, "package.json"));
  cpSync(join(widgetDir, "dist/npm"), join(installed, "dist/npm"), { recursive: true });
  symlinkSync(realpathSync(join(widgetDir, "node_modules/lit")), join(project, "node_modules/lit"));
  return project;
}
