/**
 * @module A Partner API client from what a page says: `api-base`, `token-url` and `getToken`. The
 * one place that turns them into a client, for `<prm-provider>` and the script tag's document
 * provider alike, with the development warnings for what is missing.
 */
import { tokenFromUrl } from '../../core/auth.js';
import type { TokenProvider } from '../../core/auth.js';
import { createPartnerClient } from '../../core/client.js';
import type { PartnerClient } from '../../core/client.js';
import { devWarn } from './dev.js';

export interface ClientConfig {
  /** Where the Partner API lives, without `/v1`; the page's origin when empty. */
  apiBase?: string | undefined;
  /** The page's token endpoint (`{ token, expiresAt }`); ignored when `getToken` is given. */
  tokenUrl?: string | undefined;
  /** Where tokens come from, when the page has them some other way. */
  getToken?: TokenProvider | undefined;
}

/**
 * Builds the client; `owner` names what was configured (`<prm-provider>`, `the embed script`) in
 * the warnings for a missing API base (`missing-api-base`) or token source (`missing-token`).
 */
export function clientFromConfig(config: ClientConfig, owner: string): PartnerClient {
  const getToken = config.getToken ?? (config.tokenUrl ? tokenFromUrl(config.tokenUrl) : null);
  if (!getToken) {
    devWarn(
      'missing-token',
      `${owner} has neither a token URL nor a getToken function: its requests carry no token, and every call but health() will answer 401.`,
    );
  }
  const origin = globalThis.location?.origin;
  if (!config.apiBase) {
    devWarn(
      'missing-api-base',
      `${owner} has no API base: the widgets call this page's own origin (${String(origin)}). Set it when the Partner API lives elsewhere.`,
    );
  }
  return createPartnerClient({ baseUrl: config.apiBase || origin, getToken });
}
