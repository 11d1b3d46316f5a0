/**
 * @module `prm-widgets.all.js`: every element in one self-contained file, for a host that needs
 * exactly one file (a Salesforce static resource) or a page that wants no further request. The
 * same tag and `data-*` configuration as the loader (`embed.ts`).
 */
import '../../widgets/define.js';
import { PrmProvider } from '../../widgets/provider/prm-provider.js';
import type { DocumentProvider, DocumentProviderOptions } from './document-provider.js';
import { claimPage } from './guard.js';
import { findOwnScript } from './own-script.js';
import { configureFromScript } from './runtime.js';
import { otherCopyWarning, version } from './version.js';

export { configure } from './runtime.js';
export { version };

/** As the loader's `ready`: here everything is in by the time the script has run. */
export const ready: Promise<void> = Promise.resolve();
export type { DocumentProviderOptions, DocumentProvider };

// The custom elements are already defined (by the import above, guarded against another copy);
// what remains is the configuration, which only the first copy on the page applies.
if (typeof document !== 'undefined' && claimPage({ version, url: import.meta.url })) {
  // Another bundle of prm-widgets (the page's own, from npm) defined the elements first. They
  // still get this tag's configuration (the contexts are keyed by name, not by copy), but two
  // copies of the widgets is a page weighing twice what it should.
  if (customElements.get('prm-provider') !== PrmProvider)
    console.warn(otherCopyWarning(import.meta.url));
  configureFromScript(findOwnScript(import.meta.url));
}
