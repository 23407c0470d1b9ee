/**
 * Script-tag entry (`<script type="module" src="https://edge.example.com/widget.js">`): points
 * the elements at the worker that served this file, then registers them.
 */
import { configure } from "./internal/config.ts";
import { defineElements } from "./elements.ts";

configure({ endpoint: new URL(import.meta.url).origin });
defineElements();

export { configure };
