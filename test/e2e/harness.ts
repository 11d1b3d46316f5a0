// What the end-to-end tests share: the demo server as `npm start` runs it (but in memory, on a
// free port), Debian's Chromium through playwright-core, and a watch over each page for console
// errors, uncaught exceptions, CSP violations and dialogs.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mintToken } from '../../src/server/identity/tokens.js';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface DemoServer {
  url: string;
  secret: string;
  /** What the server printed, for failure messages. */
  output(): string;
  /** A token signed with the server's secret, as `prm token` makes. */
  token(role: 'program_admin' | 'channel_manager', sub: string): Promise<string>;
  close(): Promise<void>;
}

/** `prm serve --demo --data memory --seed demo` on a port the system picks. */
export async function startDemoServer(): Promise<DemoServer> {
  for (const built of ['dist/prm-widgets.js', 'dist/demo/intranet.html']) {
    if (!existsSync(`${root}${built}`)) {
      throw new Error(`${built} is missing: run \`npx vite build\` first (npm test does).`);
    }
  }
  const secret = randomBytes(24).toString('base64url');
  const child: ChildProcess = spawn(
    process.execPath,
    [`${root}bin/prm.mjs`, 'serve', '--demo', '--data', 'memory', '--seed', 'demo', '--port', '0'],
    {
      cwd: root,
      env: { ...process.env, PRM_JWT_SECRET: secret, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the demo server did not start:\n${output}`)),
      180_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the demo server exited (${code}):\n${output}`));
    });
  });
  // Keep draining, so a chatty log never blocks the server on a full pipe.
  child.stdout!.on(
    'data',
    (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-200_000)),
  );
  return {
    url,
    secret,
    output: () => output,
    token: async (role, sub) => (await mintToken(secret, { role, sub })).token,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
}

declare global {
  interface Window {
    __cspViolations?: string[];
    __pwned?: unknown;
  }
}

export interface PageWatch {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  /** CSP violations reported to the page (read from it). */
  cspViolations(): Promise<string[]>;
}

/** A new page in its own context (its own localStorage), watched from before its first script. */
export async function watchedPage(
  browser: Browser,
): Promise<PageWatch & { context: BrowserContext }> {
  // A laptop's window: some widgets of a demo page start below the fold, as they would for a user.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations!.push(
        `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  const page = await context.newPage();
  const watch: PageWatch & { context: BrowserContext } = {
    context,
    page,
    consoleErrors: [],
    pageErrors: [],
    dialogs: [],
    cspViolations: () => page.evaluate(() => window.__cspViolations ?? []),
  };
  page.on('console', (m) => {
    if (m.type() === 'error') watch.consoleErrors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => watch.pageErrors.push(e.stack ?? e.message));
  page.on('dialog', (d) => {
    watch.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return watch;
}

/** A future date in the form an `<input type="date">` takes. */
export const daysFromNow = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const uniqueSuffix = () => randomBytes(4).toString('hex');
