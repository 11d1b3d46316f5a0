import { ContextProvider } from '@lit/context';
import type { TokenProvider } from '../../core/auth.js';
import type { PartnerClient } from '../../core/client.js';
import { clientFromConfig } from '../../widgets/shared/client-config.js';
import { clientContext, hostContext } from '../../widgets/shared/context.js';
import type { HostContext, Theme } from '../../widgets/shared/context.js';

export interface DocumentProviderOptions {
  /** Where the Partner API lives, without `/v1`; the page's origin when not given. */
  apiBase?: string | undefined;
  /** The page's token endpoint (`{ token, expiresAt }`); ignored when `getToken` is given. */
  tokenUrl?: string | undefined;
  getToken?: TokenProvider | undefined;
  /** A client made elsewhere; wins over `apiBase`, `tokenUrl` and `getToken`. */
  client?: PartnerClient | undefined;
  locale?: string | undefined;
  theme?: Theme | undefined;
}

export interface DocumentProvider {
  /** The client the widgets outside any `<prm-provider>` get; undefined when none was configured. */
  readonly client: PartnerClient | undefined;
  /** Replaces the configuration; every widget it serves gets the new client and host context. */
  update(options: DocumentProviderOptions): void;
  /** Stops providing: the widgets it served keep what they had, new ones get nothing from it. */
  dispose(): void;
}

const hasClientConfig = (o: DocumentProviderOptions) =>
  Boolean(o.client || o.apiBase || o.tokenUrl || o.getToken);

function clientOf(o: DocumentProviderOptions): PartnerClient | undefined {
  if (!hasClientConfig(o)) return undefined;
  return o.client ?? clientFromConfig(o, 'The embed configuration');
}

const hostOf = (o: DocumentProviderOptions): HostContext | undefined =>
  o.locale || o.theme ? { locale: o.locale, theme: o.theme ?? 'light' } : undefined;

/**
 * Provides a client and the host context at the document level, for widgets that are not inside
 * a `<prm-provider>`: the same contexts a provider gives, answered at `<html>`, so any
 * `<prm-provider>` on the page stays the nearer (and winning) one for the widgets inside it.
 *
 * Widgets that connected before this runs are answered too: the base class keeps their
 * unanswered requests at the document root and asks again when a provider announces itself.
 * A context is provided only once there is something to give, so that a page configured only by
 * its providers does not have every bare widget answered with nothing.
 */
export function provideDocument(
  options: DocumentProviderOptions,
  root: HTMLElement = document.documentElement,
): DocumentProvider {
  let clientProvider: ContextProvider<typeof clientContext> | undefined;
  let hostProvider: ContextProvider<typeof hostContext> | undefined;
  let client: PartnerClient | undefined;

  const update = (next: DocumentProviderOptions) => {
    client = clientOf(next);
    if (clientProvider) clientProvider.setValue(client);
    else if (client) {
      clientProvider = new ContextProvider(root, { context: clientContext, initialValue: client });
      clientProvider.hostConnected();
    }
    const host = hostOf(next);
    if (hostProvider) hostProvider.setValue(host);
    else if (host) {
      hostProvider = new ContextProvider(root, { context: hostContext, initialValue: host });
      hostProvider.hostConnected();
    }
  };
  update(options);

  return {
    get client() {
      return client;
    },
    update,
    dispose() {
      for (const provider of [clientProvider, hostProvider]) {
        if (!provider) continue;
        root.removeEventListener('context-request', provider.onContextRequest);
        root.removeEventListener('context-provider', provider.onProviderRequest);
        provider.clearCallbacks();
      }
      clientProvider = hostProvider = undefined;
    },
  };
}
