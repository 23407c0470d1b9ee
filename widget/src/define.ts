/**
 * npm side-effect entry: `import "@userecho-edge/widget/define"` registers the elements (once,
 * whatever else on the page already did). Set the worker with `configure({ endpoint })`.
 */
import { defineElements } from "./elements.ts";

defineElements();

export { configure } from "./internal/config.ts";
