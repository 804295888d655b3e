/**
 * Live refresh of the definitions: the schedule (every interval, nothing while hidden, on return
 * after a long absence) on a fake page clock, and an administrator's change reaching the cache and
 * every access answer over the mock backend.
 */
import { expect } from '@open-wc/testing';
import { DefinitionsRefresh } from '../../src/service/definitions-refresh.js';
import { DEFAULT_DEFINITIONS_INTERVAL_MS } from '../../src/service/definitions-options.js';
import { DefinitionsService } from '../../src/service/definitions-service.js';
import { createCamServices } from '../../src/service/create-services.js';
import { getStore, resetStore } from '../../mocks/db.js';
import { faults, requestLog } from '../../mocks/faults.js';
import { definitionSysId, STORY } from '../../mocks/seed/index.js';
import { useMockBackend } from '../support/msw.js';
import { until } from '../support/fixtures.js';
import { deleteAllDatabases, freshUser, loan, makeServices, map } from '../reliability/support.js';
import { FakePage } from './live-support.js';

const MINUTE = 60_000;
/** Lets a started check settle (its promise chain), so the next one is not skipped as overlapping. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

class RefreshCounter {
  calls = 0;
  refresh(): Promise<void> {
    this.calls += 1;
    return Promise.resolve();
  }
}

describe('live refresh: definitions', () => {
  useMockBackend();
  const disposers: (() => void)[] = [];

  afterEach(async () => {
    for (const dispose of disposers.splice(0)) dispose();
    faults.reset();
    requestLog.clear();
    resetStore();
    await deleteAllDatabases();
  });

  function schedule(page: FakePage, definitions: RefreshCounter, intervalMs?: number) {
    const refresh = new DefinitionsRefresh({
      definitions,
      environment: page,
      ...(intervalMs === undefined ? {} : { intervalMs }),
    });
    disposers.push(() => refresh.dispose());
    return refresh;
  }

  it('checks every 15 minutes by default, never while hidden, and on return after a long absence', async () => {
    const page = new FakePage();
    const definitions = new RefreshCounter();
    const refresh = schedule(page, definitions);
    expect(refresh.intervalMs).to.equal(DEFAULT_DEFINITIONS_INTERVAL_MS);
    expect(DEFAULT_DEFINITIONS_INTERVAL_MS).to.equal(15 * MINUTE);

    page.advance(14 * MINUTE);
    expect(definitions.calls).to.equal(0);
    page.advance(MINUTE);
    expect(definitions.calls).to.equal(1);
    await settle();

    // A short absence: coming back does not ask again.
    page.advance(5 * MINUTE);
    page.focus();
    expect(definitions.calls).to.equal(1);

    // Hidden for an hour: nothing asked meanwhile, one check on return.
    page.hide();
    page.advance(60 * MINUTE);
    expect(definitions.calls).to.equal(1);
    page.show();
    expect(definitions.calls).to.equal(2);
    await settle();

    // Offline: the same.
    page.goOffline();
    page.advance(30 * MINUTE);
    expect(definitions.calls).to.equal(2);
    page.goOnline();
    expect(definitions.calls).to.equal(3);
  });

  it('a configured interval is used; 0 turns the schedule off', async () => {
    const page = new FakePage();
    const every = new RefreshCounter();
    schedule(page, every, 2 * MINUTE);
    const never = new RefreshCounter();
    schedule(page, never, 0);
    for (let i = 0; i < 5; i++) {
      page.advance(2 * MINUTE);
      await settle();
    }
    expect(every.calls).to.equal(5);
    page.focus();
    expect(never.calls).to.equal(0);
  });

  it('a fresh copy from the cache counts as checked when it was: the next check comes when its interval is up', async () => {
    const page = new FakePage();
    const user = freshUser('live-window');
    const services = (): DefinitionsService => {
      const created = new DefinitionsService({
        client: makeServices().client,
        tableMap: map,
        instance: location.origin,
        user,
        now: page.now,
      });
      disposers.push(() => created.dispose());
      return created;
    };
    await services().load();
    page.advance(10 * MINUTE);

    // A new page 10 minutes later: the copy is used as it is (no definition request)…
    const definitions = services();
    schedule(page, definitions as unknown as RefreshCounter);
    requestLog.clear();
    const cached = await definitions.load();
    await definitions.revalidated();
    expect(cached.source).to.equal('cache');
    expect(cached.stale).to.equal(false);
    const definitionTables = new Set<string>([
      map.role.table,
      map.roleContains.table,
      map.responsibility.table,
      map.accessConfig.table,
      map.relationshipType.table,
    ]);
    const asked = () => requestLog.entries.filter((entry) => definitionTables.has(entry.table));
    expect(asked()).to.deep.equal([]);

    // …and an administrator's change is picked up 5 minutes later, when its 15 minutes are up.
    const type = STORY.housingLoan.relationshipTypes.guarantor;
    getStore().update(map.relationshipType.table, type.id, { name: 'Guarantor (renamed)' });
    const names: string[] = [];
    definitions.subscribe((snapshot) =>
      names.push(
        ...snapshot.definitions.relationshipTypes.filter((t) => t.id === type.id).map((t) => t.name),
      ),
    );
    page.advance(5 * MINUTE - 1);
    await settle();
    expect(asked()).to.deep.equal([]);
    page.advance(1);
    await until(() => names.includes('Guarantor (renamed)'), 'the renamed type arrived');
  });

  it('services made by createCamServices check on schedule once their definitions are used, until disposed', async () => {
    const services = createCamServices({
      baseUrl: location.origin,
      userId: freshUser('live-services'),
      definitionsIntervalMs: 300,
    });
    disposers.push(() => services.dispose());
    const definitionTables = new Set<string>([map.role.table, map.relationshipType.table]);
    const asked = () => requestLog.entries.filter((entry) => definitionTables.has(entry.table)).length;
    await services.definitions.load();
    await services.definitions.revalidated();
    requestLog.clear();
    await until(() => asked() > 0, 'a scheduled check asked the server');
    services.dispose();
    await new Promise((resolve) => setTimeout(resolve, 100));
    requestLog.clear();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(asked()).to.equal(0);
  });

  it('an administrator’s change reaches the cache and every access answer at the next check', async () => {
    const page = new FakePage();
    const user = freshUser('live-defs');
    const { definitions, access } = makeServices({ user });
    disposers.push(() => {
      access.dispose();
      definitions.dispose();
    });
    schedule(page, definitions as unknown as RefreshCounter);
    const rosa = { kind: 'consumer' as const, id: STORY.housingLoan.guarantor.id };
    const before = await access.forEntity(loan);
    await definitions.revalidated();
    expect(before.engine.check(rosa, loan).level).to.equal('write');
    const invalidated: string[] = [];
    access.subscribe((entity) => invalidated.push(entity ? entity.id : 'all'));

    // The administrator deactivates the access configurations of Authorized Representative.
    const representative = definitionSysId('responsibility', 'authorized_representative');
    const store = getStore();
    for (const config of store.all(map.accessConfig.table)) {
      if (config.responsibility === representative && config.sys_id) {
        store.update(map.accessConfig.table, config.sys_id, { active: 'false' });
      }
    }
    page.advance(15 * MINUTE);
    await until(() => invalidated.includes('all'), 'the access answers dropped');
    const after = await access.forEntity(loan);
    expect(after.engine.check(rosa, loan).level).to.equal('none');

    // The IndexedDB copy was updated too: another console of this user starts from it.
    const other = new DefinitionsService({
      client: makeServices().client,
      tableMap: map,
      instance: location.origin,
      user,
    });
    disposers.push(() => other.dispose());
    faults.set({ offline: true });
    const cached = await other.load();
    expect(cached.source).to.equal('cache');
    const configs = cached.definitions.accessConfigs.filter((c) => c.responsibility === representative);
    expect(configs.length).to.be.greaterThan(0);
    expect(configs.every((c) => c.active === false)).to.equal(true);
  });
});
