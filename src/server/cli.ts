/**
 * @module `prm serve` and `prm token`: the reference Partner API server on this machine.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, isPartnerRole } from '../core/schema/index.js';
import type { Role } from '../core/schema/index.js';
import type { TeamsAppConfig } from '../core/schema/teams.js';
import { TEAMS_PAGES_PATH, mergeTeamsConfig, parseTeamsAppConfig } from '../core/schema/teams.js';
import { generateSecret, mintToken, parseTtl } from './identity/tokens.js';
import { readTrustedIssuers } from './identity/trusted-issuers.js';
import { DEFAULT_RATE_LIMIT } from './http/rate-limit.js';
import { VERSION, startServer } from './server.js';
import { describeUrl } from './store/postgres.js';
import { DEMO_IDS } from './seed/demo.js';

const USAGE = `prm ${VERSION} — the reference Partner API server

Usage:
  prm serve [--port 8787] [--host 127.0.0.1] [--data <dir>|memory] [--database-url <url>]
            [--seed demo|none] [--demo] [--rate-limit 6000] [--rate-window 60]
            [--teams-config <file>]
  prm token --role <role> [--partner <id>] [--sub <id>] [--name <name>] [--email <email>]
            [--ttl 15m] [--data <dir>]

Environment: PORT, PRM_DATA, DATABASE_URL, PRM_SEED, PRM_JWT_SECRET, PRM_TRUSTED_ISSUERS
(JSON or a file path), PRM_CORS_ORIGINS (comma-separated origins, default any),
PRM_RATE_LIMIT and PRM_RATE_WINDOW (as the options).

Microsoft Teams: with a Teams configuration, the tab pages are served at ${TEAMS_PAGES_PATH}tab/ and
${TEAMS_PAGES_PATH}config/ with the deployment's ids written into them (from the build; PRM_TEAMS_PAGES
names another folder of built pages); without one those paths are 404. The configuration is
what \`npm run teams:package\` reads: --teams-config <file> (else teams.config.json in the working
directory, if any) under PRM_TEAMS_APP_ID, PRM_TEAMS_DOMAIN, PRM_TEAMS_CLIENT_ID,
PRM_TEAMS_API_BASE, PRM_TEAMS_SIGN_IN_URL (and the packager's PRM_TEAMS_TAB_URL, …), which win.

Rate limits: each caller (a valid token's subject, else the client address) may send
--rate-limit requests per --rate-window seconds (default 6000 per 60; 0 turns budgets off);
beyond that it gets 429 with Retry-After. On PostgreSQL the budget is shared by every process
on the database; on PGlite it holds per process.
Roles: ${ROLES.join(', ')}.`;

const DEFAULT_DATA = '.prm-data';
const SECRET_FILE = 'jwt-secret';

class UsageError extends Error {}

const say = (line: string) => process.stdout.write(`prm: ${line}\n`);

/** The demo's persisted secret, so tokens survive a restart. */
function readSecretFile(dataDir: string): string | undefined {
  const file = join(dataDir, SECRET_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || undefined : undefined;
}

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`--${name} is a whole number, not ${value}`);
  return n;
}

/**
 * The Teams configuration `npm run teams:package` reads too: the file (`--teams-config`, else
 * `teams.config.json` here if there is one) under the `PRM_TEAMS_*` variables. Undefined when
 * neither says anything; a usage error naming the fields when it is incomplete or wrong.
 */
function readTeams(env: NodeJS.ProcessEnv, file: string | undefined): TeamsAppConfig | undefined {
  const path = file ?? (existsSync('teams.config.json') ? 'teams.config.json' : undefined);
  let fromFile: Record<string, unknown> = {};
  if (path) {
    try {
      fromFile = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new UsageError(`--teams-config ${path}: ${(error as Error).message}`);
    }
  }
  const merged = mergeTeamsConfig(fromFile, env);
  if (Object.keys(merged).length === 0) return undefined;
  try {
    return parseTeamsAppConfig(merged);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function serve(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      'database-url': { type: 'string' },
      seed: { type: 'string' },
      demo: { type: 'boolean', default: false },
      'rate-limit': { type: 'string' },
      'rate-window': { type: 'string' },
      'teams-config': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const env = process.env;
  const rateLimit = wholeNumber(
    'rate-limit',
    values['rate-limit'] ?? env.PRM_RATE_LIMIT,
    DEFAULT_RATE_LIMIT.limit,
  );
  const rateWindow = wholeNumber(
    'rate-window',
    values['rate-window'] ?? env.PRM_RATE_WINDOW,
    DEFAULT_RATE_LIMIT.windowSeconds,
  );
  if (rateWindow < 1) throw new UsageError('--rate-window is at least 1 (second)');
  const port = Number(values.port ?? env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`invalid port ${String(values.port ?? env.PORT)}`);
  const host = values.host ?? '127.0.0.1';
  const data = values.data ?? (env.PRM_DATA || DEFAULT_DATA);
  const databaseUrl = values['database-url'] ?? (env.DATABASE_URL || undefined);
  const seed = values.seed ?? (env.PRM_SEED || 'none');
  if (seed !== 'demo' && seed !== 'none')
    throw new UsageError(`--seed is demo or none, not ${seed}`);
  const demo = values.demo;
  const dataDir = data === 'memory' ? null : resolve(data);

  let secret = env.PRM_JWT_SECRET || undefined;
  let secretNote: string | undefined;
  if (!secret) {
    if (!demo) {
      throw new UsageError(
        'PRM_JWT_SECRET is not set. Set it, or run with --demo to generate one.',
      );
    }
    secret = dataDir ? readSecretFile(dataDir) : undefined;
    if (secret) {
      secretNote = `signing secret from ${join(dataDir!, SECRET_FILE)}`;
    } else {
      secret = generateSecret();
      if (dataDir) {
        mkdirSync(dataDir, { recursive: true });
        writeFileSync(join(dataDir, SECRET_FILE), secret + '\n', { mode: 0o600 });
        chmodSync(join(dataDir, SECRET_FILE), 0o600);
        secretNote = `generated a signing secret, kept in ${join(dataDir, SECRET_FILE)}`;
      } else {
        secretNote = `generated a signing secret: PRM_JWT_SECRET=${secret}`;
      }
    }
  }

  const teams = readTeams(env, values['teams-config']);

  const corsEnv = env.PRM_CORS_ORIGINS?.trim();
  const server = await startServer({
    port,
    host,
    data: dataDir ?? 'memory',
    databaseUrl,
    seed,
    secret,
    demo,
    trustedIssuers: readTrustedIssuers(env.PRM_TRUSTED_ISSUERS),
    rateLimit: { limit: rateLimit, windowSeconds: rateWindow },
    teams: teams && { config: teams, pagesDir: env.PRM_TEAMS_PAGES || undefined },
    corsOrigins:
      !corsEnv || corsEnv === '*'
        ? '*'
        : corsEnv
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean),
  });

  const where = databaseUrl
    ? describeUrl(databaseUrl)
    : dataDir
      ? `PGlite at ${join(dataDir, 'pglite')}`
      : 'PGlite in memory (nothing is kept)';
  // One write, so whoever reads the banner (a test, a supervisor) gets all of it at once.
  const banner = [
    // With the demo on, the first line is where to go: the demo's URL.
    ...(demo ? [`demo: ${server.url}/demo/ (a partner's intranet and the vendor's console)`] : []),
    `listening on ${server.url}`,
    `database: ${where}${server.seeded ? ` (seeded: ${seed})` : ''}`,
    `API reference: ${server.url}/docs, OpenAPI: ${server.url}/openapi.json`,
  ];
  if (teams) {
    banner.push(
      `teams: tab pages at ${server.url}${TEAMS_PAGES_PATH}tab/ and ${TEAMS_PAGES_PATH}config/ (app ${teams.appId}, for https://${teams.domain}${TEAMS_PAGES_PATH})`,
    );
  }
  if (secretNote) banner.push(secretNote);
  if (demo) {
    const dataFlag = dataDir && dataDir !== resolve(DEFAULT_DATA) ? ` --data ${data}` : '';
    const secretEnv = dataDir ? '' : `PRM_JWT_SECRET=${secret} `;
    banner.push(
      'demo mode: get a token with',
      `  ${secretEnv}npx prm token --role partner_admin --partner ${DEMO_IDS.partners.brightpath} --sub ${DEMO_IDS.users.brightpathAdmin}${dataFlag}`,
      `  ${secretEnv}npx prm token --role channel_manager --sub ${DEMO_IDS.users.channelManager}${dataFlag}`,
    );
  }
  process.stdout.write(banner.map((l) => `prm: ${l}\n`).join(''));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      say(`${signal} again: exiting at once`);
      process.exit(1);
    }
    stopping = true;
    say(`${signal}: finishing requests in flight, then closing the database`);
    server.close().then(
      () => {
        say('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function token(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      role: { type: 'string' },
      partner: { type: 'string' },
      sub: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      ttl: { type: 'string', default: '15m' },
      data: { type: 'string' },
    },
    strict: true,
  });
  const role = values.role as Role | undefined;
  if (!role || !(ROLES as readonly string[]).includes(role)) {
    throw new UsageError(`--role is one of ${ROLES.join(', ')}`);
  }
  if (isPartnerRole(role) && !values.partner)
    throw new UsageError(`--partner is required for ${role}`);
  const data = values.data ?? (process.env.PRM_DATA || DEFAULT_DATA);
  const secret =
    process.env.PRM_JWT_SECRET || (data === 'memory' ? undefined : readSecretFile(resolve(data)));
  if (!secret) {
    throw new UsageError(
      `PRM_JWT_SECRET is not set (and ${join(data, SECRET_FILE)} does not exist)`,
    );
  }
  const { token: jwt } = await mintToken(secret, {
    role,
    partner: isPartnerRole(role) ? values.partner : undefined,
    sub: values.sub,
    name: values.name,
    email: values.email,
    ttlSeconds: parseTtl(values.ttl),
  });
  process.stdout.write(jwt + '\n');
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const [command, ...rest] = argv;
  try {
    if (command === 'serve') await serve(rest);
    else if (command === 'token') await token(rest);
    else if (!command || command === 'help' || command === '--help' || command === '-h') {
      process.stdout.write(USAGE + '\n');
    } else if (command === '--version' || command === '-v') {
      process.stdout.write(VERSION + '\n');
    } else throw new UsageError(`unknown command ${command}`);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`prm: ${(error as Error).message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`prm: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  }
}

await main();
