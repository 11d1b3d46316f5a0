/**
 * @module The Teams app manifest (schema v1.22), made from the deployment's configuration: the
 * app id, the domain the tab pages are served from, and the Entra app (client) id. None of them
 * is written in the code.
 */
import * as z from 'zod/mini';

export const MANIFEST_VERSION = '1.22';
export const MANIFEST_SCHEMA = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;

const guid = z
  .string()
  .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'a GUID'));

export const TeamsAppConfig = z.object({
  /** The Teams app id (a GUID of your own; keep it across versions). */
  appId: guid,
  /** The host the tab pages are served from: `deals.example.com` (no scheme, no path). */
  domain: z
    .string()
    .check(z.regex(/^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i, 'a host name')),
  /** The Entra app (client) id that Teams SSO and nested app auth sign in to. */
  clientId: guid,
  /** Where the tab pages live; `https://<domain>/demo/teams/` when not given. */
  tabUrl: z.optional(z.url()),
  /** The app's version (semver); the package's version when not given. */
  version: z.optional(z.string().check(z.regex(/^\d+\.\d+\.\d+$/, 'x.y.z'))),
  developerName: z.optional(z.string().check(z.minLength(1), z.maxLength(32))),
  websiteUrl: z.optional(z.url()),
  privacyUrl: z.optional(z.url()),
  termsOfUseUrl: z.optional(z.url()),
});
export type TeamsAppConfig = z.infer<typeof TeamsAppConfig>;

/** Parses the configuration; the error names every wrong or missing field. */
export function parseTeamsAppConfig(input: unknown): TeamsAppConfig {
  const parsed = TeamsAppConfig.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues
    .map((i) => `${i.path.join('.')} (${i.code === 'invalid_type' ? 'missing' : i.message})`)
    .join(', ');
  throw new Error(`The Teams app configuration is not valid: ${fields}`);
}

export const ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;

export function buildManifest(
  config: TeamsAppConfig,
  packageVersion: string,
): Record<string, unknown> {
  const host = config.domain.toLowerCase();
  const base = new URL(config.tabUrl ?? `https://${host}/demo/teams/`);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const site = config.websiteUrl ?? `https://${host}/`;
  const resource = `api://${host}/${config.clientId}`;
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
