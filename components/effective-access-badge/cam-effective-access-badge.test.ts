import { expect } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { freshUserId, renderInProvider, until, useElementFixtures } from '../../test/support/fixtures.js';
import { getStore } from '../../mocks/db.js';
import { faults, requestLog } from '../../mocks/faults.js';
import { definitionSysId } from '../../mocks/seed/rows.js';
import { STORY } from '../../mocks/seed/story.js';
import './cam-effective-access-badge.js';
import type { CamEffectiveAccessBadge } from './cam-effective-access-badge.component.js';

const CASE = 'sn_customerservice_case';
/** The case's party table: the first read of a case's facts (the case comes with it). */
const CASE_PARTY = 'sn_customerservice_related_party';
const SOLD_PRODUCT = 'sn_install_base_sold_product';
const LOAN = STORY.housingLoan;
const NEAR = STORY.nearMiss;
const TRACKED = STORY.trackedProduct;
const DEFINITION_TABLES = [
  'sys_user_role',
  'sys_user_role_contains',
  'sn_customerservice_responsibility_def',
  'sn_customerservice_responsibility_access_config',
  'sn_customerservice_related_party_configuration',
];

const root = (el: CamEffectiveAccessBadge): ShadowRoot => el.shadowRoot as ShadowRoot;
const badge = (el: CamEffectiveAccessBadge): HTMLButtonElement =>
  root(el).querySelector('button[part=badge]') as HTMLButtonElement;
const panel = (el: CamEffectiveAccessBadge): HTMLElement =>
  root(el).querySelector('[part=popover]') as HTMLElement;
const text = (node: Element | null | undefined): string =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const isOpen = (el: CamEffectiveAccessBadge): boolean => panel(el).matches(':popover-open');

/** Renders a badge in a fresh provider and waits for its answer (a level or an error). */
async function render(
  content: TemplateResult,
  options: { userId?: string; definitionsInterval?: number } = {},
): Promise<CamEffectiveAccessBadge> {
  const { element } = await renderInProvider<CamEffectiveAccessBadge>(
    content,
    'cam-effective-access-badge',
    options,
  );
  return resolved(element);
}

async function resolved(el: CamEffectiveAccessBadge): Promise<CamEffectiveAccessBadge> {
  await until(() => root(el).querySelector('button[part=badge]') !== null, 'an answer');
  await el.updateComplete;
  return el;
}

async function open(el: CamEffectiveAccessBadge): Promise<void> {
  badge(el).click();
  await until(() => isOpen(el) && badge(el).getAttribute('aria-expanded') === 'true', 'the popover to open');
  // The explanation tree's code loads on the first open.
  await until(() => root(el).querySelector('[part=popover] .loading') === null, 'the explanation');
  await el.updateComplete;
}

const caseBadge = (kind: string, id: string, caseId: string = LOAN.caseId): TemplateResult =>
  html`<cam-effective-access-badge
    principal-type=${kind}
    principal-id=${id}
    entity-table=${CASE}
    entity-id=${caseId}
  ></cam-effective-access-badge>`;

describe('<cam-effective-access-badge>', () => {
  useElementFixtures();

  it('is accessible, closed and open', async () => {
    const el = await render(caseBadge('consumer', LOAN.coBorrower.id));
    await expect(el).to.be.accessible();
    await open(el);
    await expect(el).to.be.accessible();
  });

  it('shows write for the housing loan co-borrower, with the grant path as a nested list', async () => {
    const el = await render(caseBadge('consumer', LOAN.coBorrower.id));
    expect(el.level).to.equal('write');
    expect(badge(el).dataset.level).to.equal('write');
    expect(text(badge(el))).to.equal('write');
    expect(badge(el).getAttribute('aria-label')).to.equal('write access, show why');
    expect(el.explanation?.grants.length).to.be.greaterThan(0);
    await open(el);
    expect(text(root(el).getElementById('panel-title'))).to.equal('Daniel Marquez on case CS0001001: write');
    // One plain sentence first; the steps below it, collapsed.
    expect(text(root(el).querySelector('.summary'))).to.equal(
      'Daniel Marquez can read and change this case as its Co-borrower.',
    );
    const steps = root(el).querySelector('details.steps') as HTMLDetailsElement;
    expect(steps.open).to.equal(false);
    expect(steps.querySelector('.tree')).to.not.equal(null);
    const path = root(el).querySelector('.tree .path') as HTMLElement;
    expect(text(path)).to.match(/^Party record on case CS0001001 — type “Co-borrower”/);
    // record → reach → responsibility → access config → roles and granular roles → result
    expect(
      path.querySelector('ul > li > ul > li > ul > li > ul > li > ul > li > ul > li.result'),
    ).to.not.equal(null);
    expect(text(path)).to.include('Named directly on the record');
    expect(text(path)).to.include('Responsibility Authorized Representative');
    expect(text(path)).to.include('Access configuration: case, write');
    expect(text(path.querySelector('li.held'))).to.match(
      /^Requires role sn_customerservice\.case_authorized_consumer — held ✓/,
    );
    expect(text(path)).to.include(
      'Granular roles on case: sn_customerservice.case_create_granular (create), sn_customerservice.case_read_granular (read), sn_customerservice.case_write_granular (write) — allow full',
    );
    expect(text(path.querySelector('.result'))).to.equal('Result: write (read, write)');
  });

  it('shows none for the contact who lacks the role, with the near miss reason', async () => {
    const el = await render(caseBadge('contact', NEAR.contact.id, NEAR.caseId));
    expect(el.level).to.equal('none');
    await open(el);
    const misses = [...root(el).querySelectorAll('.near-miss')].map((li) => text(li));
    expect(misses).to.include(
      `✗ has responsibility Authorized Representative on case ${NEAR.caseNumber} but lacks role ${NEAR.missingRole}`,
    );
    expect(text(root(el).querySelector('.tree'))).to.include('No path grants access.');
    expect(text(root(el).querySelector('.summary'))).to.equal(
      `${NEAR.contact.name} has no access to this case. Nearest miss: ${NEAR.contact.name} has responsibility Authorized Representative on case ${NEAR.caseNumber} but lacks role ${NEAR.missingRole}.`,
    );
    await expect(el).to.be.accessible();
  });

  it('opens with Enter or Space, closes with Escape and returns focus to the badge', async () => {
    const el = await render(caseBadge('contact', LOAN.attorney.id));
    badge(el).focus();
    await sendKeys({ press: 'Enter' });
    await until(() => isOpen(el), 'Enter to open');
    await el.updateComplete;
    expect(badge(el).getAttribute('aria-expanded')).to.equal('true');
    expect(badge(el).getAttribute('aria-controls')).to.equal(panel(el).id);
    expect(panel(el).getAttribute('role')).to.equal('dialog');
    expect(root(el).activeElement).to.equal(panel(el), 'focus moves into the dialog');
    await sendKeys({ press: 'Escape' });
    await until(() => !isOpen(el), 'Escape to close');
    await el.updateComplete;
    expect(badge(el).getAttribute('aria-expanded')).to.equal('false');
    expect(root(el).activeElement).to.equal(badge(el));
    await sendKeys({ press: 'Space' });
    await until(() => isOpen(el), 'Space to open');
  });

  it('says when the answer comes from cached rules, and how old they are', async () => {
    const userId = freshUserId();
    const first = await render(caseBadge('consumer', LOAN.coBorrower.id), { userId });
    await open(first);
    expect(root(first).querySelector('[part=source-note]')).to.equal(null, 'fresh rules need no note');
    first.closest('cam-provider')?.remove();

    const second = await render(caseBadge('consumer', LOAN.coBorrower.id), { userId });
    expect(second.level).to.equal('write');
    await open(second);
    expect(text(root(second).querySelector('[part=source-note]'))).to.match(
      /^Based on cached rules from \d+ seconds? ago\.$/,
    );
    await expect(second).to.be.accessible();
  });

  it('flags cached rules the instance could not confirm as offline', async () => {
    const userId = freshUserId();
    const first = await render(caseBadge('consumer', LOAN.coBorrower.id), { userId });
    first.closest('cam-provider')?.remove();
    faults.set({ offline: true, tables: DEFINITION_TABLES });
    // Checked with the server on every load (interval 0), not trusted for 15 minutes.
    const second = await render(caseBadge('consumer', LOAN.coBorrower.id), {
      userId,
      definitionsInterval: 0,
    });
    // The background revalidation fails (after its retries), the snapshot turns offline, the badge re-evaluates.
    await until(
      () => second.shadowRoot?.querySelector('button[part=badge][aria-busy=false]') !== null,
      'settle',
    );
    await open(second);
    await until(() => root(second).querySelector('.offline') !== null, 'the offline flag', 8000);
    expect(text(root(second).querySelector('[part=source-note]'))).to.match(
      /^Based on cached rules from \d+ seconds? ago\. Offline: the instance could not be reached\.$/,
    );
    expect(second.level).to.equal('write');
  });

  it('marks the answer incomplete when a rules table cannot be read', async () => {
    faults.set({ forbiddenTables: ['sys_user_role_contains'] });
    const el = await render(caseBadge('consumer', LOAN.coBorrower.id));
    expect(el.level).to.be.a('string');
    expect(root(el).querySelector('.marker')).to.not.equal(null);
    expect(badge(el).getAttribute('aria-label')).to.match(/^\w+ access, answer incomplete, show why$/);
    await open(el);
    const note = text(root(el).querySelector('[part=incomplete-note]'));
    expect(note).to.match(/^Answer incomplete: sys_user_role_contains could not be read/);
    await expect(el).to.be.accessible();
  });

  it('marks the answer incomplete when the roles held cannot be read', async () => {
    faults.set({ forbiddenTables: ['sys_user_has_role'] });
    const el = await render(caseBadge('consumer', LOAN.coBorrower.id));
    expect(el.level).to.equal('none', 'without roles nothing is granted');
    await open(el);
    expect(text(root(el).querySelector('[part=incomplete-note]'))).to.include(
      'sys_user_has_role could not be read',
    );
  });

  it('shows "?" with the error and a Retry that recovers', async () => {
    faults.set({ errorRate: [{ status: 500, rate: 1 }], tables: [CASE_PARTY] });
    const el = await render(caseBadge('consumer', LOAN.coBorrower.id));
    expect(el.level).to.equal(undefined);
    expect(text(badge(el))).to.equal('?');
    expect(badge(el).getAttribute('aria-label')).to.equal('Access unknown, show why');
    expect(badge(el).dataset.level).to.equal('unknown');
    await open(el);
    expect(text(root(el).querySelector('[role=alert]'))).to.not.equal('');
    await expect(el).to.be.accessible();
    faults.reset();
    (root(el).querySelector('button.retry') as HTMLButtonElement).click();
    await until(() => el.level === 'write', 'the retried answer');
  });

  it('shows a skeleton, marked busy, while loading', async () => {
    faults.set({ latencyMs: 1000, tables: [CASE_PARTY] });
    const { element } = await renderInProvider<CamEffectiveAccessBadge>(
      caseBadge('consumer', LOAN.coBorrower.id),
      'cam-effective-access-badge',
    );
    const skeleton = root(element).querySelector('[part=badge]');
    expect(skeleton?.getAttribute('aria-busy')).to.equal('true');
    expect(text(skeleton)).to.equal('Checking access…');
    await expect(element).to.be.accessible();
    await resolved(element);
  });

  it('shows the highest level of an account party and each member in the popover', async () => {
    getStore().insert('sn_install_base_sold_product_related_party', {
      sold_product: TRACKED.soldProductId,
      account: TRACKED.account.id,
      type: definitionSysId('relationshipType', 'sold_product_authorized_account'),
      responsibility: definitionSysId('responsibility', 'authorized_account'),
    });
    const el = await render(
      html`<cam-effective-access-badge
        party-type="account"
        party-id=${TRACKED.account.id}
        entity-table=${SOLD_PRODUCT}
        entity-id=${TRACKED.soldProductId}
      ></cam-effective-access-badge>`,
    );
    expect(el.level).to.equal('read');
    const names = (el.members ?? []).map((member) => member.principalLabel);
    expect(names).to.include.members([TRACKED.finance.name, TRACKED.operations.name]);
    await open(el);
    expect(text(root(el).getElementById('panel-title'))).to.equal(
      `${TRACKED.account.name} on sold product ${TRACKED.soldProductName}: read`,
    );
    const rows = [...root(el).querySelectorAll('.members > li')].map((li) => ({
      name: text(li.querySelector('.member')),
      level: li.querySelector(':scope > .level')?.getAttribute('data-level'),
    }));
    expect(rows).to.deep.include({ name: TRACKED.finance.name, level: 'read' });
    expect(text(root(el).querySelector('.members'))).to.include(
      `As a contact of account ${TRACKED.account.name}`,
    );
    await expect(el).to.be.accessible();
  });

  it('shares one load of the entity between many badges', async () => {
    const { provider } = await renderInProvider<CamEffectiveAccessBadge>(
      html`${caseBadge('consumer', LOAN.coBorrower.id)}${caseBadge('consumer', LOAN.guarantor.id)}${caseBadge('contact', LOAN.attorney.id)}`,
      'cam-effective-access-badge',
    );
    const badges = [...provider.querySelectorAll('cam-effective-access-badge')];
    await Promise.all(badges.map(resolved));
    expect(badges.map((b) => b.level)).to.deep.equal(['write', 'write', 'write']);
    // One load: the case's parties read once, the case with them.
    expect(requestLog.count({ method: 'GET', table: CASE_PARTY })).to.equal(1);
    expect(requestLog.count({ method: 'GET', table: CASE })).to.equal(0);
  });

  it('re-evaluates when the access service invalidates its entity', async () => {
    const { provider, element } = await renderInProvider<CamEffectiveAccessBadge>(
      caseBadge('contact', NEAR.contact.id, NEAR.caseId),
      'cam-effective-access-badge',
    );
    await resolved(element);
    expect(element.level).to.equal('none');
    const role = getStore()
      .all('sys_user_role')
      .find((row) => row.name === NEAR.missingRole);
    getStore().insert('sys_user_has_role', { user: NEAR.contact.id, role: role?.sys_id ?? '' });
    const access = provider.current?.access;
    if (!access) throw new Error('no services');
    // Count what the badge asks for: a re-run reads the (cached) entity again, which the level alone cannot show.
    const asked: string[] = [];
    const forEntity = access.forEntity.bind(access);
    access.forEntity = (entity, options) => (
      asked.push(`${entity.kind}:${entity.id}`),
      forEntity(entity, options)
    );
    requestLog.clear();
    access.invalidate({ kind: 'sold_product', id: TRACKED.soldProductId });
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked, 'another entity changed: no re-evaluation').to.deep.equal([]);
    expect(requestLog.count(), 'another entity changed: nothing re-read').to.equal(0);
    access.invalidate({ kind: 'case', id: NEAR.caseId });
    await until(() => element.level === 'write', 'the re-evaluated level');
    expect(asked).to.deep.equal([`case:${NEAR.caseId}`]);
    expect(
      requestLog.count({ method: 'GET', table: 'sys_user_has_role' }),
      'roles held re-read',
    ).to.be.greaterThan(0);
  });

  it('takes principal-kind and party-kind; principal-type and party-type stay as aliases', async () => {
    const modern = await render(
      html`<cam-effective-access-badge
        principal-kind="contact"
        principal-id=${LOAN.attorney.id}
        entity-table=${CASE}
        entity-id=${LOAN.caseId}
      ></cam-effective-access-badge>`,
    );
    await until(() => modern.level !== undefined, 'the level');
    expect(modern.level).to.equal('write');
    const group = await render(
      html`<cam-effective-access-badge
        party-kind="household"
        party-id=${LOAN.household.id}
        entity-table=${CASE}
        entity-id=${LOAN.caseId}
      ></cam-effective-access-badge>`,
    );
    const legacy = await render(
      html`<cam-effective-access-badge
        party-type="household"
        party-id=${LOAN.household.id}
        entity-table=${CASE}
        entity-id=${LOAN.caseId}
      ></cam-effective-access-badge>`,
    );
    await until(() => group.level !== undefined && legacy.level !== undefined, 'both group levels');
    expect(group.members?.map((m) => m.principal.id)).to.deep.equal(
      legacy.members?.map((m) => m.principal.id),
    );
    expect(group.level).to.equal(legacy.level);
  });

  it('re-evaluates when its attributes change', async () => {
    const el = await render(caseBadge('contact', NEAR.contact.id, NEAR.caseId));
    el.setAttribute('principal-id', NEAR.caseContact.id);
    await until(() => el.level === 'write', 'the case contact’s level');
    expect(el.explanation?.principalLabel).to.equal(NEAR.caseContact.name);
  });

  it('renders HTML in names as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    getStore().update('csm_consumer', LOAN.coBorrower.id, { name: evil });
    const el = await render(caseBadge('consumer', LOAN.coBorrower.id));
    await open(el);
    expect(text(root(el).getElementById('panel-title'))).to.equal(`${evil} on case CS0001001: write`);
    expect(root(el).querySelector('img')).to.equal(null);
  });
});
