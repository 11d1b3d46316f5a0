/** @module `prm-widgets/server`: what a partner's Node backend needs to embed the widgets. */
// Nothing here may import the store, the routes or any database driver: a partner's backend
// installs this package to sign tokens, not to run the reference server.
export {
  EMBED_TOKEN_AUDIENCE,
  EMBED_TOKEN_MAX_TTL_SECONDS,
  mintEmbedToken,
} from './embed-token.js';
export type { EmbedToken, MintEmbedTokenOptions } from './embed-token.js';
export { PARTNER_ROLES, TokenResponse } from '../core/schema/index.js';
export type { PartnerRole } from '../core/schema/index.js';
