/**
 * Every element under backend faults: slow answers show a loading state and never double-submit;
 * errors show as errors (with the reason and a Retry), never as an empty or "none" answer; a 401
 * reaches the host as `cam-auth-required`; a failed change leaves what the server has.
 */
import { expect } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import {
  renderInProvider,
  until,
  useElementFixtures,
  ignoreResizeObserverLoop,
} from '../support/fixtures.js';
import { getStore } from '../../mocks/db.js';
import { faults, requestLog } from '../../mocks/faults.js';
import { STORY } from '../../mocks/seed/index.js';
import '../../components/related-party-list/cam-related-party-list.js';
import '../../components/effective-access-badge/cam-effective-access-badge.js';
import '../../components/relationship-type-picker/cam-relationship-type-picker.js';
import '../../components/access-inspector/cam-access-inspector.js';
import type { CamProvider } from '../../components/provider/cam-provider.component.js';
import type { CamAuthRequiredEvent } from '../../components/events.js';
import {
  assessed,
  chooseType,
  openDialog,
  pickParty,
  posts,
  saveButton,
} from '../support/add-party-dialog.js';
import { deepQuery, deepQueryAll, deepText, sleep } from './dom.js';
import { map } from './support.js';

const LOAN = STORY.housingLoan;
const CASE_TABLE = map.case.table;
const PARTY_TABLE = map.caseParty.table;

interface Rendered {
  readonly provider: CamProvider;
  readonly element: HTMLElement;
  readonly authEvents: CamAuthRequiredEvent[];
}

async function render(template: TemplateResult, selector: string): Promise<Rendered> {
  const { provider, element } = await renderInProvider<HTMLElement>(template, selector);
  const authEvents: CamAuthRequiredEvent[] = [];
  provider.addEventListener('cam-auth-required', (event) => authEvents.push(event));
  return { provider, element, authEvents };
}

const list = (id: string = LOAN.caseId) =>
  render(
    html`<cam-related-party-list entity-table=${CASE_TABLE} entity-id=${id}></cam-related-party-list>`,
    'cam-related-party-list',
  );
const rows = (el: Element) => deepQueryAll(el, '[part~="row"]');
const rowOf = (el: Element, text: string) => rows(el).find((row) => row.textContent?.includes(text));
const banner = (el: Element) => {
  const found = deepQuery(el, '[part="banner"]');
  return found ? deepText(found) : '';
};
const loaded = (el: Element, count = 3) => until(() => rows(el).length === count, `${count} rows`, 8000);
/** The server's parties of the loan: type per party id. */
const serverTypes = () =>
  Object.fromEntries(
    getStore()
      .all(PARTY_TABLE)
      .filter((r) => r[map.caseParty.columns.entity] === LOAN.caseId)
      .map((r) => [r.contact || r.consumer, r.type]),
  );

async function retypeRow(el: Element, name: string, typeId: string): Promise<void> {
  rowOf(el, name)?.querySelector<HTMLButtonElement>('[data-action="edit"]')?.click();
  await until(() => deepQuery(el, 'cam-relationship-type-picker') !== undefined, 'the picker');
  const picker = deepQuery(el, 'cam-relationship-type-picker') as HTMLElement & { value: string };
  picker.value = typeId;
  picker.dispatchEvent(new Event('change', { bubbles: true }));
  await sleep(0);
  await until(
    () => deepQuery<HTMLButtonElement>(el, '.edit-actions button.primary')?.disabled === false,
    'Save',
  );
  deepQuery<HTMLButtonElement>(el, '.edit-actions button.primary')?.click();
}

describe('reliability: elements under backend faults', () => {
  useElementFixtures();
  ignoreResizeObserverLoop();

  describe('<cam-related-party-list>', () => {
    it('slow backend (1.5 s): a skeleton while loading, "Saving…" while a change is in flight, one PATCH', async () => {
      faults.set({ latencyMs: 1500, tables: [PARTY_TABLE] });
      const { element } = await list();
      await sleep(300);
      expect(deepQuery(element, '[part="skeleton"]')).to.not.equal(undefined);
      expect(rows(element)).to.have.length(0);
      await loaded(element);

      faults.set({ latencyMs: 1500, methods: ['PATCH'], tables: undefined });
      const before = serverTypes();
      await retypeRow(element, LOAN.guarantor.name, LOAN.relationshipTypes.coBorrower.id);
      await until(
        () => rowOf(element, LOAN.guarantor.name)?.getAttribute('aria-busy') === 'true',
        'busy row',
      );
      const row = rowOf(element, LOAN.guarantor.name) as HTMLElement;
      expect(deepText(row)).to.include('Saving…');
      const actions = [...row.querySelectorAll<HTMLButtonElement>('[data-action]')];
      expect(actions.every((b) => b.disabled)).to.equal(true);
      actions.forEach((b) => b.click()); // impatient clicks do nothing
      expect(serverTypes()).to.deep.equal(before); // not saved yet
      await until(
        () => rowOf(element, LOAN.guarantor.name)?.getAttribute('aria-busy') === 'false',
        'saved',
        6000,
      );
      expect(requestLog.count({ method: 'PATCH' })).to.equal(1);
      expect(serverTypes()[LOAN.guarantor.id]).to.equal(LOAN.relationshipTypes.coBorrower.id);
    });

    it('401 mid-session: cam-auth-required, the reason in the banner, and the party still listed', async () => {
      const { element, authEvents } = await list();
      await loaded(element);
      faults.set({ unauthorized: true });
      rowOf(element, LOAN.guarantor.name)
        ?.querySelector<HTMLButtonElement>('[data-action="remove"]')
        ?.click();
      // Remove is enabled once the access check is in (or has failed: the 401 may stop it too).
      await until(
        () => deepQuery<HTMLButtonElement>(element, '[data-confirm="remove"]')?.disabled === false,
        'the confirmation',
      );
      deepQuery<HTMLButtonElement>(element, '[data-confirm="remove"]')?.click();
      await until(() => banner(element) !== '', 'the banner');
      expect(banner(element)).to.match(/session has expired/);
      expect(authEvents.length).to.be.at.least(1);
      expect(authEvents[0]?.error.status).to.equal(401);
      expect(getStore().get(PARTY_TABLE, LOAN.parties.guarantor)).to.not.equal(undefined);
      faults.reset();
      // The re-read after the refusal may itself have met the 401 (then the list offers Retry).
      const retry = () => deepQuery<HTMLButtonElement>(element, '[part~="retry-button"]');
      await until(
        () => rowOf(element, LOAN.guarantor.name) !== undefined || retry() !== undefined,
        'rows or Retry',
      );
      retry()?.click();
      await until(() => rowOf(element, LOAN.guarantor.name) !== undefined, 'the party back in the list');
    });

    it('a retype answered 500 rolls back to the server’s state and says so', async () => {
      const { element } = await list();
      await loaded(element);
      const before = serverTypes();
      faults.set({ errorRate: [{ status: 500, rate: 1 }], methods: ['PATCH'] });
      await retypeRow(element, LOAN.guarantor.name, LOAN.relationshipTypes.coBorrower.id);
      await until(() => banner(element) !== '', 'the banner');
      expect(banner(element)).to.match(/Internal Server Error/);
      expect(serverTypes()).to.deep.equal(before);
      await until(
        () => (rowOf(element, LOAN.guarantor.name)?.textContent ?? '').includes('Guarantor'),
        'rollback',
      );
    });

    for (const [what, fault, message] of [
      ['network loss', { offline: true }, /cannot be reached/],
      ['an HTML page instead of JSON', { malformed: 'html' as const }, /expected JSON/],
      ['403 on the party table', { forbiddenTables: [PARTY_TABLE] }, /not allowed/],
    ] as const) {
      it(`${what} while loading: an error with Retry, never "no parties"`, async () => {
        faults.set(fault);
        const { element } = await list();
        await until(() => deepQuery(element, '[part="error"]') !== undefined, 'the error', 8000);
        expect(deepText(deepQuery(element, '[part="error"]') as Element)).to.match(message);
        expect(deepQuery(element, '[part="empty"]')).to.equal(undefined);
        faults.reset();
        deepQuery<HTMLButtonElement>(element, '[part="retry-button"]')?.click();
        await loaded(element);
      });
    }

    it('fields hidden by ACLs and a deleted contact: every row renders, nothing invented', async () => {
      faults.set({
        omitFields: { [PARTY_TABLE]: [map.caseParty.columns.responsibility ?? 'responsibility'] },
      });
      getStore().remove(map.contact.table, LOAN.attorney.id);
      const { element } = await list();
      await loaded(element);
      expect(deepText(rowOf(element, '(deleted contact)') as Element)).to.include('(deleted contact)');
      for (const row of rows(element)) expect(deepText(row)).to.include('no access');
    });
  });

  describe('<cam-effective-access-badge>', () => {
    const badge = () =>
      render(
        html`<cam-effective-access-badge
          principal-type="consumer"
          principal-id=${LOAN.coBorrower.id}
          entity-table=${CASE_TABLE}
          entity-id=${LOAN.caseId}
        ></cam-effective-access-badge>`,
        'cam-effective-access-badge',
      );

    for (const [what, fault] of [
      ['a 401', { unauthorized: true }],
      ['malformed JSON', { malformed: 'json' as const }],
      ['a 503', { errorRate: [{ status: 503, rate: 1 }] }],
    ] as const) {
      it(`${what}: "?" with the reason, never "none"`, async () => {
        faults.set(fault);
        const { element, authEvents } = await badge();
        await until(() => deepQuery(element, 'button[part="badge"]') !== undefined, 'the badge', 8000);
        const button = deepQuery<HTMLButtonElement>(element, 'button[part="badge"]') as HTMLButtonElement;
        expect(button.dataset.level).to.equal('unknown');
        expect(deepText(button)).to.not.match(/none/);
        button.click();
        await until(() => deepQuery(element, '[role="alert"]') !== undefined, 'the reason');
        if ('unauthorized' in fault) expect(authEvents.length).to.be.at.least(1);
        faults.reset();
        deepQuery<HTMLButtonElement>(element, 'button.retry')?.click();
        await until(
          () => deepQuery(element, 'button[part="badge"]')?.dataset.level === 'write',
          'the answer',
          8000, // the retry re-reads every fact the badge needs: allow for a loaded CI machine
        );
      });
    }
  });

  describe('<cam-relationship-type-picker>', () => {
    it('definitions unavailable (503, nothing cached): an error with Retry, not "no type applies"', async () => {
      faults.set({ errorRate: [{ status: 503, rate: 1 }] });
      const { element } = await render(
        html`<cam-relationship-type-picker
          applies-to=${CASE_TABLE}
          party-type="consumer"
        ></cam-relationship-type-picker>`,
        'cam-relationship-type-picker',
      );
      await until(
        () => deepQuery(element, '[part=field]')?.getAttribute('aria-busy') === 'false',
        'settled',
        8000,
      );
      const message = deepText(deepQuery(element, '[part="message"]') ?? element);
      expect(message).to.match(/could not|unavailable|failed|error/i);
      expect(message).to.not.match(/no (relationship )?type/i);
      faults.reset();
      const retry = deepQueryAll<HTMLButtonElement>(element, 'button').find((b) =>
        /retry/i.test(b.textContent ?? ''),
      );
      retry?.click();
      deepQuery<HTMLButtonElement>(element, '[part="toggle"]')?.click();
      await until(() => deepQueryAll(element, '[role="option"]').length > 0, 'the options after Retry');
    });
  });

  describe('<cam-add-party-dialog>', () => {
    it('slow save (1.5 s): Save is disabled while saving and a double click sends one POST', async () => {
      const { dialog } = await openDialog(CASE_TABLE, STORY.nearMiss.caseId);
      await pickParty(dialog, 'James Wh', LOAN.attorney.name);
      await chooseType(dialog, 'Authorized Contact');
      await assessed(dialog);
      faults.set({ latencyMs: 1500, methods: ['POST'] });
      const save = saveButton(dialog);
      save.click();
      save.click();
      await dialog.updateComplete;
      // Kept focusable (aria-disabled) so focus is not lost, but inert while the POST is out.
      expect(saveButton(dialog).getAttribute('aria-disabled')).to.equal('true');
      expect(saveButton(dialog).textContent).to.include('Saving');
      saveButton(dialog).click();
      await until(() => !dialog.open, 'the dialog to close after saving', 8000);
      expect(posts()).to.equal(1);
    });

    it('a 401 while searching: cam-auth-required, and the search says it failed', async () => {
      const { dialog, provider } = await openDialog(CASE_TABLE, STORY.nearMiss.caseId);
      const events: Event[] = [];
      provider.addEventListener('cam-auth-required', (event) => events.push(event));
      faults.set({ unauthorized: true });
      const input = deepQuery<HTMLInputElement>(dialog, '#search') as HTMLInputElement;
      input.value = 'James';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await until(() => deepQuery(dialog, '[part~="search-error"]') !== undefined, 'the search error', 8000);
      expect(events.length).to.be.at.least(1);
      expect(deepQueryAll(dialog, '[part~="results"] [role="option"]')).to.have.length(0);
    });
  });

  describe('<cam-access-inspector>', () => {
    it('403 on sys_user_role_contains: the status names the incomplete table', async () => {
      faults.set({ forbiddenTables: [map.roleContains.table] });
      const { element } = await render(
        html`<cam-access-inspector tab="status"></cam-access-inspector>`,
        'cam-access-inspector',
      );
      await until(() => deepText(element).includes('Incomplete'), 'the status', 8000);
      expect(deepText(element)).to.match(/sys_user_role_contains/);
      expect(deepText(element)).to.not.match(/every definition table was read/);
    });
  });
});
