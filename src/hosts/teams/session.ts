/**
 * @module What both tab pages start with: connect to Teams (or find out at once that this is not
 * Teams), then, in Teams, a client signed in by Teams and the widgets given the user's locale
 * and Teams' theme, which follows Teams live.
 */
import { app } from '@microsoft/teams-js';
import { createPartnerClient } from '../../core/client.js';
import type { PartnerClient } from '../../core/client.js';
import { provideDocument } from '../web/document-provider.js';
import type { DocumentProvider } from '../web/document-provider.js';
import { connectTeams } from './connect.js';
import type { TabPageConfig } from './page-config.js';
import { teamsTokenProvider } from './sso.js';
import type { SsoPath } from './sso.js';
import { markPageTheme, widgetTheme } from './theme.js';

export interface TeamsSession {
  context: app.Context;
  client: PartnerClient;
  ssoPath: SsoPath;
  provider: DocumentProvider;
}

export type Started =
  | { kind: 'teams'; session: TeamsSession }
  | { kind: 'top-level' }
  | { kind: 'foreign-frame'; reason: string };

export async function startSession(config: TabPageConfig): Promise<Started> {
  const where = await connectTeams({ validOrigins: config.validOrigins });
  if (where.kind !== 'teams') return where;
  const { context } = where;
  // TeamsJS is initialised: now the token path can be chosen (and MSAL's NAA bridge exists).
  const sso = teamsTokenProvider({
    clientId: config.clientId,
    apiScope: config.apiScope,
    tenantId: context.user?.tenant?.id,
  });
  const client = createPartnerClient({
    baseUrl: config.apiBase || location.origin,
    getToken: sso.getToken,
  });
  const locale = context.app.locale || undefined;
  if (locale) document.documentElement.lang = locale;
  markPageTheme(context.app.theme);
  const options = { client, locale, theme: widgetTheme(context.app.theme) };
  const provider = provideDocument(options);
  app.registerOnThemeChangeHandler((theme) => {
    markPageTheme(theme);
    provider.update({ ...options, theme: widgetTheme(theme) });
  });
  return { kind: 'teams', session: { context, client, ssoPath: sso.path, provider } };
}
