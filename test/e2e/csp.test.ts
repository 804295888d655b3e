/**
 * The elements work under a strict Content Security Policy — no 'unsafe-inline', no 'unsafe-eval':
 * `default-src 'self'; script-src 'self'; style-src 'self'`. The built bundle is served with a
 * plain page (attributes only) and a real HTTP backend: the mock Table API's own read and write
 * routes over the seeded store, run in Node. Any CSP violation (event or console report) fails.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error: a plain .mjs script without types.
import { CHROME_ARGS, ensureChrome } from '../../scripts/find-chrome.mjs';
import { STORY } from '../../mocks/seed/index.js';
import { ensureBundle, startPageServer, type PageServer } from './table-api-server.js';

const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'";
const LOAN = STORY.housingLoan;

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>CSP check</title>
    <script src="/watch-csp.js"></script>
    <script type="module" src="/cam-elements.bundle.js"></script>
  </head>
  <body>
    <cam-provider user-id="csp-e2e">
      <cam-related-party-list entity-table="sn_customerservice_case" entity-id="${LOAN.caseId}"></cam-related-party-list>
      <cam-relationship-type-picker applies-to="sn_customerservice_case" party-type="consumer" label="Type"></cam-relationship-type-picker>
      <cam-add-party-dialog entity-table="sn_customerservice_case" entity-id="${STORY.nearMiss.caseId}"></cam-add-party-dialog>
      <cam-access-inspector></cam-access-inspector>
    </cam-provider>
  </body>
</html>`;

/** A classic script (runs before the bundle) recording every CSP violation the page reports. */
const WATCH = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || ''));
});`;

/** How many elements match `selector` in the page, through every shadow root. */
async function deepCount(page: Page, selector: string): Promise<number> {
  // No named inner functions: tsx would wrap them in a helper the page does not have.
  return page.evaluate((sel) => {
    let count = 0;
    const roots: ParentNode[] = [document];
    for (let root = roots.pop(); root; root = roots.pop()) {
      for (const element of root.querySelectorAll('*')) {
        if (element.matches(sel)) count++;
        if (element.shadowRoot) roots.push(element.shadowRoot);
      }
    }
    return count;
  }, selector);
}

describe('the elements under a strict Content Security Policy', () => {
  let server: PageServer;
  let browser: Browser;
  let page: Page;
  let origin = '';
  const consoleReports: string[] = [];

  before(async () => {
    await ensureBundle();
    server = await startPageServer({
      page: PAGE,
      pageHeaders: { 'Content-Security-Policy': POLICY },
      scripts: { '/watch-csp.js': WATCH },
    });
    origin = server.origin;
    browser = await chromium.launch({
      executablePath: (await ensureChrome()) as string,
      args: CHROME_ARGS as string[],
    });
    page = await browser.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) consoleReports.push(message.text());
    });
    page.on('pageerror', (error) => consoleReports.push(`page error: ${error.message}`));
    await page.goto(`${origin}/`);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the page is really served with the strict policy', async () => {
    const response = await page.request.get(`${origin}/`);
    assert.equal(response.headers()['content-security-policy'], POLICY);
  });

  test('every element renders, styled, with data from the backend, and nothing is refused', async () => {
    await page.waitForFunction(
      () => {
        const list = document.querySelector('cam-related-party-list');
        return (list?.shadowRoot?.querySelectorAll('[part~="row"]').length ?? 0) === 3;
      },
      undefined,
      { timeout: 20_000 },
    );
    await page.waitForFunction(
      () =>
        [
          ...(document
            .querySelector('cam-related-party-list')
            ?.shadowRoot?.querySelectorAll('cam-effective-access-badge') ?? []),
        ].every((badge) => badge.shadowRoot?.querySelector('button[part="badge"][data-level]') !== null),
      undefined,
      { timeout: 20_000 },
    );
    // Styles came through adoptedStyleSheets (no <style> element, no inline style attribute).
    const styling = await page.evaluate(() => {
      const list = document.querySelector('cam-related-party-list') as HTMLElement;
      return {
        sheets: list.shadowRoot?.adoptedStyleSheets.length ?? 0,
        display: getComputedStyle(list).display,
        styleElements: list.shadowRoot?.querySelectorAll('style').length ?? 0,
      };
    });
    assert.ok(styling.sheets > 0, 'no adopted stylesheet');
    assert.equal(styling.display, 'block');
    assert.equal(styling.styleElements, 0);

    // Open a badge popover (positioned through the CSSOM), the add dialog, and every inspector tab.
    await page.evaluate(() => {
      const list = document.querySelector('cam-related-party-list');
      const badge = list?.shadowRoot?.querySelector('cam-effective-access-badge');
      badge?.shadowRoot?.querySelector<HTMLButtonElement>('button[part="badge"]')?.click();
      (document.querySelector('cam-add-party-dialog') as HTMLElement & { show(): void }).show();
    });
    await page.waitForFunction(() => {
      const inspector = document.querySelector('cam-access-inspector');
      return (inspector?.shadowRoot?.querySelectorAll('[role="tab"]').length ?? 0) > 0;
    });
    const tabs = await page.evaluate(() => {
      const tabs = [
        ...(document
          .querySelector('cam-access-inspector')
          ?.shadowRoot?.querySelectorAll<HTMLElement>('[role="tab"]') ?? []),
      ];
      tabs.forEach((tab) => tab.click());
      return tabs.length;
    });
    assert.ok(tabs >= 5);
    assert.ok((await deepCount(page, '[part="popover"]')) > 0);
    await page.waitForTimeout(500);

    const violations = await page.evaluate(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
    );
    assert.deepEqual(violations, []);
    assert.deepEqual(consoleReports, []);
  });

  test('the watch is live: an inline style attribute written by the page is reported', async () => {
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.setAttribute('style', 'color: red');
      document.body.append(probe);
    });
    await page.waitForFunction(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations.length > 0,
    );
    const violations = await page.evaluate(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
    );
    assert.match(violations[0] ?? '', /^style-src/);
  });
});
