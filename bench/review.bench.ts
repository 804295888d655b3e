/**
 * The access review of a large account (`seedLargeAccount`: 5,000 cases, 20,000 related parties,
 * 1,000 contacts) in `<cam-access-review>`, in headless Chromium with the built bundle and the mock
 * Table API served over HTTP by Node. Reports, for a cold page: when the data had arrived (the
 * review step started), time to the first findings, time until the matrix shows rows, the longest
 * main-thread task (Long Tasks API) and the Table API requests made. Run by `npm run bench:elements`.
 */
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
// @ts-expect-error: a plain .mjs script without types.
import { CHROME_ARGS, ensureChrome } from '../scripts/find-chrome.mjs';
import { getStore } from '../mocks/db.js';
import { seedLargeAccount } from '../mocks/seed/large-account.js';
import { ensureBundle, startPageServer } from '../test/e2e/table-api-server.js';

const TIMEOUT_MS = 300_000;

const page = (accountId: string) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>review bench</title>
    <script>
      window.longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push(e.duration); })
        .observe({ type: 'longtask', buffered: true });
    </script>
    <script type="module" src="/cam-elements.bundle.js"></script></head>
  <body>
    <cam-provider user-id="bench-review">
      <cam-access-review account-id="${accountId}"></cam-access-review>
    </cam-provider>
  </body>
</html>`;

const REVIEW = `document.querySelector('cam-access-review')?.shadowRoot`;

async function whenTrue(target: Page, predicate: string): Promise<number> {
  const handle = await target.waitForFunction(`(() => (${predicate}) ? performance.now() : 0)()`, undefined, {
    polling: 100,
    timeout: TIMEOUT_MS,
  });
  return Number(await handle.jsonValue());
}

export interface ReviewFigures {
  readonly cases: number;
  readonly parties: number;
  readonly dataMs: number;
  readonly firstFindingsMs: number;
  readonly matrixMs: number;
  readonly longestTaskMs: number;
  readonly findings: number;
  readonly requests: number;
}

/** Runs the review benchmark once (a cold page) and returns its figures. */
export async function benchReview(): Promise<ReviewFigures> {
  await ensureBundle();
  const seeded = seedLargeAccount(getStore());
  const server = await startPageServer({ page: page(seeded.accountId) });
  const browser = await chromium.launch({
    executablePath: (await ensureChrome()) as string,
    args: CHROME_ARGS as string[],
  });
  try {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    server.apiRequests.length = 0;
    await tab.goto(server.origin);
    const dataMs = await whenTrue(tab, `${REVIEW}?.textContent?.includes('Reviewing access')`);
    const firstFindingsMs = await whenTrue(tab, `${REVIEW}?.querySelector('[part~="finding"]')`);
    await tab.evaluate(`${REVIEW}.querySelector('[part~="matrix-body"]')?.scrollIntoView()`);
    const matrixMs = await whenTrue(tab, `${REVIEW}?.querySelector('[part~="row"]')`);
    const longest = Number(await tab.evaluate('Math.max(0, ...window.longTasks)'));
    const findings = Number(
      await tab.evaluate(
        `${REVIEW}.querySelector('[part=summary]').textContent.match(/findings: (\\d+)/)?.[1] ?? 0`,
      ),
    );
    return {
      cases: seeded.cases,
      parties: seeded.parties,
      dataMs: Math.round(dataMs),
      firstFindingsMs: Math.round(firstFindingsMs),
      matrixMs: Math.round(matrixMs),
      longestTaskMs: Math.round(longest),
      findings,
      requests: server.apiRequests.length,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Prints the figures as the elements benchmark does. */
export function printReview(f: ReviewFigures): void {
  console.log(
    `<cam-access-review> of an account with ${f.cases} cases and ${f.parties} parties (one cold page load)`,
  );
  console.log(`  data loaded            ${f.dataMs} ms after navigation (${f.requests} Table API requests)`);
  console.log(`  first findings         ${f.firstFindingsMs} ms after navigation (${f.findings} findings)`);
  console.log(`  matrix rows shown      ${f.matrixMs} ms after navigation`);
  console.log(`  longest main-thread task ${f.longestTaskMs} ms (target < 50 ms)`);
}

// `npx tsx bench/review.bench.ts`: this benchmark alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printReview(await benchReview());
