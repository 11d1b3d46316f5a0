import { devWarn } from './dev.js';

/**
 * Registers `tag` unless it is taken. A page may load two copies of the widgets (a partner's
 * bundle and a host's script, or two versions): the first definition stays, and the second is a
 * warning instead of the `NotSupportedError` that would stop the rest of that bundle.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === ctor) return;
  if (existing) {
    devWarn(
      'duplicate-define',
      `<${tag}> is already defined by another copy of prm-widgets; this copy's <${tag}> is not used. Load the widgets once per page.`,
      tag,
    );
    return;
  }
  customElements.define(tag, ctor);
}
