#!/usr/bin/env node
// Lists functions longer than a limit (default 50 lines) in src/ and adapters/, longest first,
// using the TypeScript compiler's parser so nested functions and arrow functions are counted too.
// Usage: node scripts/quality/function-lengths.mjs [--max N] [limit] [folder...]
// With --max N it also exits 1 when any function is longer than N lines (CI uses this as a ceiling).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const args = process.argv.slice(2);
const maxAt = args.indexOf('--max');
const max = maxAt === -1 ? undefined : Number(args.splice(maxAt, 2)[1]);
if (max !== undefined && !Number.isInteger(max)) {
  console.error('--max needs a whole number of lines, e.g. --max 80');
  process.exit(2);
}
const limit = Number(args[0] ?? 50);
const roots = args.slice(1).length ? args.slice(1) : ['src', 'adapters'];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) yield path;
  }
}

function nameOf(node) {
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))) return parent.name.getText();
  return '(anonymous)';
}

const found = [];
for (const root of roots) {
  for (const file of files(root)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isFunctionLike(node) && node.body) {
        const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        if (end - start + 1 > limit) found.push({ lines: end - start + 1, where: `${file}:${start + 1}`, name: nameOf(node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
}
found.sort((a, b) => b.lines - a.lines);
for (const f of found) console.log(`${String(f.lines).padStart(4)}  ${f.name}  ${f.where}`);
console.log(`${found.length} function(s) over ${limit} lines`);
const overMax = max === undefined ? [] : found.filter((f) => f.lines > max);
if (overMax.length > 0) {
  console.error(`${overMax.length} function(s) over the ceiling of ${max} lines: split them into named steps`);
  process.exit(1);
}
