/**
 * Elements under load: `npx tsx bench/elements.bench.ts` (`--json` prints the figures as JSON,
 * `--runs N` repeats each page load, default 3; `--no-review` leaves out the access review's
 * figures, which follow the list's).
 *
 * Opens `<cam-related-party-list>` in headless Chromium with the built bundle (`dist/`, built when
 * missing) and the mock Table API served over real HTTP by Node, for two cases — the large case of
 * `seedLargeCase` (10,000 related parties over 2,000 principals) and an ordinary one (the housing
 * loan of the story: a handful of parties) — each at 0 ms and at 100 ms of emulated latency per
 * Table API response (the server waits before answering; scripts are served at once).
 *
 * Each run uses a fresh browser profile and loads the page twice:
 * - cold: nothing cached (no definitions in IndexedDB, no scripts in the HTTP cache);
 * - warm: the same page again in the same profile (definitions in IndexedDB, scripts cached).
 * Per load: time to the first row after navigation and after the first page of the party query
 * arrived, when the last Table API response before the first row arrived, when every badge in the
 * DOM (the visible window of a virtualised list) showed its level, and the Table API requests made
 * until the page went quiet (background revalidation included).
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
// @ts-expect-error: a plain .mjs script without types.
import { CHROME_ARGS, ensureChrome } from '../scripts/find-chrome.mjs';
import { getStore } from '../mocks/db.js';
import { seedLargeCase, STORY } from '../mocks/seed/index.js';
import { ensureBundle, startPageServer } from '../test/e2e/table-api-server.js';
import { summarize } from './timing.js';
import { benchReview, printReview } from './review.bench.js';

const JSON_OUTPUT = process.argv.includes('--json');
const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const REVIEW = !process.argv.includes('--no-review');
const LATENCIES = [0, 100] as const;
const TIMEOUT_MS = 120_000;
/** The page is quiet when no Table API request was made for this long (plus the latency). */
const QUIET_MS = 750;

interface Load {
  readonly firstRowMs: number;
  /** When the first page of the party query had arrived (resource timing). */
  readonly partyPageMs: number;
  /** When the last Table API response before the first row had arrived. */
  readonly dataMs: number;
  /** When every badge in the DOM (the rows in view) showed a level. */
  readonly badgesMs: number;
  /** When the last Table API response of the load arrived: every fact read (any row's badge can answer). */
  readonly factsMs: number;
  readonly rowsInDom: number;
  readonly badgesInDom: number;
  readonly requests: number;
  readonly requestsByTable: Readonly<Record<string, number>>;
}

interface Run {
  readonly cold: Load;
  readonly warm: Load;
  readonly heapMB: number;
}

const PARTY_TABLE = 'sn_customerservice_related_party';

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
/** Party rows rendered (a row of the table naming a record: never the loading skeleton's bars). */
const ROWS = `(${LIST}?.querySelectorAll('[role="row"][part~="row"][data-record]').length ?? 0)`;
const BADGES = `[...(${LIST}?.querySelectorAll('cam-effective-access-badge') ?? [])]`;
const BADGES_DONE = `${ROWS} > 0 && ${BADGES}.every((b) => b.shadowRoot?.querySelector('button[part="badge"][data-level]:not([data-level="unknown"])'))`;
const API_RESPONSES = `performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/now/'))`;

/** Waits until no Table API request was made for `QUIET_MS` + latency. */
async function quiet(requests: readonly string[], latencyMs: number): Promise<void> {
  let seen = -1;
  while (seen !== requests.length) {
    seen = requests.length;
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS + latencyMs));
  }
}

async function load(
  context: BrowserContext,
  url: string,
  requests: string[],
  latencyMs: number,
): Promise<{ load: Load; tab: Page }> {
  const tab = await context.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  requests.length = 0;
  // Watch from the moment the document exists: the page's own clock times the first row, and the
  // watch must not start late (the mock server shares this process: at 0 ms latency, serving the
  // large case's pages kept Playwright's own messages waiting until long after the row was shown).
  await tab.goto(url, { waitUntil: 'commit' });
  const firstRowMs = await whenTrue(tab, `${ROWS} > 0`);
  const timing = (await tab.evaluate(
    `(() => { const all = ${API_RESPONSES};
      const party = all.filter((e) => e.name.includes('/${PARTY_TABLE}?')).map((e) => e.responseEnd);
      return { data: Math.max(0, ...all.filter((e) => e.responseEnd <= ${firstRowMs}).map((e) => e.responseEnd)),
               party: party.length ? Math.min(...party) : 0 }; })()`,
  )) as { data: number; party: number };
  const badgesMs = await whenTrue(tab, BADGES_DONE);
  const counts = (await tab.evaluate(`({ rows: ${ROWS}, badges: ${BADGES}.length })`)) as {
    rows: number;
    badges: number;
  };
  await quiet(requests, latencyMs);
  const factsMs = Number(await tab.evaluate(`Math.max(0, ...${API_RESPONSES}.map((e) => e.responseEnd))`));
  const real = errors.filter((message) => !message.includes('ResizeObserver loop'));
  if (real.length > 0) throw new Error(`page errors: ${real.join('; ')}`);
  const byTable: Record<string, number> = {};
  for (const request of requests) byTable[request] = (byTable[request] ?? 0) + 1;
  return {
    tab,
    load: {
      firstRowMs,
      partyPageMs: timing.party,
      dataMs: timing.data,
      badgesMs,
      factsMs,
      rowsInDom: counts.rows,
      badgesInDom: counts.badges,
      requests: requests.length,
      requestsByTable: byTable,
    },
  };
}

async function measure(origin: string, requests: string[], run: number, latencyMs: number): Promise<Run> {
  const browser = await chromium.launch({
    executablePath: (await ensureChrome()) as string,
    args: CHROME_ARGS as string[],
  });
  try {
    // One context: IndexedDB and the HTTP cache persist from the cold load to the warm one.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const cold = await load(context, `${origin}/?run=${run}`, requests, latencyMs);
    const cdp = await context.newCDPSession(cold.tab);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    await cold.tab.close();
    const warm = await load(context, `${origin}/?run=${run}`, requests, latencyMs);
    await warm.tab.close();
    return { cold: cold.load, warm: warm.load, heapMB: heap.usedSize / 2 ** 20 };
  } finally {
    await browser.close();
  }
}

/** Medians over the runs of one load (cold or warm). */
function figuresOf(loads: readonly Load[]) {
  const median = (pick: (l: Load) => number) => summarize(loads.map(pick)).median;
  return {
    firstRowMs: Math.round(median((l) => l.firstRowMs)),
    partyPageMs: Math.round(median((l) => l.partyPageMs)),
    firstRowAfterPartyPageMs: Math.round(median((l) => l.firstRowMs - l.partyPageMs)),
    dataArrivedMs: Math.round(median((l) => l.dataMs)),
    firstRowAfterDataMs: Math.round(median((l) => l.firstRowMs - l.dataMs)),
    badgesDoneMs: Math.round(median((l) => l.badgesMs)),
    factsDoneMs: Math.round(median((l) => l.factsMs)),
    rowsInDom: median((l) => l.rowsInDom),
    badgesInDom: median((l) => l.badgesInDom),
    requests: median((l) => l.requests),
    requestsByTable: loads[0]?.requestsByTable ?? {},
  };
}

interface Target {
  readonly name: string;
  readonly pick: (c: CaseFigures) => number;
  readonly max: number;
}
type CaseFigures = {
  readonly case: string;
  readonly parties: number;
  readonly latencyMs: number;
  readonly cold: ReturnType<typeof figuresOf>;
  readonly warm: ReturnType<typeof figuresOf>;
  readonly heapMB: number;
};

/** The targets, per case and latency. */
const TARGETS: Record<string, Record<number, Target[]>> = {
  large: {
    0: [
      { name: 'first row after navigation', pick: (c) => c.cold.firstRowMs, max: 1000 },
      {
        name: 'first row after the first party page',
        pick: (c) => c.cold.firstRowAfterPartyPageMs,
        max: 300,
      },
    ],
    100: [
      { name: 'first row after navigation', pick: (c) => c.cold.firstRowMs, max: 1500 },
      {
        name: 'first row after the first party page',
        pick: (c) => c.cold.firstRowAfterPartyPageMs,
        max: 300,
      },
    ],
  },
  ordinary: {
    0: [
      { name: 'Table API requests, cold', pick: (c) => c.cold.requests, max: 10 },
      { name: 'Table API requests, warm', pick: (c) => c.warm.requests, max: 4 },
    ],
    100: [
      { name: 'first row after navigation', pick: (c) => c.cold.firstRowMs, max: 400 },
      { name: 'Table API requests, cold', pick: (c) => c.cold.requests, max: 10 },
      { name: 'Table API requests, warm', pick: (c) => c.warm.requests, max: 4 },
    ],
  },
};

async function main(): Promise<void> {
  await ensureBundle();
  const store = getStore();
  const seeded = seedLargeCase(store);
  const cases = [
    { name: 'large', caseId: seeded.caseId, parties: seeded.parties },
    {
      name: 'ordinary',
      caseId: STORY.housingLoan.caseId,
      parties: store.all(PARTY_TABLE).filter((row) => row['case'] === STORY.housingLoan.caseId).length,
    },
  ];
  const results: CaseFigures[] = [];
  for (const benchCase of cases) {
    for (const latencyMs of LATENCIES) {
      const server = await startPageServer({ page: page(benchCase.caseId, 'bench-user'), latencyMs });
      const runs: Run[] = [];
      try {
        // A fresh browser per run: nothing cached on the cold load.
        for (let run = 0; run < RUNS; run++)
          runs.push(await measure(server.origin, server.apiRequests, run, latencyMs));
      } finally {
        await server.close();
      }
      results.push({
        case: benchCase.name,
        parties: benchCase.parties,
        latencyMs,
        cold: figuresOf(runs.map((r) => r.cold)),
        warm: figuresOf(runs.map((r) => r.warm)),
        heapMB: Math.round(summarize(runs.map((r) => r.heapMB)).median * 10) / 10,
      });
    }
  }
  const checks = results.flatMap((c) =>
    (TARGETS[c.case]?.[c.latencyMs] ?? []).map((t) => ({
      case: c.case,
      latencyMs: c.latencyMs,
      name: t.name,
      value: t.pick(c),
      max: t.max,
      pass: t.pick(c) <= t.max,
    })),
  );
  // The list's figures stand on their own: a failing review bench is reported, not fatal.
  let review: Awaited<ReturnType<typeof benchReview>> | { error: string } | undefined;
  if (REVIEW) {
    try {
      review = await benchReview();
    } catch (error) {
      review = { error: error instanceof Error ? error.message : String(error) };
    }
  }
  if (JSON_OUTPUT) {
    console.log(JSON.stringify({ runs: RUNS, cases: results, targets: checks, review }, null, 2));
    return;
  }
  for (const c of results) {
    console.log(`\n${c.case} case: ${c.parties} parties, ${c.latencyMs} ms latency (median of ${RUNS} runs)`);
    for (const [which, f] of [
      ['cold', c.cold],
      ['warm', c.warm],
    ] as const) {
      console.log(
        `  ${which}: first row ${f.firstRowMs} ms (party page at ${f.partyPageMs} ms, +${f.firstRowAfterPartyPageMs} ms; ` +
          `data at ${f.dataArrivedMs} ms, +${f.firstRowAfterDataMs} ms), badges in view done ${f.badgesDoneMs} ms, ` +
          `every fact read ${f.factsDoneMs} ms, ` +
          `${f.requests} Table API requests, rows/badges in DOM ${f.rowsInDom}/${f.badgesInDom}`,
      );
      for (const [request, count] of Object.entries(f.requestsByTable).sort((a, b) => b[1] - a[1])) {
        console.log(`        ${String(count).padStart(4)}  ${request}`);
      }
    }
    console.log(`  JS heap after GC (cold load): ${c.heapMB} MB`);
  }
  console.log('');
  for (const t of checks) {
    console.log(
      `${t.pass ? 'PASS' : 'MISS'}  ${t.case}, ${t.latencyMs} ms: ${t.name} ${t.value} (target ≤ ${t.max})`,
    );
  }
  console.log('');
  if (review && 'error' in review) console.log(`access review bench failed: ${review.error}`);
  else if (review) printReview(review);
}

await main();
