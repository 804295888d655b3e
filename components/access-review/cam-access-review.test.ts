import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import {
  ignoreResizeObserverLoop,
  renderInProvider,
  until,
  useElementFixtures,
} from '../../test/support/fixtures.js';
import { getStore } from '../../mocks/db.js';
import { faults } from '../../mocks/faults.js';
import { REVIEW_STORY } from '../../mocks/seed/review-story.js';
import { STORY } from '../../mocks/seed/story.js';
import { FINDING_KINDS } from '../../src/review/types.js';
import './cam-access-review.js';
import type { CamAccessReview } from './cam-access-review.component.js';

const CASE = 'sn_customerservice_case';
const CASE_PARTY = 'sn_customerservice_related_party';
const S = REVIEW_STORY;

const root = (el: CamAccessReview): ShadowRoot => el.shadowRoot as ShadowRoot;
const all = <E extends Element = HTMLElement>(el: CamAccessReview, selector: string): E[] => [
  ...root(el).querySelectorAll<E>(selector),
];
const one = <E extends Element = HTMLElement>(el: CamAccessReview, selector: string): E | null =>
  root(el).querySelector<E>(selector);
const text = (node: Element | null | undefined): string =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const loaded = (el: CamAccessReview) => until(() => one(el, '[part=summary]') !== null, 'the review', 15_000);
const finding = (el: CamAccessReview, kind: string): HTMLElement =>
  one(el, `[part=finding][data-kind="${kind}"]`) as HTMLElement;

async function renderAccount(): Promise<CamAccessReview> {
  const { element } = await renderInProvider<CamAccessReview>(
    html`<cam-access-review account-id=${S.account.id} reviewer="Ann Reviewer"></cam-access-review>`,
    'cam-access-review',
  );
  return element;
}

async function renderRecord(id: string = S.cases.migration.id): Promise<CamAccessReview> {
  const { element } = await renderInProvider<CamAccessReview>(
    html`<cam-access-review entity-table=${CASE} entity-id=${id}></cam-access-review>`,
    'cam-access-review',
  );
  return element;
}

/** Picks a decision for the finding of `kind` with the keyboard-usable radio. */
async function decide(el: CamAccessReview, kind: string, action: 'keep' | 'remove' | 'change-type') {
  const radio = finding(el, kind).querySelector<HTMLInputElement>(`input[type=radio][value="${action}"]`);
  radio?.click();
  await el.updateComplete;
}

describe('<cam-access-review>', () => {
  useElementFixtures();
  ignoreResizeObserverLoop();

  it('is accessible while loading, loaded, and with an error', async function () {
    // Three axe audits (1–3 s each on a loaded 2-core machine) and a review slowed to keep its
    // loading state on screen through the first: 7–11 s measured, over mocha's 10 s default.
    this.timeout(30_000);
    faults.set({ latencyMs: 400 });
    const el = await renderAccount();
    expect(one(el, '[part=progress][aria-busy=true]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    await loaded(el);
    await expect(el).to.be.accessible();
    faults.reset();
    faults.set({ errorRate: [{ status: 500, rate: 1 }], tables: [CASE] });
    el.reload();
    await until(() => one(el, '[role=alert]') !== null, 'the error');
    await expect(el).to.be.accessible();
    faults.reset();
    (one(el, 'button') as HTMLButtonElement).click();
    await loaded(el);
  });

  it('reviews an account of the stories: a finding of every kind, each with severity, evidence and fix', async () => {
    const el = await renderAccount();
    await loaded(el);
    for (const kind of FINDING_KINDS) {
      const item = finding(el, kind);
      expect(item, kind).to.not.equal(null);
      expect(text(item.querySelector('[part=severity]'))).to.match(/High|Medium|Low|Info/);
      expect(item.querySelectorAll('details li').length, `${kind} evidence`).to.be.greaterThan(0);
      expect(text(item.querySelector('.fix'))).to.match(/Suggested fix:/);
    }
    expect(text(finding(el, 'inactive-person'))).to.contain(S.inactive.name);
    expect(text(finding(el, 'open-account'))).to.match(/all \d+ of its contacts/);
  });

  it('shows who reaches what with level and path, filters, sorts and groups by record', async () => {
    const el = await renderAccount();
    await loaded(el);
    const rows = () => all(el, '[part=row]');
    // The virtualiser renders the rows in view: bring the matrix (below the findings) into view.
    one(el, '[part=matrix-body]')?.scrollIntoView();
    await until(() => rows().length > 0, 'matrix rows');
    const filter = one<HTMLInputElement>(el, '[part=matrix-filter]') as HTMLInputElement;
    filter.value = S.listed.name;
    filter.dispatchEvent(new Event('input'));
    await until(() => rows().every((r) => text(r).includes(S.listed.name)) && rows().length > 0, 'filtered');
    const level = one<HTMLSelectElement>(el, '[part=matrix-level]') as HTMLSelectElement;
    level.value = 'write';
    level.dispatchEvent(new Event('change'));
    // Leona is the contact of the migration case: she writes it as its own contact (the customer persona's own scope).
    await until(() => rows().length > 0 && rows().every((r) => r.dataset['level'] === 'write'), 'write only');
    expect(rows().map(text).join('\n')).to.match(/Persona role.*customer \(own\)/);
    filter.value = S.suite.name;
    filter.dispatchEvent(new Event('input'));
    level.value = 'all';
    level.dispatchEvent(new Event('change'));
    const group = one<HTMLSelectElement>(el, '[part=matrix-group]') as HTMLSelectElement;
    group.value = 'entity';
    group.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await until(
      () => all(el, '[part=group]').some((g) => text(g).includes(S.suite.name)),
      'grouped by record',
    );
    level.value = 'read';
    level.dispatchEvent(new Event('change'));
    await until(() => rows().length > 0 && rows().every((r) => r.dataset['level'] === 'read'), 'read only');
    const sort = all(el, '[part=sort-button]')[0] as HTMLButtonElement;
    sort.click();
    await el.updateComplete;
    expect(sort.parentElement?.getAttribute('aria-sort')).to.equal('ascending');
  });

  it('single record: every principal that reaches it, with the path, and near misses', async () => {
    const el = await renderRecord();
    await loaded(el);
    await until(() => all(el, '[part=row]').length > 0, 'rows');
    const rows = all(el, '[part=row]').map(text);
    expect(rows.find((r) => r.includes(S.listed.name))).to.match(/write.*Persona role.*customer \(own\)/);
    // Leo Fisher is Authorized Contact on the case's sold product without the role: a near miss.
    const level = one<HTMLSelectElement>(el, '[part=matrix-level]') as HTMLSelectElement;
    level.value = 'near-miss';
    level.dispatchEvent(new Event('change'));
    await until(() => all(el, '[part=row]').some((r) => text(r).includes(S.noRole.name)), 'near miss row');
    const leo = all(el, '[part=row]').find((r) => text(r).includes(S.noRole.name));
    expect(text(leo?.querySelector('[part=near-misses]'))).to.match(/lacks role/);
    await expect(el).to.be.accessible();
  });

  it('keyboard only: decide with the arrow keys and apply with Enter', async () => {
    const el = await renderAccount();
    await loaded(el);
    const keep = finding(el, 'inactive-person').querySelector<HTMLInputElement>('input[value=keep]');
    keep?.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.currentDecisions.get(`inactive-person:${S.parties.inactive}`)?.action).to.equal('remove');
    const apply = one<HTMLButtonElement>(el, '[part=apply-button]') as HTMLButtonElement;
    expect(text(apply)).to.equal('Apply 1 change');
    apply.focus();
    await sendKeys({ press: 'Enter' });
    await until(
      () => text(finding(el, 'inactive-person').querySelector('[part=result]')).includes('Applied'),
      'applied',
    );
    expect(getStore().get(CASE_PARTY, S.parties.inactive)).to.equal(undefined);
    expect(text(one(el, '[part=apply-bar] [role=status]'))).to.contain('1 applied, 0 failed');
    expect(one<HTMLButtonElement>(el, '[part=apply-button]')?.disabled, 'nothing left to apply').to.equal(
      true,
    );
  });

  it('partial failure: failures are listed and retried alone; stale rows are refused with a clear message', async () => {
    const el = await renderAccount();
    await loaded(el);
    await decide(el, 'inactive-person', 'remove');
    await decide(el, 'outside-account', 'remove');
    await decide(el, 'closed-record-party', 'remove');
    // Someone else edits the closed case's party after the review loaded.
    getStore().update(CASE_PARTY, S.parties.closed, { order: '9' });
    const { worker } = await import('../../mocks/browser.js');
    let failures = 1;
    const deletes: string[] = [];
    worker.use(
      http.delete(`*/api/now/table/${CASE_PARTY}/:id`, ({ params }) => {
        deletes.push(String(params['id']));
        if (params['id'] === S.parties.moved && failures-- > 0)
          return HttpResponse.json({ error: { message: 'Server busy' }, status: 'failure' }, { status: 500 });
        return undefined;
      }),
    );
    (one(el, '[part=apply-button]') as HTMLButtonElement).click();
    await until(() => text(one(el, '[part=apply-bar] [role=status]')).includes('1 failed'), 'a failure');
    expect(text(finding(el, 'closed-record-party').querySelector('[part=result]'))).to.match(
      /Changed by someone else.*nothing was sent/,
    );
    expect(getStore().get(CASE_PARTY, S.parties.closed)).to.not.equal(undefined);
    expect(text(one(el, '.failures'))).to.contain('Server busy');
    const retry = one<HTMLButtonElement>(el, '[part=apply-button]') as HTMLButtonElement;
    expect(text(retry)).to.equal('Retry 1 change');
    retry.click();
    await until(
      () => text(finding(el, 'outside-account').querySelector('[part=result]')).includes('Applied'),
      'retried',
    );
    expect(deletes.filter((id) => id === S.parties.inactive)).to.have.length(1, 'never applied twice');
    expect(getStore().get(CASE_PARTY, S.parties.moved)).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('cancel stops loading and offers to load again', async () => {
    faults.set({ latencyMs: 500 });
    const el = await renderAccount();
    await until(() => one(el, '[part=progress] button') !== null, 'progress');
    (one(el, '[part=progress] button') as HTMLButtonElement).click();
    await until(() => text(one(el, '.cancelled')).includes('cancelled'), 'cancelled');
    await expect(el).to.be.accessible();
    faults.reset();
    (one(el, '.cancelled button') as HTMLButtonElement).click();
    await loaded(el);
  });

  it('exports CSV with formula injection neutralised and JSON with reviewer, instance and time', async () => {
    const store = getStore();
    store.update('customer_contact', S.inactive.id, { name: '=HYPERLINK("http://x")' });
    const el = await renderAccount();
    await loaded(el);
    await decide(el, 'inactive-person', 'remove');
    const csv = el.toCsv();
    expect(csv).to.contain(`'=HYPERLINK`);
    expect(/(^|,)"?=HYPERLINK/m.test(csv)).to.equal(false);
    const json = JSON.parse(el.toJson()) as {
      reviewer: string;
      instance: string;
      exportedAt: string;
      decisions: unknown[];
    };
    expect(json.reviewer).to.equal('Ann Reviewer');
    expect(json.instance).to.equal(location.origin);
    expect(Date.parse(json.exportedAt)).to.be.greaterThan(0);
    expect(json.decisions).to.have.length(1);
  });

  it('is usable and accessible 390 px wide', async () => {
    await setViewport({ width: 390, height: 800 });
    try {
      const el = await renderRecord(STORY.nearMiss.caseId);
      await loaded(el);
      expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it('without a scope it says what to set', async () => {
    const { element } = await renderInProvider<CamAccessReview>(
      html`<cam-access-review></cam-access-review>`,
      'cam-access-review',
    );
    expect(text(root(element).querySelector('p'))).to.contain('account-id');
    await expect(element).to.be.accessible();
  });
});
