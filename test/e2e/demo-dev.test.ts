/**
 * The first run of `npm run demo`: the Vite dev server with an empty dependency cache (as on a
 * fresh clone) serves the demo without a dependency-scan failure, without "504 Outdated Optimize
 * Dep" reloads and without page errors. How long the cold start takes is printed, not asserted.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createServer, type ViteDevServer } from 'vite';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from './support/browser.js';
import { waitForReady, waitForText } from './support/wait.js';

describe('demo dev server, first run', { timeout: 120_000 }, () => {
  let server: ViteDevServer;
  let browser: Browser;
  let cacheDir: string;
  const logged: string[] = [];

  before(async () => {
    // A cache directory of its own: the state of node_modules/.vite on a fresh clone.
    cacheDir = mkdtempSync(join(tmpdir(), 'cam-vite-cache-'));
    const logger = createLogger('info');
    for (const level of ['info', 'warn', 'warnOnce', 'error'] as const) {
      const original = logger[level].bind(logger);
      logger[level] = (message: string, options?: object) => {
        logged.push(message);
        original(message, options as never);
      };
    }
    server = await createServer({
      configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
      cacheDir,
      customLogger: logger,
      logLevel: 'info',
      server: { port: 0, strictPort: false },
    });
    await server.listen();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('shows the home page without a failed scan, an outdated-dependency reload or a page error', async () => {
    const { page, errors } = await openPage(browser);
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 500) failed.push(`${response.status()} ${response.url()}`);
    });
    let loads = 0;
    page.on('load', () => (loads += 1));
    const start = Date.now();
    const url = server.resolvedUrls?.local[0];
    assert.ok(url, 'the dev server listens');
    await page.goto(url);
    await waitForReady(page);
    await waitForText(page.locator('main'), /A housing loan with three helpers/);
    console.log(`# cold start: home page ready after ${Date.now() - start} ms`);
    assert.deepEqual(failed, [], 'no 5xx (504 Outdated Optimize Dep) response');
    assert.equal(loads, 1, 'no reload forced by newly optimised dependencies');
    assert.deepEqual(errors, [], 'no page error');
    const scan = logged.filter((line) =>
      /Failed to run dependency scan|new dependencies optimized|optimized dependencies changed/i.test(line),
    );
    assert.deepEqual(scan, [], 'no failed dependency scan, no re-optimisation');
    await page.context().close();
  });
});
