// Finds Debian's Chromium for the browser tests; installs it when we are root with apt-get, and
// otherwise says exactly how to get it. Nothing here ever downloads a browser build of its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEFAULT_PATH = '/usr/bin/chromium';

/**
 * The flags headless Chromium needs here: as root it needs --no-sandbox, and without the
 * background-networking flags it stalls on network this machine cannot reach.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** Where the browser is: `CHROMIUM_PATH`, else Debian's. */
export const chromiumPath = () => process.env.CHROMIUM_PATH || DEFAULT_PATH;

function version(path) {
  try {
    // Debian's launcher script prints a harmless shell warning on stderr; only stdout matters.
    return execFileSync(path, ['--version'], {
      encoding: 'utf8',
      timeout: 20_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'Chromium (version unknown)';
  }
}

export async function ensureChromium() {
  const path = chromiumPath();
  if (existsSync(path)) return { ok: true, path, version: version(path) };

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (isRoot && hasApt && path === DEFAULT_PATH) {
    console.log(`${path} is missing; installing Debian's chromium with apt-get (about 20 s)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const r = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    if (r.status === 0 && existsSync(path)) return { ok: true, path, version: version(path) };
  }
  return {
    ok: false,
    path,
    message: [
      `The browser tests need Chromium at ${path}, and it is not there.`,
      "Install Debian's package (no browser is ever downloaded by the tests):",
      '    sudo apt-get update && sudo apt-get install -y chromium',
      'or point CHROMIUM_PATH at another Chromium binary.',
    ].join('\n'),
  };
}
