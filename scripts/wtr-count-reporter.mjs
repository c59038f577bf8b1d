// Counts every browser test that ran and writes the totals where scripts/run.mjs sums them up.
import { mkdirSync, writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function countReporter({ file = process.env.TAGWERK_COUNT_FILE } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, fileErrors: 0 };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, totals);
        // A file that failed to load, or threw outside a test, ran no test but still failed.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.fileErrors += 1;
      }
      if (file) {
        mkdirSync(new URL('.', `file://${file}`).pathname, { recursive: true });
        writeFileSync(file, JSON.stringify(totals));
      }
    },
  };
}
