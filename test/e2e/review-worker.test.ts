/**
 * The access review's worker, as each way of shipping the code serves it:
 * - the self-contained bundle under a strict Content-Security-Policy: a large account is reviewed in
 *   the worker (a same-origin chunk beside the bundle: nothing refused); with `worker-src 'none'`
 *   the review falls back to the page, says so in a console warning, and finds the same;
 * - the Vite dev server (`npm run demo`): the worker module resolves from its TypeScript source and
 *   gives the result Node computes;
 * - the built demo (Vite build, under a sub-path): the emitted worker chunk gives that result too;
 * - the ES modules tsc builds (`dist/src`, the package's exports), served as they are: the client
 *   starts `review-worker.js` beside it and gets that result.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { getStore } from '../../mocks/db.js';
import { seedLargeAccount } from '../../mocks/seed/large-account.js';
import { AccessEngine } from '../../src/access/engine.js';
import { parseAccessTestFile } from '../../src/access/test-file.js';
import type { Facts } from '../../src/model/facts.js';
import { allEntities, reviewAccess } from '../../src/review/review.js';
import { launchBrowser } from './support/browser.js';
import { buildDemo, DEMO_DIR } from './support/build.js';
import { serveStatic, type StaticServer } from './support/server.js';
import { DIST, ensureBundle, startPageServer, type PageServer } from './table-api-server.js';

const STRICT = "default-src 'self'; script-src 'self'; style-src 'self'";
const NOW = Date.parse('2026-06-01T00:00:00Z');
const SUMMARY = /Records: \d+ · people with access: \d+ · findings: \d+/;

const page = (accountId: string) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>review worker</title>
    <script src="/watch-csp.js"></script>
    <script type="module" src="/cam-elements.bundle.js"></script></head>
  <body>
    <cam-provider user-id="review-worker-e2e">
      <cam-access-review account-id="${accountId}"></cam-access-review>
    </cam-provider>
  </body>
</html>`;

const WATCH = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || ''));
});`;

/** A small world over the built-in definitions: the review of it has findings and rows. */
function smallWorld() {
  const definitions = parseAccessTestFile({ definitions: 'builtin', facts: {} }).definitions;
  const type = (appliesTo: string, partyType: string) =>
    definitions.relationshipTypes.find((t) => t.appliesTo === appliesTo && t.partyType === partyType)?.id ??
    '';
  const facts: Facts = {
    accounts: [{ id: 'a1', name: 'Acme' }],
    contacts: [
      { id: 'c1', name: 'Ann Active', account: 'a1', roles: ['sn_customerservice.customer'] },
      { id: 'c2', name: 'Ian Inactive', account: 'a1', roles: [], active: false },
    ],
    consumers: [],
    users: [],
    serviceOrganizations: [],
    households: [],
    soldProducts: [{ id: 'sp1', name: 'Suite', account: 'a1' }],
    installBase: [],
    cases: [
      { id: 'cs1', number: 'CS001', account: 'a1', contact: 'c1', soldProduct: 'sp1' },
      { id: 'cs2', number: 'CS002', account: 'a1', closedAt: '2025-01-01T00:00:00Z' },
    ],
    relatedParties: [
      {
        id: 'r1',
        entity: { kind: 'case', id: 'cs1' },
        party: { kind: 'contact', id: 'c2' },
        type: type('case', 'contact'),
      },
      {
        id: 'r2',
        entity: { kind: 'case', id: 'cs2' },
        party: { kind: 'contact', id: 'c1' },
        type: type('case', 'contact'),
      },
      {
        id: 'r3',
        entity: { kind: 'sold_product', id: 'sp1' },
        party: { kind: 'contact', id: 'c1' },
        type: type('sold_product', 'contact'),
      },
      {
        id: 'r4',
        entity: { kind: 'case', id: 'cs1' },
        party: { kind: 'account', id: 'a1' },
        type: type('case', 'account'),
      },
    ],
  };
  const engine = new AccessEngine(definitions, facts);
  const scope = allEntities(engine);
  const expected = reviewAccess(engine, { now: NOW, scope });
  assert.ok(
    expected.findings.length > 0 && expected.rows.length > 0,
    'the small world has findings and rows',
  );
  return { input: { definitions, facts, scope, now: NOW }, expected: JSON.parse(JSON.stringify(expected)) };
}

/** The review of `input` through the worker client at `client` (a module path the page serves). */
function reviewThroughClient(target: Page, client: string, input: ReturnType<typeof smallWorld>['input']) {
  return target.evaluate(
    async ({ client, input }) => {
      const { reviewInWorker } = (await import(
        client
      )) as typeof import('../../src/service/review-worker-client.js');
      return JSON.parse(JSON.stringify(await reviewInWorker(input))) as unknown;
    },
    { client, input },
  );
}

/** Runs the worker at `url` through its message protocol in the page; returns what it streamed. */
function runWorker(target: Page, url: string, input: ReturnType<typeof smallWorld>['input']) {
  return target.evaluate(
    ({ url, input }) =>
      new Promise<{ findings: unknown[]; rows: unknown[] }>((resolve, reject) => {
        const worker = new Worker(url, { type: 'module' });
        const findings: unknown[] = [];
        const rows: unknown[] = [];
        worker.onerror = (e) => reject(new Error(`worker error: ${e.message}`));
        worker.onmessage = ({ data }) => {
          if (data.type === 'ready') {
            worker.postMessage({
              type: 'start',
              definitions: input.definitions,
              scope: input.scope,
              now: input.now,
            });
            for (const [key, items] of Object.entries(input.facts))
              worker.postMessage({ type: 'facts', key, items });
            worker.postMessage({ type: 'run' });
          } else if (data.type === 'findings') findings.push(...data.findings);
          else if (data.type === 'rows') {
            rows.push(...data.rows);
            if (data.last) {
              worker.terminate();
              resolve({ findings, rows });
            }
          } else if (data.type === 'failed') reject(new Error(data.message));
        };
      }),
    { url, input },
  );
}

describe('the review worker in the self-contained bundle', { timeout: 240_000 }, () => {
  let browser: Browser;
  const seeded = seedLargeAccount(getStore(), { cases: 400, parties: 1_800, contacts: 80, soldProducts: 20 });

  before(async () => {
    await ensureBundle();
    browser = await launchBrowser();
  });
  after(async () => browser?.close());

  async function review(policy: string) {
    const server: PageServer = await startPageServer({
      page: page(seeded.accountId),
      pageHeaders: { 'Content-Security-Policy': policy },
      scripts: { '/watch-csp.js': WATCH },
    });
    const tab = await browser.newPage();
    const workers: string[] = [];
    const warnings: string[] = [];
    tab.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
    tab.on('console', (m) => {
      if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
    });
    tab.on('pageerror', (error) => warnings.push(`page error: ${error.message}`));
    try {
      await tab.goto(`${server.origin}/`);
      const summary = tab.locator('cam-access-review [part=summary]');
      await summary.waitFor({ timeout: 120_000 });
      return {
        summary: (await summary.textContent())?.replace(/\s+/g, ' ').trim() ?? '',
        workers,
        warnings,
        violations: (await tab.evaluate('window.__cspViolations')) as string[],
      };
    } finally {
      await tab.close();
      await server.close();
    }
  }

  it('reviews a large account in the worker beside the bundle, under a strict policy, refusing nothing', async () => {
    const strict = await review(STRICT);
    assert.match(strict.summary, SUMMARY);
    assert.deepEqual(strict.workers.length, 1, 'one worker ran the review');
    assert.match(strict.workers[0] ?? '', /^\/cam-elements\.review-worker-[\w-]+\.js$/);
    assert.deepEqual(strict.violations, []);
    assert.deepEqual(strict.warnings, []);

    // Workers refused: the review runs on the page instead, says so, and finds the same.
    const refused = await review(`${STRICT}; worker-src 'none'`);
    assert.equal(refused.summary, strict.summary);
    assert.ok(
      refused.warnings.some((w) => /reviewing on the page instead/.test(w)),
      `a console warning says so: ${refused.warnings.join(' | ')}`,
    );
  });
});

describe('the review worker from the tsc-built modules', { timeout: 240_000 }, () => {
  let browser: Browser;
  let modules: StaticServer;
  const world = smallWorld();

  before(async () => {
    await ensureBundle();
    modules = await serveStatic([{ prefix: '/pkg/', dir: DIST }]);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await modules?.close();
  });

  it('dist/src: the client starts the worker beside it and gets Node’s result', async () => {
    const tab = await browser.newPage();
    const workers: string[] = [];
    tab.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
    try {
      await tab.goto(`${modules.origin}/pkg/src/service/review-worker-client.js`);
      const result = await reviewThroughClient(tab, '/pkg/src/service/review-worker-client.js', world.input);
      assert.deepEqual(result, world.expected);
      assert.deepEqual(workers, ['/pkg/src/service/review-worker.js']);
    } finally {
      await tab.close();
    }
  });
});

describe('the review worker from the Vite dev server and the built demo', { timeout: 240_000 }, () => {
  let browser: Browser;
  let dev: ViteDevServer;
  let built: StaticServer;
  const world = smallWorld();

  before(async () => {
    dev = await createServer({
      configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
      logLevel: 'warn',
      server: { port: 0, strictPort: false },
    });
    await dev.listen();
    await buildDemo();
    built = await serveStatic([{ prefix: '/sub/path/', dir: DEMO_DIR }]);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await dev?.close();
    await built?.close();
  });

  it('dev server: the client starts the worker from its source and gets Node’s result', async () => {
    const tab = await browser.newPage();
    try {
      const origin = dev.resolvedUrls?.local[0] ?? '';
      await tab.goto(`${origin}src/service/review-worker-client.ts`);
      const result = await reviewThroughClient(tab, '/src/service/review-worker-client.ts', world.input);
      assert.deepEqual(result, world.expected);
    } finally {
      await tab.close();
    }
  });

  it('built demo: the emitted worker chunk (found relative to the code using it) gives Node’s result', async () => {
    const assets = readdirSync(join(DEMO_DIR, 'assets'));
    const file = assets.find((name) => /^review-worker-[\w-]+\.js$/.test(name));
    assert.ok(file, `a worker chunk among ${assets.join(', ')}`);
    const users = assets.filter(
      (name) => name.endsWith('.js') && readFileSync(join(DEMO_DIR, 'assets', name), 'utf8').includes(file),
    );
    assert.ok(users.length > 0, 'the code refers to the worker chunk');
    for (const user of users)
      assert.doesNotMatch(
        readFileSync(join(DEMO_DIR, 'assets', user), 'utf8'),
        new RegExp(`["'\`]/assets/${file}`),
      );
    const tab = await browser.newPage();
    try {
      await tab.goto(`${built.origin}/sub/path/`);
      const result = await runWorker(tab, `${built.origin}/sub/path/assets/${file}`, world.input);
      assert.deepEqual(result, { findings: world.expected.findings, rows: world.expected.rows });
    } finally {
      await tab.close();
    }
  });
});
