/**
 * What the library leaves on the device: only definitions, in one IndexedDB database per instance
 * and user, never read by another instance or user, and gone after sign-out. No personal data
 * (names, emails, case texts) in IndexedDB, localStorage or sessionStorage, after a full session
 * with every element. (The demo app keeps its mock store in localStorage under `cam-mock-store`;
 * the demo does not run here, so nothing at all is excused.)
 */
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import { freshUserId, until, useElementFixtures, ignoreResizeObserverLoop } from '../support/fixtures.js';
import { getStore } from '../../mocks/db.js';
import { faults } from '../../mocks/faults.js';
import { STORY } from '../../mocks/seed/index.js';
import { definitionsDatabaseName, DEFINITIONS_DB_PREFIX } from '../../src/cache/definitions-db.js';
import { DefinitionsUnavailableError } from '../../src/service/definitions-service.js';
import '../../components/provider/cam-provider.js';
import '../../components/related-party-list/cam-related-party-list.js';
import '../../components/effective-access-badge/cam-effective-access-badge.js';
import '../../components/add-party-dialog/cam-add-party-dialog.js';
import '../../components/access-inspector/cam-access-inspector.js';
import type { CamProvider } from '../../components/provider/cam-provider.component.js';
import { deepQuery, deepQueryAll, deepText } from './dom.js';
import { deleteAllDatabases, dumpIndexedDB, freshUser, makeServices, map, rejection } from './support.js';

const LOAN = STORY.housingLoan;
const DEFINITION_STORES = ['accessConfigs', 'meta', 'relationshipTypes', 'responsibilities', 'roles'];

/** Every personal or case text of the mock instance that a careless cache could keep. */
function personalTexts(): string[] {
  const store = getStore();
  const texts = new Set<string>();
  for (const table of [map.contact.table, map.consumer.table, map.user.table, map.account.table]) {
    for (const record of store.all(table)) {
      for (const value of [record.name, record.email]) if (value && value.length > 3) texts.add(value);
    }
  }
  for (const record of store.all(map.case.table)) {
    for (const value of [record.number, record.short_description]) if (value) texts.add(value);
  }
  return [...texts];
}

async function session(userId: string): Promise<CamProvider> {
  return fixture<CamProvider>(
    html`<cam-provider user-id=${userId}>
      <cam-related-party-list
        entity-table=${map.case.table}
        entity-id=${LOAN.caseId}
      ></cam-related-party-list>
      <cam-add-party-dialog
        entity-table=${map.case.table}
        entity-id=${STORY.nearMiss.caseId}
      ></cam-add-party-dialog>
      <cam-access-inspector tab="explain"></cam-access-inspector>
    </cam-provider>`,
  );
}

describe('reliability: storage isolation', () => {
  useElementFixtures();
  ignoreResizeObserverLoop();
  beforeEach(async () => {
    await deleteAllDatabases();
    localStorage.clear();
    sessionStorage.clear();
  });

  it('a full session with every element stores definitions only, and no personal data anywhere', async () => {
    const userId = freshUserId();
    const provider = await session(userId);
    const list = provider.querySelector('cam-related-party-list') as HTMLElement;
    await until(() => deepQueryAll(list, '[part~="row"]').length === 3, 'the list', 8000);
    // A badge popover with its explanation.
    await until(() => deepQuery(list, 'button[part="badge"][data-level="write"]') !== undefined, 'a badge');
    deepQuery<HTMLButtonElement>(list, 'button[part="badge"][data-level="write"]')?.click();
    await until(() => deepQuery(list, '.tree') !== undefined, 'an explanation');
    // The add dialog: a search with results.
    const dialog = provider.querySelector('cam-add-party-dialog') as HTMLElement & { show(): void };
    dialog.show();
    await until(() => deepQuery(dialog, '#search') !== undefined, 'the dialog');
    const input = deepQuery<HTMLInputElement>(dialog, '#search') as HTMLInputElement;
    input.value = 'James';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await until(() => deepQueryAll(dialog, '[part~="results"] [role="option"]').length > 0, 'results', 8000);
    // The inspector: an explanation of a principal (reads facts, roles held, names).
    const inspector = provider.querySelector('cam-access-inspector') as HTMLElement;
    await until(() => deepQuery(inspector, 'form.explain-form') !== undefined, 'the explain form', 8000);
    const form = deepQuery<HTMLFormElement>(inspector, 'form.explain-form') as HTMLFormElement;
    const field = (name: string) =>
      form.querySelector<HTMLInputElement>(`[name="${name}"]`) as HTMLInputElement;
    field('principal-kind').value = 'contact';
    field('principal-id').value = STORY.nearMiss.contact.id;
    field('entity-kind').value = 'case';
    field('entity-id').value = STORY.nearMiss.caseId;
    form.requestSubmit();
    await until(() => deepQuery(inspector, '[part="explanation"]') !== undefined, 'the explanation', 8000);
    await provider.current?.definitions.revalidated();
    expect(deepText(list)).to.include(LOAN.coBorrower.name); // the session did see personal data

    const dump = await dumpIndexedDB();
    const names = new Set([...dump.keys()].map((key) => key.split('/')[0] ?? ''));
    expect([...names]).to.deep.equal([await definitionsDatabaseName(location.origin, userId)]);
    expect([...names][0]).to.not.include(userId); // the user id is hashed in the name
    expect([...dump.keys()].map((key) => key.split('/')[1]).sort()).to.deep.equal(DEFINITION_STORES);
    const stored = JSON.stringify([...dump.values()]);
    expect(stored.length).to.be.above(1000);
    const leaked = personalTexts().filter((text) => stored.includes(text));
    expect(leaked, 'personal or case data in IndexedDB').to.deep.equal([]);
    expect(localStorage.length, 'localStorage keys').to.equal(0);
    expect(sessionStorage.length, 'sessionStorage keys').to.equal(0);
  });

  it('user Y never reads user X’s cache: offline, Y gets an error while X gets X’s copy', async () => {
    const user = freshUser('x');
    await makeServices({ user }).definitions.load();
    faults.set({ offline: true });
    const other = await rejection(makeServices({ user: freshUser('y') }).definitions.load());
    expect(other).to.be.instanceOf(DefinitionsUnavailableError);
    expect((other as DefinitionsUnavailableError).offline).to.equal(true);
    const same = await makeServices({ user }).definitions.load();
    expect(same.source).to.equal('cache');
  });

  it('instance B never reads instance A’s cache for the same user', async () => {
    const user = freshUser();
    await makeServices({ user, instance: 'https://a.service-now.com' }).definitions.load();
    faults.set({ offline: true });
    const other = await rejection(
      makeServices({ user, instance: 'https://b.service-now.com' }).definitions.load(),
    );
    expect(other).to.be.instanceOf(DefinitionsUnavailableError);
    const same = await makeServices({
      user,
      instance: 'https://a.service-now.com/some/path',
    }).definitions.load();
    expect(same.source).to.equal('cache');
  });

  it('provider.signOut() deletes that user’s database and forgets the definitions, and no one else’s', async () => {
    const stays = freshUser('stays');
    await makeServices({ user: stays }).definitions.load();
    const userId = freshUserId();
    const provider = await fixture<CamProvider>(html`<cam-provider user-id=${userId}></cam-provider>`);
    await provider.current?.definitions.load();
    const mine = await definitionsDatabaseName(location.origin, userId);
    const theirs = await definitionsDatabaseName(location.origin, stays);
    const names = async () => (await indexedDB.databases()).map((info) => info.name);
    expect(await names()).to.include.members([mine, theirs]);

    await provider.signOut();
    expect(provider.current?.definitions.current).to.equal(undefined);
    expect(await names()).to.not.include(mine);
    expect(await names()).to.include(theirs);
    expect((await names()).every((name) => name?.startsWith(DEFINITIONS_DB_PREFIX))).to.equal(true);
    // After sign-out nothing is served from the old cache: offline, the next load fails.
    faults.set({ offline: true });
    expect(await rejection(makeServices({ user: userId }).definitions.load())).to.be.instanceOf(
      DefinitionsUnavailableError,
    );
  });
});
