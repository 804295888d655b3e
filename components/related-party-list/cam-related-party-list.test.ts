import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { getStore } from '../../mocks/db.js';
import { faults } from '../../mocks/faults.js';
import { definitionSysId, seedLargeCase, STORY } from '../../mocks/seed/index.js';
import { requestLog } from '../../mocks/faults.js';
import {
  ignoreResizeObserverLoop,
  renderInProvider,
  until,
  useElementFixtures,
} from '../../test/support/fixtures.js';
import type { CamProvider } from '../provider/cam-provider.component.js';
import type { CamEffectiveAccessBadge } from '../effective-access-badge/cam-effective-access-badge.component.js';
import type { CamRelationshipTypePicker } from '../relationship-type-picker/cam-relationship-type-picker.component.js';
import {
  CamAddPartyRequestEvent,
  CamPartyAddedEvent,
  type CamPartiesRefreshedEvent,
  type CamPartyChangedEvent,
  type CamPartyRemovedEvent,
} from '../events.js';
import './cam-related-party-list.js';
import type { CamRelatedPartyList } from './cam-related-party-list.component.js';

const CASE_TABLE = 'sn_customerservice_case';
const PARTY_TABLE = 'sn_customerservice_related_party';
const loan = STORY.housingLoan;

const root = (el: CamRelatedPartyList): ShadowRoot => el.shadowRoot as ShadowRoot;
const part = <T extends HTMLElement = HTMLElement>(el: CamRelatedPartyList, name: string): T | null =>
  root(el).querySelector<T>(`[part~="${name}"]`);
const rows = (el: CamRelatedPartyList): HTMLElement[] => [
  ...root(el).querySelectorAll<HTMLElement>('[part~="row"]'),
];
const text = (node: Element | null | undefined): string =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const cells = (row: HTMLElement): string[] => [...row.querySelectorAll(':scope > [role="cell"]')].map(text);
const names = (el: CamRelatedPartyList): string[] => rows(el).map((row) => cells(row)[0] ?? '');
const rowNamed = (el: CamRelatedPartyList, name: string): HTMLElement | undefined =>
  rows(el).find((row) => cells(row)[0] === name);

let provider: CamProvider;
async function renderList(id: string = loan.caseId, table = CASE_TABLE): Promise<CamRelatedPartyList> {
  const rendered = await renderInProvider<CamRelatedPartyList>(
    html`<cam-related-party-list entity-table=${table} entity-id=${id}></cam-related-party-list>`,
    'cam-related-party-list',
  );
  provider = rendered.provider;
  return rendered.element;
}

/** The rows are in and so is the access picture (the table is named after the entity). */
async function loaded(el: CamRelatedPartyList, count = 3): Promise<void> {
  await until(() => rows(el).length === count, `${count} rows`);
  await until(
    () => !(part(el, 'table')?.getAttribute('aria-label') ?? '').startsWith('Related parties of this '),
    'the access picture',
  );
}

describe('<cam-related-party-list>', () => {
  const worker = useElementFixtures();
  ignoreResizeObserverLoop();

  it('is accessible when filled', async () => {
    const el = await renderList();
    await loaded(el);
    await expect(el).to.be.accessible();
  });

  it('shows an accessible loading skeleton until the parties arrive', async () => {
    faults.set({ latencyMs: 400 });
    const el = await renderList();
    expect(part(el, 'skeleton')).to.not.equal(null);
    expect(rows(el)).to.have.length(0);
    await expect(el).to.be.accessible();
    await loaded(el);
    expect(part(el, 'skeleton')).to.equal(null);
  });

  it('shows an accessible empty state with an Add button when the entity has no parties', async () => {
    for (const id of Object.values(loan.parties)) getStore().remove(PARTY_TABLE, id);
    const el = await renderList();
    await until(() => part(el, 'empty') !== null, 'empty state');
    expect(text(part(el, 'empty'))).to.contain('No related parties yet');
    expect(text(part(el, 'empty')?.querySelector('button'))).to.equal('Add party');
    await expect(el).to.be.accessible();
  });

  it('shows an accessible error with Retry when loading fails, and loads on Retry', async () => {
    worker.use(
      http.get(`*/api/now/table/${PARTY_TABLE}`, () =>
        HttpResponse.json({ error: { message: 'Database unavailable' }, status: 'failure' }, { status: 500 }),
      ),
    );
    const el = await renderList();
    await until(() => part(el, 'error') !== null, 'error state');
    expect(part(el, 'error')?.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    worker.resetHandlers();
    part(el, 'retry-button')?.click();
    await loaded(el);
  });

  it('shows a clear error for a table that is not an entity table', async () => {
    const el = await renderList(loan.caseId, 'incident');
    await until(() => part(el, 'error') !== null, 'error state');
    expect(text(part(el, 'error'))).to.contain(
      '"incident" is not a case, sold product or install base table',
    );
  });

  it('shows a clear error for an entity that does not exist', async () => {
    const el = await renderList('0123456789abcdef0123456789abcdef');
    await until(() => part(el, 'error') !== null, 'error state');
    expect(text(part(el, 'error'))).to.contain('No record 0123456789abcdef0123456789abcdef');
  });

  it('announces what a re-read finds changed elsewhere, so no change goes by silently', async () => {
    const el = await renderList();
    await loaded(el);
    const refreshed: CamPartiesRefreshedEvent[] = [];
    el.addEventListener('cam-parties-refreshed', (e) => refreshed.push(e));
    // Removed on the server behind the list's back; the re-read (not live refresh) brings it.
    getStore().remove(PARTY_TABLE, loan.parties.guarantor);
    provider.current?.access.invalidate({ kind: 'case', id: loan.caseId });
    await until(() => rows(el).length === 2, 'two rows');
    expect(text(part(el, 'live-region'))).to.equal('Rosa Delgado was removed.');
    expect(refreshed.map((e) => e.removed.map((row) => row.record.id))).to.deep.equal([
      [loan.parties.guarantor],
    ]);
    // A re-read that finds nothing new says nothing new.
    provider.current?.access.invalidate({ kind: 'case', id: loan.caseId });
    const partyReads = () => requestLog.entries.filter((e) => e.method === 'GET' && e.table === PARTY_TABLE);
    await until(() => partyReads().length >= 3 && partyReads().every((e) => e.status), 'the second re-read');
    await until(() => part(el, 'count')?.getAttribute('aria-busy') === 'false', 'settled');
    await el.updateComplete;
    expect(refreshed).to.have.length(1);
  });

  it('lists the housing loan case’s three parties with their types and responsibilities', async () => {
    const el = await renderList();
    await loaded(el);
    expect(rows(el).map((row) => cells(row).slice(0, 4))).to.deep.equal([
      ['Daniel Marquez', 'Consumer', 'Co-borrower', 'Authorized Representative'],
      ['James Whitfield', 'Contact', 'Attorney', 'Authorized Representative'],
      ['Rosa Delgado', 'Consumer', 'Guarantor', 'Authorized Representative'],
    ]);
    expect(text(part(el, 'count'))).to.equal('3 parties');
    expect(part(el, 'table')?.getAttribute('aria-rowcount')).to.equal('4');
    expect(rows(el).map((row) => row.getAttribute('aria-rowindex'))).to.deep.equal(['2', '3', '4']);
    expect(part(el, 'table')?.getAttribute('aria-label')).to.equal(`Related parties of ${loan.caseNumber}`);
    const badges = rows(el).map((row) =>
      row.querySelector<CamEffectiveAccessBadge>('cam-effective-access-badge'),
    );
    expect(badges.map((b) => [b?.principalType, b?.principalId])).to.deep.equal([
      ['consumer', loan.coBorrower.id],
      ['contact', loan.attorney.id],
      ['consumer', loan.guarantor.id],
    ]);
    await until(() => badges.every((b) => b?.level === 'write'), 'write access for all three');
  });

  it('lists the parties of a sold product and of an install base item, accounts and organizations included', async () => {
    const product = STORY.trackedProduct;
    const soldProduct = await renderList(product.soldProductId, 'sn_install_base_sold_product');
    await loaded(soldProduct, 2);
    expect(names(soldProduct)).to.deep.equal([product.finance.name, product.operations.name]);
    const item = await renderList(product.installBase.rootId, 'sn_install_base_item');
    await loaded(item, 1);
    expect(cells(rows(item)[0] as HTMLElement).slice(0, 3)).to.deep.equal([
      product.serviceOrganization.name,
      'Service organization',
      'Authorized Service Organization',
    ]);
    const badge = rows(item)[0]?.querySelector<CamEffectiveAccessBadge>('cam-effective-access-badge');
    expect([badge?.partyType, badge?.partyId, badge?.principalId]).to.deep.equal([
      'service_organization',
      product.serviceOrganization.id,
      '',
    ]);
  });

  it('shows "—" and a "no access" hint for a party without responsibility', async () => {
    getStore().update(PARTY_TABLE, loan.parties.guarantor, { responsibility: '' });
    const el = await renderList();
    await loaded(el);
    expect(cells(rowNamed(el, loan.guarantor.name) as HTMLElement)[3]).to.equal('— no access');
  });

  it('marks a party whose record was deleted as "(deleted consumer)"', async () => {
    getStore().remove('csm_consumer', loan.guarantor.id);
    const el = await renderList();
    await loaded(el);
    const row = rows(el).find((r) => r.hasAttribute('data-dangling'));
    expect(cells(row as HTMLElement)[0]).to.equal('(deleted consumer)');
  });

  it('renders HTML in a party name as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    getStore().update('csm_consumer', loan.coBorrower.id, { name: hostile });
    const el = await renderList();
    await loaded(el);
    expect(names(el)).to.include(hostile);
    expect(root(el).querySelector('img')).to.equal(null);
  });

  it('sorts by each column from the header buttons, with aria-sort', async () => {
    const el = await renderList();
    await loaded(el);
    const header = (label: string) =>
      [...root(el).querySelectorAll<HTMLElement>('[role="columnheader"]')].find((h) =>
        text(h).startsWith(label),
      );
    expect(header('Party')?.getAttribute('aria-sort')).to.equal('ascending');
    header('Party')?.querySelector('button')?.click();
    await until(() => names(el)[0] === 'Rosa Delgado', 'descending by name');
    expect(header('Party')?.getAttribute('aria-sort')).to.equal('descending');
    expect(names(el)).to.deep.equal(['Rosa Delgado', 'James Whitfield', 'Daniel Marquez']);

    header('Kind')?.querySelector('button')?.click();
    await until(() => header('Kind')?.getAttribute('aria-sort') === 'ascending', 'kind sorted');
    expect(header('Party')?.getAttribute('aria-sort')).to.equal('none');
    expect(rows(el).map((row) => cells(row)[1])).to.deep.equal(['Consumer', 'Consumer', 'Contact']);

    // Keyboard: the sort buttons are native buttons.
    header('Relationship type')?.querySelector('button')?.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => header('Relationship type')?.getAttribute('aria-sort') === 'ascending', 'type sorted');
    expect(rows(el).map((row) => cells(row)[2])).to.deep.equal(['Attorney', 'Co-borrower', 'Guarantor']);
    await sendKeys({ press: 'Space' });
    await until(() => header('Relationship type')?.getAttribute('aria-sort') === 'descending', 'type desc');
    expect(rows(el).map((row) => cells(row)[2])).to.deep.equal(['Guarantor', 'Co-borrower', 'Attorney']);
  });

  it('sorts by responsibility with parties without one last', async () => {
    getStore().update(PARTY_TABLE, loan.parties.coBorrower, { responsibility: '' });
    const el = await renderList();
    await loaded(el);
    const header = [...root(el).querySelectorAll('[role="columnheader"]')].find((h) =>
      text(h).startsWith('Responsibility'),
    );
    header?.querySelector('button')?.click();
    await until(() => header?.getAttribute('aria-sort') === 'ascending', 'sorted');
    expect(names(el).at(-1)).to.equal('Daniel Marquez');
  });

  it('filters by text and by kind, and counts what is shown', async () => {
    const el = await renderList();
    await loaded(el);
    const search = part<HTMLInputElement>(el, 'search') as HTMLInputElement;
    search.focus();
    await sendKeys({ type: 'guar' });
    await until(() => rows(el).length === 1, 'one match');
    expect(names(el)).to.deep.equal(['Rosa Delgado']);
    expect(text(part(el, 'count'))).to.equal('1 of 3 shown');

    search.value = '';
    search.dispatchEvent(new Event('input'));
    await until(() => rows(el).length === 3, 'filter cleared');
    const kind = part<HTMLSelectElement>(el, 'kind-filter') as HTMLSelectElement;
    expect([...kind.options].map((o) => o.value)).to.include.members([
      '',
      'contact',
      'consumer',
      'user',
      'account',
    ]);
    kind.value = 'contact';
    kind.dispatchEvent(new Event('change'));
    await until(() => names(el).join() === 'James Whitfield', 'contacts only');
    expect(text(part(el, 'count'))).to.equal('1 of 3 shown');

    search.value = 'nobody';
    search.dispatchEvent(new Event('input'));
    await until(() => rows(el).length === 0, 'no match');
    expect(text(root(el).querySelector('.no-match'))).to.equal('No party matches the filter.');
  });

  it('notes that access may be incomplete when a table cannot be read', async () => {
    faults.set({ forbiddenTables: ['sys_user_has_role'] });
    const el = await renderList();
    await loaded(el);
    await until(() => text(part(el, 'partial-note')).includes('sys_user_has_role'), 'the note');
  });

  it('fires a cancelable add request from Add, and opens the add dialog unless it is prevented', async () => {
    const el = await renderList();
    await loaded(el);
    const requests: CamAddPartyRequestEvent[] = [];
    const prevent = (event: CamAddPartyRequestEvent) => {
      requests.push(event);
      event.preventDefault();
    };
    document.addEventListener('cam-add-party-request', prevent);
    part(el, 'add-button')?.click();
    document.removeEventListener('cam-add-party-request', prevent);
    expect(requests).to.have.length(1);
    expect(requests[0]?.entity).to.deep.equal({ kind: 'case', id: loan.caseId });
    await el.updateComplete;
    expect(root(el).querySelector('cam-add-party-dialog')).to.equal(null);

    const seen: CamAddPartyRequestEvent[] = [];
    document.addEventListener('cam-add-party-request', (event) => seen.push(event), { once: true });
    part(el, 'add-button')?.click();
    await el.updateComplete;
    expect(seen).to.have.length(1);
    const dialog = root(el).querySelector('cam-add-party-dialog');
    expect(dialog?.getAttribute('entity-table')).to.equal(CASE_TABLE);
    expect(dialog?.getAttribute('entity-id')).to.equal(loan.caseId);
  });

  it('keeps a bounded number of rows in the DOM for 10,000 parties and brings later rows on scroll', async function () {
    this.timeout(60_000);
    const large = seedLargeCase(getStore());
    const el = await renderList(large.caseId);
    await until(() => rows(el).length > 0, 'first rows', 45_000);
    const all = `${large.parties.toLocaleString()} parties`;
    await until(() => text(part(el, 'count')) === all, 'every page', 45_000);
    expect(part(el, 'table')?.getAttribute('aria-rowcount')).to.equal(String(large.parties + 1));
    expect(rows(el).length).to.be.below(200);
    const body = part(el, 'body') as HTMLElement;
    const last = () => Math.max(...rows(el).map((row) => Number(row.getAttribute('aria-rowindex'))));
    // To the end, again while the virtualizer (just taken over from the plain first page) still
    // grows its estimate of the height.
    await until(() => {
      body.scrollTop = body.scrollHeight;
      return last() === large.parties + 1;
    }, 'the last row after scrolling');
    expect(rows(el).length).to.be.below(200);
  });

  describe('changes', () => {
    const LISTED_CONSUMER = definitionSysId('relationshipType', 'case_listed_consumer');
    const partyUrl = `*/api/now/table/${PARTY_TABLE}/:sysId`;
    const refuse = (status: number, message: string) => () =>
      HttpResponse.json({ error: { message, detail: 'Business Rule' }, status: 'failure' }, { status });
    const storedType = (id: string) => getStore().get(PARTY_TABLE, id)?.type;
    const action = (el: CamRelatedPartyList, name: string, which: 'edit' | 'remove') =>
      rowNamed(el, name)?.querySelector<HTMLButtonElement>(`[data-action="${which}"]`) as HTMLButtonElement;
    const menuButton = (el: CamRelatedPartyList, name: string) =>
      rowNamed(el, name)?.querySelector<HTMLButtonElement>('.menu-button') as HTMLButtonElement;
    const confirmButton = (el: CamRelatedPartyList, which: 'remove' | 'cancel') =>
      part(el, 'confirm')?.querySelector<HTMLButtonElement>(`[data-confirm="${which}"]`) ?? null;
    const focused = (el: CamRelatedPartyList) => root(el).activeElement;

    async function pickType(el: CamRelatedPartyList, name: string, typeId: string): Promise<void> {
      action(el, name, 'edit').click();
      await until(() => part(el, 'type-picker') !== null, 'edit mode');
      const picker = part<CamRelationshipTypePicker>(el, 'type-picker') as CamRelationshipTypePicker;
      // What the picker does when the user chooses a type.
      picker.value = typeId;
      picker.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await el.updateComplete;
    }
    const saveButton = (el: CamRelatedPartyList) =>
      [...root(el).querySelectorAll<HTMLButtonElement>('.edit-actions button')].find(
        (b) => text(b) === 'Save',
      );

    it('is accessible while editing a type and while confirming a removal', async () => {
      const el = await renderList();
      await loaded(el);
      await pickType(el, 'Daniel Marquez', LISTED_CONSUMER);
      await expect(el).to.be.accessible();
      action(el, 'Rosa Delgado', 'remove').click();
      await until(() => part(el, 'confirm') !== null, 'confirmation');
      expect(part(el, 'type-picker')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('retypes at once, then fires cam-party-changed once the server saved it, and re-evaluates access', async () => {
      const el = await renderList();
      await loaded(el);
      const changed: CamPartyChangedEvent[] = [];
      document.addEventListener('cam-party-changed', (e) => changed.push(e), { once: true });
      const invalidated: string[] = [];
      provider.current?.access.subscribe((entity) => invalidated.push(entity?.id ?? 'all'));
      const badge = () =>
        rowNamed(el, 'Daniel Marquez')?.querySelector<CamEffectiveAccessBadge>('cam-effective-access-badge');
      await until(() => badge()?.level === 'write', 'Daniel’s badge: write');
      faults.set({ latencyMs: 300, methods: ['PATCH'] });
      await pickType(el, 'Daniel Marquez', LISTED_CONSUMER);
      saveButton(el)?.click();
      // Optimistic: shown before the server answered, and no event yet.
      const shown = () =>
        cells(rowNamed(el, 'Daniel Marquez') as HTMLElement)
          .slice(2, 4)
          .join('|');
      await until(() => shown() === 'Listed Consumer|— no access', 'the new type at once');
      expect(changed).to.have.length(0);
      expect(storedType(loan.parties.coBorrower)).to.equal(loan.relationshipTypes.coBorrower.id);
      await until(() => changed.length === 1, 'cam-party-changed');
      expect(changed[0]?.party.typeName).to.equal('Listed Consumer');
      expect(changed[0]?.previous.typeName).to.equal('Co-borrower');
      expect(storedType(loan.parties.coBorrower)).to.equal(LISTED_CONSUMER);
      expect(requestLog.count({ method: 'PATCH', table: PARTY_TABLE })).to.equal(1);
      expect(invalidated).to.include(loan.caseId);
      // A "Listed" type grants nothing: the badge re-evaluates from the server's new state.
      await until(() => badge()?.level === 'none', 'Daniel’s badge: none');
      await until(() => !rowNamed(el, 'Daniel Marquez')?.textContent?.includes('Saving'), 'saved');
      expect(cells(rowNamed(el, 'Daniel Marquez') as HTMLElement).slice(2, 4)).to.deep.equal([
        'Listed Consumer',
        '— no access',
      ]);
    });

    it('rolls a refused retype back visibly, with the server’s reason, to exactly what the server has', async () => {
      worker.use(http.patch(partyUrl, refuse(400, 'Relationship types are locked on closed cases')));
      const el = await renderList();
      await loaded(el);
      const before = rows(el).map(cells);
      let events = 0;
      el.addEventListener('cam-party-changed', () => events++);
      await pickType(el, 'Daniel Marquez', LISTED_CONSUMER);
      saveButton(el)?.click();
      await until(() => text(part(el, 'banner')).includes('Relationship types are locked'), 'refusal banner');
      expect(text(part(el, 'banner'))).to.contain(
        'Could not change the relationship type of Daniel Marquez to Listed Consumer.',
      );
      expect(part(el, 'banner')?.getAttribute('role')).to.equal('alert');
      await until(
        () => cells(rowNamed(el, 'Daniel Marquez') as HTMLElement)[2] === 'Co-borrower',
        'rolled back',
      );
      await until(() => JSON.stringify(rows(el).map(cells)) === JSON.stringify(before), 'server state');
      expect(storedType(loan.parties.coBorrower)).to.equal(loan.relationshipTypes.coBorrower.id);
      expect(events).to.equal(0);
    });

    it('reports a conflict when someone else changed the party meanwhile, and shows their change', async () => {
      const el = await renderList();
      await loaded(el);
      // Another agent retypes Daniel in another tab: sys_mod_count moves on.
      getStore().update(PARTY_TABLE, loan.parties.coBorrower, { type: loan.relationshipTypes.guarantor.id });
      await pickType(el, 'Daniel Marquez', LISTED_CONSUMER);
      saveButton(el)?.click();
      await until(
        () => text(part(el, 'banner')).includes('Someone else changed this party'),
        'conflict banner',
      );
      await until(
        () => cells(rowNamed(el, 'Daniel Marquez') as HTMLElement)[2] === 'Guarantor',
        'their change',
      );
      expect(requestLog.count({ method: 'PATCH', table: PARTY_TABLE })).to.equal(0);
      expect(storedType(loan.parties.coBorrower)).to.equal(loan.relationshipTypes.guarantor.id);
    });

    it('refuses a type the engine knows cannot be saved, without asking the server', async () => {
      const el = await renderList();
      await loaded(el);
      // "Attorney" is for contacts; Daniel is a consumer.
      await pickType(el, 'Daniel Marquez', loan.relationshipTypes.attorney.id);
      saveButton(el)?.click();
      await until(
        () => text(root(el).querySelector('.edit [role="alert"]')).includes('for contact parties'),
        'problem',
      );
      expect(requestLog.count({ method: 'PATCH' })).to.equal(0);
    });

    it('removes a party after the confirmation, and fires cam-party-removed once the server removed it', async () => {
      const el = await renderList();
      await loaded(el);
      const removed: CamPartyRemovedEvent[] = [];
      document.addEventListener('cam-party-removed', (e) => removed.push(e), { once: true });
      action(el, 'Daniel Marquez', 'remove').click();
      await until(
        () => confirmButton(el, 'cancel') !== null && focused(el) === confirmButton(el, 'cancel'),
        'focus',
      );
      expect(text(part(el, 'confirm'))).to.contain('Remove Daniel Marquez from the related parties?');
      expect(text(part(el, 'confirm'))).to.contain('Daniel Marquez: write → no access');
      faults.set({ latencyMs: 300, methods: ['DELETE'] });
      confirmButton(el, 'remove')?.click();
      await until(() => !names(el).includes('Daniel Marquez'), 'the row gone at once');
      expect(removed).to.have.length(0);
      await until(() => removed.length === 1, 'cam-party-removed');
      expect(removed[0]?.party.record.id).to.equal(loan.parties.coBorrower);
      expect(getStore().get(PARTY_TABLE, loan.parties.coBorrower)).to.equal(undefined);
      expect(requestLog.count({ method: 'DELETE', table: PARTY_TABLE })).to.equal(1);
      await until(() => rows(el).length === 2 && text(part(el, 'count')) === '2 parties', 'two left');
    });

    it('cancels a removal from the keyboard, returning focus to the row’s actions button', async () => {
      const el = await renderList();
      await loaded(el);
      menuButton(el, 'Daniel Marquez').focus();
      await sendKeys({ press: 'Enter' });
      await until(() => focused(el) === action(el, 'Daniel Marquez', 'edit'), 'focus on Change type');
      await sendKeys({ press: 'ArrowDown' });
      expect(focused(el)).to.equal(action(el, 'Daniel Marquez', 'remove'));
      await sendKeys({ press: 'Enter' });
      await until(() => focused(el) === confirmButton(el, 'cancel'), 'focus on Cancel');
      await sendKeys({ press: 'Escape' });
      await until(() => part(el, 'confirm') === null, 'confirmation closed');
      await until(() => focused(el) === menuButton(el, 'Daniel Marquez'), 'focus back on the actions button');
      expect(rows(el)).to.have.length(3);
      expect(requestLog.count({ method: 'DELETE' })).to.equal(0);
    });

    it('offers one actions menu per row, operable as a WAI-ARIA menu button', async () => {
      const el = await renderList();
      await loaded(el);
      for (const row of rows(el)) {
        expect(row.querySelectorAll('[part~="actions"] button:not([role="menuitem"])')).to.have.length(1);
      }
      const button = menuButton(el, 'Rosa Delgado');
      const menu = root(el).getElementById(button.getAttribute('aria-controls') ?? '') as HTMLElement;
      expect(button.getAttribute('aria-haspopup')).to.equal('menu');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-label')).to.equal('Actions for Rosa Delgado');
      expect(menu.getAttribute('role')).to.equal('menu');
      expect([...menu.children].map((item) => [item.getAttribute('role'), text(item)])).to.deep.equal([
        ['menuitem', 'Change type'],
        ['menuitem', 'Remove'],
      ]);
      button.focus();
      await sendKeys({ press: 'ArrowUp' });
      await until(() => button.getAttribute('aria-expanded') === 'true', 'expanded');
      expect(menu.matches(':popover-open')).to.equal(true);
      expect(focused(el)).to.equal(action(el, 'Rosa Delgado', 'remove'));
      await sendKeys({ press: 'ArrowDown' });
      expect(focused(el), 'wraps to the first item').to.equal(action(el, 'Rosa Delgado', 'edit'));
      await sendKeys({ press: 'End' });
      expect(focused(el)).to.equal(action(el, 'Rosa Delgado', 'remove'));
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await until(() => button.getAttribute('aria-expanded') === 'false', 'collapsed');
      expect(menu.matches(':popover-open')).to.equal(false);
      expect(focused(el)).to.equal(button);
      expect(part(el, 'confirm')).to.equal(null);
      expect(part(el, 'type-picker')).to.equal(null);
    });

    it('cancels an edit with Escape, returning focus to the actions button', async () => {
      const el = await renderList();
      await loaded(el);
      action(el, 'Rosa Delgado', 'edit').click();
      await until(() => focused(el) === part(el, 'type-picker'), 'focus in the picker');
      const cancel = () =>
        [...root(el).querySelectorAll<HTMLButtonElement>('.edit-actions button')].find(
          (b) => text(b) === 'Cancel',
        );
      // Escape from a control of the edit other than the picker (which keeps Escape for itself).
      // The key goes straight to the Cancel button: under load the virtualizer may re-render the
      // row between moving focus and a simulated key press, dropping focus to the body.
      cancel()?.focus();
      cancel()?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      await until(() => part(el, 'type-picker') === null, 'edit closed');
      await until(() => focused(el) === menuButton(el, 'Rosa Delgado'), 'focus back on the actions button');
      expect(requestLog.count({ method: 'PATCH' })).to.equal(0);
    });

    it('keeps the reason of a refused change when the re-read fails too', async () => {
      const el = await renderList();
      await loaded(el);
      await pickType(el, 'Daniel Marquez', LISTED_CONSUMER);
      // The PATCH never gets an answer, and the re-read after it fails as well.
      worker.use(
        http.patch(partyUrl, () => HttpResponse.error()),
        http.get(`*/api/now/table/${PARTY_TABLE}`, refuse(500, 'Database unavailable')),
      );
      saveButton(el)?.click();
      await until(() => part(el, 'error') !== null, 'load error after the failed change');
      expect(text(part(el, 'banner'))).to.contain(
        'Could not change the relationship type of Daniel Marquez to Listed Consumer.',
      );
      expect(text(part(el, 'banner'))).to.contain('The server cannot be reached');
      expect(text(part(el, 'error'))).to.contain('Database unavailable');
      worker.resetHandlers();
      part(el, 'retry-button')?.click();
      await loaded(el);
      expect(cells(rowNamed(el, 'Daniel Marquez') as HTMLElement)[2]).to.equal('Co-borrower');
    });

    it('keeps a change refused with a 500, with Retry next to the error; Retry saves it, clears the banner and re-evaluates access', async function () {
      this.timeout(20_000);
      const el = await renderList();
      await loaded(el);
      const badge = () =>
        rowNamed(el, 'Daniel Marquez')?.querySelector<CamEffectiveAccessBadge>('cam-effective-access-badge');
      await until(() => badge()?.level === 'write', 'Daniel’s badge: write');
      faults.set({ errorRate: [{ status: 500, rate: 1 }] });
      await pickType(el, 'Daniel Marquez', LISTED_CONSUMER);
      saveButton(el)?.click();
      await until(
        () =>
          text(part(el, 'banner')).includes(
            'Could not change the relationship type of Daniel Marquez to Listed Consumer.',
          ),
        'the refusal, with the agent’s choice',
      );
      // The re-read after the refusal fails too: the list and the badges wait for a Retry.
      await until(() => part(el, 'error') !== null, 'the load error', 10_000);
      faults.reset();
      const retry = part(el, 'banner')?.querySelector<HTMLButtonElement>('button.retry');
      expect(retry, 'Retry next to the error').to.not.equal(null);
      retry?.click();
      await until(() => storedType(loan.parties.coBorrower) === LISTED_CONSUMER, 'saved on Retry');
      await loaded(el);
      await until(() => text(part(el, 'banner')) === '', 'the banner gone');
      await until(() => badge()?.level === 'none', 'Daniel’s badge re-evaluated: none', 10_000);
      expect(cells(rowNamed(el, 'Daniel Marquez') as HTMLElement)[2]).to.equal('Listed Consumer');
    });

    it('keeps a removal refused with a 500: Retry next to the error removes the party', async () => {
      worker.use(http.delete(partyUrl, refuse(500, 'Database unavailable'), { once: true }));
      const el = await renderList();
      await loaded(el);
      action(el, 'Daniel Marquez', 'remove').click();
      await until(() => confirmButton(el, 'remove') !== null, 'confirmation');
      confirmButton(el, 'remove')?.click();
      await until(() => text(part(el, 'banner')).includes('Could not remove Daniel Marquez.'), 'banner');
      await until(() => rowNamed(el, 'Daniel Marquez') !== undefined, 'the row back');
      part(el, 'banner')?.querySelector<HTMLButtonElement>('button.retry')?.click();
      await until(
        () => getStore().get(PARTY_TABLE, loan.parties.coBorrower) === undefined,
        'removed on Retry',
      );
      await until(() => rows(el).length === 2 && text(part(el, 'banner')) === '', 'two rows, no banner');
    });

    it('cancels an edit with one Escape from the type picker', async () => {
      const el = await renderList();
      await loaded(el);
      action(el, 'Rosa Delgado', 'edit').click();
      await until(() => focused(el) === part(el, 'type-picker'), 'focus in the picker');
      await sendKeys({ press: 'Escape' });
      await until(() => part(el, 'type-picker') === null, 'edit closed after one Escape');
      expect(requestLog.count({ method: 'PATCH' })).to.equal(0);
    });

    it('changes a type from the keyboard', async () => {
      const el = await renderList();
      await loaded(el);
      menuButton(el, 'Rosa Delgado').focus();
      await sendKeys({ press: 'Enter' });
      await until(() => focused(el) === action(el, 'Rosa Delgado', 'edit'), 'focus on Change type');
      await sendKeys({ press: 'Enter' });
      await until(() => focused(el) === part(el, 'type-picker'), 'focus in the picker');
      const picker = part<CamRelationshipTypePicker>(el, 'type-picker') as CamRelationshipTypePicker;
      picker.value = LISTED_CONSUMER;
      picker.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await el.updateComplete;
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(saveButton(el));
      await sendKeys({ press: 'Enter' });
      await until(() => storedType(loan.parties.guarantor) === LISTED_CONSUMER, 'saved');
    });

    it('rolls a refused removal back visibly, with the reason', async () => {
      worker.use(http.delete(partyUrl, refuse(403, 'ACL denies delete'), { once: true }));
      const el = await renderList();
      await loaded(el);
      let events = 0;
      el.addEventListener('cam-party-removed', () => events++);
      action(el, 'Daniel Marquez', 'remove').click();
      await until(() => confirmButton(el, 'remove') !== null, 'confirmation');
      confirmButton(el, 'remove')?.click();
      await until(() => text(part(el, 'banner')).includes('Could not remove Daniel Marquez.'), 'banner');
      expect(text(part(el, 'banner'))).to.contain('You are not allowed to do this.');
      await until(() => rows(el).length === 3 && rowNamed(el, 'Daniel Marquez') !== undefined, 'row back');
      expect(getStore().get(PARTY_TABLE, loan.parties.coBorrower)).to.not.equal(undefined);
      expect(events).to.equal(0);
    });

    it('blocks removing the case’s own consumer, and says why', async () => {
      getStore().insert(PARTY_TABLE, {
        case: loan.caseId,
        consumer: loan.applicant.id,
        type: LISTED_CONSUMER,
        responsibility: '',
      });
      const el = await renderList();
      await loaded(el, 4);
      action(el, loan.applicant.name, 'remove').click();
      await until(() => part(el, 'confirm') !== null, 'confirmation');
      const confirm = text(part(el, 'confirm'));
      expect(confirm).to.contain(`${loan.applicant.name} cannot be removed.`);
      expect(confirm).to.contain('It is the consumer of this case');
      expect(confirmButton(el, 'remove')).to.equal(null);
      await expect(el).to.be.accessible();
      confirmButton(el, 'cancel')?.click();
      await until(() => part(el, 'confirm') === null, 'closed');
      expect(requestLog.count({ method: 'DELETE' })).to.equal(0);
    });

    it('shows a party the add dialog saved, and hosts see cam-party-added once', async () => {
      const el = await renderList();
      await loaded(el);
      let hostSaw = 0;
      document.addEventListener('cam-party-added', () => hostSaw++);
      part(el, 'add-button')?.click();
      await until(() => root(el).querySelector('cam-add-party-dialog') !== null, 'dialog');
      // What the dialog does once the server saved a party.
      const record = getStore().insert(PARTY_TABLE, {
        case: loan.caseId,
        consumer: loan.applicant.id,
        type: LISTED_CONSUMER,
        responsibility: '',
      });
      const saved = await provider.current?.parties.read(
        { kind: 'case', id: loan.caseId },
        record.sys_id ?? '',
      );
      root(el).querySelector('cam-add-party-dialog')?.dispatchEvent(new CamPartyAddedEvent(saved!));
      await until(() => names(el).includes(loan.applicant.name), 'the added party');
      expect(hostSaw).to.equal(1);
    });
  });
});
