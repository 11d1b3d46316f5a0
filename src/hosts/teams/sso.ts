/**
 * @module Single sign-on in Teams: the Partner API token comes from Teams, never from a second
 * sign-in. Where the host recommends Nested App Authentication
 * (`nestedAppAuth.isNAAChannelRecommended()`), MSAL's nestable client asks the host for a token
 * for the app's own API scope; elsewhere `authentication.getAuthToken()` returns Teams' SSO token.
 * TeamsJS must be initialised first (the NAA bridge is set up by `app.initialize()`).
 */
import type { IPublicClientApplication } from '@azure/msal-browser';
import { authentication, nestedAppAuth } from '@microsoft/teams-js';
import type { GetTokenOptions, TokenProvider } from '../../core/auth.js';
import { TokenError } from '../../core/errors.js';

export interface TeamsSsoOptions {
  /** The Entra app (client) id of the tab. */
  clientId: string;
  /** The API scope, e.g. `api://<domain>/<client id>/access_as_user`. */
  apiScope: string;
  /** The user's tenant (from the Teams context): the authority MSAL asks. */
  tenantId?: string | undefined;
}

export type SsoPath = 'nested-app-auth' | 'get-auth-token';

/** Which path this host takes (after `app.initialize()`). */
export const ssoPath = (): SsoPath =>
  nestedAppAuth.isNAAChannelRecommended() ? 'nested-app-auth' : 'get-auth-token';

export interface TeamsTokenProvider {
  path: SsoPath;
  getToken: TokenProvider;
}

function failed(error: unknown): TokenError {
  const message = error instanceof Error ? error.message : String(error);
  return new TokenError('unavailable', `Microsoft Teams did not give a token: ${message}`, {
    cause: error,
  });
}

/** Widgets starting together share one request to the host (which caches the token after it). */
function shared(acquire: (forceRefresh: boolean) => Promise<string>): TokenProvider {
  let inflight: Promise<string> | undefined;
  return ({ forceRefresh = false }: GetTokenOptions = {}) => {
    if (forceRefresh) return acquire(true);
    inflight ??= acquire(false).finally(() => {
      inflight = undefined;
    });
    return inflight;
  };
}

export function teamsTokenProvider(options: TeamsSsoOptions): TeamsTokenProvider {
  const path = ssoPath();
  if (path === 'get-auth-token') {
    return {
      path,
      getToken: shared(async () => {
        try {
          // Teams caches the token itself and renews it before it expires.
          return await authentication.getAuthToken();
        } catch (error) {
          throw failed(error);
        }
      }),
    };
  }
  // MSAL is only loaded where the host takes this path.
  let pca: Promise<IPublicClientApplication> | undefined;
  const client = () =>
    (pca ??= import('@azure/msal-browser').then((msal) =>
      msal.createNestablePublicClientApplication({
        auth: {
          clientId: options.clientId,
          authority: `https://login.microsoftonline.com/${options.tenantId ?? 'organizations'}`,
        },
      }),
    ));
  const acquire = async (forceRefresh: boolean): Promise<string> => {
    const request = { scopes: [options.apiScope], forceRefresh };
    try {
      const msal = await client();
      try {
        return (await msal.acquireTokenSilent(request)).accessToken;
      } catch {
        // Consent or a fresh sign-in is needed: the host shows its own prompt.
        return (await msal.acquireTokenPopup({ scopes: request.scopes })).accessToken;
      }
    } catch (error) {
      throw failed(error);
    }
  };
  return { path, getToken: shared(acquire) };
}
