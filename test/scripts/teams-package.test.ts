// The Teams app package: its manifest validates against Microsoft's official schema offline, the
// zip holds exactly the manifest and two icons of the right sizes, and every id comes from the
// configuration (environment or file), never from the code.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { unzipSync } from 'fflate';
import { packageApp } from '../../src/hosts/teams/package/cli.js';
import { buildManifest, parseTeamsAppConfig } from '../../src/hosts/teams/package/manifest.js';
import { pngInfo } from '../../src/hosts/teams/package/png.js';
import { validateManifest } from '../../src/hosts/teams/package/validate.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG = {
  appId: '11111111-2222-4333-8444-555555555555',
  domain: 'deals.example.org',
  clientId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
};

function runPackage(env: Record<string, string>, args: string[] = []) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/hosts/teams/package/cli.ts', ...args],
    { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' },
  );
}

/** Reads the RGBA pixel at (x, y) of a PNG: decompresses its IDAT (filter 0 rows). */
async function alphaAt(png: Uint8Array, x: number, y: number): Promise<number> {
  const { inflateSync } = await import('node:zlib');
  const buf = Buffer.from(png);
  const { width } = pngInfo(png);
  let offset = 8;
  const idat: Buffer[] = [];
  while (offset < buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.subarray(offset + 4, offset + 8).toString('ascii');
    if (type === 'IDAT') idat.push(buf.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const row = raw.subarray(y * (width * 4 + 1), (y + 1) * (width * 4 + 1));
  assert.equal(row[0], 0, 'rows are unfiltered');
  return row[1 + x * 4 + 3]!;
}

describe('teams:package', () => {
  it('zips exactly a schema-valid v1.22+ manifest and two icons of the right sizes, ids from the environment', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'prm-teams-')), 'app.zip');
    const run = runPackage(
      {
        PRM_TEAMS_APP_ID: CONFIG.appId,
        PRM_TEAMS_DOMAIN: CONFIG.domain,
        PRM_TEAMS_CLIENT_ID: CONFIG.clientId,
      },
      ['--out', out],
    );
    assert.equal(run.status, 0, run.stderr);
    const files = unzipSync(readFileSync(out));
    assert.deepEqual(Object.keys(files).sort(), ['color.png', 'manifest.json', 'outline.png']);

    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Record<
      string,
      any // eslint-disable-line @typescript-eslint/no-explicit-any
    >;
    assert.deepEqual(await validateManifest(manifest), []);
    const [major, minor] = String(manifest['manifestVersion']).split('.').map(Number);
    assert.ok(major! > 1 || minor! >= 22, `manifest v${manifest['manifestVersion']}`);
    assert.match(manifest['$schema'], /\/v1\.2\d\/MicrosoftTeams\.schema\.json$/);
    assert.equal(manifest['id'], CONFIG.appId);
    assert.deepEqual(manifest['validDomains'], [CONFIG.domain]);
    const web = manifest['webApplicationInfo'];
    assert.equal(web.id, CONFIG.clientId);
    assert.equal(web.resource, `api://${CONFIG.domain}/${CONFIG.clientId}`);
    assert.equal(web.nestedAppAuthInfo[0].redirectUri, `brk-multihub://${CONFIG.domain}`);
    assert.equal(manifest['staticTabs'][0].contentUrl, `https://${CONFIG.domain}/teams/tab/`);
    assert.deepEqual(manifest['staticTabs'][0].scopes, ['personal']);
    assert.equal(
      manifest['configurableTabs'][0].configurationUrl,
      `https://${CONFIG.domain}/teams/config/`,
    );
    // Nothing of the configuration is in the code: no id of this test appears in the sources.
    for (const file of ['manifest.ts', 'zip.ts', 'cli.ts']) {
      const source = readFileSync(`${root}src/hosts/teams/package/${file}`, 'utf8');
      assert.ok(!source.includes(CONFIG.appId) && !source.includes(CONFIG.domain), file);
    }

    const colour = files['color.png']!;
    const outline = files['outline.png']!;
    assert.deepEqual(pngInfo(colour), { width: 192, height: 192, colourType: 6 });
    assert.deepEqual(pngInfo(outline), { width: 32, height: 32, colourType: 6 });
    assert.equal(await alphaAt(colour, 0, 0), 255, 'the colour icon is opaque');
    assert.equal(await alphaAt(outline, 0, 0), 0, 'the outline icon is transparent around');
  });

  it('reads a configuration file, lets the environment win, and names what is missing or wrong', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prm-teams-'));
    const file = join(dir, 'teams.config.json');
    writeFileSync(file, JSON.stringify({ ...CONFIG, tabUrl: 'https://cdn.example.org/tabs/' }));
    const out = join(dir, 'app.zip');
    const other = '99999999-2222-4333-8444-555555555555';
    await packageApp({ env: { PRM_TEAMS_APP_ID: other }, config: file, out });
    const manifest = JSON.parse(
      new TextDecoder().decode(unzipSync(readFileSync(out))['manifest.json']),
    ) as { id: string; validDomains: string[]; staticTabs: { contentUrl: string }[] };
    assert.equal(manifest.id, other);
    assert.deepEqual(manifest.validDomains, [CONFIG.domain, 'cdn.example.org']);
    assert.equal(manifest.staticTabs[0]!.contentUrl, 'https://cdn.example.org/tabs/tab/');

    writeFileSync(join(dir, 'empty.json'), '{}');
    await assert.rejects(
      packageApp({
        env: { PRM_TEAMS_APP_ID: 'not-a-guid', PRM_TEAMS_CLIENT_ID: CONFIG.clientId },
        config: join(dir, 'empty.json'),
        out,
      }),
      (error: Error) =>
        /appId \(a GUID\)/.test(error.message) &&
        /domain \(missing\)/.test(error.message) &&
        !/clientId/.test(error.message),
    );
    await assert.rejects(
      packageApp({ env: {}, config: join(dir, 'none.json'), out }),
      /no such file/,
    );
  });

  it('a manifest the schema rejects is reported, not zipped', async () => {
    const manifest = buildManifest(parseTeamsAppConfig(CONFIG), '1.0.0');
    delete manifest['accentColor'];
    const errors = await validateManifest(manifest);
    assert.ok(
      errors.some((e) => e.includes('accentColor')),
      errors.join('\n'),
    );
    assert.throws(() => parseTeamsAppConfig({ ...CONFIG, clientId: 'nope' }), /clientId/);
    assert.throws(() => parseTeamsAppConfig({ appId: CONFIG.appId }), /domain \(missing\)/);
  });
});
