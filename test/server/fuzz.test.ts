// Issue 11: our own fuzz suite over every route and query parameter (see test/support/fuzz.ts),
// with a fixed seed and a bounded count; `bench/fuzz.bench.ts` runs a larger count.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fuzz } from '../support/fuzz.js';
import type { TestServer } from '../support/server.js';
import { databaseLabel, startTestServer, usingPostgres } from '../support/server.js';

// Bounded to stay within about 30 s here: PostgreSQL answers each case slower than PGlite.
const CASES = Number(process.env.PRM_FUZZ_CASES ?? (usingPostgres ? 150 : 300));
const SEED = Number(process.env.PRM_FUZZ_SEED ?? 20261129);

describe(
  `fuzz: every route, every query parameter (${databaseLabel})`,
  { timeout: 300_000 },
  () => {
    let s: TestServer;
    before(async () => {
      // No budget: the suite sends far more than a caller would, and must see every answer.
      s = await startTestServer({ rateLimit: { limit: 0, windowSeconds: 60 } });
    });
    after(() => s.close());

    it(`keeps the four properties over ${CASES} generated requests (seed ${SEED})`, async () => {
      const report = await fuzz(s, { numRuns: CASES, seed: SEED });
      console.log(
        `fuzz: ${report.cases} cases (${report.validCases} valid), seed ${report.seed}, ${report.ms} ms, ` +
          `statuses ${JSON.stringify(report.statuses)}, ${report.retried} retried, ${report.failures.length} failures`,
      );
      assert.equal(report.cases, CASES);
      // The generator must reach both sides: valid requests and refused ones.
      assert.ok(report.validCases > CASES / 20, `only ${report.validCases} valid cases`);
      assert.ok((report.statuses['422'] ?? 0) > 0 && (report.statuses['404'] ?? 0) > 0);
      assert.deepEqual(report.failures.slice(0, 20), []);
    });
  },
);
