/**
 * Headless Chromium for the end-to-end tests through playwright-core, using the machine's browser
 * or the npm-shipped one (scripts/find-chrome.mjs); nothing is downloaded.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
// @ts-expect-error -- a plain .mjs script without type declarations
import * as chrome from '../../../scripts/find-chrome.mjs';

const { ensureChrome, CHROME_ARGS } = chrome as {
  ensureChrome: () => Promise<string>;
  CHROME_ARGS: string[];
};

/** Launches headless Chromium. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await ensureChrome(), args: CHROME_ARGS, headless: true });
}

/** Browser errors collected from a page, so tests can assert that none happened. */
export interface PageErrors {
  readonly errors: string[];
}

/** A fresh context (own storage, service workers, IndexedDB) and page, collecting page errors. */
export async function openPage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page } & PageErrors> {
  const context = await browser.newContext({
    viewport: { width: 1360, height: 900 },
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}
