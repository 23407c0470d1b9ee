/**
 * `cem analyze` settings: the public elements only (internal parts are marked `@internal`),
 * read with the Lit plugin so `static properties` become attributes and fields.
 */
export default {
  globs: ["src/**/*.ts"],
  exclude: ["src/**/*.test.ts"],
  outdir: "dist/npm",
  litelement: true,
  dependencies: false,
  packagejson: false,
};
