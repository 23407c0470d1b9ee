// @ts-check
/**
 * `local/no-import-cycle`: no module may reach itself again through its imports, type-only
 * imports included. `import-x/no-cycle` leaves out `import type` (it only guards against cycles
 * that change evaluation order at run time); a type-only cycle still ties two modules together,
 * so that neither can be read, moved or tested without the other, and the next value import
 * along it becomes a run-time cycle. This rule follows every static edge:
 *
 * - `import … from`, `import type … from`, `export … from` (type-only or not);
 * - `import("./x.ts")` in a type position (`typeof import(…)`, `import(…).Name`).
 *
 * A dynamic `import()` call is not followed: it is how the widget loads a part lazily, and the
 * part may use what the module that loads it is made of without any cycle at run time.
 *
 * Only relative specifiers are followed. Workspace packages reach each other by name, through
 * dependencies they declare (`import-x/no-extraneous-dependencies`), which pnpm keeps acyclic.
 */
import { readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import ts from "typescript";

/** Each module's relative imports, as absolute paths; parsed once per lint run. */
const importsOf = new Map();

/** @param {string} file @returns {{ target: string, node: ts.Node | undefined }[]} */
function edges(file, source = readOrEmpty(file)) {
  /** @type {{ target: string, node: ts.Node | undefined }[]} */
  const found = [];
  const parsed = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const add = (/** @type {ts.Node} */ specifier, /** @type {ts.Node} */ node) => {
    if (!ts.isStringLiteralLike(specifier) || !specifier.text.startsWith(".")) return;
    found.push({ target: resolve(dirname(file), specifier.text), node });
  };
  const visit = (/** @type {ts.Node} */ node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      add(node.moduleSpecifier, node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(parsed);
  return found;
}

/** @param {string} file */
function readOrEmpty(file) {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return ""; // not a file we can read (an asset, a missing module): no imports to follow
  }
}

/** @param {string} file @returns {string[]} */
function targets(file) {
  let known = importsOf.get(file);
  if (!known) {
    known = [...new Set(edges(file).map((edge) => edge.target))];
    importsOf.set(file, known);
  }
  return known;
}

/**
 * The shortest chain of imports from `start` back to `file`, or undefined.
 * @param {string} start @param {string} file @returns {string[] | undefined}
 */
function pathBack(start, file) {
  const from = new Map([[start, start]]);
  const queue = [start];
  while (queue.length) {
    const current = /** @type {string} */ (queue.shift());
    for (const next of targets(current)) {
      if (next === file) {
        const chain = [current];
        while (chain[0] !== start) {
          chain.unshift(/** @type {string} */ (from.get(/** @type {string} */ (chain[0]))));
        }
        return chain;
      }
      if (from.has(next)) continue;
      from.set(next, current);
      queue.push(next);
    }
  }
  return undefined;
}

/** @type {import("eslint").Rule.RuleModule} */
export const noImportCycle = {
  meta: {
    type: "problem",
    docs: { description: "Forbid import cycles, type-only imports included" },
    schema: [],
    messages: { cycle: "Import cycle: {{chain}}" },
  },
  create(context) {
    const file = context.physicalFilename;
    if (!/\.[cm]?[jt]s$/.test(file)) return {};
    return {
      Program(program) {
        for (const edge of edges(file, context.sourceCode.text)) {
          const chain = pathBack(edge.target, file);
          if (!chain) continue;
          const names = [file, ...chain, file].map((path) => relative(dirname(file), path) || ".");
          const start = edge.node?.getStart() ?? 0;
          const end = edge.node?.getEnd() ?? 0;
          context.report({
            loc: {
              start: context.sourceCode.getLocFromIndex(start),
              end: context.sourceCode.getLocFromIndex(end),
            },
            node: program,
            messageId: "cycle",
            data: { chain: names.join(" → ") },
          });
        }
      },
    };
  },
};
