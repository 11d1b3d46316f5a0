/**
 * @module The host side of TeamsJS's postMessage protocol, for the simulator: what Teams answers
 * a tab. A request from the tab is `{ id, uuidAsString, func, args }`; the answer carries the same
 * `id` and `uuidAsString` and the results in `args`. Events the host starts (`themeChange`,
 * `settings.save`) are `{ func, args }` with no id. Nested app auth requests carry MSAL's JSON
 * envelope in `data` and are answered with `args: [, <response envelope JSON>]`.
 */

export interface TabRequest {
  id: number;
  uuidAsString?: string;
  func: string;
  args?: unknown[];
  /** `nestedAppAuth.execute`: MSAL's request envelope, as JSON. */
  data?: string;
}

export const isTabRequest = (data: unknown): data is TabRequest =>
  typeof data === 'object' &&
  data !== null &&
  typeof (data as TabRequest).id === 'number' &&
  typeof (data as TabRequest).func === 'string';

export type FrameContext = 'content' | 'settings';

/** The runtime configuration a host declares in its `initialize` answer (API version 4). */
export function runtimeConfig(naa: boolean): Record<string, unknown> {
  return {
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isNAAChannelRecommended: naa,
    isLegacyTeams: false,
    supports: {
      appEntity: {},
      appInstallDialog: {},
      dialog: { card: {}, url: {}, update: {} },
      logs: {},
      nestedAppAuth: {},
      pages: { appButton: {}, backStack: {}, config: {}, currentApp: {}, fullTrust: {}, tabs: {} },
      sharing: {},
      stageView: {},
      teamsCore: {},
    },
  };
}

/** Sends the tab the answer to one of its requests. */
export function reply(target: Window, request: TabRequest, args: unknown[]): void {
  target.postMessage({ id: request.id, uuidAsString: request.uuidAsString, args }, location.origin);
}

/** Sends the tab an event of the host's own. */
export function push(target: Window, func: string, args: unknown[]): void {
  target.postMessage({ func, args }, location.origin);
}

export interface NaaRequest {
  messageType: 'NestedAppAuthRequest';
  method: string;
  requestId: string;
  tokenParams?: { clientId?: string; scope?: string };
}

export function parseNaaRequest(data: string | undefined): NaaRequest | undefined {
  try {
    const parsed = JSON.parse(data ?? '') as NaaRequest;
    return parsed?.messageType === 'NestedAppAuthRequest' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Answers a nested app auth request with MSAL's response envelope. */
export function replyNaa(
  target: Window,
  request: TabRequest,
  naa: NaaRequest,
  body: Record<string, unknown>,
): void {
  const envelope = { messageType: 'NestedAppAuthResponse', requestId: naa.requestId, ...body };
  reply(target, request, [undefined, JSON.stringify(envelope)]);
}

/** The legacy context object `getContext` answers with (TeamsJS maps it to `app.Context`). */
export interface SimulatedContext {
  locale: string;
  theme: string;
  frameContext: FrameContext;
  entityId: string;
  subEntityId?: string | undefined;
  user: { id: string; name: string; email: string };
  tenantId: string;
  channel?: { id: string; name: string; teamId: string; teamName: string } | undefined;
}

export function legacyContext(c: SimulatedContext): Record<string, unknown> {
  return {
    locale: c.locale,
    theme: c.theme,
    frameContext: c.frameContext,
    entityId: c.entityId,
    subEntityId: c.subEntityId,
    hostClientType: 'web',
    hostName: 'Teams',
    tid: c.tenantId,
    userObjectId: c.user.id,
    userPrincipalName: c.user.email,
    loginHint: c.user.email,
    userDisplayName: c.user.name,
    appSessionId: crypto.randomUUID(),
    sessionId: crypto.randomUUID(),
    appLaunchId: crypto.randomUUID(),
    ...(c.channel
      ? {
          channelId: c.channel.id,
          channelName: c.channel.name,
          teamId: c.channel.teamId,
          teamName: c.channel.teamName,
          channelType: 'Regular',
        }
      : {}),
  };
}
