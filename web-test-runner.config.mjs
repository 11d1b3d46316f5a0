// Browser tests: web-test-runner in Debian's Chromium (never a downloaded browser).
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { countingReporter } from './test/support/counting-reporter.mjs';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';

// Each part of the suite contributes its own dev-server plugins (a reference server, a host
// simulator, …) as a file in test/support/wtr-plugins/ exporting `plugins` (an array, or an async
// function returning one), so no two parts edit this file.
const pluginDir = fileURLToPath(new URL('./test/support/wtr-plugins/', import.meta.url));
const extraPlugins = [];
for (const file of readdirSync(pluginDir)
  .filter((f) => f.endsWith('.mjs'))
  .sort()) {
  const mod = await import(pathToFileURL(pluginDir + file).href);
  const p = typeof mod.plugins === 'function' ? await mod.plugins() : mod.plugins;
  extraPlugins.push(...(p ?? []));
}

const ci = process.env.CI === 'true' || !process.stdout.isTTY;

export default {
  files: ['test/core/**/*.browser.test.ts', 'test/widgets/**/*.test.ts', 'test/hosts/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 15_000 } },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    ...extraPlugins,
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: chromiumPath(),
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  reporters: [
    ci ? summaryReporter({ flatten: false }) : defaultReporter(),
    ...(ci ? [defaultReporter()] : []),
    countingReporter(),
  ],
};
