// A web-test-runner reporter that writes the number of passed and failed tests to a JSON file,
// so that `npm test` can print one closing `N passed, N failed` line over every runner.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function count(suite, acc) {
  if (!suite) return acc;
  for (const t of suite.tests ?? []) {
    if (t.skipped) acc.skipped += 1;
    else if (t.passed) acc.passed += 1;
    else acc.failed += 1;
  }
  for (const s of suite.suites ?? []) count(s, acc);
  return acc;
}

export function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0, browsers: [], empty: [] };
      for (const session of sessions) {
        const before = acc.passed + acc.failed + acc.skipped;
        count(session.testResults, acc);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) acc.failed += 1;
        else if (acc.passed + acc.failed + acc.skipped === before) {
          // A file that registered no test (it threw first, or forgot to) proves nothing.
          acc.failed += 1;
          acc.empty.push(session.testFile);
        }
        const name = session.browser?.name;
        if (name && !acc.browsers.includes(name)) acc.browsers.push(name);
      }
      const out = process.env.PRM_WTR_COUNTS;
      if (out) {
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, JSON.stringify(acc));
      }
    },
  };
}
