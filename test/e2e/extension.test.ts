/**
 * The browser extension end to end: Chromium with the unpacked extension (built by this test with
 * CAM_EXTENSION_ORIGINS=http://127.0.0.1/*) on a stand-in instance — a classic form with `g_ck`,
 * the classic frame set, a workspace-like app that changes records through history.pushState, and
 * the mock Table API behind a session check. The panel shows the record's parties, follows
 * navigation, every request carries the page's token, and pages without a record show nothing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { STORY } from '../../mocks/seed/index.js';
// @ts-expect-error -- a plain .mjs script without type declarations
import { buildExtension } from '../../scripts/build-extension.mjs';
import { extensionSupport, launchWithExtension, type ExtensionBrowser } from './extension/browser.js';
import { AGENT_ID, startStandIn, type StandIn } from './extension/instance.js';

const LOAN = STORY.housingLoan;
const PRODUCT = STORY.trackedProduct;
const NEAR_MISS = STORY.nearMiss;
const CASE = 'sn_customerservice_case';
const SOLD_PRODUCT = 'sn_install_base_sold_product';
const INSTALL_BASE = 'sn_install_base_item';
const LOAN_PARTIES = [LOAN.coBorrower.name, LOAN.guarantor.name, LOAN.attorney.name];
const PRODUCT_PARTIES = [PRODUCT.finance.name, PRODUCT.operations.name];

const OUT = resolve('.test-results/e2e', `extension-${process.pid}`);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const skip = await extensionSupport();
if (skip) console.log(`# extension e2e skipped: ${skip}`);

/** The panel frame (an extension page inside the closed shadow root). */
async function panelFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const frame = page
      .frames()
      .find((f) => f.url().startsWith('chrome-extension://') && f.url().includes('/panel.html'));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('the panel frame did not appear');
    await page.waitForTimeout(100);
  }
}

/** Whether the extension's host element is in the page. */
function hasToggle(page: Page | Frame): Promise<boolean> {
  return page.evaluate(() => document.querySelector('[data-cam-extension]') !== null);
}

async function waitForToggle(page: Page, present: boolean): Promise<void> {
  await page.waitForFunction(
    (want) => (document.querySelector('[data-cam-extension]') !== null) === want,
    present,
    {
      timeout: 15_000,
    },
  );
}

/** Opens the panel with the keyboard: the toggle is the page's last tab stop (closed shadow root). */
async function openPanel(page: Page): Promise<Frame> {
  await waitForToggle(page, true);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Shift+Tab');
  const focused = await page.evaluate(() => document.activeElement?.matches('[data-cam-extension]') ?? false);
  assert.ok(focused, 'Shift+Tab did not reach the toggle');
  await page.keyboard.press('Enter');
  return panelFrame(page);
}

async function expectNames(frame: Frame, names: readonly string[]): Promise<void> {
  for (const name of names) {
    await frame
      .locator('cam-related-party-list')
      .getByText(name, { exact: true })
      .first()
      .waitFor({ timeout: 20_000 });
  }
}

async function expectGone(frame: Frame, names: readonly string[]): Promise<void> {
  for (const name of names) {
    await frame
      .locator('cam-related-party-list')
      .getByText(name, { exact: true })
      .first()
      .waitFor({ state: 'detached', timeout: 20_000 });
  }
}

/** axe in a frame (extension pages forbid inline scripts: the source is evaluated through the protocol). */
async function expectAccessible(frame: Frame, state: string): Promise<void> {
  await frame.evaluate(axeSource);
  const violations = await frame.evaluate(() =>
    (
      window as unknown as {
        axe: { run(d: Document, o: object): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
      }
    ).axe
      .run(document, { resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => `${v.id} (${v.nodes.length})`)),
  );
  assert.deepEqual(violations, [], `axe violations in ${state}`);
}

describe('the browser extension on a stand-in instance', { skip, timeout: 120_000 }, () => {
  let standIn: StandIn;
  let browser: ExtensionBrowser;
  const requestedUrls: string[] = [];
  const pageErrors: string[] = [];

  const workspace = (table: string, id: string) => `/now/cwf/agent/record/${table}/${id}`;

  before(async () => {
    await buildExtension(OUT, 'http://127.0.0.1/*');
    standIn = await startStandIn({
      workspaceLinks: {
        'Loan case': workspace(CASE, LOAN.caseId),
        'Tracked product': workspace(SOLD_PRODUCT, PRODUCT.soldProductId),
        Gateway: workspace(INSTALL_BASE, PRODUCT.installBase.rootId),
        Home: '/now/cwf/agent/home',
      },
    });
    browser = await launchWithExtension(OUT);
    browser.context.on('request', (request) => requestedUrls.push(request.url()));
    browser.context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error.message)));
  });

  after(async () => {
    await browser?.close();
    await standIn?.close();
    rmSync(OUT, { recursive: true, force: true });
    rmSync(`${OUT}.zip`, { force: true });
  });

  test(
    'the manifest asks for little: storage and scripting, no <all_urls>, default CSP',
    { timeout: 45_000 },
    () => {
      const manifest = JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8'));
      assert.equal(manifest.manifest_version, 3);
      assert.deepEqual(manifest.permissions, ['storage', 'scripting']);
      assert.equal(manifest.host_permissions, undefined);
      assert.equal(manifest.content_security_policy, undefined);
      assert.deepEqual(manifest.optional_host_permissions, ['https://*/*']);
      assert.doesNotMatch(JSON.stringify(manifest), /<all_urls>|"tabs"|\*:\/\//);
      for (const script of manifest.content_scripts) {
        assert.deepEqual(script.matches, ['https://*.service-now.com/*', 'http://127.0.0.1/*']);
      }
      for (const path of Object.values(manifest.icons) as string[]) {
        assert.equal(readFileSync(join(OUT, path)).subarray(1, 4).toString('latin1'), 'PNG', path);
      }
      // The zip for store upload holds every file of the unpacked folder.
      const zip = readFileSync(`${OUT}.zip`);
      const entries = zip.readUInt16LE(zip.length - 22 + 10);
      const files = readdirSync(OUT, { recursive: true }).filter((f) =>
        statSync(join(OUT, String(f))).isFile(),
      );
      assert.equal(entries, files.length);
    },
  );

  test(
    'a classic case form: the toggle opens the panel with the case parties',
    { timeout: 45_000 },
    async () => {
      const page = await browser.context.newPage();
      await page.goto(`${standIn.origin}/${CASE}.do?sys_id=${LOAN.caseId}`);
      const panel = await openPanel(page);
      await expectNames(panel, LOAN_PARTIES);
      // The badges, the add dialog and the inspector are the library's own, working in the panel.
      await panel.locator('cam-effective-access-badge [part~=badge][data-level]').first().waitFor();
      await panel.getByRole('button', { name: 'Add party' }).first().click();
      await panel.getByRole('dialog', { name: 'Add related party' }).waitFor();
      await page.keyboard.press('Escape');
      await panel.getByRole('dialog', { name: 'Add related party' }).waitFor({ state: 'hidden' });
      await panel.getByText('Access inspector').click();
      await panel.locator('cam-access-inspector').getByRole('tab').first().waitFor();
      // Closing with the panel's own button removes the frame; the toggle stays. (The click is
      // scheduled in the frame: Playwright's own click would still be talking to the removed frame.)
      const detached = page.waitForEvent('framedetached', { predicate: (frame) => frame === panel });
      await panel
        .getByRole('button', { name: 'Close' })
        .evaluate((button: HTMLElement) => void setTimeout(() => button.click(), 0));
      await detached;
      assert.ok(await hasToggle(page));
      await page.close();
    },
  );

  test(
    'a workspace follows pushState and back/forward without a reload; non-record routes show nothing',
    { timeout: 45_000 },
    async () => {
      const page = await browser.context.newPage();
      await page.goto(`${standIn.origin}${workspace(CASE, LOAN.caseId)}`);
      await page.evaluate(() => ((window as unknown as { loadMarker: number }).loadMarker = 1));
      const panel = await openPanel(page);
      await expectNames(panel, LOAN_PARTIES);

      await page.getByRole('link', { name: 'Tracked product' }).click();
      await expectNames(panel, PRODUCT_PARTIES);
      await expectGone(panel, LOAN_PARTIES);

      await page.getByRole('link', { name: 'Gateway' }).click();
      await expectNames(panel, [PRODUCT.serviceOrganization.name]);

      await page.getByRole('link', { name: 'Home' }).click();
      await waitForToggle(page, false);

      await page.goBack(); // popstate back to the install base item
      await waitForToggle(page, true);
      // Still the same document: the app navigated, nothing reloaded.
      assert.equal(await page.evaluate(() => (window as unknown as { loadMarker?: number }).loadMarker), 1);
      await page.close();
    },
  );

  test(
    'the classic frame set: the record of the gsft_main frame, one toggle, following the frame',
    { timeout: 45_000 },
    async () => {
      const page = await browser.context.newPage();
      const uri = `/${CASE}.do?sys_id=${LOAN.caseId}`;
      await page.goto(`${standIn.origin}/nav_to.do?uri=${encodeURIComponent(uri)}`);
      const panel = await openPanel(page);
      await expectNames(panel, LOAN_PARTIES);
      const content = page.frame({ name: 'gsft_main' });
      assert.ok(content);
      assert.equal(await hasToggle(content), false, 'the content frame must not show a second toggle');
      // The frame loads another case form: the panel follows it.
      await content.getByRole('link', { name: 'Another case' }).click();
      await expectNames(panel, [NEAR_MISS.contact.name]);
      await expectGone(panel, LOAN_PARTIES);
      await page.close();
    },
  );

  test('pages that are not such a record show nothing', { timeout: 45_000 }, async () => {
    const page = await browser.context.newPage();
    for (const path of [
      '/home.do',
      `/${CASE}_list.do`,
      `/${CASE}.do?sys_id=-1`,
      `/incident.do?sys_id=${LOAN.caseId}`,
    ]) {
      await page.goto(`${standIn.origin}${path}`, { waitUntil: 'load' });
      // document_idle content scripts have run by the time the load event has been handled.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      assert.equal(await hasToggle(page), false, path);
    }
    // The same script does act on a record page (so the absence above is not a script that never ran).
    await page.goto(`${standIn.origin}/${CASE}.do?sys_id=${LOAN.caseId}`);
    await waitForToggle(page, true);
    await page.close();
  });

  test(
    'every request went to the instance, with the session cookie and the page token',
    { timeout: 45_000 },
    () => {
      assert.ok(standIn.apiRequests.length > 5, 'the panel made Table API requests');
      const bad = standIn.apiRequests.filter((r) => r.token !== standIn.token || !r.hasSessionCookie);
      assert.deepEqual(bad, []);
      assert.ok(standIn.apiRequests.every((r) => r.status === 200));
      const elsewhere = requestedUrls.filter(
        (url) => !url.startsWith(`${standIn.origin}/`) && !url.startsWith('chrome-extension://'),
      );
      assert.deepEqual(elsewhere, []);
    },
  );

  test('the panel is accessible and never holds the token', { timeout: 45_000 }, async () => {
    const page = await browser.context.newPage();
    await page.goto(`${standIn.origin}/${CASE}.do?sys_id=${LOAN.caseId}`);
    const panel = await openPanel(page);
    await expectNames(panel, LOAN_PARTIES);
    await expectAccessible(panel, 'the panel with a case');
    const seen = await panel.evaluate(async (token) => {
      const stored = [await chrome.storage.local.get(null), await chrome.storage.sync.get(null)];
      // Every text and attribute of the panel, shadow roots included.
      const parts: string[] = [];
      const roots: ParentNode[] = [document];
      for (let root = roots.pop(); root; root = roots.pop()) {
        for (const element of root.querySelectorAll('*')) {
          parts.push(element.textContent ?? '', ...[...element.attributes].map((a) => a.value));
          if (element.shadowRoot) roots.push(element.shadowRoot);
        }
      }
      return parts.join(' ').includes(token) || JSON.stringify(stored).includes(token);
    }, standIn.token);
    assert.equal(seen, false);
    // The definitions cache is keyed by this instance and the page's signed-in user.
    const key = await panel.evaluate(() => {
      const provider = document.querySelector('cam-provider') as HTMLElement & {
        baseUrl: string;
        userId: string;
      };
      return { instance: provider.baseUrl, user: provider.userId };
    });
    assert.deepEqual(key, { instance: standIn.origin, user: AGENT_ID });
    await page.close();
  });

  test(
    'options: built-in instances listed, poll interval and theme saved in sync storage and applied',
    { timeout: 45_000 },
    async () => {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await page.getByRole('list', { name: 'Built-in instances' }).getByText('http://127.0.0.1/*').waitFor();
      await page.getByLabel('Add an instance').fill('not a url ::');
      await page.getByRole('button', { name: 'Add' }).click();
      await page.getByRole('status').getByText('Enter an https address').waitFor();
      await page.getByLabel('Theme').selectOption('dark');
      await page.getByLabel('Refresh the open record every').fill('5');
      await page.getByLabel('Refresh the open record every').press('Tab');
      await page.getByRole('status').getByText('Saved.').waitFor();
      const stored = await page.evaluate(() => chrome.storage.sync.get(null));
      assert.deepEqual(stored, { pollSeconds: 15, theme: 'dark' }); // 5 s is raised to the 15 s minimum
      await expectAccessible(page.mainFrame(), 'the options page');

      const instance = await browser.context.newPage();
      await instance.goto(`${standIn.origin}/${CASE}.do?sys_id=${NEAR_MISS.caseId}`);
      const panel = await openPanel(instance);
      await panel.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
      await expectNames(panel, [NEAR_MISS.contact.name]);
      await panel.locator('cam-effective-access-badge [part~=badge][data-level]').first().waitFor();
      await expectAccessible(panel, 'the panel in the dark theme'); // contrast of the dark colours
      await instance.close();
      await page.close();
    },
  );

  test('a 401 (session ended) asks to reload and keeps the page', { timeout: 45_000 }, async () => {
    const page = await browser.context.newPage();
    await page.goto(`${standIn.origin}${workspace(CASE, LOAN.caseId)}`);
    await page.evaluate(() => ((window as unknown as { loadMarker: number }).loadMarker = 1));
    const panel = await openPanel(page);
    await expectNames(panel, LOAN_PARTIES);
    standIn.endSession();
    await page.getByRole('link', { name: 'Tracked product' }).click();
    await panel
      .getByRole('alert')
      .getByText('Your session on this instance has ended')
      .waitFor({ timeout: 20_000 });
    assert.ok(standIn.apiRequests.some((r) => r.status === 401));
    // Even the refused requests carried the page token.
    assert.ok(standIn.apiRequests.every((r) => r.token === standIn.token));
    // Nothing reloaded on its own; the panel's button reloads the page (a click scheduled in the
    // frame, which the reload removes).
    assert.equal(await page.evaluate(() => (window as unknown as { loadMarker?: number }).loadMarker), 1);
    const reloaded = page.waitForEvent('load');
    await panel
      .getByRole('button', { name: 'Reload page' })
      .evaluate((button: HTMLElement) => void setTimeout(() => button.click(), 0));
    await reloaded;
    assert.equal(
      await page.evaluate(() => (window as unknown as { loadMarker?: number }).loadMarker),
      undefined,
    );
    await page.close();
  });

  test('no page errors', { timeout: 45_000 }, () => {
    assert.deepEqual(pageErrors, []);
  });
});
