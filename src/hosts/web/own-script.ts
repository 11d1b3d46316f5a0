/** @module Finding the `<script>` tag that loaded a module: part of the loader, so it imports nothing. */

const stripHash = (url: string) => url.replace(/#.*$/, '');

/**
 * The `<script>` element that loaded the module at `moduleUrl`. A module script has no
 * `document.currentScript`, so the tag is found by its resolved `src`: exactly first, then without
 * the query string, for a page that adds cache busters the module URL does not show (a preloaded
 * copy, a service worker rewriting it).
 */
export function findOwnScript(
  moduleUrl: string,
  doc: Document = document,
): HTMLScriptElement | null {
  const scripts = [...doc.querySelectorAll<HTMLScriptElement>('script[src]')];
  const target = stripHash(moduleUrl);
  const exact = scripts.find((s) => stripHash(s.src) === target);
  if (exact) return exact;
  const bare = target.replace(/\?.*$/, '');
  return scripts.find((s) => stripHash(s.src).replace(/\?.*$/, '') === bare) ?? null;
}
