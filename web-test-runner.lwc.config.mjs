// The Salesforce wrappers in Chromium: compiled by the real LWC compiler (@lwc/rollup-plugin
// through @web/dev-server-rollup), with test stubs for `lightning/*` and `@salesforce/*`
// (test/salesforce/stubs/), the static resource built on request, and the Apex proxy's call made
// by the dev server against the real reference server. `npm test` runs it after the main runner.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import lwcRollup from '@lwc/rollup-plugin';
import { SignJWT } from 'jose';
import { countingReporter } from './test/support/counting-reporter.mjs';
import { plugins as referenceServer } from './test/support/wtr-plugins/reference-server.mjs';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';
import { buildSalesforceBundle } from './scripts/build-salesforce.mjs';
import { isAllowed, readAllowList, readMaxFileBytes } from './test/salesforce/apex-allow-list.mjs';

const LWC_DIR = 'src/hosts/salesforce/force-app/main/default/lwc';
const lwcDir = fileURLToPath(new URL(`./${LWC_DIR}/`, import.meta.url));
const lwc = fromRollup(lwcRollup);
const STUBS = {
  'lightning/platformResourceLoader': 'platformResourceLoader',
  'lightning/platformShowToastEvent': 'platformShowToastEvent',
  'lightning/navigation': 'navigation',
  'lightning/uiRecordApi': 'uiRecordApi',
  '@salesforce/resourceUrl/prmWidgets': 'resource-url',
  '@salesforce/apex/PrmApiProxy.send': 'apex',
  '@salesforce/apex/PrmApiToken.settings': 'apex-settings',
  '@salesforce/apex/PrmApiToken.mint': 'apex-mint',
};

// The test org: its signing key (the certificate PrmJwtSigning of a real org) and the trusted
// issuer the reference server gets for it, as README's deploy steps configure it.
const ORG_ISSUER = 'https://prm-test.my.salesforce.com';
const orgKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const trustedOrg = {
  issuer: ORG_ISSUER,
  audience: 'prm-api',
  publicKey: orgKeys.publicKey.export({ type: 'spki', format: 'pem' }),
  algorithms: ['RS256'],
  salesforce: { staffRole: 'seller' },
};

/** PrmApiToken.mint's token: the External Credential's claims, five minutes, RS256. */
async function mintOrgToken(params) {
  const seconds = Number(params.get('seconds') ?? 300);
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    org: '00DTEST0000000001',
    email: params.get('email') ?? 'seller@example.com',
    user_type: params.get('user_type') ?? 'Standard',
  };
  if (params.get('partner')) claims.prm_partner = params.get('partner');
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer(ORG_ISSUER)
    .setAudience('prm-api')
    .setSubject(params.get('sub') ?? '005TEST0000000001')
    .setIssuedAt(now)
    .setExpirationTime(now + seconds)
    .sign(orgKeys.privateKey);
  return { token, expiresIn: seconds };
}

/** Bytes as the Apex proxy carries them: base64 in a JSON string. */
const isText = (type) => !type || type.includes('json') || type.startsWith('text/event-stream');

function readBody(req) {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (d) => (text += d));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

const salesforce = {
  name: 'salesforce-stubs',
  resolveImport({ source, context }) {
    // The tests' TypeScript imports `./x.js` for `./x.ts`; answered before the LWC plugin,
    // which would resolve them to files that do not exist.
    if (source.startsWith('.') && source.endsWith('.js')) {
      const dir = dirname(fileURLToPath(new URL(`.${context.path}`, import.meta.url)));
      if (!existsSync(join(dir, source)) && existsSync(join(dir, source.replace(/\.js$/, '.ts'))))
        return source.replace(/\.js$/, '.ts');
    }
    // A component without a stylesheet: the LWC plugin would name `@lwc/resources/empty_css.css`.
    if (source.startsWith('.') && /\.css(\?|$)/.test(source)) {
      const dir = dirname(fileURLToPath(new URL(`.${context.path}`, import.meta.url)));
      if (!existsSync(join(dir, source.replace(/\?.*$/, '')))) return '/__lwc/empty_css.js';
    }
    if (STUBS[source]) return `/test/salesforce/stubs/${STUBS[source]}.js`;
    if (source.startsWith('@salesforce/schema/')) return `/__sf/schema/${source.slice(19)}.js`;
    return undefined;
  },
  async serve(context) {
    if (context.path.startsWith('/__sf/schema/')) {
      // `Opportunity.Account.Name` → { objectApiName: 'Opportunity', fieldApiName: 'Account.Name' }
      const [objectApiName, ...rest] = context.path.slice(13, -3).split('.');
      const field = { objectApiName, fieldApiName: rest.join('.') };
      return { body: `export default ${JSON.stringify(field)};`, type: 'js' };
    }
    if (context.path === '/__prm-salesforce/prmWidgets.js') {
      // The static resource as `npm run build:salesforce` makes it, but with open shadow roots so
      // that these tests can work the widgets (test/hosts/salesforce-bundle.test.ts proves the
      // closed build).
      bundle ??= buildSalesforceBundle({ shadowRootMode: 'open' });
      return { body: await bundle, type: 'js' };
    }
    if (context.path === '/__sf/mint') {
      const minted = await mintOrgToken(new URLSearchParams(context.querystring));
      return { body: JSON.stringify(minted), type: 'json' };
    }
    if (context.path === '/__apex/send' && context.method === 'POST') {
      const call = JSON.parse(await readBody(context.req));
      const tooLarge = (bytes) => {
        const body = JSON.stringify({ status: 413, code: 'file_too_large', bytes });
        const problem = { 'content-type': 'application/problem+json' };
        return { body: JSON.stringify({ status: 413, headers: problem, body }), type: 'json' };
      };
      // What the Apex class refuses, refused here too (its allow-list, read from the class).
      const { pathname, search } = new URL(call.url);
      if (!isAllowed(allowList, call.method, pathname + search)) {
        const body = JSON.stringify({ status: 403, code: 'path_not_allowed' });
        const problem = { 'content-type': 'application/problem+json' };
        return { body: JSON.stringify({ status: 403, headers: problem, body }), type: 'json' };
      }
      // A file comes as base64 (setBodyAsBlob in Apex), up to PrmApiProxy.MAX_FILE_BYTES.
      const upload = call.bodyBase64 == null ? undefined : Buffer.from(call.bodyBase64, 'base64');
      if (upload && upload.byteLength > maxFileBytes) return tooLarge(upload.byteLength);
      const response = await fetch(call.url, {
        method: call.method,
        headers: call.headers,
        body: upload ?? call.body ?? undefined,
      });
      const headers = {};
      response.headers.forEach((value, name) => (headers[name] = value));
      const body = { status: response.status, headers };
      if (isText(headers['content-type'])) body.body = await response.text();
      else {
        // Anything else is a file: getBodyAsBlob and base64Encode, as the class does.
        const bytes = Buffer.from(await response.arrayBuffer());
        if (bytes.byteLength > maxFileBytes) return tooLarge(bytes.byteLength);
        body.bodyBase64 = bytes.toString('base64');
      }
      return { body: JSON.stringify(body), type: 'json' };
    }
    return undefined;
  },
};
let bundle;
const allowList = readAllowList();
const maxFileBytes = readMaxFileBytes();

const ci = process.env.CI === 'true' || !process.stdout.isTTY;

export default {
  files: ['test/salesforce/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser'] },
  concurrency: 1,
  // The LWC engine reads process.env.NODE_ENV, as a bundler would have replaced it.
  testRunnerHtml: (testFramework) =>
    `<html><head><script>window.process = { env: { NODE_ENV: 'development' } };</script></head><body><script type="module" src="${testFramework}"></script></body></html>`,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 20_000 } },
  // The components' templates and styles are modules once the LWC plugin has compiled them.
  mimeTypes: { [`${LWC_DIR}/**/*.html`]: 'js', [`${LWC_DIR}/**/*.css`]: 'js' },
  plugins: [
    salesforce,
    ...(await referenceServer({ env: { PRM_TRUSTED_ISSUERS: JSON.stringify([trustedOrg]) } })),
    lwc({
      include: [`${LWC_DIR}/**`],
      modules: readdirSync(lwcDir).map((name) => ({
        name: `c/${name}`,
        path: `${lwcDir}${name}/${name}.js`,
      })),
      enableDynamicComponents: false,
    }),
    {
      // The empty stylesheet of a component without one (see resolveImport above).
      name: 'lwc-empty-css',
      serve(context) {
        if (context.path === '/__lwc/empty_css.js')
          return { body: 'export default undefined;', type: 'js' };
        return undefined;
      },
    },
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  reporters: [
    ci ? summaryReporter({ flatten: false }) : defaultReporter(),
    ...(ci ? [defaultReporter()] : []),
    countingReporter(),
  ],
};
