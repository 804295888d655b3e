import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { useMockBackend } from '../support/msw.js';
import { AccessTestFileError } from '../../src/access/test-file.js';
import { definitionsDatabaseName } from '../../src/cache/definitions-db.js';
import {
  DefinitionsUnavailableError,
  type DefinitionsSnapshot,
} from '../../src/service/definitions-snapshot.js';
import { DefinitionBackend } from './fixtures/definition-backend.js';
import {
  Clock,
  databaseNames,
  deleteAllDatabases,
  gate,
  INSTANCE,
  loadSettled,
  rejection,
  service,
} from './support.js';

const DEFINITION_TABLES = [
  'sys_user_role',
  'sys_user_role_contains',
  'sn_customerservice_responsibility_def',
  'sn_customerservice_responsibility_access_config',
  'sn_customerservice_related_party_configuration',
];
const GUARANTOR = 'x_acme.guarantor';

const describeRole = (snapshot: DefinitionsSnapshot, name: string): string | undefined =>
  snapshot.definitions.roles.find((role) => role.name === name)?.description;

describe('DefinitionsService: cache-first loading', () => {
  const worker = useMockBackend();
  let backend: DefinitionBackend;

  beforeEach(() => {
    backend = new DefinitionBackend();
    worker.use(...backend.handlers());
  });
  afterEach(deleteAllDatabases);

  it('first load reads every definition table from the network, page after page', async () => {
    const clock = new Clock();
    const snapshot = await service({ now: clock.now }).load();
    expect(snapshot.source).to.equal('network');
    expect(snapshot.storage).to.deep.equal({ kind: 'indexeddb' });
    expect(snapshot.fetchedAt).to.equal(clock.time);
    expect(snapshot.definitions.roles.map((r) => r.name)).to.have.length(4);
    expect(snapshot.definitions.accessConfigs.map((c) => c.id)).to.have.length(2);
    expect(snapshot.problems.join('\n')).to.match(/unknown access level "admin"/);
    // No freshness stamp query: each table is read once, its stamp derived from the rows' update
    // dates (4 roles, 3 edges at 2 per page: 2 requests each).
    expect(backend.hits.filter((hit) => hit.stamp)).to.deep.equal([]);
    const reads = backend.reads();
    expect(reads.filter((table) => table === 'sys_user_role')).to.have.length(2);
    expect(reads.filter((table) => table === 'sys_user_role_contains')).to.have.length(2);
    expect(new Set(reads)).to.deep.equal(new Set(DEFINITION_TABLES));
  });

  it('the stamps derived on a first load match the server: the next check reads no rows', async () => {
    await service().load();
    backend.hits.length = 0;
    const second = service();
    await second.load();
    const after = await second.revalidated();
    expect(backend.reads()).to.deep.equal([]);
    expect(backend.hits.map((hit) => hit.table)).to.have.members(DEFINITION_TABLES);
    expect(after?.stale).to.equal(false);
  });

  it('a copy checked within the freshness window is used with no request at all', async () => {
    const clock = new Clock();
    const first = await service({ now: clock.now, freshForMs: 15 * 60_000 }).load();
    backend.hits.length = 0;
    clock.time += 14 * 60_000;
    const second = service({ now: clock.now, freshForMs: 15 * 60_000 });
    const snapshot = await second.load();
    await second.revalidated();
    expect(backend.hits).to.deep.equal([]);
    expect(snapshot.source).to.equal('cache');
    // Checked 14 minutes ago, inside the window: not "checking…", and its age says when.
    expect(snapshot.stale).to.equal(false);
    expect(snapshot.ageMs()).to.equal(14 * 60_000);
    expect(snapshot.definitions).to.deep.equal(first.definitions);
  });

  it('the window defaults to 15 minutes; past it, a load checks with the server again', async () => {
    const clock = new Clock();
    await service({ now: clock.now, freshForMs: undefined }).load();
    backend.editRole(GUARANTOR, 'Guarantor (edited on the instance)');
    backend.hits.length = 0;

    clock.time += 15 * 60_000 - 1;
    const inside = service({ now: clock.now, freshForMs: undefined });
    const kept = await inside.load();
    await inside.revalidated();
    expect(backend.hits).to.deep.equal([]);
    expect(describeRole(kept, GUARANTOR)).to.equal('Guarantor of a loan');
    inside.dispose();

    clock.time += 1;
    const past = service({ now: clock.now, freshForMs: undefined });
    const stale = await past.load();
    expect(stale.stale).to.equal(true);
    const after = await past.revalidated();
    expect(backend.hits.filter((hit) => hit.stamp).map((hit) => hit.table)).to.have.members(
      DEFINITION_TABLES,
    );
    expect(describeRole(after!, GUARANTOR)).to.equal('Guarantor (edited on the instance)');
  });

  it('refresh() inside the window still checks with the server (the schedule picks up changes)', async () => {
    const clock = new Clock();
    const window = { now: clock.now, freshForMs: 15 * 60_000 };
    await service(window).load();
    backend.editRole(GUARANTOR, 'Guarantor (edited on the instance)');
    const second = service(window);
    expect(describeRole(await second.load(), GUARANTOR)).to.equal('Guarantor of a loan');
    const refreshed = await second.refresh();
    expect(describeRole(refreshed, GUARANTOR)).to.equal('Guarantor (edited on the instance)');
  });

  it('a clock gone back (copy from the future) is not trusted as fresh', async () => {
    const clock = new Clock();
    await service({ now: clock.now, freshForMs: 15 * 60_000 }).load();
    backend.hits.length = 0;
    clock.time -= 60_000;
    const second = service({ now: clock.now, freshForMs: 15 * 60_000 });
    expect((await second.load()).stale).to.equal(true);
    await second.revalidated();
    expect(backend.hits.length).to.be.greaterThan(0);
  });

  it('a second load answers from the cache with no request answered, then revalidation picks up a changed role', async () => {
    const clock = new Clock();
    const first = await service({ now: clock.now }).load();
    backend.hits.length = 0;
    backend.editRole(GUARANTOR, 'Guarantor (edited on the instance)');
    const held = gate();
    backend.gate = held.promise;
    clock.time += 60_000;

    const second = service({ now: clock.now });
    const changes: DefinitionsSnapshot[] = [];
    second.subscribe((snapshot) => changes.push(snapshot));
    const cached = await second.load();
    // The server has answered nothing yet: the snapshot came from IndexedDB alone.
    expect(cached.source).to.equal('cache');
    expect(cached.stale).to.equal(true);
    expect(cached.fetchedAt).to.equal(first.fetchedAt);
    expect(cached.ageMs()).to.equal(60_000);
    expect(cached.definitions).to.deep.equal(first.definitions);
    expect(backend.reads()).to.deep.equal([]);

    held.open();
    const revalidated = await second.revalidated();
    expect(revalidated?.source).to.equal('network');
    expect(describeRole(revalidated!, GUARANTOR)).to.equal('Guarantor (edited on the instance)');
    expect(changes.map((s) => s.source)).to.deep.equal(['cache', 'network']);
    expect(second.current).to.equal(revalidated);
    // Only the role catalogue (roles and their edges) was read again.
    expect(new Set(backend.reads())).to.deep.equal(new Set(['sys_user_role', 'sys_user_role_contains']));

    // And the cache now holds the edit: a third service sees it at once.
    const third = await loadSettled(service({ now: clock.now }));
    expect(describeRole(third, GUARANTOR)).to.equal('Guarantor (edited on the instance)');
  });

  it('a revalidation that finds nothing changed reads no rows and notifies nobody', async () => {
    await service().load();
    backend.hits.length = 0;
    const second = service();
    const changes: DefinitionsSnapshot[] = [];
    await second.load();
    second.subscribe((snapshot) => changes.push(snapshot));
    const after = await second.revalidated();
    expect(backend.reads()).to.deep.equal([]);
    expect(backend.hits.every((hit) => hit.stamp)).to.equal(true);
    expect(changes).to.deep.equal([]);
    expect(after?.stale).to.equal(false);
  });

  it('a deleted row changes the count and is picked up even though no date moved', async () => {
    await service().load();
    backend.tables['sn_customerservice_related_party_configuration']!.pop();
    const second = service();
    await second.load();
    const after = await second.revalidated();
    expect(after?.definitions.relationshipTypes.map((t) => t.name)).to.deep.equal(['Co-borrower']);
  });

  it('keeps two users of one instance apart', async () => {
    await service({ user: 'ana' }).load();
    backend.hits.length = 0;
    const bob = await service({ user: 'bob' }).load();
    expect(bob.source).to.equal('network');
    expect(backend.reads()).to.not.deep.equal([]);
    const names = await databaseNames();
    expect(names).to.include(await definitionsDatabaseName(INSTANCE, 'ana'));
    expect(names).to.include(await definitionsDatabaseName(INSTANCE, 'bob'));
    expect(names.join(' ')).to.not.match(/ana|bob/);
  });

  it('keeps two instances apart for the same user', async () => {
    await service({ instance: 'https://acme.service-now.com/now/nav' }).load();
    backend.hits.length = 0;
    const other = await service({ instance: 'https://beta.service-now.com' }).load();
    expect(other.source).to.equal('network');
    const again = await loadSettled(service({ instance: 'https://acme.service-now.com' }));
    expect(again.source).to.equal('cache');
    expect(await databaseNames()).to.have.length(2);
  });

  it('offline with a cache: answers from the cache with its age and says it is offline', async () => {
    const clock = new Clock();
    const first = await service({ now: clock.now }).load();
    backend.offline = true;
    clock.time += 3_600_000;
    const second = service({ now: clock.now });
    const changes: DefinitionsSnapshot[] = [];
    second.subscribe((s) => changes.push(s));
    const cached = await second.load();
    expect(cached.source).to.equal('cache');
    const snapshot = await second.revalidated();
    if (!snapshot) return expect.fail('no snapshot after revalidation');
    expect(changes.map((s) => [s.source, s.offline])).to.deep.equal([
      ['cache', false],
      ['cache', true],
    ]);
    expect(snapshot.offline).to.equal(true);
    expect(snapshot.stale).to.equal(true);
    expect(snapshot.ageMs()).to.equal(3_600_000);
    expect(snapshot.definitions).to.deep.equal(first.definitions);
  });

  it('a background check that fails (500) keeps the cached copy and says why', async () => {
    await service().load();
    worker.use(
      http.get('*/api/now/table/:table', () =>
        HttpResponse.json(
          { error: { message: 'Database unavailable', detail: '' }, status: 'failure' },
          { status: 500 },
        ),
      ),
    );
    const second = service();
    const changes: DefinitionsSnapshot[] = [];
    second.subscribe((s) => changes.push(s));
    const cached = await second.load();
    expect(cached.source).to.equal('cache');
    await second.revalidated();
    const last = changes.at(-1);
    expect(last?.stale).to.equal(true);
    expect(last?.revalidationError).to.match(/Database unavailable/);
    expect(last?.definitions).to.deep.equal(cached.definitions);
  });

  it('offline without a cache: a typed error', async () => {
    backend.offline = true;
    const error = await rejection(service().load());
    expect(error).to.be.instanceOf(DefinitionsUnavailableError);
    expect((error as DefinitionsUnavailableError).offline).to.equal(true);
  });

  it('a 403 on the containment table flags the definitions incomplete and does not guess edges', async () => {
    backend.forbidden.add('sys_user_role_contains');
    const snapshot = await service().load();
    expect(snapshot.incomplete).to.have.length(1);
    expect(snapshot.incomplete?.[0]?.table).to.equal('sys_user_role_contains');
    expect(snapshot.incomplete?.[0]?.reason).to.match(/403/);
    // The seed knows that case_authorized_contact contains case_write_granular; the instance did not say.
    expect(snapshot.definitions.roles.every((role) => role.contains.length === 0)).to.equal(true);
    expect(snapshot.definitions.responsibilities).to.have.length(2);

    // Once readable again, revalidation fills the edges in and clears the flag.
    backend.forbidden.clear();
    const second = service();
    await second.load();
    const after = await second.revalidated();
    expect(after?.incomplete).to.equal(undefined);
    const contact = after?.definitions.roles.find(
      (r) => r.name === 'sn_customerservice.case_authorized_contact',
    );
    expect(contact?.contains).to.deep.equal(['sn_customerservice.case_write_granular']);
  });

  it('export then import gives back equal definitions (object and JSON text)', async () => {
    const clock = new Clock();
    const source = service({ now: clock.now });
    const loaded = await source.load();
    const file = source.export();
    expect(file).to.include({ exportedAt: new Date(clock.time).toISOString(), instance: INSTANCE });

    const target = service({ user: 'carol' });
    const changes: DefinitionsSnapshot[] = [];
    target.subscribe((snapshot) => changes.push(snapshot));
    const imported = await target.import(file);
    expect(imported.source).to.equal('import');
    expect(imported.definitions).to.deep.equal(loaded.definitions);
    expect(changes).to.deep.equal([imported]);
    const fromText = await target.import(JSON.stringify(file));
    expect(fromText.definitions).to.deep.equal(loaded.definitions);
  });

  it('an imported file can be kept in the cache and is not overwritten by revalidation', async () => {
    const source = service();
    await source.load();
    const file = source.export();
    await deleteAllDatabases();
    const target = service({ user: 'dan' });
    await target.import(file, { persist: true });
    backend.hits.length = 0;
    const again = await service({ user: 'dan' }).load();
    expect(again.source).to.equal('import');
    expect(backend.hits).to.deep.equal([]);
  });

  it('a bad file is a typed error and leaves the current definitions alone', async () => {
    const target = service();
    const before = await target.load();
    const bad = { definitions: { roles: [{ name: '' }] } };
    expect(await rejection(target.import(bad))).to.be.instanceOf(AccessTestFileError);
    expect(await rejection(target.import('{not json'))).to.be.instanceOf(AccessTestFileError);
    expect(target.current).to.equal(before);
  });

  it('clear() deletes the database (sign-out) and forgets the definitions', async () => {
    const target = service();
    await target.load();
    const name = await definitionsDatabaseName(INSTANCE, 'ana');
    expect(await databaseNames()).to.include(name);
    await target.clear();
    expect(await databaseNames()).to.not.include(name);
    expect(target.current).to.equal(undefined);
    backend.hits.length = 0;
    expect((await service().load()).source).to.equal('network');
  });

  it('clear() during a load keeps the load from writing the cache back', async () => {
    const held = gate();
    backend.gate = held.promise;
    const target = service();
    const loading = rejection(target.load());
    await new Promise((resolve) => setTimeout(resolve, 50));
    await target.clear();
    held.open();
    expect(await loading).to.have.property('name', 'AbortError');
    expect(target.current).to.equal(undefined);
    expect(await databaseNames()).to.deep.equal([]);
  });
});
