// A web-test-runner reporter that records the pass/fail counts, so `npm test` can end with a
// line `N passed, N failed` of its own (wtr shares its count line with the progress bar).
import { writeFileSync, mkdirSync } from 'node:fs';

function count(results, acc) {
  for (const test of results.tests ?? []) {
    if (test.skipped) continue;
    if (test.passed) acc.passed++;
    else acc.failed++;
  }
  for (const suite of results.suites ?? []) count(suite, acc);
}

export function summaryReporter({ file }) {
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, fileErrors: 0 };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, acc);
        if (!session.passed && (session.errors?.length ?? 0) > 0) acc.fileErrors++;
      }
      mkdirSync('.test-results', { recursive: true });
      writeFileSync(file, JSON.stringify(acc));
    },
  };
}
