/** @module The Partner API client: typed calls, auth, errors, events, formatting and the schemas. */
export * from './client.js';
export * from './errors.js';
export * from './auth.js';
export * from './events.js';
export * from './format.js';
export * from './schema/index.js';
