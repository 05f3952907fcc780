// Prints the README configuration table from the zod schema: node scripts/config-table.mjs
import { configMarkdownTable } from '../dist/src/config/index.js';
console.log(configMarkdownTable());
