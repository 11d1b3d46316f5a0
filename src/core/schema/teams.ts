/**
 * @module A Microsoft Teams deployment's configuration, and what the tab pages are told of it:
 * one schema that `npm run teams:package` (the app's manifest) and `prm serve` (the tab pages'
 * `#prm-teams-config` block) both read, from a JSON file (`teams.config.json`) and environment
 * variables (`PRM_TEAMS_*`, which win). None of the ids is written in the code.
 */
import * as z from 'zod/mini';

/**
 * The deployment's configuration. Only Node reads it (the packager, the server): built in a
 * `@__PURE__` call, so the tab pages' bundle, which imports {@link TabPageConfig} from here,
 * drops it (see `common.ts`).
 */
export const TeamsAppConfig = /* @__PURE__ */ (() => {
  const guid = z
    .string()
    .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'a GUID'));

  /** An absolute http(s) URL, or a path on the tab pages' own origin. */
  const link = z.union([
    z.url({ protocol: /^https?$/ }),
    z.string().check(z.regex(/^\/(?!\/)/, 'an http(s) URL or a path starting with /')),
  ]);

  return z.object({
    /** The Teams app id (a GUID of your own; keep it across versions). */
    appId: guid,
    /** The host the tab pages are served from: `deals.example.com` (no scheme, no path). */
    domain: z
      .string()
      .check(z.regex(/^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i, 'a host name')),
    /** The Entra app (client) id that Teams SSO and nested app auth sign in to. */
    clientId: guid,
    /** Where the tab pages live; `https://<domain>/teams/` (what `prm serve` serves) when not given. */
    tabUrl: z.optional(z.url()),
    /** Where the Partner API is, without `/v1`; the tab pages' origin when not given. */
    apiBase: z.optional(z.url({ protocol: /^https?$/ })),
    /** Where a visitor who opens a tab outside Teams signs in on the web. */
    signInUrl: z.optional(link),
    /** The app's version (semver); the package's version when not given. */
    version: z.optional(z.string().check(z.regex(/^\d+\.\d+\.\d+$/, 'x.y.z'))),
    developerName: z.optional(z.string().check(z.minLength(1), z.maxLength(32))),
    websiteUrl: z.optional(z.url()),
    privacyUrl: z.optional(z.url()),
    termsOfUseUrl: z.optional(z.url()),
  });
})();
export type TeamsAppConfig = z.infer<typeof TeamsAppConfig>;

/** The environment variables of the configuration, and the field each sets. */
export const TEAMS_CONFIG_ENV = {
  PRM_TEAMS_APP_ID: 'appId',
  PRM_TEAMS_DOMAIN: 'domain',
  PRM_TEAMS_CLIENT_ID: 'clientId',
  PRM_TEAMS_TAB_URL: 'tabUrl',
  PRM_TEAMS_API_BASE: 'apiBase',
  PRM_TEAMS_SIGN_IN_URL: 'signInUrl',
  PRM_TEAMS_VERSION: 'version',
  PRM_TEAMS_DEVELOPER_NAME: 'developerName',
} as const satisfies Record<string, keyof TeamsAppConfig>;

/** The file's fields, then the environment's on top of them. */
export function mergeTeamsConfig(
  fromFile: Record<string, unknown>,
  env: Record<string, string | undefined>,
): Record<string, unknown> {
  const fromEnv = Object.fromEntries(
    Object.entries(TEAMS_CONFIG_ENV).flatMap(([name, key]) =>
      env[name] ? [[key, env[name]]] : [],
    ),
  );
  return { ...fromFile, ...fromEnv };
}

/** Parses the configuration; the error names every wrong or missing field. */
export function parseTeamsAppConfig(input: unknown): TeamsAppConfig {
  const parsed = TeamsAppConfig.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues
    .map((i) => `${i.path.join('.')} (${i.code === 'invalid_type' ? 'missing' : i.message})`)
    .join(', ');
  throw new Error(`The Teams app configuration is not valid: ${fields}`);
}

/** The path `prm serve` serves the tab pages under: `tab/` and `config/` below it. */
export const TEAMS_PAGES_PATH = '/teams/';

/** The Application ID URI of the Entra app: `api://<domain>/<client id>`. */
export const teamsResource = (config: TeamsAppConfig): string =>
  `api://${config.domain.toLowerCase()}/${config.clientId}`;

/** Where the tab pages live, ending in `/`: `tabUrl`, else `https://<domain>/teams/`. */
export function teamsTabBase(config: TeamsAppConfig): URL {
  const base = new URL(
    config.tabUrl ?? `https://${config.domain.toLowerCase()}${TEAMS_PAGES_PATH}`,
  );
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return base;
}

/** What a tab page reads from its `#prm-teams-config` block. */
export const TabPageConfig = z.object({
  /** Where the Partner API lives, without `/v1`; the page's origin when empty. */
  apiBase: z.optional(z.string()),
  /** The tab's Entra app (client) id. */
  clientId: z.string().check(z.minLength(1)),
  /** The API scope the tab asks for: `api://<domain>/<client id>/access_as_user`. */
  apiScope: z.string().check(z.minLength(1)),
  /** The Teams app id (the manifest's `id`), for deep links. */
  appId: z.string().check(z.minLength(1)),
  /** Where a visitor outside Teams signs in (the web host's sign-in). */
  signInUrl: z.optional(z.string()),
  /** Origins of a host other than Teams' and this page's own. */
  validOrigins: z.optional(z.array(z.string())),
});
export type TabPageConfig = z.infer<typeof TabPageConfig>;

/** The tab pages' configuration, made from the deployment's. */
export function tabPageConfig(config: TeamsAppConfig): TabPageConfig {
  return {
    clientId: config.clientId,
    apiScope: `${teamsResource(config)}/access_as_user`,
    appId: config.appId,
    ...(config.apiBase ? { apiBase: config.apiBase.replace(/\/+$/, '') } : {}),
    ...(config.signInUrl ? { signInUrl: config.signInUrl } : {}),
  };
}
