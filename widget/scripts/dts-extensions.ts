/**
 * The sources import siblings as `./x.ts` (the workspace runs TypeScript directly); `tsc`
 * rewrites that in JavaScript but not in declarations. Points the emitted `.d.ts` files at
 * `./x.js`, which is what a consumer's TypeScript resolves to the declarations.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("../dist/npm/types/", import.meta.url));
for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
  if (!file.endsWith(".d.ts")) continue;
  const path = dir + file;
  const text = readFileSync(path, "utf8");
  const fixed = text.replace(/((?:from|import)\s*\(?\s*["']\.{1,2}\/[^"']+)\.ts(["'])/g, "$1.js$2");
  if (fixed !== text) writeFileSync(path, fixed);
}
