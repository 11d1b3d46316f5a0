// Runs the real reference server beside web-test-runner's dev server, so widget tests can talk
// to the real API (in-memory PGlite, demo seed).
//
//   GET /__prm/api-base                              → { "url": "http://127.0.0.1:<port>" }
//   GET /__prm/token?role=…&partner=…&sub=…&name=…&email=…&ttl=<seconds>
//                                                    → { "token": "…", "expiresAt": "…" }
//
// The server is `prm serve --data memory --seed demo --port 0` with a known PRM_JWT_SECRET; the
// tokens are signed here with that secret (HS256, iss "prm", aud "prm-api"). Each test run starts
// from the same demo program (src/server/seed/demo.ts), whose ids tests may rely on:
//   partners  prt_brightpath (reseller, North America, tier_gold), prt_kestrel (si, EMEA,
//             tier_platinum), prt_harborview (msp, tier_silver), prt_tidewater (referral,
//             tier_registered), and eight more
//   users     usr_lf_admin (program_admin), usr_lf_cm_1 (channel_manager), usr_lf_seller_1
//             (seller), usr_lf_integration (integration), usr_brightpath_admin (partner_admin of
//             prt_brightpath), usr_brightpath_1 (partner_user of prt_brightpath), usr_kestrel_admin,
//             usr_kestrel_1
//   tiers     tier_registered < tier_silver < tier_gold < tier_platinum
//   products  lf-core, lf-analytics, lf-edge, lf-secure, lf-vault, lf-support
// The database lives as long as the test run: tests that write should create what they need
// (or use unique names) rather than expect an untouched demo.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../../bin/prm.mjs', import.meta.url));
const PARTNER_ROLES = ['partner_user', 'partner_admin'];
const ROLES = [...PARTNER_ROLES, 'seller', 'channel_manager', 'program_admin', 'integration'];

function startServer(secret, extraEnv) {
  const env = { ...process.env, PRM_JWT_SECRET: secret };
  for (const k of [
    'DATABASE_URL',
    'PRM_DATA',
    'PRM_SEED',
    'PORT',
    'PRM_TRUSTED_ISSUERS',
    'PRM_CORS_ORIGINS',
  ])
    delete env[k];
  Object.assign(env, extraEnv);
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--data', 'memory', '--seed', 'demo', '--port', '0'],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // A dev server that dies without serverStop must not leave the API behind.
  const killChild = () => child.exitCode === null && child.kill('SIGKILL');
  process.once('exit', killChild);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`reference server did not start:\n${out}`));
    }, 120_000);
    child.stderr.on('data', (d) => (out += d));
    child.stdout.on('data', async (d) => {
      // Request logs follow the banner; keep only the start of the output for error messages.
      if (out.length < 20_000) out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (!m || child.listening) return;
      child.listening = true;
      clearTimeout(timer);
      try {
        const health = await fetch(`${m[1]}/v1/health`);
        if (!health.ok) throw new Error(`health answered ${health.status}`);
        resolve({ child, url: m[1], killChild });
      } catch (error) {
        child.kill('SIGKILL');
        reject(error);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!child.listening) reject(new Error(`reference server exited with ${code}:\n${out}`));
    });
  });
}

async function mint(secret, params) {
  const role = params.get('role') ?? 'partner_user';
  if (!ROLES.includes(role)) throw new Error(`unknown role ${role}`);
  const partner =
    params.get('partner') ?? (PARTNER_ROLES.includes(role) ? 'prt_brightpath' : undefined);
  const ttl = Number(params.get('ttl') ?? 900);
  const now = Math.floor(Date.now() / 1000);
  const claims = { role };
  if (PARTNER_ROLES.includes(role)) claims.partner = partner;
  if (params.get('name')) claims.name = params.get('name');
  if (params.get('email')) claims.email = params.get('email');
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(params.get('sub') ?? `usr_test_${role}`)
    .setIssuer('prm')
    .setAudience('prm-api')
    .setIssuedAt(now)
    .setExpirationTime(now + ttl)
    .sign(new TextEncoder().encode(secret));
  return { token, expiresAt: new Date((now + ttl) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

/** `env`: more of the server's environment (the Salesforce tests trust a test org's issuer). */
export function plugins({ env } = {}) {
  const secret = randomBytes(32).toString('base64url');
  let server;
  return [
    {
      name: 'prm-reference-server',
      async serverStart() {
        server = await startServer(secret, env);
      },
      async serverStop() {
        if (!server) return;
        const { child, killChild } = server;
        process.off('exit', killChild);
        if (child.exitCode === null) {
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(force);
        }
      },
      async serve(context) {
        if (context.path === '/__prm/api-base') {
          return { body: JSON.stringify({ url: server.url }), type: 'json' };
        }
        if (context.path === '/__prm/token') {
          try {
            return {
              body: JSON.stringify(await mint(secret, new URLSearchParams(context.querystring))),
              type: 'json',
            };
          } catch (error) {
            context.status = 400;
            return { body: JSON.stringify({ error: error.message }), type: 'json' };
          }
        }
        return undefined;
      },
    },
  ];
}
