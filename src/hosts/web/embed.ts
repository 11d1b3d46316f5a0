/** @module The script-tag build: one `<script type="module">` makes every `prm-*` element work. */
import '../../widgets/define.js';
import { PrmProvider } from '../../widgets/provider/prm-provider.js';
import { provideDocument } from './document-provider.js';
import type { DocumentProvider, DocumentProviderOptions } from './document-provider.js';
import { claimPage } from './guard.js';
import { findOwnScript, readScriptConfig } from './script-config.js';

declare const __PRM_VERSION__: string | undefined;

/** This copy's package version (`vite build` writes it in; sources run as they are say `dev`). */
export const version: string = typeof __PRM_VERSION__ === 'string' ? __PRM_VERSION__ : 'dev';
export type { DocumentProviderOptions, DocumentProvider };

let documentProvider: DocumentProvider | undefined;

/**
 * Gives the widgets outside any `<prm-provider>` a client, a locale and a theme — what the
 * script tag's `data-*` attributes do, for a page that prefers code (a `getToken` of its own).
 * Replaces what was configured before, for the widgets already on the page too.
 */
export function configure(options: DocumentProviderOptions): DocumentProvider {
  if (documentProvider) documentProvider.update(options);
  else documentProvider = provideDocument(options);
  return documentProvider;
}

// The custom elements are already defined (by the import above, guarded against another copy);
// what remains is the configuration, which only the first copy on the page applies.
if (typeof document !== 'undefined' && claimPage({ version, url: import.meta.url })) {
  if (customElements.get('prm-provider') !== PrmProvider) {
    // Another bundle of prm-widgets (the page's own, from npm) defined the elements first. They
    // still get this tag's configuration (the contexts are keyed by name, not by copy), but two
    // copies of the widgets is a page weighing twice what it should.
    console.warn(
      `[prm-widgets] The prm-* elements on this page were defined by another copy of prm-widgets; this script (${version}, ${import.meta.url}) configures them, but its own definitions are not used. Load one copy.`,
    );
  }
  const config = readScriptConfig(findOwnScript(import.meta.url));
  if (Object.keys(config).length > 0) configure(config);
}
