import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { faults, requestLog } from '../../mocks/faults.js';
import { getStore } from '../../mocks/db.js';
import { STORY } from '../../mocks/seed/index.js';
import { BUILTIN_PERSONA_GRANTS } from '../../src/access/builtin-persona-grants.js';
import { RoleCatalog } from '../../src/access/role-catalog.js';
import type { DefinitionsSnapshot } from '../../src/service/definitions-snapshot.js';
import { freshUserId, renderInProvider, until, useElementFixtures } from '../../test/support/fixtures.js';
import type { CamProvider } from '../provider/cam-provider.component.js';
import './cam-access-inspector.js';
import type { CamAccessInspector } from './cam-access-inspector.component.js';
import { INSPECTOR_TABS, type InspectorTab } from './inspector-tabs.js';

const DEFINITION_TABLES = [
  'sys_user_role',
  'sys_user_role_contains',
  'sn_customerservice_responsibility_def',
  'sn_customerservice_responsibility_access_config',
  'sn_customerservice_related_party_configuration',
];
const SP_CONTACT = 'sn_install_base.sold_product_authorized_contact';
const CASE_CONTACT = 'sn_customerservice.case_authorized_contact';
const CASE_WRITE = 'sn_customerservice.case_write_granular';
const CASE_READ = 'sn_customerservice.case_read_granular';
const HOSTILE = '<img src=x onerror=alert(1)>';

interface Rendered {
  readonly el: CamAccessInspector;
  readonly provider: CamProvider;
}

const root = (el: CamAccessInspector): ShadowRoot => el.shadowRoot as ShadowRoot;
const $ = <T extends Element = HTMLElement>(el: CamAccessInspector, selector: string): T | null =>
  root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: CamAccessInspector, selector: string): T[] => [
  ...root(el).querySelectorAll<T>(selector),
];
const text = (node: Element | null | undefined): string =>
  node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const focused = (el: CamAccessInspector): Element | null => root(el).activeElement;
const item = (el: CamAccessInspector, ...path: string[]): HTMLElement | null =>
  $(el, `[role="treeitem"][data-key="${CSS.escape(path.join('>'))}"]`);
const current = (provider: CamProvider): DefinitionsSnapshot | undefined =>
  provider.current?.definitions.current;

async function renderInspector(userId?: string, definitionsInterval?: number): Promise<Rendered> {
  const { element, provider } = await renderInProvider<CamAccessInspector>(
    html`<cam-access-inspector></cam-access-inspector>`,
    'cam-access-inspector',
    { ...(userId ? { userId } : {}), ...(definitionsInterval === undefined ? {} : { definitionsInterval }) },
  );
  return { el: element, provider };
}

async function loaded(el: CamAccessInspector): Promise<void> {
  await until(() => $(el, '[role="tablist"]') !== null, 'the rules to load');
}

async function openTab(el: CamAccessInspector, tab: InspectorTab): Promise<void> {
  $(el, `#tab-${tab}`)?.click();
  await el.updateComplete;
}

async function search(el: CamAccessInspector, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '[role="tabpanel"] input[type="search"]');
  if (!input) throw new Error('no search field');
  input.value = value;
  input.dispatchEvent(new InputEvent('input'));
  await el.updateComplete;
}

async function importText(el: CamAccessInspector, body: string, name = 'rules.json'): Promise<void> {
  await openTab(el, 'transfer');
  const input = $<HTMLInputElement>(el, 'input[type="file"]');
  if (!input) throw new Error('no file input');
  const files = new DataTransfer();
  files.items.add(new File([body], name, { type: 'application/json' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change'));
  await until(() =>
    /Imported|not imported/.test(text($(el, '.import-status')) + text($(el, '.import-error'))),
  );
}

async function explain(el: CamAccessInspector, principal: [string, string], entity: [string, string]) {
  await openTab(el, 'explain');
  const form = $<HTMLFormElement>(el, 'form.explain-form');
  if (!form) throw new Error('no explain form');
  const set = (name: string, value: string): void => {
    (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value = value;
  };
  set('principal-kind', principal[0]);
  set('principal-id', principal[1]);
  set('entity-kind', entity[0]);
  set('entity-id', entity[1]);
  form.requestSubmit();
  await until(
    () => $(el, '.explanation') !== null || $(el, '.result [role="alert"]') !== null,
    'an explanation',
  );
}

describe('<cam-access-inspector>', () => {
  useElementFixtures();

  it('is accessible with the rules loaded', async () => {
    const { el } = await renderInspector();
    await loaded(el);
    await expect(el).to.be.accessible();
  });

  it('is accessible in every tab', async () => {
    const { el } = await renderInspector();
    await loaded(el);
    for (const tab of $$(el, '[role="tab"]')) {
      tab.click();
      await el.updateComplete;
      expect($(el, '[role="tabpanel"]')?.getAttribute('aria-labelledby')).to.equal(tab.id);
      await expect(el).to.be.accessible();
    }
  });

  it('shows an accessible loading state until the rules arrive', async () => {
    faults.set({ latencyMs: 400 });
    const { el } = await renderInspector();
    expect($(el, '.loading[role="status"]')).not.to.equal(null);
    await expect(el).to.be.accessible();
    await loaded(el);
    expect($(el, '.loading')).to.equal(null);
  });

  it('shows an accessible error with Retry when nothing is cached and the instance is unreachable', async () => {
    faults.set({ offline: true });
    const { el } = await renderInspector();
    await until(() => $(el, '.error-state [role="alert"]') !== null, 'the error');
    expect(text($(el, '.error-state [role="alert"]'))).to.contain('cannot be reached');
    // An access-test file can still be imported from here.
    expect($(el, 'input[type="file"]')).not.to.equal(null);
    await expect(el).to.be.accessible();
    faults.reset();
    $<HTMLButtonElement>(el, '.error-state button')?.click();
    await loaded(el);
  });

  it('shows an empty state when the instance has no definitions it can read', async () => {
    for (const table of DEFINITION_TABLES) {
      for (const row of getStore().all(table)) getStore().remove(table, row.sys_id as string);
    }
    const { el } = await renderInspector();
    await loaded(el);
    expect(text($(el, '.empty'))).to.contain('No access rules are loaded');
    await expect(el).to.be.accessible();
  });

  it('shows sold product authorized contact → case authorized contact → case write → case read', async () => {
    const { el, provider } = await renderInspector();
    await loaded(el);
    const path = [SP_CONTACT, CASE_CONTACT, CASE_WRITE];
    for (let depth = 1; depth <= path.length; depth++) {
      const row = item(el, ...path.slice(0, depth));
      expect(row, path.slice(0, depth).join(' > ')).not.to.equal(null);
      expect(row?.getAttribute('aria-level')).to.equal(String(depth));
      row?.querySelector<HTMLElement>('.twisty')?.click();
      await el.updateComplete;
      expect(row?.getAttribute('aria-expanded')).to.equal('true');
    }
    const read = item(el, ...path, CASE_READ);
    expect(read?.getAttribute('aria-level')).to.equal('4');
    read?.click();
    await el.updateComplete;
    const details = text($(el, '[part="role-details"]'));
    const plugin = current(provider)?.definitions.roles.find((r) => r.name === CASE_READ)?.plugin ?? '?';
    expect(details).to.contain(CASE_READ).and.contain(plugin);
    expect(text($(el, '[part="role-details"] table'))).to.match(/Case\s*read/);
    await expect(el).to.be.accessible();
  });

  it('moves through the tree with the keyboard', async () => {
    const { el } = await renderInspector();
    await loaded(el);
    const top = item(el, SP_CONTACT) as HTMLElement;
    top.click();
    await el.updateComplete;
    expect(focused(el)).to.equal(top);
    expect(top.getAttribute('tabindex')).to.equal('0');
    await sendKeys({ press: 'ArrowRight' });
    expect(top.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowRight' });
    const child = focused(el) as HTMLElement;
    expect(child.getAttribute('aria-level')).to.equal('2');
    expect(child.dataset.key?.startsWith(`${SP_CONTACT}>`)).to.equal(true);
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(el)).to.equal(top);
    await sendKeys({ press: 'ArrowLeft' });
    expect(top.getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: 'Enter' });
    expect(top.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: ' ' });
    expect(top.getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: 'End' });
    const items = $$(el, '[role="treeitem"]');
    expect(focused(el)).to.equal(items[items.length - 1]);
    await sendKeys({ press: 'Home' });
    expect(focused(el)).to.equal(items[0]);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el)).to.equal(items[1]);
    expect(items[1]?.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(el)).to.equal(items[0]);
  });

  it('search keeps the ancestors of matching roles and hides roles with no match below', async () => {
    const { el, provider } = await renderInspector();
    await loaded(el);
    const roots = (): string[] =>
      $$(el, '[role="treeitem"][aria-level="1"]').map((li) => li.dataset.key ?? '');
    const before = roots();
    await search(el, 'case_read_granular');
    const after = roots();
    expect(after.length).to.be.greaterThan(0).and.lessThan(before.length);
    const catalog = RoleCatalog.fromDefinitions(current(provider)?.definitions.roles ?? []);
    for (const name of after) expect(catalog.closure(name).has(CASE_READ), name).to.equal(true);
    expect(item(el, SP_CONTACT, CASE_CONTACT, CASE_WRITE, CASE_READ)).not.to.equal(null);
    expect(text($(el, '.count'))).to.match(/^\d+ of \d+ roles shown$/);
    await search(el, 'no role is called this');
    expect($$(el, '[role="treeitem"]')).to.have.length(0);
    expect(text($(el, '[role="tabpanel"]'))).to.contain('No role matches');
  });

  it('filters the other sections by their search', async () => {
    const { el } = await renderInspector();
    await loaded(el);
    await openTab(el, 'relationship-types');
    const all = $$(el, 'tbody tr').length;
    await search(el, 'Listed');
    const listed = $$(el, 'tbody tr');
    expect(listed.length).to.be.greaterThan(0).and.lessThan(all);
    for (const row of listed) expect(text(row)).to.contain('Listed — grants nothing');
    await openTab(el, 'responsibilities');
    await search(el, 'Authorized Representative');
    const rows = $$(el, 'tbody tr');
    expect(rows).to.have.length(1);
    expect(text(rows[0])).to.contain(CASE_CONTACT);
  });

  it('moves between tabs with the arrow keys, Home and End', async () => {
    const { el } = await renderInspector();
    await loaded(el);
    $(el, '#tab-roles')?.focus();
    const selected = (): string | undefined =>
      $$(el, '[role="tab"][aria-selected="true"]').map((t) => t.id)[0];
    await sendKeys({ press: 'ArrowRight' });
    expect(selected()).to.equal('tab-responsibilities');
    expect(focused(el)?.id).to.equal('tab-responsibilities');
    expect(el.tab).to.equal('responsibilities');
    await sendKeys({ press: 'End' });
    expect(focused(el)?.id).to.equal('tab-transfer');
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el)?.id).to.equal('tab-roles');
    await sendKeys({ press: 'ArrowLeft' });
    expect(selected()).to.equal('tab-transfer');
    await sendKeys({ press: 'Home' });
    expect(selected()).to.equal('tab-roles');
    expect($$(el, '[role="tab"][tabindex="0"]')).to.have.length(1);
  });

  it('links each required role to the catalogue', async () => {
    const { el } = await renderInspector();
    await loaded(el);
    await openTab(el, 'access-configs');
    await search(el, CASE_CONTACT);
    const link = $$<HTMLButtonElement>(el, 'button.link').find((b) => text(b).includes(CASE_CONTACT));
    link?.click();
    await el.updateComplete;
    expect(el.tab).to.equal('roles');
    await until(() => focused(el) === item(el, CASE_CONTACT), 'the role to be focused');
    expect(text($(el, '[part="role-details"] h3'))).to.equal('Case Authorized Contact');
  });

  it('after a first load, renders offline from the cache with its age and no definition request', async () => {
    const userId = freshUserId();
    const first = await renderInspector(userId);
    await loaded(first.el);
    await first.provider.current?.definitions.revalidated();
    first.provider.remove();
    faults.set({ offline: true });
    requestLog.clear();

    // Checked with the server on every load (interval 0): the check fails, the copy is offline.
    const { el } = await renderInspector(userId, 0);
    await loaded(el);
    await until(() => $(el, '[part="offline"]') !== null, 'the offline note');
    expect(text($(el, '.source'))).to.match(/Offline.*Cached (just now|\d+ seconds? ago)/);
    expect(item(el, SP_CONTACT)).not.to.equal(null);
    await openTab(el, 'status');
    const status = text($(el, '[part="status"]'));
    expect(status).to.contain('The cache on this device').and.contain('Offline');
    expect(status).to.contain(location.origin).and.contain(userId).and.contain('IndexedDB');
    await expect(el).to.be.accessible();
    const answered = requestLog.entries.filter(
      (entry) =>
        DEFINITION_TABLES.includes(entry.table) && (entry.status ?? 0) >= 200 && (entry.status ?? 0) < 300,
    );
    expect(answered).to.deep.equal([]);
  });

  it('Refresh asks the instance again', async () => {
    const { el } = await renderInspector();
    await loaded(el);
    await openTab(el, 'status');
    requestLog.clear();
    $<HTMLButtonElement>(el, '[part="refresh"]')?.click();
    await until(() => requestLog.count({ table: 'sys_user_role' }) > 0, 'a request for roles');
    await until(
      () => $(el, '[part="refresh"]')?.getAttribute('aria-disabled') === 'false',
      'the refresh to end',
    );
    expect($(el, '[role="tabpanel"] [role="alert"]')).to.equal(null);
  });

  it('exports the rules as a downloaded file and imports it back unchanged', async () => {
    const { el, provider } = await renderInspector();
    await loaded(el);
    await provider.current?.definitions.revalidated();
    const before = current(provider);
    const blobs: Blob[] = [];
    const revoked: string[] = [];
    const { createObjectURL, revokeObjectURL } = URL;
    let link: HTMLAnchorElement | undefined;
    const onClick = (event: Event): void => {
      const target = event.composedPath()[0];
      if (target instanceof HTMLAnchorElement) {
        link = target;
        event.preventDefault();
      }
    };
    URL.createObjectURL = (blob: Blob | MediaSource): string => {
      blobs.push(blob as Blob);
      return createObjectURL(blob);
    };
    URL.revokeObjectURL = (url: string): void => {
      revoked.push(url);
      revokeObjectURL(url);
    };
    el.addEventListener('click', onClick);
    try {
      await openTab(el, 'transfer');
      $<HTMLButtonElement>(el, '[part="export"]')?.click();
      expect(blobs).to.have.length(1);
      expect(link?.download).to.match(/^cam-access-rules-.+\.json$/);
      expect(link?.isConnected).to.equal(false);
      await until(() => revoked.includes(link?.href ?? ''), 'the object URL to be revoked');
    } finally {
      URL.createObjectURL = createObjectURL;
      URL.revokeObjectURL = revokeObjectURL;
      el.removeEventListener('click', onClick);
    }
    const body = await blobs[0]!.text();
    expect(JSON.parse(body).definitions.roles).to.have.length(before?.definitions.roles.length ?? -1);

    await importText(el, body, 'exported.json');
    expect(text($(el, '.import-status'))).to.match(/^Imported "exported.json": \d+ roles/);
    const after = current(provider);
    expect(after?.source).to.equal('import');
    expect(after?.definitions).to.deep.equal(before?.definitions);
    expect(text($(el, '.source'))).to.contain('Imported');
    await expect(el).to.be.accessible();
    await openTab(el, 'status');
    const connection = text($(el, '[part="status"]'));
    expect(connection).to.not.contain('Up to date with the instance');
    expect(connection).to.contain('Imported: these rules were not read from the instance');
  });

  for (const [label, body, detail] of [
    ['definitions that are not an object', '{"definitions": 5}', 'definitions'],
    ['a __proto__ key', '{"definitions": {"roles": [], "__proto__": {"x": 1}}}', 'forbidden key'],
    ['text that is not JSON', '{"definitions":', 'not valid JSON'],
  ] as const) {
    it(`refuses a file with ${label}, names the place, and keeps the rules`, async () => {
      const { el, provider } = await renderInspector();
      await loaded(el);
      const before = current(provider);
      await importText(el, body);
      const error = text($(el, '.import-error[role="alert"]'));
      expect(error).to.contain('not imported').and.contain(detail).and.contain('unchanged');
      expect(current(provider)).to.equal(before);
      expect(text($(el, '.import-status'))).to.equal('');
      await expect(el).to.be.accessible();
    });
  }

  it('explains the near miss of the contact who has the responsibility but lacks the role', async () => {
    const { el } = await renderInspector();
    await loaded(el);
    const miss = STORY.nearMiss;
    await explain(el, ['contact', miss.contact.id], ['case', miss.caseId]);
    expect(text($(el, '.verdict')))
      .to.contain(miss.contact.name)
      .and.contain(miss.caseNumber)
      .and.contain('none');
    const misses = $$(el, '.near-miss').map(text);
    expect(misses.some((m) => m.includes(`lacks role ${miss.missingRole}`))).to.equal(true);
    expect($(el, '.near-miss')?.getAttribute('data-code')).to.equal('missing-role');
    await expect(el).to.be.accessible();
  });

  /** Types into a name field of the Explain form and chooses the hit named `name`. */
  async function pickByName(
    el: CamAccessInspector,
    field: 'principal' | 'entity',
    typed: string,
    name: string,
  ) {
    const input = $<HTMLInputElement>(el, `#${field}-search`);
    if (!input) throw new Error(`no ${field} name field`);
    input.value = typed;
    input.dispatchEvent(new InputEvent('input'));
    const option = () =>
      $$(el, `#${field}-options [role="option"]`).find((o) => text(o.querySelector('.name')) === name);
    await until(() => option() !== undefined, `a hit named ${name}`);
    option()?.click();
    await el.updateComplete;
  }

  it('finds the person and the record by name, not by sys_id, and explains', async () => {
    const { el } = await renderInspector();
    await loaded(el);
    await openTab(el, 'explain');
    const miss = STORY.nearMiss;
    await pickByName(el, 'principal', 'ma', miss.contact.name);
    expect(text($(el, '#principal-status'))).to.match(new RegExp(`^Chosen: ${miss.contact.name}`));
    await pickByName(el, 'entity', miss.caseNumber.slice(0, 6), miss.caseNumber);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="explain-button"]')?.click();
    await until(() => $(el, '.explanation') !== null, 'an explanation');
    expect(text($(el, '.explanation .summary'))).to.match(
      new RegExp(`^${miss.contact.name} has no access to this case\\.`),
    );
  });

  it('asks to choose from the list when Explain is pressed without a choice', async () => {
    const { el } = await renderInspector();
    await loaded(el);
    await openTab(el, 'explain');
    $<HTMLButtonElement>(el, '[part="explain-button"]')?.click();
    await el.updateComplete;
    expect(text($(el, '#principal-status'))).to.equal('Choose a contact from the list.');
    expect(text($(el, '#entity-status'))).to.equal('Choose a case from the list.');
    expect($(el, '.explanation')).to.equal(null);
  });

  it('fills the form from a deep link and explains it, names shown', async () => {
    const miss = STORY.nearMiss;
    const { element: el } = await renderInProvider<CamAccessInspector>(
      html`<cam-access-inspector
        explain-principal=${`contact:${miss.contact.id}`}
        explain-entity=${`case:${miss.caseId}`}
      ></cam-access-inspector>`,
      'cam-access-inspector',
    );
    await until(() => $(el, '.explanation') !== null, 'the explanation');
    expect($(el, '[role="tab"][aria-selected="true"]')?.id).to.equal('tab-explain');
    await until(() => $<HTMLInputElement>(el, '#principal-search')?.value === miss.contact.name, 'the name');
    expect($<HTMLInputElement>(el, '#entity-search')?.value).to.equal(miss.caseNumber);
    expect(text($(el, '.explanation .summary'))).to.contain(
      `${miss.contact.name} has no access to this case.`,
    );
  });

  it('explains a granting path as nested lists down to the granular roles', async () => {
    const { el } = await renderInspector();
    await loaded(el);
    const loan = STORY.housingLoan;
    await explain(el, ['contact', loan.attorney.id], ['case', loan.caseId]);
    const grant = $(el, '.explanation .path');
    expect(text(grant)).to.contain('Attorney').and.contain('Authorized Representative');
    expect(grant?.querySelector('li.held')).not.to.equal(null);
    expect(text($(el, '.verdict'))).to.contain('write');
  });

  it('says facts need the network or an imported file when offline with nothing imported', async () => {
    const { el } = await renderInspector();
    await loaded(el);
    faults.set({ offline: true });
    await explain(el, ['contact', STORY.nearMiss.contact.id], ['case', STORY.nearMiss.caseId]);
    expect(text($(el, '.result [role="alert"]')))
      .to.contain('cannot be reached')
      .and.contain('import');
    await expect(el).to.be.accessible();
  });

  it('explains offline from the facts of an imported access-test file', async () => {
    const { el } = await renderInspector();
    await loaded(el);
    const file = {
      definitions: 'builtin',
      facts: {
        accounts: [{ id: 'acme', name: 'Acme' }],
        contacts: [{ id: 'ana', name: 'Ana', account: 'acme', roles: [] }],
        cases: [{ id: 'cs1', number: 'CS1', account: 'acme' }],
        relatedParties: [{ entity: 'case:cs1', party: 'contact:ana', type: 'Authorized Contact' }],
      },
    };
    await importText(el, JSON.stringify(file), 'world.json');
    expect(text($(el, '.import-status'))).to.contain('facts');
    faults.set({ offline: true });
    requestLog.clear();
    await explain(el, ['contact', 'ana'], ['case', 'cs1']);
    expect(text($(el, '.result [role="status"]'))).to.contain('world.json');
    expect($$(el, '.near-miss').map(text).join(' ')).to.contain(`lacks role ${CASE_CONTACT}`);
    expect(requestLog.count()).to.equal(0);
  });

  it('renders HTML in role data as text', async () => {
    const { el } = await renderInspector();
    await loaded(el);
    const file = {
      definitions: 'builtin',
      extend: { roles: [{ name: 'x_hostile.role', title: HOSTILE, description: `<b>bold</b>${HOSTILE}` }] },
    };
    await importText(el, JSON.stringify(file));
    await openTab(el, 'roles');
    await search(el, 'x_hostile');
    item(el, 'x_hostile.role')?.click();
    await el.updateComplete;
    expect(text($(el, '[part="role-details"] h3'))).to.equal(HOSTILE);
    expect(text($(el, '[part="role-details"] .description'))).to.equal(`<b>bold</b>${HOSTILE}`);
    expect(root(el).querySelector('img, b')).to.equal(null);
  });

  it('warns about a containment cycle from an imported file and still renders the tree', async () => {
    const { el } = await renderInspector();
    await loaded(el);
    const file = {
      definitions: {
        roles: [
          { name: 'x.a', title: 'A', kind: 'functional', contains: ['x.b'] },
          { name: 'x.b', title: 'B', kind: 'functional', contains: ['x.a'] },
        ],
      },
    };
    await importText(el, JSON.stringify(file), 'cycle.json');
    expect(text($(el, '.import-error'))).to.equal('');
    await openTab(el, 'roles');
    expect(text($(el, '[part="warning"]')))
      .to.contain('cycle')
      .and.contain('x.a')
      .and.contain('x.b');
    item(el, 'x.a')?.querySelector<HTMLElement>('.twisty')?.click();
    await el.updateComplete;
    item(el, 'x.a', 'x.b')?.querySelector<HTMLElement>('.twisty')?.click();
    await el.updateComplete;
    const back = item(el, 'x.a', 'x.b', 'x.a');
    expect(back?.getAttribute('aria-expanded')).to.equal(null);
    expect(text(back)).to.contain('cycle');
    await expect(el).to.be.accessible();
  });

  it('flags a required role the catalogue does not know', async () => {
    const table = 'sn_customerservice_responsibility_access_config';
    const config = getStore().all(table)[0];
    if (!config) throw new Error('no access config seeded');
    getStore().update(table, config.sys_id as string, {
      roles_required: `${config.roles_required ?? ''},x_acme.no_such_role`,
    });
    const { el } = await renderInspector();
    await loaded(el);
    await openTab(el, 'access-configs');
    expect($$(el, '[data-unknown]').map(text)).to.deep.equal(['⚠ x_acme.no_such_role — unknown role']);
    await expect(el).to.be.accessible();
  });

  describe('Persona roles tab', () => {
    const CUSTOMER = 'sn_customerservice.customer';
    const ACCOUNT_CASES = {
      id: 'x_customer_account_cases',
      role: CUSTOMER,
      table: 'case',
      level: 'read',
      scope: 'account',
      principals: ['contact', 'consumer'],
      note: 'Acme: customers read every case of their account.',
    } as const;
    /** The cells of the persona row with `id`, as text. */
    const cells = (el: CamAccessInspector, id: string): string[] =>
      $$(el, `tbody tr[data-id="${CSS.escape(id)}"] > *`).map(text);

    /** Clicks Export and returns the downloaded file's text. */
    async function exportThroughUi(el: CamAccessInspector): Promise<string> {
      const blobs: Blob[] = [];
      const { createObjectURL } = URL;
      const onClick = (event: Event): void => {
        if (event.composedPath()[0] instanceof HTMLAnchorElement) event.preventDefault();
      };
      URL.createObjectURL = (blob: Blob | MediaSource): string => {
        blobs.push(blob as Blob);
        return createObjectURL(blob);
      };
      el.addEventListener('click', onClick);
      try {
        await openTab(el, 'transfer');
        $<HTMLButtonElement>(el, '[part="export"]')?.click();
      } finally {
        URL.createObjectURL = createObjectURL;
        el.removeEventListener('click', onClick);
      }
      if (blobs.length !== 1) throw new Error('no file was exported');
      return blobs[0]!.text();
    }

    it('lists the built-in rows: role, table, level, scope, kinds, source, active state and sentence', async () => {
      const { el } = await renderInspector();
      await loaded(el);
      await openTab(el, 'persona-roles');
      expect($(el, '[role="tab"][aria-selected="true"]')?.id).to.equal('tab-persona-roles');
      expect(text($(el, '#tab-persona-roles'))).to.equal('Persona roles');
      expect($$(el, 'tbody tr')).to.have.length(BUILTIN_PERSONA_GRANTS.length);
      const [role, ...rest] = cells(el, 'customer_own_cases');
      expect(role).to.contain(CUSTOMER);
      expect(rest).to.deep.equal([
        'Case',
        'write',
        'Their own records',
        'Contact',
        'Built-in',
        'Active',
        'Customer: "Customers can create cases and view and edit existing cases for themselves."',
      ]);
      expect(text($(el, '.count'))).to.equal(
        `${BUILTIN_PERSONA_GRANTS.length} of ${BUILTIN_PERSONA_GRANTS.length} persona roles shown`,
      );
      await search(el, 'Every record');
      const every = $$(el, 'tbody tr');
      expect(every.length).to.be.greaterThan(0).and.lessThan(BUILTIN_PERSONA_GRANTS.length);
      for (const row of every) expect(text(row)).to.contain('Every record');
      await expect(el).to.be.accessible();
    });

    it('links the role of a row to the catalogue', async () => {
      const { el } = await renderInspector();
      await loaded(el);
      await openTab(el, 'persona-roles');
      $<HTMLButtonElement>(el, 'tbody tr[data-id="customer_own_cases"] button.link')?.click();
      await el.updateComplete;
      expect(el.tab).to.equal('roles');
      await until(() => focused(el) === item(el, CUSTOMER), 'the role to be focused');
    });

    it('shows host rows from the provider as Host, and a turned-off built-in row as Inactive', async () => {
      const { el, provider } = await renderInspector();
      await loaded(el);
      await openTab(el, 'persona-roles');
      expect(cells(el, ACCOUNT_CASES.id)).to.deep.equal([]);
      provider.personaGrants = [
        ACCOUNT_CASES,
        { ...BUILTIN_PERSONA_GRANTS.find((g) => g.id === 'agent_cases')!, active: false },
      ];
      await until(() => cells(el, ACCOUNT_CASES.id).length > 0, 'the host row');
      expect(cells(el, ACCOUNT_CASES.id).slice(1)).to.deep.equal([
        'Case',
        'read',
        'Records of their account',
        'Contact, Consumer',
        'Host',
        'Active',
        ACCOUNT_CASES.note,
      ]);
      const agent = $(el, 'tbody tr[data-id="agent_cases"]');
      expect(agent?.dataset.inactive).to.equal('true');
      expect(cells(el, 'agent_cases').slice(5, 7)).to.deep.equal(['Host', 'Inactive']);
      expect($$(el, 'tbody tr')).to.have.length(BUILTIN_PERSONA_GRANTS.length + 1);
      await expect(el).to.be.accessible();
    });

    it('shows imported rows as Imported, and they survive export and import', async () => {
      const { el, provider } = await renderInspector();
      await loaded(el);
      await provider.current?.definitions.revalidated();
      const file = JSON.parse(await exportThroughUi(el));
      file.definitions.personaGrants = [ACCOUNT_CASES];
      await importText(el, JSON.stringify(file), 'with-persona.json');
      expect(text($(el, '.import-status'))).to.match(/^Imported "with-persona.json"/);
      await openTab(el, 'persona-roles');
      expect($$(el, 'tbody tr')).to.have.length(1);
      expect(cells(el, ACCOUNT_CASES.id).slice(5)).to.deep.equal(['Imported', 'Active', ACCOUNT_CASES.note]);
      const imported = current(provider)?.definitions;

      const again = await exportThroughUi(el);
      expect(JSON.parse(again).definitions.personaGrants).to.deep.equal([
        { ...ACCOUNT_CASES, source: 'imported' },
      ]);
      await importText(el, again, 'exported.json');
      // The first import's status also says "Imported": wait for the second file's.
      await until(() => /^Imported "exported.json"/.test(text($(el, '.import-status'))), 'the second import');
      expect(current(provider)?.definitions).to.deep.equal(imported);
      await openTab(el, 'persona-roles');
      expect(cells(el, ACCOUNT_CASES.id).slice(5, 6)).to.deep.equal(['Imported']);
      await expect(el).to.be.accessible();
    });
  });
});

describe('<cam-access-inspector> at 390 px', () => {
  useElementFixtures();

  for (const tab of INSPECTOR_TABS) {
    it(`fits 390 px on the ${tab} tab: wide content scrolls inside its own box, not the panel`, async () => {
      const { el } = await renderInspector();
      el.style.display = 'block';
      el.style.width = '390px';
      await loaded(el);
      await openTab(el, tab);
      const panel = $(el, '[role="tabpanel"]') as HTMLElement;
      expect(panel.scrollWidth, 'panel content width').to.be.at.most(panel.clientWidth);
      await expect(el).to.be.accessible();
    });
  }
});
