import { oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { useElementFixtures } from '../../test/support/fixtures.js';
import { getStore } from '../../mocks/db.js';
import { requestLog } from '../../mocks/faults.js';
import { STORY } from '../../mocks/seed/story.js';
import { CamPartySelectedEvent } from '../events.js';
import {
  $,
  $maybe,
  CASE_TABLE,
  expect,
  isShown,
  openDialog,
  options,
  pickParty,
  renderDialog,
  setSearch,
  settle,
  textOf,
  until,
} from '../../test/support/add-party-dialog.js';

const CASE = STORY.nearMiss.caseId;
const contactSearches = (): number => requestLog.count({ method: 'GET', table: 'customer_contact' });

describe('<cam-add-party-dialog>', () => {
  const worker = useElementFixtures();

  describe('accessibility', () => {
    it('passes axe when closed', async () => {
      const { dialog } = await renderDialog(CASE_TABLE, CASE);
      await expect(dialog).to.be.accessible();
      expect(isShown(dialog)).to.equal(false);
    });

    it('passes axe when open, with results, and with a failed search', async () => {
      const { dialog } = await openDialog(CASE_TABLE, CASE);
      await expect(dialog).to.be.accessible();

      await setSearch(dialog, 'James');
      await until(() => options(dialog).length > 0, 'results');
      await expect(dialog).to.be.accessible();

      worker.use(
        http.get('*/api/now/table/customer_contact', () =>
          HttpResponse.json(
            { error: { message: 'Insufficient rights', detail: '' }, status: 'failure' },
            { status: 403 },
          ),
        ),
      );
      await setSearch(dialog, 'Jamesx');
      await until(() => $maybe(dialog, '[part="search-error"] button') !== null, 'the search error');
      expect(textOf($(dialog, '[part="search-error"]'))).to.contain('Insufficient rights');
      await expect(dialog).to.be.accessible();
    });
  });

  describe('opening and closing', () => {
    it('opens modal with a labelled heading, reflects open, and moves focus into the search box', async () => {
      const { dialog } = await openDialog(CASE_TABLE, CASE);
      expect(dialog.open).to.equal(true);
      expect(dialog.hasAttribute('open')).to.equal(true);
      const native = $<HTMLDialogElement>(dialog, 'dialog');
      expect(native.open).to.equal(true);
      expect(native.matches(':modal')).to.equal(true);
      const title = dialog.shadowRoot?.getElementById(native.getAttribute('aria-labelledby') ?? '');
      expect(textOf(title)).to.equal('Add related party');
      expect(dialog.shadowRoot?.activeElement?.id).to.equal('search');
    });

    it('opens from the open attribute', async () => {
      const { dialog } = await renderDialog(CASE_TABLE, CASE);
      dialog.setAttribute('open', '');
      await dialog.updateComplete;
      expect(isShown(dialog)).to.equal(true);
    });

    it('Escape closes it, fires a native close event and returns focus to the opener', async () => {
      const { dialog, opener } = await openDialog(CASE_TABLE, CASE);
      const closed = oneEvent(dialog, 'close');
      await sendKeys({ press: 'Escape' });
      await closed;
      expect(dialog.open).to.equal(false);
      expect(dialog.hasAttribute('open')).to.equal(false);
      expect(isShown(dialog)).to.equal(false);
      expect(document.activeElement).to.equal(opener);
    });

    it('close() and Cancel close it; reopening starts afresh', async () => {
      const { dialog, opener } = await openDialog(CASE_TABLE, CASE);
      await setSearch(dialog, 'James');
      dialog.close();
      await oneEvent(dialog, 'close');
      expect(isShown(dialog)).to.equal(false);
      expect(document.activeElement).to.equal(opener);

      dialog.show();
      await dialog.updateComplete;
      expect($<HTMLInputElement>(dialog, '#search').value).to.equal('');
      $(dialog, '[part="cancel-button"]').click();
      await oneEvent(dialog, 'close');
      expect(dialog.open).to.equal(false);
    });
  });

  describe('search', () => {
    it('offers only the party kinds the entity table holds', async () => {
      const { dialog } = await openDialog(CASE_TABLE, CASE);
      const kinds = [...$<HTMLSelectElement>(dialog, '#kind').options].map((o) => o.value);
      expect(kinds).to.deep.equal(['contact', 'consumer', 'user', 'account', 'service_organization']);

      const ib = await openDialog('sn_install_base_item', STORY.trackedProduct.installBase.rootId);
      const ibKinds = [...$<HTMLSelectElement>(ib.dialog, '#kind').options].map((o) => o.value);
      expect(ibKinds).to.include('service_organization');
    });

    it('debounces typing: three quick keystrokes send one request, for the whole text', async () => {
      const { dialog } = await openDialog(CASE_TABLE, CASE);
      requestLog.clear();
      // Input events 50 ms apart: without the debounce each would send a request. (Not sendKeys:
      // its round trips can exceed the debounce on a loaded machine; timers here fire in deadline
      // order, so the next keystroke always aborts the pending run first.)
      for (const text of ['J', 'Ja', 'Jam']) {
        await setSearch(dialog, text);
        await settle(50);
      }
      await until(() => options(dialog).length > 0, 'results');
      await settle(400);
      const searched = requestLog.entries
        .filter((e) => e.table === 'customer_contact')
        .map((e) => `${e.time} ${decodeURIComponent(e.url)}`);
      // One search for the whole text: its names, then its emails to fill up the list.
      const queries = requestLog.entries
        .filter((e) => e.table === 'customer_contact')
        .map((e) => new URL(e.url).searchParams.get('sysparm_query'));
      expect(queries, searched.join('\n')).to.deep.equal([
        'nameSTARTSWITHJam^ORnameLIKE Jam^ORDERBYname',
        'emailLIKEJam^ORDERBYname',
      ]);
    });

    it('lists name and email/account, limited, in an accessible listbox operable with arrows and Enter', async () => {
      const { dialog } = await openDialog(CASE_TABLE, CASE);
      await sendKeys({ type: 'James Wh' });
      await until(() => options(dialog).length > 0, 'results');
      const first = options(dialog)[0];
      expect(textOf(first?.querySelector('[part="option-name"]'))).to.equal('James Whitfield');
      expect(textOf(first?.querySelector('[part="option-secondary"]'))).to.equal(
        `james@whitfield-partners.example · ${STORY.housingLoan.lawFirm.name}`,
      );
      const input = $<HTMLInputElement>(dialog, '#search');
      expect(input.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: 'ArrowDown' });
      await dialog.updateComplete;
      expect(input.getAttribute('aria-activedescendant')).to.equal(first?.id);
      expect(first?.getAttribute('aria-selected')).to.equal('true');
      const selected = oneEvent<CamPartySelectedEvent>(dialog, CamPartySelectedEvent.eventName);
      await sendKeys({ press: 'Enter' });
      const event = await selected;
      expect(event.party).to.deep.equal({ kind: 'contact', id: STORY.housingLoan.attorney.id });
      expect(textOf($(dialog, '[part="selected"]'))).to.contain('James Whitfield');
      expect(input.getAttribute('aria-expanded')).to.equal('false');
      expect(isShown(dialog)).to.equal(true);
    });

    it('says "refine your search" when there are more than 20 matches', async () => {
      const { dialog } = await openDialog(CASE_TABLE, CASE);
      await setSearch(dialog, 'a');
      await until(() => options(dialog).length > 0, 'results');
      expect(options(dialog)).to.have.length(20);
      expect(textOf($(dialog, '[part="search-status"]'))).to.contain('refine your search');
    });

    it('ranks name matches first and highlights the match: "ma" finds Maya Lindqvist before email matches', async () => {
      const { dialog } = await openDialog(CASE_TABLE, CASE);
      await setSearch(dialog, 'ma');
      await until(() => options(dialog).length > 0, 'results');
      const names = options(dialog).map((o) => textOf(o.querySelector('[part="option-name"]')));
      expect(names).to.include(STORY.nearMiss.contact.name);
      // Every hit whose name starts with "ma" comes before any that matched otherwise.
      const starts = names.map((n) => n.toLowerCase().startsWith('ma'));
      expect(starts.indexOf(false) === -1 || starts.lastIndexOf(true) < starts.indexOf(false)).to.equal(true);
      const maya = options(dialog).find(
        (o) => textOf(o.querySelector('.name')) === STORY.nearMiss.contact.name,
      );
      expect(textOf(maya?.querySelector('mark'))).to.equal('Ma');
      await expect(dialog).to.be.accessible();
    });

    it('counts matches in words: "1 match.", "2 matches."', async () => {
      const { dialog } = await openDialog(CASE_TABLE, CASE);
      await setSearch(dialog, 'Maya Lind');
      await until(() => options(dialog).length === 1, 'one result');
      expect(textOf($(dialog, '[part="search-status"]'))).to.equal('1 match.');
    });

    it('keeps a 500-character search inside the dialog', async () => {
      const { dialog } = await openDialog(CASE_TABLE, CASE);
      await setSearch(dialog, 'x'.repeat(500));
      await until(() => textOf($(dialog, '[part="search-status"]')).includes('No matches'), 'no matches');
      const box = $(dialog, '[part="dialog"]').getBoundingClientRect();
      for (const name of ['search-status', 'search-input', 'body']) {
        const inner = $(dialog, `[part~="${name}"]`).getBoundingClientRect();
        expect(inner.right, name).to.be.at.most(box.right + 0.5);
        expect(inner.left, name).to.be.at.least(box.left - 0.5);
      }
      const body = $(dialog, '[part="body"]');
      expect(body.scrollWidth, 'no sideways scrolling').to.be.at.most(body.clientWidth);
    });

    it('shows a no-matches state', async () => {
      const { dialog } = await openDialog(CASE_TABLE, CASE);
      await setSearch(dialog, 'Zzyzx Nobody');
      await until(() => textOf($(dialog, '[part="search-status"]')).includes('No matches'), 'no matches');
      expect(options(dialog)).to.have.length(0);
      await expect(dialog).to.be.accessible();
    });

    for (const [label, text, expected] of [
      ['an encoded-query injection', 'a^ORname=x', "Search text can't contain ^"],
      ['a control character (inputs strip newlines; a tab is one too)', 'a\tb', 'control characters'],
      ['a fullwidth caret', 'a＾ORb', 'look like ^'],
    ] as const) {
      it(`refuses ${label} with a message and sends nothing`, async () => {
        const { dialog } = await openDialog(CASE_TABLE, CASE);
        requestLog.clear();
        await setSearch(dialog, text);
        await until(() => $maybe(dialog, '[part="search-error"]') !== null, 'the message');
        expect(textOf($(dialog, '[part="search-error"]'))).to.contain(expected);
        await settle(400);
        expect(contactSearches()).to.equal(0);
        await expect(dialog).to.be.accessible();
      });
    }

    it('searches the chosen kind on its own table', async () => {
      const { dialog } = await openDialog(CASE_TABLE, CASE);
      const kind = $<HTMLSelectElement>(dialog, '#kind');
      kind.value = 'account';
      kind.dispatchEvent(new Event('change'));
      await dialog.updateComplete;
      await setSearch(dialog, 'Bluewater');
      await until(() => options(dialog).length > 0, 'accounts');
      expect(textOf(options(dialog)[0]?.querySelector('.name'))).to.equal(STORY.nearMiss.account.name);
      expect(requestLog.count({ method: 'GET', table: 'customer_account' })).to.be.greaterThan(0);
      expect(contactSearches()).to.equal(0);
    });

    it('retries a failed search', async () => {
      const { dialog } = await openDialog(CASE_TABLE, CASE);
      worker.use(
        http.get(
          '*/api/now/table/customer_contact',
          () =>
            HttpResponse.json(
              { error: { message: 'Forbidden', detail: '' }, status: 'failure' },
              { status: 403 },
            ),
          { once: true },
        ),
      );
      await setSearch(dialog, 'James Wh');
      await until(() => $maybe(dialog, '[part="search-error"] button') !== null, 'the error');
      $(dialog, '[part="search-error"] button').click();
      await until(() => options(dialog).length > 0, 'results after retry');
    });

    it('renders HTML in a party name as text', async () => {
      const hostile = '<img src=x onerror=alert(1)>';
      getStore().insert('customer_contact', {
        name: hostile,
        email: 'evil@example.com',
        account: STORY.nearMiss.account.id,
      });
      const { dialog } = await openDialog(CASE_TABLE, CASE);
      await pickParty(dialog, '<img', hostile);
      expect(textOf($(dialog, '[part="selected"] strong'))).to.equal(hostile);
      expect(dialog.shadowRoot?.querySelector('img')).to.equal(null);
    });
  });
});
