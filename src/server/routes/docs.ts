/** @module `/openapi.json` and `/docs`: the API reference, rendered here from the OpenAPI document. */
import type { Context } from 'hono';
import type { AppEnv, Deps } from '../http/context.js';
import { problemType } from '../http/problem.js';
import type { RouteRegistry } from '../http/registry.js';
import { buildOpenApi } from '../openapi.js';

type Json = Record<string, unknown>;

const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
/** `code` spans for backticks; everything else escaped. */
const prose = (s: unknown) => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');

interface FieldRow {
  path: string;
  type: string;
  required: boolean;
  notes: string;
}

function typeOf(s: Json, resolve: (s: Json) => Json): string {
  s = resolve(s);
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if ('const' in s) return JSON.stringify(s.const);
  const alts = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (alts) return alts.map((a) => typeOf(a, resolve)).join(' | ');
  if (s.type === 'array') return `${typeOf((s.items as Json) ?? {}, resolve)}[]`;
  const t = Array.isArray(s.type) ? s.type.join(' | ') : (s.type as string | undefined);
  return t ? (s.format ? `${t} (${String(s.format)})` : t) : 'any';
}

function notesOf(s: Json): string {
  const n: string[] = [];
  for (const [k, label] of [
    ['minLength', 'min length'],
    ['maxLength', 'max length'],
    ['minimum', 'min'],
    ['maximum', 'max'],
    ['minItems', 'min items'],
    ['maxItems', 'max items'],
    ['default', 'default'],
  ] as const) {
    if (s[k] !== undefined && Math.abs(Number(s[k])) < 1e15)
      n.push(`${label} ${JSON.stringify(s[k])}`);
  }
  if (typeof s.description === 'string') n.push(s.description);
  return n.join('; ');
}

function fieldsOf(schema: Json, resolve: (s: Json) => Json, prefix = '', depth = 0): FieldRow[] {
  const s = resolve(schema);
  const rows: FieldRow[] = [];
  const props = s.properties as Record<string, Json> | undefined;
  if (!props || depth > 6) return rows;
  const required = (s.required as string[] | undefined) ?? [];
  for (const [name, raw] of Object.entries(props)) {
    const p = resolve(raw);
    const path = prefix ? `${prefix}.${name}` : name;
    rows.push({
      path,
      type: typeOf(p, resolve),
      required: required.includes(name),
      notes: notesOf(p),
    });
    const alts = ((p.anyOf ?? p.oneOf) as Json[] | undefined)?.map(resolve) ?? [p];
    for (const alt of alts) {
      if (alt.type === 'object') rows.push(...fieldsOf(alt, resolve, path, depth + 1));
      if (alt.type === 'array' && alt.items) {
        rows.push(...fieldsOf(alt.items as Json, resolve, `${path}[]`, depth + 1));
      }
    }
  }
  return rows;
}

function fieldTable(schema: Json, resolve: (s: Json) => Json): string {
  const s = resolve(schema);
  const rows = fieldsOf(s, resolve);
  if (rows.length === 0) return `<p class="type">${esc(typeOf(s, resolve))}</p>`;
  return `<table><thead><tr><th>Field</th><th>Type</th><th></th><th>Notes</th></tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr><td><code>${esc(r.path)}</code></td><td>${esc(r.type)}</td><td>${r.required ? 'required' : ''}</td><td>${esc(r.notes)}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

export function renderDocs(doc: Json): string {
  const components = ((doc.components as Json).schemas ?? {}) as Record<string, Json>;
  const resolve = (s: Json): Json => {
    const ref = s.$ref as string | undefined;
    return ref ? (components[ref.split('/').pop()!] ?? {}) : s;
  };
  const info = doc.info as Json;
  const byTag = new Map<string, string[]>();
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(ops)) {
      const id = String(op.operationId);
      const params = (op.parameters as Json[] | undefined) ?? [];
      const body = op.requestBody as Json | undefined;
      const bodySchema = (body?.content as Record<string, Json> | undefined)?.['application/json']
        ?.schema as Json | undefined;
      const roles = op['x-roles'] as string[] | undefined;
      const html = `<section class="op" id="${esc(id)}">
  <h3><span class="m m-${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
  <p><strong>${esc(op.summary)}</strong>${op.description ? ` — ${prose(op.description)}` : ''}</p>
  <p class="roles">${roles ? `Roles: ${roles.map((r) => `<code>${esc(r)}</code>`).join(' ')}` : 'No token needed.'}</p>
  ${params.length ? `<h4>Parameters</h4><table><thead><tr><th>Name</th><th>In</th><th>Type</th><th></th><th>Notes</th></tr></thead><tbody>${params.map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${esc(typeOf((p.schema as Json) ?? {}, resolve))}</td><td>${p.required ? 'required' : ''}</td><td>${prose(p.description ?? notesOf((p.schema as Json) ?? {}))}</td></tr>`).join('')}</tbody></table>` : ''}
  ${bodySchema ? `<h4>Request body</h4>${fieldTable(bodySchema, resolve)}` : ''}
  <h4>Responses</h4>
  ${Object.entries(op.responses as Record<string, Json>)
    .map(([status, r]) => {
      const content = r.content as Record<string, Json> | undefined;
      const json = content?.['application/json']?.schema as Json | undefined;
      return `<details${status.startsWith('2') ? ' open' : ''}><summary><code>${esc(status)}</code> ${prose(r.description)}</summary>${json ? fieldTable(json, resolve) : ''}</details>`;
    })
    .join('\n')}
</section>`;
      const tag = ((op.tags as string[] | undefined) ?? ['Other'])[0]!;
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const toc = [...byTag.keys()]
    .map((t) => `<li><a href="#tag-${esc(t)}">${esc(t)}</a></li>`)
    .join('');
  const errors = (doc['x-error-codes'] as string[]).map(
    (code) =>
      `<tr id="error-${esc(code)}"><td><code>${esc(code)}</code></td><td><code>${esc(problemType(code as never))}</code></td></tr>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(info.title)} ${esc(info.version)} — reference</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 70rem; padding: 1rem 2rem 4rem; color: #1d232a; }
  h1 { margin-bottom: 0; } h2 { border-bottom: 1px solid #d8dde3; padding-bottom: .3rem; margin-top: 2.5rem; }
  code { font: 13px ui-monospace, SFMono-Regular, Menlo, monospace; background: #f1f3f5; padding: 0 .25rem; border-radius: 3px; }
  .op { border: 1px solid #d8dde3; border-radius: 6px; padding: .25rem 1rem .75rem; margin: 1rem 0; }
  .m { display: inline-block; min-width: 4.2rem; text-align: center; color: #fff; border-radius: 4px; font-size: 13px; padding: .1rem .4rem; }
  .m-get { background: #1f6feb; } .m-post { background: #1a7f37; } .m-put { background: #9a6700; } .m-patch { background: #8250df; } .m-delete { background: #cf222e; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: 14px; }
  th, td { text-align: left; border-bottom: 1px solid #eaeef2; padding: .25rem .5rem; vertical-align: top; }
  .roles { color: #57606a; } details { margin: .25rem 0; } summary { cursor: pointer; }
</style></head>
<body>
<h1>${esc(info.title)}</h1>
<p>${prose(info.description)} Version ${esc(info.version)}. Machine-readable: <a href="/openapi.json">/openapi.json</a>.</p>
<p>Send <code>Authorization: Bearer &lt;JWT&gt;</code>. Lists answer <code>{ items, nextCursor }</code> and take <code>limit</code> (1–200, default 50) and <code>cursor</code>.</p>
<nav><ul>${toc}<li><a href="#errors">Errors</a></li></ul></nav>
${[...byTag.entries()].map(([tag, ops]) => `<h2 id="tag-${esc(tag)}">${esc(tag)}</h2>\n${ops.join('\n')}`).join('\n')}
<h2 id="errors">Errors</h2>
<p>Every error is <code>application/problem+json</code>: <code>{ type, title, status, detail, code, errors: [{ path, code, message }] }</code>.</p>
<table><thead><tr><th>code</th><th>type</th></tr></thead><tbody>${errors.join('')}</tbody></table>
</body></html>`;
}

export function docsRoutes(registry: RouteRegistry, deps: Deps) {
  let doc: Json | undefined;
  let html: string | undefined;
  const document = () => (doc ??= buildOpenApi(registry, { version: deps.config.version }));
  return [
    {
      path: '/openapi.json',
      handler: (c: Context<AppEnv>) => c.json(document()),
    },
    {
      path: '/docs',
      handler: (c: Context<AppEnv>) => c.html((html ??= renderDocs(document()))),
    },
  ];
}
