/**
 * @module `prm-widgets.js`, the script-tag loader. It defines nothing itself: it watches the
 * document for `prm-*` elements and, for each kind it sees, imports the shared runtime (once) and
 * that element's chunk, then defines it. A page with one widget loads one widget.
 *
 * A document-level observer cannot see into shadow roots: a component that renders a `prm-*`
 * element inside its own shadow root calls `discover(shadowRoot)`, or the tag names the elements
 * to load at once in `data-prm-preload`. The tag's `data-*` configuration (`data-api-base`,
 * `data-token-url`, `data-locale`, `data-theme`) is applied by the runtime.
 *
 * This module imports nothing of the widgets statically: its size is the loader's size.
 */
import type { DocumentProvider, DocumentProviderOptions } from './document-provider.js';
import { claimPage } from './guard.js';
import { findOwnScript } from './own-script.js';
import { otherCopyWarning, version } from './version.js';
import { WIDGETS } from './widgets.js';

export { version };
export type { DocumentProviderOptions, DocumentProvider };

const runtime = () => import('./runtime.js');
const SELECTOR = Object.keys(WIDGETS).join(',');
const CONFIG_KEYS = ['apiBase', 'tokenUrl', 'locale', 'theme'];

const loads = new Map<string, Promise<void>>();
let warnedOtherCopy = false;

function warnOtherCopy(): void {
  if (warnedOtherCopy) return;
  warnedOtherCopy = true;
  console.warn(otherCopyWarning(import.meta.url));
}

/**
 * Defines `tag`: imports the runtime and the element's chunk. An element another copy of
 * prm-widgets defined first (the page's own bundle) is left to it, with one warning.
 */
function load(tag: string): Promise<void> {
  let loaded = loads.get(tag);
  const importer = WIDGETS[tag];
  if (loaded || !importer) return loaded ?? Promise.resolve();
  if (customElements.get(tag)) {
    warnOtherCopy();
    loaded = Promise.resolve();
  } else {
    loaded = Promise.all([runtime(), importer()]).then(
      ([{ define }, element]) => define(tag, element),
      (error: unknown) => {
        loads.delete(tag); // a later discovery tries again
        console.error(`[prm-widgets] <${tag}> could not be loaded:`, error);
      },
    );
  }
  loads.set(tag, loaded);
  return loaded;
}

function found(node: Node): string[] {
  if (!(node instanceof Element || node instanceof Document || node instanceof ShadowRoot)) {
    return [];
  }
  const tags = [...node.querySelectorAll(SELECTOR)].map((e) => e.localName);
  if (node instanceof Element && Object.hasOwn(WIDGETS, node.localName)) tags.push(node.localName);
  return tags;
}

const observer =
  typeof MutationObserver === 'undefined'
    ? undefined
    : new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) for (const tag of found(node)) void load(tag);
        }
      });
const observed = new WeakSet<Node>();

function observe(root: Node): void {
  if (!observer || observed.has(root)) return;
  observed.add(root);
  observer.observe(root, { childList: true, subtree: true });
}

/**
 * Loads and defines the `prm-*` elements inside `root`, and keeps watching it when it is a shadow
 * root: what a component calls for the widgets in its own shadow root, which the loader's
 * document-level observer cannot see. Resolves when they are defined.
 */
export function discover(root: Document | ShadowRoot | Element = document): Promise<void> {
  if (root instanceof ShadowRoot) observe(root);
  return Promise.all([...new Set(found(root))].map(load)).then(() => undefined);
}

/**
 * Loads and defines elements by name (`prm-deal-list` or `deal-list`), wherever they will be:
 * what `data-prm-preload="deal-list provider"` on the script tag does.
 */
export function preload(names: string | readonly string[]): Promise<void> {
  const list = typeof names === 'string' ? names.split(/[\s,]+/) : names;
  const tags = list.filter(Boolean).map((n) => (n.startsWith('prm-') ? n : `prm-${n}`));
  for (const tag of tags) {
    if (!Object.hasOwn(WIDGETS, tag)) {
      console.warn(
        `[prm-widgets] data-prm-preload names <${tag}>, which this version does not have (it has ${Object.keys(WIDGETS).join(', ')}).`,
      );
    }
  }
  return Promise.all(tags.map(load)).then(() => undefined);
}

/**
 * Gives the widgets outside any `<prm-provider>` a client, a locale and a theme — what the
 * script tag's `data-*` attributes do, for a page that prefers code (a `getToken` of its own).
 * Replaces what was configured before. Resolves once the runtime is loaded and it applies.
 */
export function configure(options: DocumentProviderOptions): Promise<DocumentProvider> {
  return runtime().then((r) => r.configure(options));
}

const started: Promise<unknown>[] = [];

// Only the first copy on the page watches it and applies its tag's configuration.
if (typeof document !== 'undefined' && claimPage({ version, url: import.meta.url })) {
  if (Object.keys(WIDGETS).some((tag) => customElements.get(tag))) warnOtherCopy();
  const script = findOwnScript(import.meta.url);
  if (script && CONFIG_KEYS.some((key) => key in script.dataset)) {
    started.push(
      runtime().then(
        (r) => r.configureFromScript(script),
        (error: unknown) => console.error('[prm-widgets] The runtime could not be loaded:', error),
      ),
    );
  }
  if (script?.dataset['prmPreload']) started.push(preload(script.dataset['prmPreload']));
  observe(document);
  started.push(discover(document));
}

/**
 * Resolves once the script tag's configuration is applied (the runtime loaded) and the elements
 * already in the document are defined. The script's `load` event comes before: it means only that
 * the loader itself ran.
 */
export const ready: Promise<void> = Promise.all(started).then(() => undefined);
