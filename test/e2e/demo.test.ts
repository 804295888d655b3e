/**
 * Every test starts from a fresh console (seeded data, default settings, no cached definitions), so
 * each one can run alone and in any order.
 *
 * The demo workspace, built (`vite build`, base './') and served under a sub-path, driven in
 * Chromium like an agent would: stories, search, parties, add / retype / remove, offline, injected
 * 500s, another agent, reset. axe-core checks every state on the way.
 */
import { afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { STORY } from '../../mocks/seed/story.js';
import { expectAccessible } from './support/axe.js';
import { useBuiltDemo } from './support/built-demo.js';
import type { DemoPage } from './support/demo-page.js';
import { waitForCount, waitForText } from './support/wait.js';

const BASE_PATH = '/some/base/';
const loan = STORY.housingLoan;
const tom = STORY.nearMiss.caseContact;
const maya = STORY.nearMiss.contact;
const tracked = STORY.trackedProduct;
const inspectorOf = (principal: string, entity: string) =>
  `#/inspector?principal=${principal}&entity=${entity}`;

describe('demo workspace (built, under a sub-path)', { timeout: 150_000 }, () => {
  let page: Page;
  let errors: string[];
  let demo: DemoPage;
  let base: string;
  const builtDemo = useBuiltDemo(BASE_PATH);
  before(() => ({ page, errors, demo, base } = builtDemo()));

  // A fresh start: the seeded data, default settings, no cached definitions.
  beforeEach(async () => {
    await demo.open('#/');
    await page.evaluate(async () => {
      localStorage.clear();
      const names = (await indexedDB.databases()).map((info) => info.name ?? '');
      // Queued before the next page opens anything: its opens wait for these deletions.
      for (const name of names) indexedDB.deleteDatabase(name);
    });
    // A full load (opening the same URL again would only be a fragment navigation).
    await demo.reload();
  });

  afterEach(() => {
    assert.deepEqual(errors.splice(0), []);
  });

  it('starts the mock instance from the sub-path and tells the four stories', async () => {
    await demo.open('#/');
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
    assert.equal(scope, base);
    await waitForCount(page.locator('.story-card'), 4);
    await waitForText(demo.main, /A housing loan with three helpers/);
    // Keyboard: the first Tab reaches the skip link, which moves focus into <main> (no route change).
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await waitForCount(page.locator('.story-card'), 4);
    // The near miss: Maya has the responsibility, not the role, and her badge says so.
    const card = page.locator('.story-card').filter({ hasText: maya.name });
    await demo.expectLevel(card, 'none');
    await demo.badgeIn(card).click();
    await waitForText(card.locator('cam-effective-access-badge [part=popover]'), /case_authorized_contact/);
    await expectAccessible(page, 'landing page, near-miss explanation open');
    await page.keyboard.press('Escape');
    // The persona story: the customer admin works every case of her account through her role.
    const admin = page.locator('.story-card').filter({ hasText: STORY.persona.customerAdmin.name });
    await demo.expectLevel(admin, 'full');
  });

  it('searches the case list and opens a case with its related parties', async () => {
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await waitForText(demo.main, /Showing 1–25 of \d+ cases/);
    await expectAccessible(page, 'case list');
    // A value the encoded query cannot carry is refused with a message, not pasted into the query.
    await page.getByRole('searchbox', { name: 'Search cases' }).fill('loan^ORnumber');
    await waitForText(page.locator('.error-box'), /cannot contain "\^"/);
    // "=" too, and a Retry that could never help is not offered.
    await page.getByRole('searchbox', { name: 'Search cases' }).fill('number=CS');
    await waitForText(
      page.locator('.error-box'),
      /cannot contain "\^", "="[^.]*: the instance's query language/,
    );
    await waitForCount(page.locator('.error-box').getByRole('button', { name: 'Retry' }), 0);
    await page.getByRole('searchbox', { name: 'Search cases' }).fill('housing loan');
    await waitForText(demo.main, /Showing 1–1 of 1 cases/);
    await page.getByRole('link', { name: loan.caseNumber }).click();
    await waitForText(page.locator('h1'), new RegExp(loan.caseNumber));
    for (const [name, type] of [
      [loan.coBorrower.name, 'Co-borrower'],
      [loan.guarantor.name, 'Guarantor'],
      [loan.attorney.name, 'Attorney'],
    ] as const) {
      await waitForText(demo.partyRow(name), new RegExp(`${type}[\\s\\S]*Authorized Representative`));
      await demo.expectLevel(demo.partyRow(name), 'write');
    }
    await expectAccessible(page, 'case with related parties');
  });

  it('fits a 390 px window: no sideways scrolling, every row’s access and actions reachable (axe clean)', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    try {
      await demo.go(`#/case/${loan.caseId}`);
      await waitForText(demo.partyRow(loan.attorney.name), /Attorney/);
      for (const who of [loan.coBorrower, loan.guarantor, loan.attorney]) {
        const row = demo.partyRow(who.name);
        await demo.expectLevel(row, '(none|read|write|full)');
        const actions = row.getByRole('button', { name: `Actions for ${who.name}` });
        const box = await actions.boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `${who.name}'s actions inside the window`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
      await expectAccessible(page, 'case at 390 px');
    } finally {
      await page.setViewportSize({ width: 1360, height: 900 });
    }
  });

  it('shows the sold product and install base of the tracked-product story with their parties', async () => {
    await demo.go(`#/sold-product/${tracked.soldProductId}`);
    await waitForText(demo.partyList, new RegExp(`${tracked.finance.name}[\\s\\S]*Renewals Contact`));
    await waitForText(demo.partyList, new RegExp(`${tracked.operations.name}[\\s\\S]*Maintenance Contact`));
    await waitForText(demo.main, new RegExp(tracked.cases[0].number));
    await expectAccessible(page, 'sold product');
    await page.getByRole('link', { name: /Fleet Telematics Gateway @ Rotterdam depot$/ }).click();
    await waitForText(demo.partyList, new RegExp(tracked.serviceOrganization.name));
    await expectAccessible(page, 'install base root');
    // The sold product's parties reach its install base: Fiona reads it (the CLI says so too).
    await demo.go(inspectorOf(`contact:${tracked.finance.id}`, `install_base:${tracked.installBase.rootId}`));
    await demo.expectLevel(page.locator('section').filter({ hasText: 'Effective access of' }), 'read');
    // The deep link fills the Explain form by name and explains: one plain sentence first.
    const inspector = page.locator('cam-access-inspector');
    await waitForText(
      inspector.locator('.explanation .summary'),
      new RegExp(
        `^${tracked.finance.name} can read this install base item as Renewals Contact on its sold product ${tracked.soldProductName}\\.$`,
      ),
    );
    assert.equal(
      await inspector.getByRole('combobox', { name: 'Person Name' }).inputValue(),
      tracked.finance.name,
    );
  });

  it('adds a party: default responsibility, who-gains-what preview, save, badge changes; then removes it', async () => {
    await demo.go(inspectorOf(`contact:${tom.id}`, `case:${loan.caseId}`));
    const subject = page.locator('section').filter({ hasText: 'Effective access of' });
    await demo.expectLevel(subject, 'none');
    await waitForText(page.locator('cam-access-inspector'), /Explain/);
    await expectAccessible(page, 'inspector, explain tab');

    await demo.go(`#/case/${loan.caseId}`);
    await demo.partyList.getByRole('button', { name: 'Add party' }).first().click();
    const dialog = demo.addDialog;
    await dialog.getByRole('combobox', { name: 'Find a contact' }).fill(tom.name);
    await dialog.getByRole('option', { name: new RegExp(tom.name) }).click();
    await dialog.getByRole('combobox', { name: 'Relationship type' }).click();
    await dialog.getByRole('option', { name: /^Authorized Contact/ }).click();
    await waitForText(dialog, /Responsibility: Authorized Representative/);
    await waitForText(dialog, new RegExp(`${tom.name}: none\\s*→\\s*write on ${loan.caseNumber}`));
    await expectAccessible(page, 'add-party dialog with preview');
    await dialog.getByRole('button', { name: 'Add party' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await waitForText(demo.announcer, new RegExp(`${tom.name} was added as Authorized Contact`));
    await demo.expectLevel(demo.partyRow(tom.name), 'write');

    await demo.go(inspectorOf(`contact:${tom.id}`, `case:${loan.caseId}`));
    await demo.expectLevel(subject, 'write');

    await demo.go(`#/case/${loan.caseId}`);
    await demo.rowAction(tom.name, 'Remove');
    await expectAccessible(page, 'remove confirmation');
    await demo.partyList.locator('[data-confirm=remove]').click();
    await waitForText(demo.announcer, new RegExp(`${tom.name} was removed`));
    await waitForCount(demo.partyRow(tom.name), 0);
    // The notification goes away on its own.
    await waitForText(demo.announcer, /^$/, 20_000);
  });

  it('retypes a party (the responsibility follows, the access too) and keeps it across a reload', async () => {
    await demo.go(`#/case/${loan.caseId}`);
    const row = demo.partyRow(loan.guarantor.name);
    await demo.rowAction(loan.guarantor.name, 'Change type');
    await row.getByRole('combobox', { name: `Relationship type of ${loan.guarantor.name}` }).click();
    await row.getByRole('option', { name: /^Listed Consumer/ }).click();
    await expectAccessible(page, 'retype in progress');
    await row.getByRole('button', { name: 'Save' }).click();
    await waitForText(demo.announcer, new RegExp(`${loan.guarantor.name} is now Listed Consumer`));
    // The notification sits above the content, covering none of it, and can be dismissed.
    const [notice, main] = await Promise.all([demo.notice.boundingBox(), demo.main.boundingBox()]);
    assert.ok(notice && main && notice.y + notice.height <= main.y, 'the notification covers no content');
    await demo.notice.getByRole('button', { name: 'Dismiss notification' }).click();
    await waitForText(demo.announcer, /^$/);
    await demo.expectLevel(demo.partyRow(loan.guarantor.name), 'none');
    await demo.reload();
    await waitForText(demo.partyRow(loan.guarantor.name), /Listed Consumer/);
  });

  it('goes offline: loaded answers stay, and after a reload the inspector answers from the cache', async () => {
    const mayaCard = page.locator('.story-card').filter({ hasText: maya.name });
    await demo.go('#/');
    await demo.expectLevel(mayaCard, 'none');
    await demo.go(`#/case/${loan.caseId}`);
    await demo.expectLevel(demo.partyRow(loan.coBorrower.name), 'write');
    await demo.offline.check();
    await waitForText(page.locator('.offline-banner'), /offline/);
    // Without a reload, what was loaded this session still answers (the console's own case read fails).
    await demo.go('#/');
    await demo.expectLevel(mayaCard, 'none');
    await demo.go(`#/case/${loan.caseId}`);
    await waitForText(page.locator('.error-box'), /cannot be reached/);
    await demo.expectLevel(demo.partyRow(loan.coBorrower.name), 'write');
    await expectAccessible(page, 'offline, loaded case');

    await demo.go(inspectorOf(`contact:${maya.id}`, `case:${STORY.nearMiss.caseId}`));
    await demo.reload();
    const inspector = page.locator('cam-access-inspector');
    // Checked less than definitions-interval ago: the cached rules are used without asking the
    // instance (so nothing says offline yet; the facts, which are never cached, say it).
    await waitForText(inspector, /Cached (just now|\d+ seconds? ago)/);
    await inspector.getByRole('tab', { name: 'Roles', exact: true }).click();
    await waitForText(inspector, /Case Authorized Contributor/);
    await expectAccessible(page, 'offline inspector after a reload');
    // Parties and roles held are never cached: after a reload the list says it cannot load them.
    await demo.go(`#/case/${loan.caseId}`);
    await waitForText(demo.partyList, /could not be loaded/);
    await expectAccessible(page, 'offline case after a reload');
    await demo.offline.uncheck();
    await demo.partyList.getByRole('button', { name: 'Retry' }).click();
    await waitForText(demo.partyRow(loan.coBorrower.name), /Co-borrower/);
  });

  it('injects 500s: a clear error, Retry works, nothing is lost', async () => {
    await demo.go(`#/case/${loan.caseId}`);
    await waitForText(demo.partyRow(loan.coBorrower.name), /Co-borrower/);
    await demo.errors.selectOption({ label: 'Every request' });
    const row = demo.partyRow(loan.coBorrower.name);
    await demo.rowAction(loan.coBorrower.name, 'Change type');
    await row.getByRole('combobox', { name: `Relationship type of ${loan.coBorrower.name}` }).click();
    await row.getByRole('option', { name: /^Guarantor/ }).click();
    await row.getByRole('button', { name: 'Save' }).click();
    const banner = demo.partyList.locator('[part=banner]');
    await waitForText(
      banner,
      new RegExp(`Could not change the relationship type of ${loan.coBorrower.name} to Guarantor`),
    );
    await expectAccessible(page, 'refused change');
    // The agent's change is kept: once the errors stop, Retry next to the error saves it.
    await demo.errors.selectOption({ label: 'None' });
    await banner.getByRole('button', { name: 'Retry' }).click();
    await waitForText(demo.partyRow(loan.coBorrower.name), /Guarantor/);
    await waitForText(banner, /^$/);
    await demo.expectLevel(demo.partyRow(loan.coBorrower.name), '(none|read|write|full)');
    await demo.errors.selectOption({ label: 'Every request' });
    await demo.reload();
    await waitForText(page.locator('.error-box'), /The instance answered 500/);
    await expectAccessible(page, 'case with 500s');
    await demo.errors.selectOption({ label: 'None' });
    await page.locator('.error-box').getByRole('button', { name: 'Retry' }).click();
    await waitForText(page.locator('h1'), new RegExp(loan.caseNumber));
    await demo.partyList.getByRole('button', { name: 'Retry' }).click();
    await waitForText(demo.partyRow(loan.coBorrower.name), /Guarantor/);
    await waitForText(demo.partyRow(loan.guarantor.name), /Guarantor/);
  });

  it('signs in as another agent (a definitions cache of its own) and resets the data', async () => {
    const { agent, caseViewer } = STORY.agents;
    await demo.go('#/inspector');
    const inspector = page.locator('cam-access-inspector');
    await inspector.getByRole('tab', { name: 'Status' }).click();
    await waitForText(inspector, new RegExp(`User\\s+${agent.id}[\\s\\S]*`));
    // Read from the instance on this first visit; after a reload the agent's own cache answers.
    await waitForText(inspector, /The instance \(read over the network\)/);
    await demo.reload();
    await inspector.getByRole('tab', { name: 'Status' }).click();
    await waitForText(inspector, /The cache on this device/);
    await expectAccessible(page, 'inspector status');
    await demo.signedInAs.selectOption({ label: `${caseViewer.name} (case viewer)` });
    await waitForText(inspector, new RegExp(`User\\s+${caseViewer.id}`));
    await waitForText(inspector, /The instance \(read over the network\)/);
    await demo.signedInAs.selectOption({ label: `${agent.name} (agent)` });
    await waitForText(inspector, new RegExp(`User\\s+${agent.id}`));

    // Change something, so the reset has something to undo.
    await demo.go(`#/case/${loan.caseId}`);
    const row = demo.partyRow(loan.guarantor.name);
    await demo.rowAction(loan.guarantor.name, 'Change type');
    await row.getByRole('combobox', { name: `Relationship type of ${loan.guarantor.name}` }).click();
    await row.getByRole('option', { name: /^Listed Consumer/ }).click();
    await row.getByRole('button', { name: 'Save' }).click();
    await waitForText(demo.announcer, new RegExp(`${loan.guarantor.name} is now Listed Consumer`));

    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Reset data' }).click();
    await reloaded;
    await page.waitForSelector('body[data-ready]');
    await demo.go(`#/case/${loan.caseId}`);
    await waitForText(demo.partyRow(loan.guarantor.name), /Guarantor/);
  });
});
