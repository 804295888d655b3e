/**
 * The built demo served under a sub-path in one browser page, for a `describe` block: builds the
 * demo, serves it, opens a page before the block's tests and closes everything after them.
 */
import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from './browser.js';
import { buildDemo, DEMO_DIR } from './build.js';
import { DemoPage } from './demo-page.js';
import { serveStatic, type StaticServer } from './server.js';

export interface BuiltDemo {
  readonly page: Page;
  /** Page errors and console errors seen so far. */
  readonly errors: string[];
  readonly demo: DemoPage;
  /** The demo's address: the server's origin and `basePath`. */
  readonly base: string;
}

/** Registers the hooks; the returned function gives the session once the block's `before` ran. */
export function useBuiltDemo(basePath: string): () => BuiltDemo {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let session: BuiltDemo | undefined;
  before(async () => {
    await buildDemo();
    server = await serveStatic([{ prefix: basePath, dir: DEMO_DIR }]);
    browser = await launchBrowser();
    const { page, errors } = await openPage(browser);
    const base = server.origin + basePath;
    session = { page, errors, demo: new DemoPage(page, base), base };
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return () => {
    if (!session) throw new Error('the built demo is not open yet (use it inside a test or a later hook)');
    return session;
  };
}
