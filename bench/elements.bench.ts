/**
 * Elements under load: `npx tsx bench/elements.bench.ts` (`--json` prints the figures as JSON,
 * `--runs N` repeats the page load, default 3).
 *
 * Opens the large case of `seedLargeCase` (10,000 related parties over 2,000 principals) in
 * `<cam-related-party-list>` in headless Chromium, with the built bundle (`dist/`, built when
 * missing) and the mock Table API served over real HTTP by Node. Measures, per run on a fresh page
 * (empty cache): time to the first row, time until every badge in the DOM (the visible window of
 * the virtualised list) shows its level, rows in the DOM, JS heap after a garbage collection, and
 * the Table API requests made (they should be few: the facts are read in batches).
 */
import { chromium, type Page } from 'playwright-core';
// @ts-expect-error: a plain .mjs script without types.
import { CHROME_ARGS, ensureChrome } from '../scripts/find-chrome.mjs';
import { getStore } from '../mocks/db.js';
import { seedLargeCase } from '../mocks/seed/index.js';
import { ensureBundle, startPageServer } from '../test/e2e/table-api-server.js';
import { summarize } from './timing.js';
import { benchReview, printReview } from './review.bench.js';

const JSON_OUTPUT = process.argv.includes('--json');
const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const TIMEOUT_MS = 120_000;

interface Run {
  readonly firstRowMs: number;
  /** When the last Table API response before the first row had arrived (resource timing). */
  readonly dataMs: number;
  readonly badgesMs: number;
  readonly rowsInDom: number;
  readonly badgesInDom: number;
  readonly heapMB: number;
  readonly requests: number;
  readonly requestsByTable: Readonly<Record<string, number>>;
}

const page = (caseId: string, user: string) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>elements bench</title>
    <script type="module" src="/cam-elements.bundle.js"></script></head>
  <body>
    <cam-provider user-id="${user}">
      <cam-related-party-list entity-table="sn_customerservice_case" entity-id="${caseId}"></cam-related-party-list>
    </cam-provider>
  </body>
</html>`;

/** ms since navigation when `predicate` first held (checked every animation frame, in the page). */
async function whenTrue(target: Page, predicate: string): Promise<number> {
  const handle = await target.waitForFunction(`(() => (${predicate}) ? performance.now() : 0)()`, undefined, {
    polling: 'raf',
    timeout: TIMEOUT_MS,
  });
  return Number(await handle.jsonValue());
}

const LIST = `document.querySelector('cam-related-party-list')?.shadowRoot`;
const ROWS = `(${LIST}?.querySelectorAll('[part~="row"]').length ?? 0)`;
const BADGES = `[...(${LIST}?.querySelectorAll('cam-effective-access-badge') ?? [])]`;
const BADGES_DONE = `${ROWS} > 0 && ${BADGES}.every((b) => b.shadowRoot?.querySelector('button[part="badge"][data-level]:not([data-level="unknown"])'))`;

async function measure(origin: string, requests: string[], run: number): Promise<Run> {
  const browser = await chromium.launch({
    executablePath: (await ensureChrome()) as string,
    args: CHROME_ARGS as string[],
  });
  try {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    requests.length = 0;
    await tab.goto(`${origin}/?run=${run}`);
    const firstRowMs = await whenTrue(tab, `${ROWS} > 0`);
    const dataMs = Number(
      await tab.evaluate(
        `Math.max(0, ...performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/now/') && e.responseEnd <= ${firstRowMs}).map((e) => e.responseEnd))`,
      ),
    );
    const badgesMs = await whenTrue(tab, BADGES_DONE);
    const counts = await tab.evaluate(`({ rows: ${ROWS}, badges: ${BADGES}.length })`);
    const cdp = await tab.context().newCDPSession(tab);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const real = errors.filter((message) => !message.includes('ResizeObserver loop'));
    if (real.length > 0) throw new Error(`page errors: ${real.join('; ')}`);
    const byTable: Record<string, number> = {};
    for (const request of requests) byTable[request] = (byTable[request] ?? 0) + 1;
    const { rows, badges } = counts as { rows: number; badges: number };
    return {
      firstRowMs,
      dataMs,
      badgesMs,
      rowsInDom: rows,
      badgesInDom: badges,
      heapMB: heap.usedSize / 2 ** 20,
      requests: requests.length,
      requestsByTable: byTable,
    };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  await ensureBundle();
  const seeded = seedLargeCase(getStore());
  const server = await startPageServer({ page: page(seeded.caseId, 'bench-user') });
  const runs: Run[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      // A fresh browser per run: nothing cached, the full first-visit cost.
      runs.push(await measure(server.origin, server.apiRequests, run));
    }
  } finally {
    await server.close();
  }
  const median = (pick: (r: Run) => number) => summarize(runs.map(pick)).median;
  const figures = {
    parties: seeded.parties,
    runs: RUNS,
    firstRowMs: Math.round(median((r) => r.firstRowMs)),
    dataArrivedMs: Math.round(median((r) => r.dataMs)),
    firstRowAfterDataMs: Math.round(median((r) => r.firstRowMs - r.dataMs)),
    visibleBadgesMs: Math.round(median((r) => r.badgesMs)),
    rowsInDom: median((r) => r.rowsInDom),
    badgesInDom: median((r) => r.badgesInDom),
    heapMB: Math.round(median((r) => r.heapMB) * 10) / 10,
    requests: median((r) => r.requests),
    requestsByTable: runs[0]?.requestsByTable ?? {},
  };
  const review = await benchReview();
  if (JSON_OUTPUT) {
    console.log(JSON.stringify({ ...figures, review }, null, 2));
    return;
  }
  printReview(review);
  console.log(`<cam-related-party-list> with ${figures.parties} parties (median of ${RUNS} cold page loads)`);
  console.log(
    `  data arrived           ${figures.dataArrivedMs} ms after navigation (last Table API response)`,
  );
  console.log(
    `  first row              ${figures.firstRowMs} ms after navigation, ${figures.firstRowAfterDataMs} ms after the data (target < 300 ms)`,
  );
  console.log(`  every visible badge    ${figures.visibleBadgesMs} ms after navigation`);
  console.log(`  rows / badges in DOM   ${figures.rowsInDom} / ${figures.badgesInDom}`);
  console.log(`  JS heap after GC       ${figures.heapMB} MB`);
  console.log(`  Table API requests     ${figures.requests}`);
  for (const [request, count] of Object.entries(figures.requestsByTable).sort((a, b) => b[1] - a[1])) {
    console.log(`    ${String(count).padStart(4)}  ${request}`);
  }
}

await main();
