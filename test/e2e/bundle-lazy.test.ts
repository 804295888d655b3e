/**
 * The self-contained bundle's lazy chunks, built and served under the strict Content Security Policy
 * (`script-src 'self'`) with a plain page — a provider and a related-party list, nothing else —
 * over the mock Table API run in Node:
 * - the rows and the badges' levels come without any on-demand chunk (the role catalogue aside, on
 *   this first visit), and without the explanation, popup placement, review or dialog code;
 * - each lazy piece works once loaded on demand: a badge's explanation (and a plain message, the
 *   level kept, when its chunk could not be loaded), popups placed inside the viewport (first by the
 *   small placement while Floating UI is still loading, then by Floating UI), the access review's
 *   service, the inspector's access-test file parser, live refresh, a long list's virtualizer;
 * - a row's actions load with the first use: its menu (opened from the keyboard before its code has
 *   arrived), the retype editor with the relationship type picker, the removal confirmation, and
 *   the related parties' edits (and a clear message, nothing changed, when their chunk could not be
 *   loaded); and a picker placed straight in the document is defined as soon as it appears;
 * - the reading of the definitions from the instance loads on a first visit only: a page with a
 *   fresh cached copy never loads it (and a clear message when it could not be loaded).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Browser, Locator, Page, Route } from 'playwright-core';
import { getStore } from '../../mocks/db.js';
import { definitionSysId, seedLargeCase, STORY } from '../../mocks/seed/index.js';
import { DEFAULT_TABLE_MAP } from '../../src/client/table-map.js';
import { launchBrowser, openPage } from './support/browser.js';
import { waitForText } from './support/wait.js';
import { ensureBundle, startPageServer, type PageServer } from './table-api-server.js';
// @ts-expect-error: plain .mjs scripts without types.
import { TRIGGERS, closure, label, readChunks } from '../../scripts/bundle-chunks.mjs';
// @ts-expect-error: plain .mjs scripts without types.
import { ENTRY_FILE } from '../../scripts/bundle-config.mjs';

const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'";
const LOAN = STORY.housingLoan;

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Lazy chunks</title>
    <script type="module" src="/cam-elements.bundle.js"></script>
  </head>
  <body>
    <cam-provider user-id="lazy-e2e" poll-interval="1">
      <cam-related-party-list entity-table="sn_customerservice_case" entity-id="${LOAN.caseId}"></cam-related-party-list>
    </cam-provider>
  </body>
</html>`;

/** `cam-elements.live-feed-Ab12Cd34.js` → `live-feed`; the entry → `bundle`. */
const chunkName = (url: string): string =>
  new URL(url).pathname
    .slice(1)
    .replace(/^cam-elements\./, '')
    .replace(/-[\w-]{8}\.js$|\.js$/, '');

/** A row's actions: loaded when a row's actions button is first used, not with the rows. */
const ROW_ACTIONS = ['row-menu-control', 'row-actions', 'cam-relationship-type-picker'];

/** Chunks only a user action, another element or live refresh may load. */
const ON_DEMAND = [
  ...ROW_ACTIONS,
  'badge-panel',
  'explanation-tree',
  'floating-position',
  'cam-add-party-dialog',
  'cam-access-inspector',
  'cam-access-review',
  'access-review-service',
  'test-file',
  'virtualize',
  'party-edits',
];

/** Holds requests of one chunk until released (or fails them). */
function gateChunk(page: Page, name: string, mode: 'hold' | 'fail') {
  const held: Route[] = [];
  const pattern = new RegExp(`/cam-elements\\.${name}-[\\w-]{8}\\.js$`);
  const handler = (route: Route) => (mode === 'fail' ? route.abort('failed') : void held.push(route));
  return {
    ready: page.route(pattern, handler),
    held,
    release: async () => {
      for (const route of held.splice(0)) await route.continue();
      await page.unroute(pattern, handler);
    },
  };
}

const list = (page: Page): Locator => page.locator('cam-related-party-list');
const rowOf = (page: Page, name: string): Locator =>
  list(page)
    .locator('[role=row]')
    .filter({ has: page.getByRole('cell', { name, exact: true }) });

/** The box of `locator` lies inside the viewport. */
async function expectInViewport(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box && viewport, `${what}: no box`);
  assert.ok(box.width > 0 && box.height > 0, `${what}: empty`);
  assert.ok(box.x >= 0 && box.y >= 0, `${what}: ${JSON.stringify(box)}`);
  assert.ok(box.x + box.width <= viewport.width + 0.5, `${what} right: ${JSON.stringify(box)}`);
  assert.ok(box.y + box.height <= viewport.height + 0.5, `${what} bottom: ${JSON.stringify(box)}`);
}

/** Waits until `test` holds, polling; fails with `what`. */
async function until(test: () => boolean, what: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe(
  'the bundle loads what a list page does not need on demand (strict CSP)',
  { timeout: 120_000 },
  () => {
    let server: PageServer;
    let browser: Browser;
    let page: Page;
    let errors: string[];
    const chunks: string[] = [];
    const refused: string[] = [];
    /** Floating UI's chunk, held from the first visit until the first popup has been checked. */
    let floating: ReturnType<typeof gateChunk>;

    before(async () => {
      await ensureBundle();
      server = await startPageServer({ page: PAGE, pageHeaders: { 'Content-Security-Policy': POLICY } });
      browser = await launchBrowser();
      ({ page, errors } = await openPage(browser));
      page.on('request', (request) => {
        if (request.resourceType() === 'script') chunks.push(chunkName(request.url()));
      });
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
      });
    });

    after(async () => {
      await browser?.close();
      await server?.close();
    });

    /** A fresh page whose chunk `name` fails to load: the attorney's badge has no level and says `why`. */
    async function badgeSaysWhenChunkFails(name: string, why: RegExp) {
      const fresh = await openPage(browser);
      const failing = gateChunk(fresh.page, name, 'fail');
      await failing.ready;
      await fresh.page.goto(`${server.origin}/`);
      const badge = rowOf(fresh.page, LOAN.attorney.name).locator('cam-effective-access-badge');
      await waitForText(badge.locator('[part=badge]'), /\?/);
      await badge.locator('[part=badge]').click();
      await waitForText(badge.locator('[part=popover]'), why);
      return { fresh, failing };
    }

    it('shows the rows and every badge level without loading an on-demand chunk', async () => {
      // Held: the first popup below opens before Floating UI is there.
      floating = gateChunk(page, 'floating-position', 'hold');
      await floating.ready;
      await page.goto(`${server.origin}/`);
      for (const person of [LOAN.coBorrower, LOAN.guarantor, LOAN.attorney]) {
        await waitForText(
          rowOf(page, person.name).locator('cam-effective-access-badge [part=badge]'),
          /write/,
        );
      }
      const early = chunks.filter((name) => ON_DEMAND.includes(name));
      assert.deepEqual(early, [], `requested before any action: ${chunks.join(', ')}`);
      // Nothing but the main entry (the entry and its static imports), the engine and the definitions
      // cache (for the badges' level), the role catalogue (a first visit) and live refresh (after
      // the rows): what npm run size counts on this page's paths.
      const built = readChunks(resolve('dist'));
      const allowed = new Set<string>();
      for (const [file] of built) {
        const trigger = TRIGGERS[label(file)]?.path;
        if (file === ENTRY_FILE || trigger === 'badge' || trigger === 'cold' || trigger === 'after') {
          for (const needed of closure(built, file)) allowed.add(label(needed));
        }
      }
      assert.deepEqual(
        chunks.filter((name) => name !== 'bundle' && !allowed.has(name)),
        [],
        `allowed: ${[...allowed].join(', ')}`,
      );
      for (const name of ['bundle', 'engine-chunk', 'definitions-storage', 'role-seed'])
        assert.ok(chunks.includes(name), `${name} not loaded: ${chunks.join(', ')}`);
      // The row actions are chunks of their own, not in the main entry.
      for (const name of ROW_ACTIONS) {
        assert.ok(
          [...built.keys()].some((file) => label(file) === name),
          `no chunk ${name}`,
        );
      }
    });

    it("opens a badge's explanation: placed at once inside the viewport, then by Floating UI", async () => {
      const badge = rowOf(page, LOAN.coBorrower.name).locator('cam-effective-access-badge');
      await badge.locator('[part=badge]').click();
      const popover = badge.locator('[part=popover]');
      await waitForText(popover, /Daniel Marquez can read and change this case as its Co-borrower\./);
      assert.ok(chunks.includes('badge-panel') && chunks.includes('explanation-tree'));
      // Floating UI has not arrived: the first placement alone keeps the popover in view.
      await until(() => floating.held.length > 0, 'the Floating UI request');
      assert.equal(floating.held.length, 1);
      await expectInViewport(page, popover, 'popover before Floating UI');
      await floating.release();
      // Floating UI follows the badge when the page reflows (the first placement is made once).
      await page.setViewportSize({ width: 700, height: 600 });
      await page.waitForTimeout(300);
      await expectInViewport(page, popover, 'popover after a resize (Floating UI)');
      await page.keyboard.press('Escape');
      await page.setViewportSize({ width: 1360, height: 900 });
    });

    it("places a row's menu next to its button, inside the viewport", async () => {
      assert.deepEqual(
        chunks.filter((name) => ROW_ACTIONS.includes(name)),
        [],
        'nothing of the row actions before a row menu is used',
      );
      const row = rowOf(page, LOAN.attorney.name);
      const button = row.getByRole('button', { name: `Actions for ${LOAN.attorney.name}` });
      await button.click();
      const menu = row.getByRole('menu');
      await menu.getByRole('menuitem').first().waitFor();
      // The menu's code came with the press; what its items need, with the menu opening.
      assert.ok(chunks.includes('row-menu-control'), chunks.join(', '));
      await until(() => chunks.includes('row-actions'), 'the row actions chunk');
      assert.ok(!chunks.includes('cam-relationship-type-picker'), 'the picker waits for Change type');
      await page.waitForTimeout(200);
      await expectInViewport(page, menu, 'row menu');
      const [b, m] = [await button.boundingBox(), await menu.boundingBox()];
      assert.ok(b && m);
      // bottom-end: under (or above) the button, its right edge at the button's.
      assert.ok(
        m.y >= b.y + b.height || m.y + m.height <= b.y,
        `menu ${JSON.stringify(m)} button ${JSON.stringify(b)}`,
      );
      assert.ok(
        Math.abs(m.x + m.width - (b.x + b.width)) < 2,
        `menu ${JSON.stringify(m)} button ${JSON.stringify(b)}`,
      );
      await page.keyboard.press('Escape');
    });

    it('reviews access with the review service loaded on demand', async () => {
      assert.ok(!chunks.includes('access-review-service'));
      await page.evaluate((caseId) => {
        const review = document.createElement('cam-access-review');
        review.setAttribute('entity-table', 'sn_customerservice_case');
        review.setAttribute('entity-id', caseId);
        document.querySelector('cam-provider')?.append(review);
      }, LOAN.caseId);
      await waitForText(page.locator('cam-access-review [part=summary]'), /\S/, 30_000);
      assert.ok(chunks.includes('cam-access-review'));
      assert.ok(chunks.includes('access-review-service'));
      await page.evaluate(() => document.querySelector('cam-access-review')?.remove());
    });

    it('imports an access-test file in the inspector with the parser loaded on demand', async () => {
      assert.ok(!chunks.includes('test-file'));
      // The rules this page uses, as an access-test file: what a person would import.
      const exported = await page.evaluate(() => {
        const provider = document.querySelector('cam-provider') as HTMLElement & {
          current?: { definitions: { export(): unknown } };
        };
        return JSON.stringify(provider.current?.definitions.export());
      });
      await page.evaluate(() => {
        document.querySelector('cam-provider')?.append(document.createElement('cam-access-inspector'));
      });
      const inspector = page.locator('cam-access-inspector');
      await inspector.getByRole('tab', { name: 'Export / import' }).click();
      await inspector.locator('input[type=file]').setInputFiles({
        name: 'rules.json',
        mimeType: 'application/json',
        buffer: Buffer.from(exported),
      });
      await waitForText(inspector.locator('.import-status'), /^Imported "rules\.json"/);
      assert.ok(chunks.includes('cam-access-inspector') && chunks.includes('test-file'), chunks.join(', '));
      await page.evaluate(() => document.querySelector('cam-access-inspector')?.remove());
    });

    it('refreshes the list live with the feed loaded after the rows', async () => {
      assert.ok(chunks.includes('live-feed'), `chunks: ${chunks.join(', ')}`);
      assert.ok(chunks.includes('live-updates'), `chunks: ${chunks.join(', ')}`);
      getStore().remove(DEFAULT_TABLE_MAP.caseParty.table, LOAN.parties.guarantor);
      await waitForText(list(page).locator('[part=live-region]'), /Rosa Delgado was removed\./);
      assert.equal(await rowOf(page, LOAN.guarantor.name).count(), 0);
      assert.deepEqual(errors, []);
      assert.deepEqual(refused, []);
    });

    it('shows a list of more than 100 parties through the virtualizer, loaded before its rows', async () => {
      const large = seedLargeCase(getStore(), { parties: 250, principals: 50 });
      const fresh = await openPage(browser);
      const loaded: string[] = [];
      fresh.page.on('request', (request) => {
        if (request.resourceType() === 'script') loaded.push(chunkName(request.url()));
      });
      await fresh.page.goto(`${server.origin}/`);
      await fresh.page.evaluate((caseId) => {
        document.querySelector('cam-related-party-list')?.setAttribute('entity-id', caseId);
      }, large.caseId);
      await waitForText(list(fresh.page).locator('[part=count]'), /^250 parties$/);
      await list(fresh.page).locator('[role=row][data-record]').first().waitFor();
      assert.ok(loaded.includes('virtualize'), loaded.join(', '));
      // Only the rows in view are in the document.
      const shown = await list(fresh.page).locator('[role=row][data-record]').count();
      assert.ok(shown > 0 && shown < 250, `${shown} rows in the document`);
      assert.deepEqual(fresh.errors, []);
      await fresh.context.close();
    });

    it('says when the explanation cannot be loaded, keeps the level, and shows it after a reload', async () => {
      const fresh = await openPage(browser);
      const failing = gateChunk(fresh.page, 'badge-panel', 'fail');
      await failing.ready;
      await fresh.page.goto(`${server.origin}/`);
      const badge = rowOf(fresh.page, LOAN.attorney.name).locator('cam-effective-access-badge');
      await waitForText(badge.locator('[part=badge]'), /write/);
      await badge.locator('[part=badge]').click();
      const popover = badge.locator('[part=popover]');
      await waitForText(popover, /The explanation could not be loaded\. Reload the page to try again\./);
      assert.match(
        await popover.locator('#panel-title').innerText(),
        new RegExp(`${LOAN.attorney.name} on case .*: write`),
      );
      await failing.release();
      await fresh.page.reload();
      await waitForText(badge.locator('[part=badge]'), /write/);
      await badge.locator('[part=badge]').click();
      await waitForText(popover, new RegExp(`${LOAN.attorney.name} can `));
      assert.deepEqual(fresh.errors, []);
      await fresh.context.close();
    });

    // Before the retype below: these expect the attorney's level as seeded.
    it('says when the edit code cannot be loaded, and changes nothing', async () => {
      const fresh = await openPage(browser);
      const failing = gateChunk(fresh.page, 'party-edits', 'fail');
      await failing.ready;
      await fresh.page.goto(`${server.origin}/`);
      const row = rowOf(fresh.page, LOAN.attorney.name);
      await waitForText(row.locator('cam-effective-access-badge [part=badge]'), /write/);
      await row.getByRole('button', { name: `Actions for ${LOAN.attorney.name}` }).click();
      await row.getByRole('menuitem', { name: 'Remove' }).click();
      const confirm = list(fresh.page).locator('[part=confirm]');
      await confirm.getByRole('button', { name: `Remove ${LOAN.attorney.name}` }).click();
      await waitForText(
        list(fresh.page).locator('[part=banner]'),
        /Editing and searching related parties could not be loaded \(.*\)\. Reload the page and try again\./,
      );
      assert.equal(await rowOf(fresh.page, LOAN.attorney.name).count(), 1);
      assert.ok(getStore().get(DEFAULT_TABLE_MAP.caseParty.table, LOAN.parties.attorney));
      await failing.release();
      assert.deepEqual(fresh.errors, []);
      await fresh.context.close();
    });

    it('reads the definitions from the instance on a first visit only, not with a fresh cached copy', async () => {
      const fresh = await openPage(browser);
      const loaded: string[] = [];
      fresh.page.on('request', (request) => {
        if (request.resourceType() === 'script') loaded.push(chunkName(request.url()));
      });
      await fresh.page.goto(`${server.origin}/`);
      const badge = rowOf(fresh.page, LOAN.attorney.name).locator('cam-effective-access-badge [part=badge]');
      await waitForText(badge, /write/);
      assert.ok(loaded.includes('definitions-fetch') && loaded.includes('role-seed'), loaded.join(', '));
      // Same browser profile: the definitions are cached now, and fresh.
      loaded.length = 0;
      await fresh.page.reload();
      await waitForText(badge, /write/);
      assert.ok(loaded.includes('bundle'), loaded.join(', '));
      assert.ok(!loaded.includes('definitions-fetch') && !loaded.includes('role-seed'), loaded.join(', '));
      assert.deepEqual(fresh.errors, []);
      await fresh.context.close();
    });

    it("shows the rows before the engine's code has arrived; the badges' level follows it", async () => {
      const fresh = await openPage(browser);
      const held = gateChunk(fresh.page, 'engine-chunk', 'hold');
      await held.ready;
      await fresh.page.goto(`${server.origin}/`);
      const attorney = rowOf(fresh.page, LOAN.attorney.name);
      await attorney.waitFor();
      await until(() => held.held.length > 0, 'the request for the engine chunk');
      const badge = attorney.locator('cam-effective-access-badge [part=badge]');
      assert.equal(await badge.getAttribute('aria-busy'), 'true');
      await held.release();
      await waitForText(badge, /write/);
      assert.deepEqual(fresh.errors, []);
      await fresh.context.close();
    });

    it("says when the engine's code cannot be loaded, and still shows the rows", async () => {
      const { fresh, failing } = await badgeSaysWhenChunkFails(
        'engine-chunk',
        /The access engine could not be loaded \(.*\)\. Reload the page and try again\./,
      );
      // The rows need no engine (an earlier test removed the guarantor).
      assert.equal(await rowOf(fresh.page, LOAN.coBorrower.name).count(), 1);
      await failing.release();
      assert.deepEqual(fresh.errors, []);
      await fresh.context.close();
    });

    it('says when the definitions reader cannot be loaded on a first visit', async () => {
      // The rows come (they need no definitions); the badges say why they have no level.
      const { fresh, failing } = await badgeSaysWhenChunkFails(
        'definitions-fetch',
        /Reading the definitions from the instance could not be loaded \(.*\)\. Reload the page and try again\./,
      );
      await failing.release();
      assert.deepEqual(fresh.errors, []);
      await fresh.context.close();
    });

    it("retypes a party and removes one through a row's menu, its code loaded on first use", async () => {
      const fresh = await openPage(browser);
      const loaded: string[] = [];
      fresh.page.on('request', (request) => {
        if (request.resourceType() === 'script') loaded.push(chunkName(request.url()));
      });
      const held = gateChunk(fresh.page, 'row-menu-control', 'hold');
      await held.ready;
      await fresh.page.goto(`${server.origin}/`);
      const attorney = rowOf(fresh.page, LOAN.attorney.name);
      await waitForText(attorney.locator('cam-effective-access-badge [part=badge]'), /write/);
      assert.deepEqual(
        loaded.filter((name) => [...ROW_ACTIONS, 'party-edits'].includes(name)),
        [],
        'nothing of the row actions with the rows',
      );
      // From the keyboard, before the menu's code has arrived: the menu opens once it has.
      const button = attorney.getByRole('button', { name: `Actions for ${LOAN.attorney.name}` });
      await button.focus();
      await fresh.page.keyboard.press('ArrowDown');
      await until(() => held.held.length > 0, 'the row menu request');
      assert.equal(await button.getAttribute('aria-expanded'), 'false');
      await held.release();
      const change = attorney.getByRole('menuitem', { name: 'Change type' });
      await fresh.page.waitForFunction(
        () =>
          document.querySelector('cam-related-party-list')?.shadowRoot?.activeElement?.textContent?.trim() ===
          'Change type',
      );
      assert.equal(await button.getAttribute('aria-expanded'), 'true');
      assert.ok(await change.isVisible());
      // Change type: the picker loads now; the editor opens with the focus in it.
      await fresh.page.keyboard.press('Enter');
      const combobox = attorney.getByRole('combobox', { name: `Relationship type of ${LOAN.attorney.name}` });
      await combobox.waitFor();
      assert.ok(loaded.includes('cam-relationship-type-picker'), loaded.join(', '));
      await fresh.page.waitForFunction(
        () =>
          document.querySelector('cam-related-party-list')?.shadowRoot?.activeElement?.localName ===
          'cam-relationship-type-picker',
      );
      await combobox.click();
      await attorney.getByRole('option', { name: /^Authorized Contact/ }).click();
      // The edits' code was asked for when the menu opened: the save does not wait for it.
      assert.ok(loaded.includes('party-edits'), loaded.join(', '));
      await attorney.getByRole('button', { name: 'Save' }).click();
      await waitForText(attorney, /Authorized Contact/);
      const table = DEFAULT_TABLE_MAP.caseParty.table;
      await until(
        () =>
          getStore().get(table, LOAN.parties.attorney)?.type ===
          definitionSysId('relationshipType', 'case_authorized_contact'),
        'the retype on the server',
      );
      // Remove, after a confirmation saying whose access it lowers.
      const coBorrower = rowOf(fresh.page, LOAN.coBorrower.name);
      await coBorrower.getByRole('button', { name: `Actions for ${LOAN.coBorrower.name}` }).click();
      await coBorrower.getByRole('menuitem', { name: 'Remove' }).click();
      const confirm = list(fresh.page).locator('[part=confirm]');
      await waitForText(confirm, new RegExp(`Remove ${LOAN.coBorrower.name} from the related parties\\?`));
      await waitForText(confirm, new RegExp(`${LOAN.coBorrower.name}: write → no access`));
      await confirm.getByRole('button', { name: `Remove ${LOAN.coBorrower.name}` }).click();
      await until(() => getStore().get(table, LOAN.parties.coBorrower) === undefined, 'the removal');
      await fresh.page.waitForFunction(
        (name) =>
          ![
            ...(document
              .querySelector('cam-related-party-list')
              ?.shadowRoot?.querySelectorAll('[role=row]') ?? []),
          ].some((row) => row.textContent?.includes(name)),
        LOAN.coBorrower.name,
      );
      assert.deepEqual(fresh.errors, []);
      await fresh.context.close();
    });

    it('defines a picker placed straight in the document as soon as it appears', async () => {
      const fresh = await openPage(browser);
      const loaded: string[] = [];
      fresh.page.on('request', (request) => {
        if (request.resourceType() === 'script') loaded.push(chunkName(request.url()));
      });
      await fresh.page.goto(`${server.origin}/`);
      await rowOf(fresh.page, LOAN.attorney.name).waitFor();
      assert.ok(!loaded.includes('cam-relationship-type-picker'), loaded.join(', '));
      const defined = await fresh.page.evaluate(async () => {
        const picker = document.createElement('cam-relationship-type-picker');
        picker.setAttribute('applies-to', 'sn_customerservice_case');
        picker.setAttribute('party-type', 'consumer');
        picker.setAttribute('label', 'Type of a new party');
        document.querySelector('cam-provider')?.append(picker);
        await customElements.whenDefined('cam-relationship-type-picker');
        return picker.matches(':defined');
      });
      assert.ok(defined);
      assert.ok(loaded.includes('cam-relationship-type-picker'), loaded.join(', '));
      const combobox = fresh.page.getByRole('combobox', { name: 'Type of a new party' });
      await combobox.click();
      await fresh.page
        .getByRole('option', { name: /^Listed Consumer/ })
        .first()
        .waitFor();
      assert.deepEqual(fresh.errors, []);
      await fresh.context.close();
    });
  },
);
