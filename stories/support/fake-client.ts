/**
 * A real `PartnerClient` over a fake `fetch`, so that stories render without a server: each route
 * answers `METHOD /v1/path` with a JSON body (or a function of the request). Everything else
 * answers a 404 problem. Widget stories add the routes they need.
 */
import { createPartnerClient, staticToken } from '../../src/core/index.js';
import type { Me, PartnerClient } from '../../src/core/index.js';

export type FakeRoutes = Record<string, unknown | ((request: Request) => unknown)>;

export const demoMe: Me = {
  user: {
    id: 'usr_demo',
    name: 'Dana Demo',
    email: 'dana@acme-partner.example',
    role: 'partner_admin',
  },
  partner: {
    id: 'prt_acme',
    name: 'Acme Partner GmbH',
    type: 'reseller',
    tier: { id: 'tier_gold', name: 'Gold', rank: 2 },
  },
};

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

export function fakeClient(
  routes: FakeRoutes = {},
  options: { delayMs?: number } = {},
): PartnerClient {
  const all: FakeRoutes = { 'GET /v1/me': demoMe, 'GET /v1/health': { status: 'ok' }, ...routes };
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const { pathname } = new URL(request.url);
    const route = all[`${request.method} ${pathname}`];
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    if (route === undefined) {
      return json(
        404,
        { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' },
        'application/problem+json',
      );
    }
    return json(200, typeof route === 'function' ? await route(request) : route);
  };
  return createPartnerClient({
    baseUrl: 'https://prm.example',
    getToken: staticToken('storybook'),
    fetch,
    retry: { limit: 0 },
  });
}
