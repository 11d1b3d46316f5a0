// Screenshots of <prm-tier-progress> on the intranet demo, as partners see it: a partner at risk
// (Solano) and one climbing (Quillstack), desktop and 390 px, light and dark, English and German.
//   npx vite build && node --import tsx test/e2e/tier-screenshots.ts [out dir]
// Not a test (npm test runs only *.test.ts); it lives here for the harness it shares.
import { mkdirSync } from 'node:fs';
import { launchChromium, startDemoServer } from './harness.js';

const dir = process.argv[2] ?? 'screenshots/tier-progress';
mkdirSync(dir, { recursive: true });

const [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
try {
  for (const [user, who] of [
    ['usr_solano_admin', 'at-risk'],
    ['usr_quillstack_admin', 'climbing'],
  ] as const) {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 1400 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/demo/intranet/?user=${user}`);
      const widget = page.locator('prm-tier-progress');
      await widget.locator('[part~=badge]').waitFor({ timeout: 60_000 });
      for (const theme of ['light', 'dark'] as const) {
        for (const lang of ['en', 'de'] as const) {
          await widget.evaluate(
            (el, [t, l]) => {
              el.setAttribute('theme', t!);
              el.setAttribute('lang', l!);
              // The intranet's palette is light; a host going dark hands over its dark text too.
              const dark = t === 'dark';
              (el as HTMLElement).style.setProperty('--prm-text', dark ? '#f2f2f2' : '');
              (el as HTMLElement).style.setProperty('--prm-text-muted', dark ? '#b8b8b8' : '');
            },
            [theme, lang],
          );
          await page.waitForTimeout(300);
          const out = `${dir}/${who}-${width}-${theme}-${lang}.png`;
          await widget.screenshot({ path: out });
          console.log(`wrote ${out}`);
        }
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
