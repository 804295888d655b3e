/**
 * Rows before badges: the list shows the parties as soon as the party query answers, each badge
 * says it is checking access until the facts behind it arrive, and one read of the party rows
 * serves both the rows and the facts. Requests are held by deferred handlers, never timed.
 */
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { getStore } from '../../mocks/db.js';
import { requestLog } from '../../mocks/faults.js';
import { seedLargeCase, STORY } from '../../mocks/seed/index.js';
import { DEFAULT_TABLE_MAP } from '../../src/index.js';
import {
  ignoreResizeObserverLoop,
  renderInProvider,
  until,
  useElementFixtures,
} from '../../test/support/fixtures.js';
import type { CamEffectiveAccessBadge } from '../effective-access-badge/cam-effective-access-badge.component.js';
import './cam-related-party-list.js';
import type { CamRelatedPartyList } from './cam-related-party-list.component.js';

const CASE_TABLE = 'sn_customerservice_case';
const PARTY_TABLE = DEFAULT_TABLE_MAP.caseParty.table;
const loan = STORY.housingLoan;
const m = DEFAULT_TABLE_MAP;
/** Every table the facts behind the badges come from, besides the case's own party table. */
const FACT_TABLES = new Set<string>([
  m.case.table,
  m.soldProduct.table,
  m.installBase.table,
  m.soldProductParty.table,
  m.installBaseParty.table,
  m.contact.table,
  m.consumer.table,
  m.user.table,
  m.userHasRole.table,
  m.account.table,
  m.accountAccess.table,
  m.household.table,
  m.serviceOrganization.table,
  m.serviceOrganizationMember.table,
]);

const root = (el: CamRelatedPartyList): ShadowRoot => el.shadowRoot as ShadowRoot;
const part = (el: CamRelatedPartyList, name: string): HTMLElement | null =>
  root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (node: Element | null | undefined): string =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const rows = (el: CamRelatedPartyList): HTMLElement[] => [
  ...root(el).querySelectorAll<HTMLElement>('[part~="row"]'),
];
const names = (el: CamRelatedPartyList): string[] =>
  rows(el).map((row) => text(row.querySelector('[part~="name-cell"]')));
const badges = (el: CamRelatedPartyList): CamEffectiveAccessBadge[] => [
  ...root(el).querySelectorAll<CamEffectiveAccessBadge>('cam-effective-access-badge'),
];
const badgePart = (badge: CamEffectiveAccessBadge): HTMLElement | null | undefined =>
  badge.shadowRoot?.querySelector<HTMLElement>('[part="badge"]');

async function renderList(id: string = loan.caseId): Promise<CamRelatedPartyList> {
  const rendered = await renderInProvider<CamRelatedPartyList>(
    html`<cam-related-party-list entity-table=${CASE_TABLE} entity-id=${id}></cam-related-party-list>`,
    'cam-related-party-list',
  );
  return rendered.element;
}

/** Held requests to the fact tables: each waits until `release()`. */
function holdFacts(worker: ReturnType<typeof useElementFixtures>) {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const held: string[] = [];
  worker.use(
    http.get('*/api/now/table/:table', async ({ params, request }) => {
      if (!FACT_TABLES.has(String(params['table']))) return undefined;
      held.push(request.url);
      await gate;
      return undefined; // On to the mock Table API.
    }),
  );
  return { held, release: () => open() };
}

/** Party-table reads of the list's own query (not the live feed's checks). */
const partyReads = () =>
  requestLog.entries.filter(
    (e) => e.method === 'GET' && e.table === PARTY_TABLE && e.url.includes('sysparm_display_value=all'),
  );

describe('<cam-related-party-list> rows before badges', () => {
  const worker = useElementFixtures();
  ignoreResizeObserverLoop();

  it('shows the rows while the facts are still on their way, each badge checking access, then the levels', async () => {
    const facts = holdFacts(worker);
    const el = await renderList();
    await until(() => rows(el).length === 3, 'three rows');
    await until(() => facts.held.length > 0, 'a facts request held');
    expect(names(el)).to.deep.equal(['Daniel Marquez', 'James Whitfield', 'Rosa Delgado']);
    expect(text(part(el, 'count'))).to.equal('3 parties');
    expect(part(el, 'skeleton')).to.equal(null);
    await until(() => badges(el).length === 3 && badges(el).every((b) => badgePart(b)), 'badges rendered');
    for (const badge of badges(el)) {
      const shown = badgePart(badge);
      expect(shown?.getAttribute('aria-busy')).to.equal('true');
      expect(text(shown)).to.equal('Checking access…');
      expect(badge.level).to.equal(undefined);
    }
    await expect(el).to.be.accessible();
    facts.release();
    await until(() => badges(el).every((b) => b.level === 'write'), 'write access for all three');
    expect(badges(el).map((b) => badgePart(b)?.getAttribute('aria-busy'))).to.deep.equal([
      'false',
      'false',
      'false',
    ]);
  });

  it('keeps the rows when the facts cannot be read; each badge says access could not be determined', async () => {
    worker.use(
      http.get(`*/api/now/table/${m.userHasRole.table}`, () =>
        HttpResponse.json({ error: { message: 'Database unavailable' }, status: 'failure' }, { status: 500 }),
      ),
    );
    const el = await renderList();
    await until(() => rows(el).length === 3, 'three rows');
    await until(
      () => badges(el).length === 3 && badges(el).every((b) => badgePart(b)?.dataset['level'] === 'unknown'),
      'every badge unknown',
    );
    expect(badges(el).map((b) => b.level)).to.deep.equal([undefined, undefined, undefined]);
    expect(badgePart(badges(el)[0] as CamEffectiveAccessBadge)?.getAttribute('aria-label')).to.equal(
      'Access unknown, show why',
    );
    expect(part(el, 'error')).to.equal(null);
    expect(names(el)).to.deep.equal(['Daniel Marquez', 'James Whitfield', 'Rosa Delgado']);
    await expect(el).to.be.accessible();
  });

  it('says an entity does not exist, never that it has no parties, while its facts are on their way', async () => {
    const facts = holdFacts(worker);
    const el = await renderList('0123456789abcdef0123456789abcdef');
    await until(() => partyReads().some((e) => e.status === 200), 'the party read answered');
    await until(() => facts.held.length > 0, 'a facts request held');
    await el.updateComplete;
    expect(part(el, 'empty')).to.equal(null);
    expect(part(el, 'skeleton')).to.not.equal(null);
    facts.release();
    await until(() => part(el, 'error') !== null, 'error state');
    expect(text(part(el, 'error'))).to.contain('No record 0123456789abcdef0123456789abcdef');
  });

  it('reads the party rows once for the rows and the badges', async () => {
    const el = await renderList();
    await until(() => badges(el).length === 3 && badges(el).every((b) => b.level === 'write'), 'levels');
    expect(partyReads()).to.have.length(1);
  });

  it('waits for the access check before a removal can be confirmed', async () => {
    const facts = holdFacts(worker);
    const el = await renderList();
    await until(() => rows(el).length === 3, 'three rows');
    const row = rows(el).find((r) => text(r.querySelector('[part~="name-cell"]')) === 'Daniel Marquez');
    row?.querySelector<HTMLButtonElement>('[data-action="remove"]')?.click();
    await until(() => part(el, 'confirm') !== null, 'confirmation');
    const remove = () => part(el, 'confirm')?.querySelector<HTMLButtonElement>('[data-confirm="remove"]');
    expect(remove()?.disabled).to.equal(true);
    expect(text(part(el, 'confirm'))).to.contain('Checking whose access this removal lowers…');
    await expect(el).to.be.accessible();
    facts.release();
    await until(() => remove()?.disabled === false, 'Remove enabled');
    expect(text(part(el, 'confirm'))).to.contain('Daniel Marquez: write → no access');
  });

  it('shows the first page of 10,000 parties before the rest, reads each page once, at most a few at a time', async function () {
    this.timeout(90_000);
    const large = seedLargeCase(getStore());
    // Held until released, so what the client sends meanwhile is what it runs at once.
    const held: (() => void)[] = [];
    let most = 0;
    let openParties!: () => void;
    const partyGate = new Promise<void>((resolve) => (openParties = resolve));
    worker.use(
      http.get('*/api/now/table/:table', async ({ params, request }) => {
        const table = String(params['table']);
        const url = new URL(request.url);
        // Every party page after the first waits: the first page alone must bring rows.
        const offset = Number(url.searchParams.get('sysparm_offset') ?? '0');
        if (table === PARTY_TABLE && offset > 0) await partyGate;
        if (table !== PARTY_TABLE && !FACT_TABLES.has(table)) return undefined;
        await new Promise<void>((resolve) => {
          held.push(resolve);
          most = Math.max(most, held.length);
        });
        return undefined;
      }),
    );
    // Releases whatever is held, round after round, until `done`.
    let stop = false;
    const pump = (async () => {
      while (!stop) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        await new Promise((resolve) => requestAnimationFrame(resolve));
        for (const release of held.splice(0)) release();
      }
    })();
    try {
      const el = await renderList(large.caseId);
      await until(() => rows(el).length > 0, 'rows of the first page', 45_000);
      expect(text(part(el, 'count'))).to.equal(`50 of ${large.parties.toLocaleString()} parties loaded…`);
      expect(badges(el).length).to.be.greaterThan(0);
      expect(badges(el).every((b) => b.level === undefined)).to.equal(true);
      openParties();
      const all = `${large.parties.toLocaleString()} parties`;
      await until(() => text(part(el, 'count')) === all, 'every page', 45_000);
      await until(
        () => badges(el).length > 0 && badges(el).every((b) => b.level !== undefined),
        'the badges in view',
        45_000,
      );
    } finally {
      stop = true;
      await pump;
    }
    const offsets = partyReads().map((e) => new URL(e.url).searchParams.get('sysparm_offset') ?? '0');
    expect(new Set(offsets).size, 'no page read twice').to.equal(offsets.length);
    expect(offsets.length).to.be.greaterThan(1);
    // The loader's reads: at most 5 at once.
    expect(most, 'requests in flight at once').to.be.at.most(5);
    expect(most, 'independent reads run together').to.be.at.least(2);
  });
});
