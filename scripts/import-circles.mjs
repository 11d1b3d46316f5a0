#!/usr/bin/env node
// Lists import circles among the TypeScript modules under a folder (default: src), following
// relative imports and re-exports (type-only ones too, unless --runtime). Exits 1 when it finds one.
// Usage: node scripts/import-circles.mjs [dir] [--runtime]
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const args = process.argv.slice(2);
const runtimeOnly = args.includes('--runtime');
const root = resolve(args.find((a) => !a.startsWith('--')) ?? 'src');

const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(ts|mts|tsx)$/.test(name) && !name.endsWith('.d.ts')) files.push(path);
  }
})(root);

/** `./x.js` → the file it names: `./x.ts`, `./x.tsx`, or `./x/index.ts`. */
function target(from, spec) {
  const base = resolve(dirname(from), spec);
  const stem = base.replace(/\.(m?js|jsx)$/, '');
  for (const c of [`${stem}.ts`, `${stem}.mts`, `${stem}.tsx`, base, join(base, 'index.ts')])
    if (existsSync(c) && statSync(c).isFile()) return c;
  return undefined;
}

const graph = new Map();
for (const file of files) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const deps = new Set();
  for (const s of source.statements) {
    if (!(ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) || !s.moduleSpecifier) continue;
    const spec = s.moduleSpecifier.text;
    if (!spec.startsWith('.')) continue;
    const typeOnly = ts.isImportDeclaration(s)
      ? s.importClause?.isTypeOnly ||
        (s.importClause?.namedBindings &&
          ts.isNamedImports(s.importClause.namedBindings) &&
          !s.importClause.name &&
          s.importClause.namedBindings.elements.length > 0 &&
          s.importClause.namedBindings.elements.every((e) => e.isTypeOnly))
      : s.isTypeOnly;
    if (runtimeOnly && typeOnly) continue;
    const to = target(file, spec);
    if (to) deps.add(to);
  }
  // Dynamic `import('./x.js')` counts too: it is still an edge between the two modules.
  (function visit(node) {
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0]) &&
      node.arguments[0].text.startsWith('.')
    ) {
      const to = target(file, node.arguments[0].text);
      if (to) deps.add(to);
    }
    ts.forEachChild(node, visit);
  })(source);
  graph.set(file, deps);
}

// Tarjan's strongly connected components: every component of more than one module is a circle.
let index = 0;
const stack = [];
const meta = new Map();
const circles = [];
function connect(v) {
  meta.set(v, { index, low: index, on: true });
  index++;
  stack.push(v);
  for (const w of graph.get(v) ?? []) {
    if (!meta.has(w)) {
      connect(w);
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
    } else if (meta.get(w).on) meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
  }
  if (meta.get(v).low === meta.get(v).index) {
    const part = [];
    let w;
    do {
      w = stack.pop();
      meta.get(w).on = false;
      part.push(w);
    } while (w !== v);
    if (part.length > 1 || graph.get(v)?.has(v)) circles.push(part);
  }
}
for (const v of graph.keys()) if (!meta.has(v)) connect(v);

const rel = (f) => relative(process.cwd(), f);
console.log(
  `${files.length} modules under ${rel(root) || '.'}, ${[...graph.values()].reduce((n, d) => n + d.size, 0)} relative imports${runtimeOnly ? ' (runtime only)' : ''}: ${circles.length} circle(s)`,
);
for (const part of circles) console.log(`  circle: ${part.map(rel).sort().join(' <-> ')}`);
process.exitCode = circles.length ? 1 : 0;
