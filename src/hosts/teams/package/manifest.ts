/**
 * @module The Teams app manifest (schema v1.22), made from the deployment's configuration
 * (`src/core/schema/teams.ts`, which `prm serve` reads too): the app id, the domain the tab pages
 * are served from, and the Entra app (client) id. None of them is written in the code. The tabs
 * point at `https://<domain>/teams/tab/` and `…/config/`, where `prm serve` serves them.
 */
import type { TeamsAppConfig } from '../../../core/schema/teams.js';
import { teamsResource, teamsTabBase } from '../../../core/schema/teams.js';

export { TeamsAppConfig, parseTeamsAppConfig } from '../../../core/schema/teams.js';

export const MANIFEST_VERSION = '1.22';
export const MANIFEST_SCHEMA = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

export const ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;

export function buildManifest(
  config: TeamsAppConfig,
  packageVersion: string,
): Record<string, unknown> {
  const host = config.domain.toLowerCase();
  const base = teamsTabBase(config);
  const site = config.websiteUrl ?? `https://${host}/`;
  const resource = teamsResource(config);
  return {
    $schema: MANIFEST_SCHEMA,
    manifestVersion: MANIFEST_VERSION,
    version: config.version ?? packageVersion.replace(/[-+].*$/, ''),
    id: config.appId,
    developer: {
      name: config.developerName ?? 'Partner program',
      websiteUrl: site,
      privacyUrl: config.privacyUrl ?? new URL('privacy', site).href,
      termsOfUseUrl: config.termsOfUseUrl ?? new URL('terms', site).href,
    },
    name: { short: 'Partner deals', full: 'Partner deals: pipeline, reviews and tiers' },
    description: {
      short: 'Partner deals, reviews and tiers in Teams tabs.',
      full: 'See a partner pipeline or the review queue in a channel tab, register and approve deals, and share a deal into the conversation. Signed in by Teams.',
    },
    icons: { color: ICON_FILES.color, outline: ICON_FILES.outline },
    accentColor: '#0B5CAB',
    staticTabs: [
      {
        entityId: 'deals',
        name: 'Deals',
        contentUrl: new URL('tab/', base).href,
        websiteUrl: new URL('tab/', base).href,
        scopes: ['personal'],
      },
    ],
    configurableTabs: [
      {
        configurationUrl: new URL('config/', base).href,
        canUpdateConfiguration: true,
        scopes: ['team', 'groupChat'],
        context: ['channelTab', 'privateChatTab', 'meetingChatTab'],
      },
    ],
    permissions: ['identity'],
    validDomains: [...new Set([host, base.host])],
    webApplicationInfo: {
      id: config.clientId,
      resource,
      nestedAppAuthInfo: [
        {
          redirectUri: `brk-multihub://${host}`,
          scopes: [`${resource}/access_as_user`],
        },
      ],
    },
  };
}
