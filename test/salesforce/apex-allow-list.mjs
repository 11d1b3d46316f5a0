// The Apex proxy's allow-list (PrmApiProxy.ALLOWED), read from the Apex class itself so that the
// tests which stand in for Apex refuse what the real class refuses: method → anchored patterns.
import { readFileSync } from 'node:fs';

const CLS = new URL(
  '../../src/hosts/salesforce/force-app/main/default/classes/PrmApiProxy.cls',
  import.meta.url,
);

/** Evaluates an Apex string expression made of literals, `ID` and `+`. */
function apexString(expression, constants) {
  return [...expression.matchAll(/'((?:[^'\\]|\\.)*)'|(\w+)/g)]
    .map(([, literal, name]) => {
      if (literal !== undefined) return literal.replace(/\\\\/g, '\\');
      if (name in constants) return constants[name];
      throw new Error(`PrmApiProxy.cls: cannot read ${name}`);
    })
    .join('');
}

export function readAllowList() {
  const source = readFileSync(CLS, 'utf8');
  const constants = {};
  for (const m of source.matchAll(/static final String (\w+) = ('[^;]*');/g)) {
    constants[m[1]] = apexString(m[2], constants);
  }
  const block = source.slice(
    source.indexOf('ALLOWED = new Map'),
    source.indexOf('};', source.indexOf('ALLOWED = new Map')),
  );
  const allowed = {};
  for (const m of block.matchAll(/'([A-Z]+)' => new List<String>\{([^}]*)\}/g)) {
    allowed[m[1]] = m[2]
      .split(/,\s*(?=')/)
      .map((e) => e.trim())
      .filter(Boolean)
      .map((e) => new RegExp(`^(?:${apexString(e, constants)})${constants.QUERY ?? ''}$`));
  }
  return allowed;
}

/** What PrmApiProxy.isAllowed answers. */
export function isAllowed(allowed, method, path) {
  if (!path?.startsWith('/v1/') || path.includes('..')) return false;
  return (allowed[method] ?? []).some((re) => re.test(path));
}

/** PrmApiProxy.MAX_FILE_BYTES: the bytes of a file the class carries as base64. */
export function readMaxFileBytes() {
  const m = /static final Integer MAX_FILE_BYTES = (\d+);/.exec(readFileSync(CLS, 'utf8'));
  if (!m) throw new Error('PrmApiProxy.cls: cannot read MAX_FILE_BYTES');
  return Number(m[1]);
}
