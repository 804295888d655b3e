/**
 * The access review of a large account (`seedLargeAccount`: 5,000 cases, 20,000 related parties,
 * 1,000 contacts) in `<cam-access-review>`, in headless Chromium with the built bundle and the mock
 * Table API served over HTTP by Node. Each run is a cold page in a fresh browser. Reports, after
 * navigation: when the data had arrived (the review step started), the first findings, the complete
 * matrix (total time) and its first rows on screen; the longest main-thread task (Long Tasks API)
 * while the review ran (from the element's definition on) and over the whole page load (the
 * bundle's own start-up included); whether a worker ran the review; the Table API requests.
 *
 * `npx tsx bench/review.bench.ts [--runs N] [--json]` runs it alone (medians of N runs, default 3);
 * `npm run bench:elements` runs it once after the list's benchmark.
 */
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
// @ts-expect-error: a plain .mjs script without types.
import { CHROME_ARGS, ensureChrome } from '../scripts/find-chrome.mjs';
import { getStore } from '../mocks/db.js';
import { seedLargeAccount } from '../mocks/seed/large-account.js';
import { ensureBundle, startPageServer } from '../test/e2e/table-api-server.js';
import { summarize } from './timing.js';

/** Per step; `REVIEW_BENCH_TIMEOUT_MS` overrides it. */
const TIMEOUT_MS = Number(process.env['REVIEW_BENCH_TIMEOUT_MS']) || 120_000;
/** The target for the longest main-thread task while the review runs. */
export const LONGEST_TASK_TARGET_MS = 50;

const page = (accountId: string) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>review bench</title>
    <script>
      window.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.longTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
      customElements.whenDefined('cam-access-review').then(() => (window.reviewDefinedAt = performance.now()));
    </script>
    <script type="module" src="/cam-elements.bundle.js"></script></head>
  <body>
    <cam-provider user-id="bench-review">
      <cam-access-review account-id="${accountId}"></cam-access-review>
    </cam-provider>
  </body>
</html>`;

const REVIEW = `document.querySelector('cam-access-review')?.shadowRoot`;

async function waitUntil(target: Page, predicate: string): Promise<number> {
  const handle = await target.waitForFunction(`(() => (${predicate}) ? performance.now() : 0)()`, undefined, {
    polling: 50,
    timeout: TIMEOUT_MS,
  });
  return Number(await handle.jsonValue());
}

export interface ReviewFigures {
  readonly cases: number;
  readonly parties: number;
  readonly runs: number;
  readonly dataMs: number;
  readonly firstFindingsMs: number;
  /** The matrix complete (total time). */
  readonly matrixMs: number;
  readonly rowsShownMs: number;
  /** Longest main-thread task from the element's definition until its rows showed. */
  readonly longestReviewTaskMs: number;
  /** Tasks over 50 ms in that time. */
  readonly longReviewTasks: number;
  /** Longest main-thread task of the whole page load (the bundle's start-up included). */
  readonly longestTaskMs: number;
  readonly findings: number;
  readonly requests: number;
  /** Runs in which a worker ran the review. */
  readonly workerRuns: number;
  /** Every run's longest review task, for the spread. */
  readonly longestReviewTasksMs: readonly number[];
}

interface Run {
  readonly dataMs: number;
  readonly firstFindingsMs: number;
  readonly matrixMs: number;
  readonly rowsShownMs: number;
  readonly longestReviewTaskMs: number;
  readonly longReviewTasks: number;
  readonly longestTaskMs: number;
  readonly findings: number;
  readonly requests: number;
  readonly worker: boolean;
}

async function runOnce(origin: string, apiRequests: string[]): Promise<Run> {
  const browser = await chromium.launch({
    executablePath: (await ensureChrome()) as string,
    args: CHROME_ARGS as string[],
  });
  try {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // What went wrong, when something does: page errors and the console's warnings and errors.
    const problems: string[] = [];
    tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    tab.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    let worker = false;
    tab.on('worker', (w) => (worker ||= /review-worker/.test(w.url())));
    const whenTrue = async (predicate: string): Promise<number> => {
      try {
        return await waitUntil(tab, predicate);
      } catch (error) {
        const shown = await tab.evaluate(`${REVIEW}?.textContent?.replace(/\\s+/g, ' ').slice(0, 400)`);
        throw new Error(`${String(error)}\nThe review shows: ${String(shown)}\n${problems.join('\n')}`);
      }
    };
    apiRequests.length = 0;
    await tab.goto(origin);
    const dataMs = await whenTrue(`${REVIEW}?.textContent?.includes('Reviewing access')`);
    const firstFindingsMs = await whenTrue(`${REVIEW}?.querySelector('[part~="finding"]')`);
    // The matrix is complete when its table shows; its rows render once it is scrolled into view.
    const matrixMs = await whenTrue(`${REVIEW}?.querySelector('[part~="matrix-body"]')`);
    await tab.evaluate(`${REVIEW}.querySelector('[part~="matrix-body"]')?.scrollIntoView()`);
    const rowsShownMs = await whenTrue(`${REVIEW}?.querySelector('[part~="row"]')`);
    const tasks = (await tab.evaluate('window.longTasks')) as [number, number][];
    const definedAt = Number(await tab.evaluate('window.reviewDefinedAt'));
    const during = tasks.filter(([start]) => start >= definedAt && start <= rowsShownMs).map(([, d]) => d);
    const findings = Number(
      await tab.evaluate(
        `${REVIEW}.querySelector('[part=summary]').textContent.match(/findings: (\\d+)/)?.[1] ?? 0`,
      ),
    );
    if (process.env['REVIEW_BENCH_DEBUG']) console.log({ definedAt, tasks, problems });
    return {
      dataMs,
      firstFindingsMs,
      matrixMs,
      rowsShownMs,
      longestReviewTaskMs: Math.max(0, ...during),
      longReviewTasks: during.filter((d) => d > LONGEST_TASK_TARGET_MS).length,
      longestTaskMs: Math.max(0, ...tasks.map(([, d]) => d)),
      findings,
      requests: apiRequests.length,
      worker,
    };
  } finally {
    await browser.close();
  }
}

/** Runs the review benchmark `runs` times (each a cold page) and returns the median figures. */
export async function benchReview(runs = 1): Promise<ReviewFigures> {
  await ensureBundle();
  const seeded = seedLargeAccount(getStore());
  const server = await startPageServer({ page: page(seeded.accountId) });
  try {
    const results: Run[] = [];
    for (let i = 0; i < runs; i++) results.push(await runOnce(server.origin, server.apiRequests));
    const median = (pick: (r: Run) => number) => Math.round(summarize(results.map(pick)).median);
    return {
      cases: seeded.cases,
      parties: seeded.parties,
      runs,
      dataMs: median((r) => r.dataMs),
      firstFindingsMs: median((r) => r.firstFindingsMs),
      matrixMs: median((r) => r.matrixMs),
      rowsShownMs: median((r) => r.rowsShownMs),
      longestReviewTaskMs: median((r) => r.longestReviewTaskMs),
      longReviewTasks: median((r) => r.longReviewTasks),
      longestTaskMs: median((r) => r.longestTaskMs),
      findings: median((r) => r.findings),
      requests: median((r) => r.requests),
      workerRuns: results.filter((r) => r.worker).length,
      longestReviewTasksMs: results.map((r) => Math.round(r.longestReviewTaskMs)),
    };
  } finally {
    await server.close();
  }
}

/** Prints the figures as the elements benchmark does. */
export function printReview(f: ReviewFigures): void {
  const runs = f.runs > 1 ? `median of ${f.runs} cold page loads` : 'one cold page load';
  const met = f.longestReviewTaskMs <= LONGEST_TASK_TARGET_MS ? 'met' : 'MISSED';
  console.log(`<cam-access-review> of an account with ${f.cases} cases and ${f.parties} parties (${runs})`);
  console.log(
    `  data loaded              ${f.dataMs} ms after navigation (${f.requests} Table API requests)`,
  );
  console.log(`  first findings           ${f.firstFindingsMs} ms after navigation (${f.findings} findings)`);
  console.log(`  matrix complete (total)  ${f.matrixMs} ms after navigation`);
  console.log(`  matrix rows on screen    ${f.rowsShownMs} ms after navigation`);
  console.log(
    `  longest main-thread task during the review ${f.longestReviewTaskMs} ms ` +
      `(target ≤ ${LONGEST_TASK_TARGET_MS} ms: ${met}; per run ${f.longestReviewTasksMs.join(', ')} ms; ` +
      `${f.longReviewTasks} tasks over ${LONGEST_TASK_TARGET_MS} ms)`,
  );
  console.log(
    `  longest main-thread task of the page load  ${f.longestTaskMs} ms (the bundle's start-up included)`,
  );
  console.log(`  review ran in a Web Worker in ${f.workerRuns} of ${f.runs} runs`);
}

// `npx tsx bench/review.bench.ts [--runs N] [--json]`: this benchmark alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--runs');
  const figures = await benchReview(at >= 0 ? Number(process.argv[at + 1]) || 3 : 3);
  if (process.argv.includes('--json')) console.log(JSON.stringify(figures, null, 2));
  else printReview(figures);
}
