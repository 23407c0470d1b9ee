/**
 * Vendors the frameworks the examples use into dist/cdn/examples/vendor/, so the example pages
 * need no build step and no CDN (none is reachable from the test machines): Vue's own browser
 * ES module build, copied; React, which ships only CommonJS, bundled once into an ES module.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const root = fileURLToPath(new URL("..", import.meta.url));
const vendor = `${root}dist/cdn/examples/vendor`;
const require = createRequire(import.meta.url);

mkdirSync(vendor, { recursive: true });
copyFileSync(
  require.resolve("vue/dist/vue.esm-browser.prod.js"),
  `${vendor}/vue.esm-browser.prod.js`,
);

await build({
  configFile: false,
  root,
  publicDir: false,
  logLevel: "warn",
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    outDir: vendor,
    emptyOutDir: false,
    target: "es2022",
    minify: true,
    lib: { entry: `${root}scripts/react-vendor.js`, formats: ["es"], fileName: () => "react.js" },
  },
});
