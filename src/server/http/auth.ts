/** @module Authentication of a request: the bearer token to a Principal, or 401. */
import type { Context } from 'hono';
import type { Principal } from '../identity/principal.js';
import { maybeOne } from '../store/index.js';
import type { AppEnv, Deps } from './context.js';
import { problems } from './problem.js';

export async function authenticate(c: Context<AppEnv>, deps: Deps): Promise<Principal> {
  const header = c.req.header('authorization');
  if (!header) throw problems.unauthenticated();
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw problems.unauthenticated('Use Authorization: Bearer <token>.');
  const principal = c.get('verified') ?? (await deps.verify(m[1]!));
  if (principal.partnerId !== null) {
    const partner = await maybeOne(deps.store, 'select 1 from partners where id = $1', [
      principal.partnerId,
    ]);
    if (!partner) throw problems.unauthenticated('The token names a partner that does not exist.');
  }
  c.set('principal', principal);
  return principal;
}
