import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { useElementFixtures, until } from '../support/fixtures.js';
import { getStore } from '../../mocks/db.js';
import { requestLog, type RequestLogEntry } from '../../mocks/faults.js';
import {
  DEFINITIONS_DB_VERSION,
  definitionsDatabaseName,
  type DefinitionsDB,
  type DefinitionsDBv1,
  type OpenDefinitionsDB,
} from '../../src/cache/definitions-db.js';
import type { DefinitionsSnapshot } from '../../src/service/definitions-service.js';
import { deleteAllDatabases, freshUser, makeServices, map, timed } from './support.js';

const DEFINITION_TABLES = new Set<string>(
  [map.role, map.roleContains, map.responsibility, map.accessConfig, map.relationshipType].map(
    (t) => t.table,
  ),
);

/** The one-record "has anything changed?" reads a revalidation starts with. */
const stampReads = (entries: readonly RequestLogEntry[]): RequestLogEntry[] =>
  entries.filter(
    (e) =>
      DEFINITION_TABLES.has(e.table) &&
      new URL(e.url).searchParams.get('sysparm_fields') === 'sys_updated_on' &&
      new URL(e.url).searchParams.get('sysparm_limit') === '1',
  );

const definitionsOf = (user: string) => makeServices({ user }).definitions;

async function settled(definitions: ReturnType<typeof definitionsOf>): Promise<DefinitionsSnapshot> {
  await definitions.load();
  return (await definitions.revalidated()) as DefinitionsSnapshot;
}

/** A role of the seeded instance, to change on the server. */
function someRole(): { sysId: string; name: string } {
  const record = getStore().all(map.role.table)[0];
  if (!record) throw new Error('no role seeded');
  return { sysId: record.sys_id ?? '', name: record.name ?? '' };
}

describe('reliability: the definitions cache under storage faults', () => {
  useElementFixtures();
  afterEach(deleteAllDatabases);

  it('an upgrade blocked by another tab gives up in time, works from memory, and loses none of that tab’s data', async () => {
    const user = freshUser();
    const name = await definitionsDatabaseName(location.origin, user);
    const oldTab = await openDB<DefinitionsDBv1>(name, 1, {
      upgrade: (db) => void db.createObjectStore('definitions'),
    });
    const v1Role = {
      name: 'x_acme.kept_role',
      title: 'Kept',
      description: '',
      plugin: '',
      kind: 'other' as const,
      contains: [],
    };
    const blob = {
      definitions: { roles: [v1Role], responsibilities: [], accessConfigs: [], relationshipTypes: [] },
      fetchedAt: 1,
    };
    await oldTab.put('definitions', blob, 'current');
    try {
      const { ms, value } = await timed(
        makeServices({ user, storage: { blockedTimeoutMs: 300 } }).definitions.load(),
      );
      expect(ms).to.be.below(3000);
      expect(value?.storage.kind).to.equal('memory');
      expect(value?.storage.reason).to.match(/another tab/);
      expect(value?.source).to.equal('network');
      expect(value?.definitions.roles.length).to.be.above(10);
      expect(await oldTab.get('definitions', 'current')).to.deep.equal(blob);
    } finally {
      oldTab.close();
    }
    // The queued upgrade finishes once the old tab lets go, and migrates that tab's copy intact.
    await until(() => true);
    const next = definitionsOf(user);
    const snapshot = await next.load();
    expect(snapshot.storage.kind).to.equal('indexeddb');
    expect(snapshot.source).to.equal('cache');
    expect(snapshot.definitions.roles).to.deep.equal([v1Role]);
    await next.revalidated();
  });

  it('a copy read back from the cache is exactly the copy fetched (nothing dropped on the way)', async () => {
    const user = freshUser();
    const fetched = await definitionsOf(user).load();
    expect(fetched.source).to.equal('network');
    expect(fetched.definitions.accessConfigs.some((config) => config.partyType !== undefined)).to.equal(true);
    const again = definitionsOf(user);
    const cached = await again.load();
    expect(cached.source).to.equal('cache');
    expect(cached.definitions).to.deep.equal(fetched.definitions);
    await again.revalidated();
  });

  it('a quota error while opening the database: memory, with the reason, and still an answer', async () => {
    const full: OpenDefinitionsDB = () =>
      Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const snapshot = await makeServices({ storage: { openDB: full } }).definitions.load();
    expect(snapshot.storage.kind).to.equal('memory');
    expect(snapshot.storage.reason).to.match(/QuotaExceededError/);
    expect(snapshot.definitions.accessConfigs.length).to.be.above(0);
  });

  const corruptions: ReadonlyArray<
    [string, (db: Awaited<ReturnType<typeof openDB<DefinitionsDB>>>) => Promise<unknown>]
  > = [
    ['a role of the wrong shape', (db) => db.put('roles', { name: 'x.bad', kind: 5 } as never)],
    [
      'an access config with an unknown level',
      async (db) => {
        const [config] = await db.getAll('accessConfigs');
        return db.put('accessConfigs', { ...config, level: 'admin' } as never);
      },
    ],
    [
      'a relationship type for an unknown table',
      async (db) => {
        const [type] = await db.getAll('relationshipTypes');
        return db.put('relationshipTypes', { ...type, appliesTo: 'incident' } as never);
      },
    ],
    [
      'a meta record whose time is text',
      async (db) => {
        const meta = await db.get('meta', 'current');
        return db.put('meta', { ...meta, fetchedAt: 'yesterday' } as never, 'current');
      },
    ],
    ['rows without their meta record', (db) => db.delete('meta', 'current')],
    [
      'a copy stored for another instance',
      async (db) => {
        const meta = await db.get('meta', 'current');
        return db.put('meta', { ...meta, instance: 'https://evil.example' } as never, 'current');
      },
    ],
  ];

  for (const [what, corrupt] of corruptions) {
    it(`a cache holding ${what} is discarded, refetched, reported, and stored whole again`, async () => {
      const user = freshUser();
      await settled(definitionsOf(user));
      const db = await openDB<DefinitionsDB>(await definitionsDatabaseName(location.origin, user));
      await corrupt(db);
      db.close();

      const snapshot = await definitionsOf(user).load();
      expect(snapshot.source).to.equal('network');
      expect(snapshot.problems.join('\n')).to.match(/cached copy was discarded/);
      expect(snapshot.definitions.roles.some((role) => role.name === 'x.bad')).to.equal(false);
      const again = definitionsOf(user);
      expect((await again.load()).source).to.equal('cache');
      await again.revalidated();
    });
  }

  it('a database of a NEWER schema version: memory with a clear reason, and the newer data is left untouched', async () => {
    const user = freshUser();
    const name = await definitionsDatabaseName(location.origin, user);
    const newer = await openDB(name, DEFINITIONS_DB_VERSION + 1, {
      upgrade(db) {
        db.createObjectStore('roles', { keyPath: 'name' });
        db.createObjectStore('futureStore');
      },
    });
    await newer.put('futureStore', { written: 'by a newer bundle' }, 'k');
    newer.close();

    const definitions = definitionsOf(user);
    const snapshot = await definitions.load();
    expect(snapshot.storage.kind).to.equal('memory');
    expect(snapshot.storage.reason).to.match(/newer version of this library/);
    expect(snapshot.definitions.roles.length).to.be.above(10);
    await definitions.refresh();

    const after = await openDB(name);
    try {
      expect(after.version).to.equal(DEFINITIONS_DB_VERSION + 1);
      expect([...after.objectStoreNames].sort()).to.deep.equal(['futureStore', 'roles']);
      expect(await after.get('futureStore', 'k')).to.deep.equal({ written: 'by a newer bundle' });
      expect(await after.count('roles')).to.equal(0);
    } finally {
      after.close();
    }
  });

  describe('two tabs sharing one cache', () => {
    it('revalidating at once: one set of requests, both tabs get the answer', async () => {
      const user = freshUser();
      await settled(definitionsOf(user));
      const role = someRole();
      getStore().update(map.role.table, role.sysId, { description: 'Changed on the server' });
      requestLog.clear();

      const [tabA, tabB] = [definitionsOf(user), definitionsOf(user)];
      const heardByB: DefinitionsSnapshot[] = [];
      tabB.subscribe((snapshot) => heardByB.push(snapshot));
      const loaded = await Promise.all([tabA.load(), tabB.load()]);
      expect(loaded.map((s) => s.source)).to.deep.equal(['cache', 'cache']);
      await Promise.all([tabA.revalidated(), tabB.revalidated()]);

      expect(stampReads(requestLog.entries)).to.have.length(DEFINITION_TABLES.size);
      for (const tab of [tabA, tabB]) {
        const changed = tab.current?.definitions.roles.find((r) => r.name === role.name);
        expect(changed?.description).to.equal('Changed on the server');
        expect(tab.current?.stale).to.equal(false);
      }
      expect(
        heardByB.some((s) => s.definitions.roles.some((r) => r.description === 'Changed on the server')),
      ).to.equal(true);
    });

    it('first load in two tabs at once, with nothing cached: the definitions are read once', async () => {
      const user = freshUser();
      const [tabA, tabB] = [definitionsOf(user), definitionsOf(user)];
      const [a, b] = await Promise.all([tabA.load(), tabB.load()]);
      // A first load needs no stamp query, and the second tab takes the first one's copy.
      expect(stampReads(requestLog.entries)).to.deep.equal([]);
      const roleReads = requestLog.entries.filter((e) => e.table === map.role.table);
      expect(roleReads).to.have.length(1); // one page, not twice that
      expect(b.definitions).to.deep.equal(a.definitions);
      expect(b.storage.kind).to.equal('indexeddb');
    });

    it('an idle tab is told when another tab stored newer definitions, and makes no request', async () => {
      const user = freshUser();
      const [tabA, tabB] = [definitionsOf(user), definitionsOf(user)];
      await settled(tabA);
      await settled(tabB);
      const heardByB: DefinitionsSnapshot[] = [];
      tabB.subscribe((snapshot) => heardByB.push(snapshot));
      const role = someRole();
      getStore().update(map.role.table, role.sysId, { description: 'Edited by an admin' });
      requestLog.clear();

      await tabA.refresh();
      await until(() => heardByB.length > 0, 'tab B to hear of the new definitions');
      expect(heardByB[0]?.definitions.roles.find((r) => r.name === role.name)?.description).to.equal(
        'Edited by an admin',
      );
      expect(stampReads(requestLog.entries)).to.have.length(DEFINITION_TABLES.size);
    });

    it('a tab holding an imported file keeps it when another tab revalidates', async () => {
      const user = freshUser();
      const [tabA, tabB] = [definitionsOf(user), definitionsOf(user)];
      await settled(tabA);
      await tabB.import(tabA.export());
      getStore().update(map.role.table, someRole().sysId, { description: 'Edited again' });
      await tabA.refresh();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(tabB.current?.source).to.equal('import');
    });
  });
});
