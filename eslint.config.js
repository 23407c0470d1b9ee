// @ts-check
import js from "@eslint/js";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";
import { noImportCycle } from "./lint/no-import-cycle.js";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/.wrangler/**",
      "worker/worker-configuration.d.ts",
      "test/.artifacts/**",
      "**/.stryker-tmp/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: {
        console: "readonly",
        process: "readonly",
        URL: "readonly",
        fetch: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-non-null-assertion": "off",
      "no-console": ["error", { allow: ["error", "warn", "log"] }],
    },
  },
  {
    // The workspace's packages (pnpm-workspace.yaml) reach each other only by name, through a
    // dependency they declare, and never in a cycle; nor do the modules of a package, type-only
    // imports included (lint/no-import-cycle.js: import-x leaves those out).
    plugins: { "import-x": importX, local: { rules: { "no-import-cycle": noImportCycle } } },
    settings: {
      "import-x/resolver-next": [createNodeResolver()],
      // Read .ts modules too, to follow imports through them (no-cycle).
      "import-x/extensions": [".ts", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts"] },
      "import-x/core-modules": ["cloudflare:test", "cloudflare:workers"],
    },
    rules: {
      "import-x/no-relative-packages": "error",
      "import-x/no-extraneous-dependencies": ["error", { includeTypes: true }],
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "local/no-import-cycle": "error",
    },
  },
  {
    files: ["**/*.test.ts"],
    rules: {
      // Focused tests must never reach CI.
      "no-restricted-properties": [
        "error",
        { object: "it", property: "only" },
        { object: "describe", property: "only" },
        { object: "test", property: "only" },
      ],
    },
  },
);
