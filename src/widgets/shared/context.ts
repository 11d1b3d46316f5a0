import { createContext } from '@lit/context';
import type { PartnerClient } from '../../core/client.js';

export const THEMES = ['light', 'dark', 'high-contrast', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

export const isTheme = (value: unknown): value is Theme =>
  typeof value === 'string' && (THEMES as readonly string[]).includes(value);

/**
 * What the host (a `<prm-provider>`, or a host adapter) knows about its page. `locale` is
 * `undefined` when the host does not know, so that widgets fall back to the nearest `[lang]`.
 */
export interface HostContext {
  locale: string | undefined;
  theme: Theme;
}

// String keys, not symbols: when two bundles share a page, `define` keeps the first copy of each
// tag, so a provider of one bundle may serve widgets of the other. The major version in the key
// keeps incompatible copies apart.
export const clientContext = createContext<PartnerClient | undefined>('prm-widgets/client@1');
export const hostContext = createContext<HostContext | undefined>('prm-widgets/host@1');
