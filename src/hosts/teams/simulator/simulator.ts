/**
 * @module The Teams host simulator (`/demo/teams/`): a page that frames the tab pages and answers
 * them as Teams does, so the tabs can be seen, themed, configured and shared from without Teams.
 * It answers `initialize` (with a runtime configuration declaring `pages.config`, `sharing` and
 * nested app auth), `getContext`, `authentication.getAuthToken` and `nestedAppAuth.execute` (with
 * tokens the demo server signs as its stand-in for Entra ID, from the JWKS it serves), pushes
 * `themeChange`, runs the settings save flow, and records shares and deep links.
 *
 * Query parameters set the starting state (the tests use them): `user`, `auth` (`naa` or `sso`),
 * `theme` (`default`, `dark`, `contrast`), `locale`, `tab` (`personal` or `configure`),
 * `subEntityId`.
 */
import type { FrameContext, SimulatedContext, TabRequest } from './host.js';
import {
  isTabRequest,
  legacyContext,
  parseNaaRequest,
  push,
  reply,
  replyNaa,
  runtimeConfig,
} from './host.js';

interface DemoUser {
  id: string;
  name: string;
  email: string;
  role: string;
  partnerName: string | null;
}

const TENANT = '0d3f7a52-6c1e-4b7a-9f0e-000000000de0';
const CHANNEL = {
  id: '19:general@thread.tacv2',
  name: 'General',
  teamId: 'team-deals',
  teamName: 'Deal desk',
};

const params = new URL(location.href).searchParams;
const state = {
  users: [] as DemoUser[],
  user: params.get('user') ?? '',
  auth: params.get('auth') === 'sso' ? 'sso' : 'naa',
  theme: params.get('theme') ?? 'default',
  locale: params.get('locale') ?? 'en-US',
  frameContext: 'content' as FrameContext,
  entityId: 'deals',
  subEntityId: params.get('subEntityId') ?? undefined,
  channel: false,
  valid: false,
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const frame = () => $<HTMLIFrameElement>('sim-frame');

/** One line in the record of what the tab asked: the function and its arguments, as text. */
function record(func: string, detail: unknown): HTMLLIElement {
  const li = document.createElement('li');
  li.dataset['func'] = func;
  const name = document.createElement('strong');
  name.textContent = func;
  const code = document.createElement('code');
  code.textContent = JSON.stringify(detail);
  li.append(name, ' ', code);
  $('sim-log').prepend(li);
  return li;
}

function currentUser(): DemoUser | undefined {
  return state.users.find((u) => u.id === state.user);
}

async function tokens(via: 'naa' | 'sso') {
  const res = await fetch(
    `/demo/api/teams-token?user=${encodeURIComponent(state.user)}&via=${via}`,
  );
  if (!res.ok) throw new Error(`the demo's Entra stand-in answered ${res.status}`);
  return (await res.json()) as {
    accessToken: string;
    idToken: string;
    expiresIn: number;
    account: Record<string, string>;
  };
}

function context(): SimulatedContext {
  const user = currentUser();
  return {
    locale: state.locale,
    theme: state.theme,
    frameContext: state.frameContext,
    entityId: state.entityId,
    subEntityId: state.subEntityId,
    tenantId: TENANT,
    user: { id: user?.id ?? 'unknown', name: user?.name ?? 'Unknown', email: user?.email ?? '' },
    channel: state.channel ? CHANNEL : undefined,
  };
}

async function handle(target: Window, request: TabRequest): Promise<void> {
  const args = request.args ?? [];
  switch (request.func) {
    case 'initialize': {
      const runtime = JSON.stringify(runtimeConfig(state.auth === 'naa'));
      // TeamsJS reads the runtime from the third answer and its NAA bridge from the fourth.
      reply(target, request, [state.frameContext, 'web', runtime, runtime]);
      record('initialize', { frameContext: state.frameContext, naa: state.auth === 'naa' });
      return;
    }
    case 'getContext':
      reply(target, request, [legacyContext(context())]);
      return;
    case 'authentication.getAuthToken': {
      record(request.func, { user: state.user });
      try {
        reply(target, request, [true, (await tokens('sso')).accessToken]);
      } catch (error) {
        reply(target, request, [false, (error as Error).message]);
      }
      return;
    }
    case 'nestedAppAuth.execute': {
      const naa = parseNaaRequest(request.data);
      if (!naa) return;
      record(request.func, { method: naa.method, scope: naa.tokenParams?.scope });
      if (naa.method === 'GetInitContext') {
        replyNaa(target, request, naa, {
          success: true,
          initContext: { sdkName: 'prm-teams-simulator', sdkVersion: '1.0.0', capabilities: {} },
        });
        return;
      }
      if (naa.method === 'GetToken' || naa.method === 'GetTokenPopup') {
        try {
          const t = await tokens('naa');
          replyNaa(target, request, naa, {
            success: true,
            token: {
              access_token: t.accessToken,
              id_token: t.idToken,
              expires_in: t.expiresIn,
              scope: naa.tokenParams?.scope ?? '',
            },
            account: t.account,
          });
        } catch (error) {
          replyNaa(target, request, naa, {
            success: false,
            error: { status: 'PERSISTENT_ERROR', code: 'no_token', description: String(error) },
          });
        }
        return;
      }
      replyNaa(target, request, naa, {
        success: false,
        error: { status: 'PERSISTENT_ERROR', code: 'unsupported', description: naa.method },
      });
      return;
    }
    case 'settings.setValidityState':
      state.valid = args[0] === true;
      $<HTMLButtonElement>('sim-save').disabled = !state.valid;
      record(request.func, args);
      return;
    case 'settings.setSettings': {
      const config = args[0] as {
        contentUrl: string;
        entityId: string;
        suggestedDisplayName?: string;
      };
      record(request.func, config);
      savedConfig = config;
      reply(target, request, [true]);
      return;
    }
    case 'settings.save.success':
      record(request.func, []);
      if (savedConfig) {
        $('sim-tab-name').textContent = savedConfig.suggestedDisplayName ?? 'Tab';
        load(savedConfig.contentUrl, 'content', savedConfig.entityId, true);
      }
      return;
    case 'settings.save.failure':
      record(request.func, args);
      return;
    case 'sharing.shareWebContent':
      recordShare(args[0]);
      reply(target, request, [null]);
      return;
    default:
      // One-way notices (app loaded, handlers registered): nothing to answer.
      if (!/^(appInitialization|registerHandler)/.test(request.func)) record(request.func, args);
  }
}

let savedConfig:
  { contentUrl: string; entityId: string; suggestedDisplayName?: string } | undefined;

function recordShare(content: unknown): void {
  const li = record('sharing.shareWebContent', content);
  const url = (content as { content?: { url?: string }[] })?.content?.[0]?.url;
  if (!url) return;
  const open = document.createElement('button');
  open.type = 'button';
  open.className = 'sim-open-link';
  open.textContent = 'Open this deep link';
  open.addEventListener('click', () => openDeepLink(url));
  li.append(' ', open);
}

/** What Teams does with `https://teams.microsoft.com/l/entity/<app>/<entity>?context=…`. */
function openDeepLink(link: string): void {
  const url = new URL(link);
  const entityId = decodeURIComponent(url.pathname.split('/')[4] ?? 'deals');
  const ctx = JSON.parse(url.searchParams.get('context') ?? '{}') as {
    subEntityId?: string;
    channelId?: string;
  };
  record('deepLink', { entityId, subEntityId: ctx.subEntityId });
  state.subEntityId = ctx.subEntityId;
  const current = frame().src;
  load(state.channel ? current : '/demo/teams/tab/', 'content', entityId, Boolean(ctx.channelId));
}

function load(src: string, frameContext: FrameContext, entityId: string, channel: boolean): void {
  state.frameContext = frameContext;
  state.entityId = entityId;
  state.channel = channel;
  $<HTMLButtonElement>('sim-save').hidden = frameContext !== 'settings';
  $<HTMLButtonElement>('sim-save').disabled = true;
  frame().src = src;
}

function setTheme(theme: string): void {
  state.theme = theme;
  document.documentElement.dataset['teamsTheme'] = theme;
  const target = frame().contentWindow;
  if (target) push(target, 'themeChange', [theme]);
}

async function start(): Promise<void> {
  window.addEventListener('message', (event: MessageEvent) => {
    const target = frame().contentWindow;
    if (event.source !== target || !target || event.origin !== location.origin) return;
    if (isTabRequest(event.data)) void handle(target, event.data);
  });
  document.documentElement.dataset['teamsTheme'] = state.theme;
  const res = await fetch('/demo/api/users');
  state.users = ((await res.json()) as { users: DemoUser[] }).users;
  state.user ||= state.users[0]?.id ?? '';
  const userSelect = $<HTMLSelectElement>('sim-user');
  userSelect.replaceChildren(
    ...state.users.map((u) => {
      const o = new Option(`${u.name} (${u.partnerName ?? 'vendor'}, ${u.role})`, u.id);
      o.selected = u.id === state.user;
      return o;
    }),
  );
  userSelect.disabled = false;
  userSelect.addEventListener('change', () => {
    state.user = userSelect.value;
    frame().src = frame().src; // Teams reloads the app for another account
  });
  const auth = $<HTMLSelectElement>('sim-auth');
  auth.value = state.auth;
  auth.addEventListener('change', () => {
    state.auth = auth.value === 'sso' ? 'sso' : 'naa';
    frame().src = frame().src;
  });
  const theme = $<HTMLSelectElement>('sim-theme');
  theme.value = state.theme;
  theme.addEventListener('change', () => setTheme(theme.value));
  const locale = $<HTMLSelectElement>('sim-locale');
  locale.value = state.locale;
  locale.addEventListener('change', () => {
    state.locale = locale.value;
    frame().src = frame().src;
  });
  $('sim-personal').addEventListener('click', () => {
    state.subEntityId = undefined;
    $('sim-tab-name').textContent = 'Deals (personal app)';
    load('/demo/teams/tab/', 'content', 'deals', false);
  });
  $('sim-configure').addEventListener('click', () => {
    $('sim-tab-name').textContent = `Add a tab to ${CHANNEL.teamName} › ${CHANNEL.name}`;
    load('/demo/teams/config/', 'settings', '', true);
  });
  $('sim-save').addEventListener('click', () => {
    const target = frame().contentWindow;
    if (target && state.valid) push(target, 'settings.save', [{}]);
  });
  if (params.get('tab') === 'configure') $('sim-configure').click();
  else load('/demo/teams/tab/', 'content', 'deals', false);
}

void start();
