/**
 * Hostile data in every element: markup in names, type and responsibility names, role titles and
 * descriptions, a case's description and a server error message; `javascript:` text; 100,000
 * characters; right-to-left overrides and zero-width characters. All of it must render as inert
 * text: no element, attribute or script made from data, anywhere in any shadow root.
 */
import { expect } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import { http, HttpResponse } from 'msw';
import {
  renderInProvider,
  until,
  useElementFixtures,
  ignoreResizeObserverLoop,
} from '../support/fixtures.js';
import { getStore } from '../../mocks/db.js';
import { definitionSysId, STORY } from '../../mocks/seed/index.js';
import '../../components/related-party-list/cam-related-party-list.js';
import '../../components/effective-access-badge/cam-effective-access-badge.js';
import '../../components/relationship-type-picker/cam-relationship-type-picker.js';
import '../../components/add-party-dialog/cam-add-party-dialog.js';
import '../../components/access-inspector/cam-access-inspector.js';
import '../../components/access-review/cam-access-review.js';
import { REVIEW_STORY } from '../../mocks/seed/review-story.js';
import type { CamAddPartyDialog } from '../../components/add-party-dialog/cam-add-party-dialog.component.js';
import { deepQuery, deepQueryAll, deepText, injected, sleep } from './dom.js';
import { map } from './support.js';

const LOAN = STORY.housingLoan;
const CASE_TABLE = map.case.table;
/** Each payload would set window.__camXss if it ever became markup or code. */
const XSS = {
  img: `<img src=x onerror="window.__camXss='img'">`,
  script: `<script>window.__camXss='script'</script>`,
  svg: `<svg onload="window.__camXss='svg'">`,
  link: `javascript:window.__camXss='link'`,
  iframe: `<iframe srcdoc="<script>parent.__camXss='iframe'</script>">`,
  bidi: '\u202eexe.live\u202c\u200b\u200f',
};
const HUGE = 'R'.repeat(100_000);
const REPRESENTATIVE = definitionSysId('responsibility', 'authorized_representative');
const CONTACT_ROLE = 'sn_customerservice.case_authorized_contact';

/** Puts hostile text into every field the elements show. */
function seedHostileData(): void {
  const store = getStore();
  store.update(map.contact.table, LOAN.attorney.id, { name: `${XSS.img} James` });
  store.update(map.consumer.table, LOAN.coBorrower.id, { name: `${XSS.script} Daniel` });
  store.update(map.consumer.table, LOAN.guarantor.id, { name: `${XSS.bidi}${HUGE}` });
  store.update(map.relationshipType.table, LOAN.relationshipTypes.coBorrower.id, {
    name: `${XSS.svg} Co-borrower`,
    description: XSS.iframe,
  });
  store.update(map.responsibility.table, REPRESENTATIVE, { name: `${XSS.link} Representative` });
  const role = store.all(map.role.table).find((r) => r.name === CONTACT_ROLE);
  if (role?.sys_id)
    store.update(map.role.table, role.sys_id, { title: `<b>${XSS.img}</b>`, description: XSS.iframe });
  store.update(map.case.table, LOAN.caseId, { short_description: XSS.svg });
}

const xssFired = (): unknown => (window as { __camXss?: unknown }).__camXss;

/** The element's whole rendering is inert: nothing injected, no script ran. */
async function assertInert(root: Element): Promise<void> {
  await sleep(50); // an onerror/onload handler would have run by now
  expect(injected(root), 'elements made from data').to.deep.equal([]);
  expect(xssFired(), 'a payload ran').to.equal(undefined);
}

async function render<E extends HTMLElement>(template: TemplateResult, selector: string): Promise<E> {
  return (await renderInProvider<E>(template, selector)).element;
}

describe('reliability: hostile text renders as inert text in every element', () => {
  const worker = useElementFixtures();
  ignoreResizeObserverLoop();
  beforeEach(seedHostileData);
  afterEach(() => delete (window as { __camXss?: unknown }).__camXss);

  it('<cam-related-party-list>: names, types, responsibilities, 100k characters, bidi controls', async () => {
    const start = performance.now();
    const list = await render(
      html`<cam-related-party-list
        entity-table=${CASE_TABLE}
        entity-id=${LOAN.caseId}
      ></cam-related-party-list>`,
      'cam-related-party-list',
    );
    await until(() => deepQueryAll(list, '[part~="row"]').length === 3, 'three rows', 8000);
    expect(performance.now() - start).to.be.below(8000);
    const text = deepText(list);
    expect(text).to.include(XSS.img);
    expect(text).to.include(XSS.script);
    expect(text).to.include(XSS.svg);
    expect(text).to.include(XSS.link);
    const huge = deepQueryAll(list, '[part~="name-cell"]').find((cell) =>
      (cell.textContent ?? '').includes(HUGE),
    );
    expect(huge?.textContent).to.include(XSS.bidi);
    await until(() => deepQueryAll(list, '[part="badge"][data-level]').length >= 3, 'the badges');
    await assertInert(list);
  });

  it('<cam-related-party-list>: a server error message with markup is shown as text', async () => {
    worker.use(
      http.patch(`*/api/now/table/${map.caseParty.table}/:id`, () =>
        HttpResponse.json(
          { error: { message: XSS.img, detail: XSS.script }, status: 'failure' },
          { status: 400 },
        ),
      ),
    );
    const list = await render(
      html`<cam-related-party-list
        entity-table=${CASE_TABLE}
        entity-id=${LOAN.caseId}
      ></cam-related-party-list>`,
      'cam-related-party-list',
    );
    await until(() => deepQueryAll(list, '[part~="row"]').length === 3, 'three rows');
    const row = deepQueryAll(list, '[part~="row"]').find((r) => r.textContent?.includes('Daniel'));
    row?.querySelector<HTMLButtonElement>('[data-action="edit"]')?.click();
    const picker = await waitFor(list, 'cam-relationship-type-picker');
    await until(
      () => deepQueryAll(picker, '[role="option"]').length > 0 || pickerReady(picker),
      'the picker',
    );
    (picker as HTMLElement & { value: string }).value = LOAN.relationshipTypes.guarantor.id;
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await (list as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const save = deepQueryAll<HTMLButtonElement>(list, '.edit-actions button.primary')[0];
    save?.click();
    await until(
      () => deepQuery(list, '[part="banner"]')?.textContent?.includes('onerror') ?? false,
      'the banner',
    );
    await assertInert(list);
  });

  it('<cam-effective-access-badge>: the explanation popover', async () => {
    const badge = await render(
      html`<cam-effective-access-badge
        principal-type="consumer"
        principal-id=${LOAN.coBorrower.id}
        entity-table=${CASE_TABLE}
        entity-id=${LOAN.caseId}
      ></cam-effective-access-badge>`,
      'cam-effective-access-badge',
    );
    const button = await waitFor<HTMLButtonElement>(badge, 'button[part="badge"]');
    button.click();
    await until(() => deepQuery(badge, '.tree') !== undefined, 'the explanation');
    const text = deepText(badge);
    expect(text).to.include(XSS.script);
    expect(text).to.include(XSS.svg);
    await assertInert(badge);
  });

  it('<cam-relationship-type-picker>: type names and the responsibility summary', async () => {
    const picker = await render(
      html`<cam-relationship-type-picker
        applies-to=${CASE_TABLE}
        party-type="consumer"
        value=${LOAN.relationshipTypes.coBorrower.id}
      ></cam-relationship-type-picker>`,
      'cam-relationship-type-picker',
    );
    await until(() => pickerReady(picker), 'the picker');
    deepQuery<HTMLButtonElement>(picker, '[part="toggle"]')?.click();
    await until(() => deepQueryAll(picker, '[role="option"]').length > 0, 'the options');
    const text = deepText(picker);
    expect(text).to.include(XSS.svg);
    expect(text).to.include(XSS.link);
    await assertInert(picker);
  });

  it('<cam-add-party-dialog>: search results and the preview', async () => {
    const dialog = await render<CamAddPartyDialog>(
      html`<cam-add-party-dialog
        entity-table=${CASE_TABLE}
        entity-id=${STORY.nearMiss.caseId}
        open
      ></cam-add-party-dialog>`,
      'cam-add-party-dialog',
    );
    const input = await waitFor<HTMLInputElement>(dialog, '#search');
    input.value = '<img src';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    const results = '[part~="results"] [role="option"]';
    await until(() => deepQueryAll(dialog, results).length > 0, 'a result', 8000);
    // The name is split around the highlighted match (text parts, a <mark>): read it whole.
    const name = deepQueryAll(dialog, `${results} .name`)[0];
    expect(name?.textContent).to.include(XSS.img);
    expect(name?.querySelector('mark')?.textContent).to.equal('<img src');
    deepQueryAll(dialog, results)[0]?.click();
    await until(() => deepQuery(dialog, '[part="selected"]') !== undefined, 'the selection');
    expect(deepText(deepQuery(dialog, '[part="selected"]') as Element)).to.include(XSS.img);
    await assertInert(dialog);
  });

  it('<cam-access-inspector>: role titles and descriptions, types and responsibilities in every tab', async () => {
    const inspector = await render(
      html`<cam-access-inspector></cam-access-inspector>`,
      'cam-access-inspector',
    );
    await until(() => deepQueryAll(inspector, '[role="tab"]').length > 0, 'the tabs', 8000);
    const seen: string[] = [];
    for (const tab of deepQueryAll<HTMLButtonElement>(inspector, '[role="tab"]')) {
      tab.click();
      await sleep(30);
      seen.push(deepText(inspector));
      await assertInert(inspector);
    }
    const all = seen.join('\n');
    expect(all).to.include(XSS.svg);
    expect(all).to.include(XSS.link);
    expect(all).to.include(XSS.iframe);
  });
});

describe('reliability: hostile text renders as inert text in <cam-access-review>', () => {
  const worker = useElementFixtures();
  ignoreResizeObserverLoop();
  afterEach(() => delete (window as { __camXss?: unknown }).__camXss);

  const R = REVIEW_STORY;
  const ROLE = 'sn_install_base.sold_product_authorized_contact';
  const hostile = {
    person: `${XSS.img} Grace`,
    moved: `${XSS.script} Ivan`,
    noRole: `${XSS.bidi}Leo`,
    account: `${XSS.iframe} Whitfield`,
    caseNumber: `${XSS.svg}CS`,
    listedType: `${XSS.link} Listed`,
    authorizedType: `<b onmouseover="window.__camXss='type'">Authorized</b> Contact`,
    role: `<img src=y onerror="window.__camXss='role'">`,
  };

  /** Hostile text in every name the review shows: people, accounts, record numbers, types, roles. */
  function seedHostileReview(): void {
    const store = getStore();
    store.update(map.contact.table, R.inactive.id, { name: hostile.person });
    store.update(map.contact.table, R.moved.id, { name: hostile.moved });
    store.update(map.contact.table, R.noRole.id, { name: hostile.noRole });
    store.update(map.account.table, R.account.id, { name: hostile.account });
    store.update(map.case.table, R.cases.migration.id, { number: hostile.caseNumber });
    store.update(
      map.relationshipType.table,
      definitionSysId('relationshipType', 'sold_product_listed_contact'),
      {
        name: hostile.listedType,
      },
    );
    store.update(map.relationshipType.table, definitionSysId('relationshipType', 'case_authorized_contact'), {
      name: hostile.authorizedType,
    });
    const role = store.all(map.role.table).find((r) => r.name === ROLE);
    if (role?.sys_id) store.update(map.role.table, role.sys_id, { name: hostile.role });
    // Access configurations name the roles they require: the same hostile name there.
    const required = map.accessConfig.columns.rolesRequired;
    for (const config of store.all(map.accessConfig.table)) {
      const roles = String(config[required] ?? '');
      if (config.sys_id && roles.split(',').includes(ROLE))
        store.update(map.accessConfig.table, config.sys_id, {
          [required]: roles
            .split(',')
            .map((r) => (r === ROLE ? hostile.role : r))
            .join(','),
        });
    }
  }

  it('<cam-access-review>: findings (summary, evidence, fix), decisions, type choices and the matrix', async () => {
    seedHostileReview();
    const review = await render<HTMLElement & { updateComplete: Promise<unknown> }>(
      html`<cam-access-review account-id=${R.account.id}></cam-access-review>`,
      'cam-access-review',
    );
    await until(() => deepQuery(review, '[part=summary]') !== undefined, 'the review', 15_000);
    // The type choices of a finding: pick "change type" so its select renders the type names.
    const change = deepQuery<HTMLInputElement>(
      review,
      '[part=finding][data-kind="listed-on-worked-record"] input[value="change-type"]',
    );
    change?.click();
    await review.updateComplete;
    await until(() => deepQuery(review, '[part=type-select]') !== undefined, 'the type select');
    const findings = deepText(deepQuery(review, '[part=findings]') as Element);
    for (const [what, text] of Object.entries(hostile)) expect(findings, what).to.include(text);
    await assertInert(review);
    // The matrix (virtualised below the findings): bring it into view, then every row is text too.
    deepQuery(review, '[part=matrix-body]')?.scrollIntoView();
    await until(() => deepQueryAll(review, '[part=row]').length > 0, 'matrix rows');
    const matrix = deepText(deepQuery(review, '[part=matrix]') as Element);
    expect(matrix).to.include(hostile.person);
    expect(matrix).to.include(hostile.caseNumber);
    await assertInert(review);
  });

  it('<cam-access-review>: a server error message with markup in an Apply result is shown as text', async () => {
    worker.use(
      http.delete(`*/api/now/table/${map.caseParty.table}/:id`, () =>
        HttpResponse.json(
          { error: { message: XSS.img, detail: XSS.script }, status: 'failure' },
          { status: 400 },
        ),
      ),
    );
    const review = await render<HTMLElement & { updateComplete: Promise<unknown> }>(
      html`<cam-access-review account-id=${R.account.id}></cam-access-review>`,
      'cam-access-review',
    );
    await until(() => deepQuery(review, '[part=summary]') !== undefined, 'the review', 15_000);
    const inactive = '[part=finding][data-kind="inactive-person"]';
    deepQuery<HTMLInputElement>(review, `${inactive} input[value="remove"]`)?.click();
    await review.updateComplete;
    deepQuery<HTMLButtonElement>(review, '[part=apply-button]')?.click();
    await until(
      () => deepQuery(review, `${inactive} [part=result]`)?.textContent?.includes('onerror') ?? false,
      'the failure on the finding',
    );
    expect(deepText(deepQuery(review, `${inactive} [part=result]`) as Element)).to.include(XSS.img);
    await assertInert(review);
  });
});

function pickerReady(picker: Element): boolean {
  return deepQuery(picker, '[part=field]')?.getAttribute('aria-busy') === 'false';
}

async function waitFor<E extends HTMLElement = HTMLElement>(root: Element, selector: string): Promise<E> {
  await until(() => deepQuery(root, selector) !== undefined, selector, 8000);
  return deepQuery<E>(root, selector) as E;
}
