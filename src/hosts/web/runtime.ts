/**
 * @module The shared runtime of the script-tag loader: what every widget chunk needs (Lit, the
 * client, the base class), plus the page's configuration. The loader imports it once, with the
 * first widget or the first configuration; the widget chunks import it too.
 */
import { provideDocument } from './document-provider.js';
import type { DocumentProvider, DocumentProviderOptions } from './document-provider.js';
import { readScriptConfig } from './script-config.js';

export { define } from '../../widgets/shared/define.js';

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

/** Applies the `data-*` configuration of the script tag, if it has any. */
export function configureFromScript(script: HTMLScriptElement | null): void {
  const config = readScriptConfig(script);
  if (Object.keys(config).length > 0) configure(config);
}
