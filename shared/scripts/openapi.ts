/**
 * Writes the OpenAPI document of `/v1` (src/openapi.ts, from the route declarations) to
 * `openapi.json`, which the worker serves and partners generate clients from. With `--check`,
 * writes nothing and fails when the file is not what the declarations give (run by `pnpm check`).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { API_VERSION } from "../src/routes.ts";
import { openApiDocument } from "../src/openapi.ts";

const file = fileURLToPath(new URL("../openapi.json", import.meta.url));
const generated = `${JSON.stringify(openApiDocument({ version: API_VERSION }), null, 2)}\n`;

if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(file, "utf8");
  } catch {
    // missing: stale by definition
  }
  if (current !== generated) {
    console.error("shared/openapi.json is stale: run `pnpm openapi` and commit it.");
    process.exit(1);
  }
} else {
  writeFileSync(file, generated);
  console.log(`wrote ${file}`);
}
