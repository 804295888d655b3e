import { expect } from '@open-wc/testing';
import { openDB, type StoreNames } from 'idb';
import { useMockBackend } from '../support/msw.js';
import { clearAllDefinitionCaches } from '../../src/cache/definitions-cache.js';
import {
  DEFINITIONS_DB_VERSION,
  definitionsDatabaseName,
  type DefinitionsDB,
  type OpenDefinitionsDB,
} from '../../src/cache/definitions-db.js';
import type { Definitions } from '../../src/model/definitions.js';
import { DefinitionBackend } from './fixtures/definition-backend.js';
import { createV1Database } from './fixtures/v1-database.js';
import { Clock, databaseNames, deleteAllDatabases, gate, INSTANCE, loadSettled, service } from './support.js';

const V1_DEFINITIONS: Definitions = {
  roles: [
    {
      name: 'x_acme.v1_role',
      title: 'Stored by version 1',
      description: 'kept through the upgrade',
      plugin: '',
      kind: 'other',
      contains: [],
      sysId: '00000000000000000000000000000099',
    },
  ],
  responsibilities: [
    { id: 'r1', name: 'Authorized Representative', partyType: 'contact', unique: false, description: '' },
  ],
  accessConfigs: [
    {
      id: 'c1',
      responsibility: 'r1',
      active: true,
      level: 'write',
      table: 'case',
      rolesRequired: ['x_acme.v1_role'],
    },
  ],
  relationshipTypes: [
    { id: 't1', name: 'Co-borrower', appliesTo: 'case', partyType: 'contact', defaultResponsibility: 'r1' },
  ],
};

const failingOpen =
  (error: unknown): OpenDefinitionsDB =>
  () =>
    Promise.reject(error);

describe('DefinitionsCache: IndexedDB layout, upgrades and failures', () => {
  const worker = useMockBackend();
  let backend: DefinitionBackend;
  let name: string;

  beforeEach(async () => {
    backend = new DefinitionBackend();
    worker.use(...backend.handlers());
    name = await definitionsDatabaseName(INSTANCE, 'ana');
  });
  afterEach(deleteAllDatabases);

  it('upgrades a version 1 database to the current version and keeps its definitions', async () => {
    const clock = new Clock();
    const v1FetchedAt = clock.time - 86_400_000;
    await createV1Database(name, V1_DEFINITIONS, v1FetchedAt);
    const target = service({ now: clock.now });
    const held = gate();
    backend.gate = held.promise; // the server does not answer: the snapshot must come from the upgraded cache
    const snapshot = await target.load();
    expect(snapshot.source).to.equal('cache');
    expect(snapshot.fetchedAt).to.equal(v1FetchedAt);
    expect(snapshot.definitions).to.deep.equal(V1_DEFINITIONS);
    held.open();
    await target.revalidated();

    const db = await openDB(name);
    expect(db.version).to.equal(DEFINITIONS_DB_VERSION);
    expect([...db.objectStoreNames].sort()).to.deep.equal([
      'accessConfigs',
      'meta',
      'relationshipTypes',
      'responsibilities',
      'roles',
    ]);
    db.close();
  });

  it('after the upgrade, the first revalidation refetches everything (version 1 kept no stamps)', async () => {
    await createV1Database(name, V1_DEFINITIONS, 1);
    const target = service();
    await target.load();
    const after = await target.revalidated();
    expect(after?.source).to.equal('network');
    expect(after?.definitions.roles.map((r) => r.name)).to.not.include('x_acme.v1_role');
    expect(new Set(backend.reads()).size).to.equal(5);
  });

  it('an empty version 1 database upgrades to an empty cache, then loads from the network', async () => {
    const v1 = await openDB(name, 1, { upgrade: (db) => void db.createObjectStore('definitions') });
    v1.close();
    const snapshot = await service().load();
    expect(snapshot.source).to.equal('network');
  });

  it('discards a store row that fails validation, refetches, and says so', async () => {
    await service().load();
    const db = await openDB<DefinitionsDB>(name, DEFINITIONS_DB_VERSION);
    const corrupt = { name: 'x_acme.broken', kind: 'superuser', contains: 'everything' };
    await db.put('roles', corrupt as unknown as DefinitionsDB['roles']['value']);
    db.close();
    backend.hits.length = 0;

    const snapshot = await service().load();
    expect(snapshot.source).to.equal('network');
    expect(snapshot.problems.join('\n')).to.match(/cached copy was discarded.*roles/);
    expect(snapshot.definitions.roles.map((r) => r.name)).to.not.include('x_acme.broken');
    expect(backend.reads()).to.have.length.above(0);
    // The refetched copy replaced the corrupt one.
    expect((await loadSettled(service())).source).to.equal('cache');
  });

  it('discards a meta record of another user (never serves someone else’s copy)', async () => {
    await service().load();
    const db = await openDB<DefinitionsDB>(name, DEFINITIONS_DB_VERSION);
    const meta = await db.get('meta', 'current');
    await db.put('meta', { ...meta!, user: 'mallory' }, 'current');
    db.close();
    const snapshot = await service().load();
    expect(snapshot.source).to.equal('network');
    expect(snapshot.problems.join('\n')).to.match(/another instance or user/);
  });

  it('works from memory, and says why, when opening IndexedDB fails', async () => {
    const denied = new DOMException('The user denied permission to access the database.', 'SecurityError');
    const snapshot = await service({ storage: { openDB: failingOpen(denied) } }).load();
    expect(snapshot.source).to.equal('network');
    expect(snapshot.storage.kind).to.equal('memory');
    expect(snapshot.storage.reason).to.match(/not allowed/);
    expect(snapshot.definitions.roles).to.have.length(4);
    expect(await databaseNames()).to.deep.equal([]);
  });

  it('works from memory when the open throws synchronously (a broken factory)', async () => {
    const throwing: OpenDefinitionsDB = () => {
      throw new Error('factory exploded');
    };
    const snapshot = await service({ storage: { openDB: throwing } }).load();
    expect(snapshot.storage.kind).to.equal('memory');
    expect(snapshot.storage.reason).to.match(/factory exploded/);
    expect(snapshot.definitions.roles).to.have.length(4);
  });

  it('works from memory when the browser has no IndexedDB at all', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'indexedDB');
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    try {
      const snapshot = await service().load();
      expect(snapshot.storage).to.deep.equal({
        kind: 'memory',
        reason: 'IndexedDB is not available in this browser',
      });
      expect(snapshot.definitions.roles).to.have.length(4);
    } finally {
      if (original) Object.defineProperty(window, 'indexedDB', original);
      else delete (window as { indexedDB?: IDBFactory }).indexedDB;
    }
    expect(typeof indexedDB.open).to.equal('function');
  });

  it('switches to memory when a write exceeds the quota, and still serves the data', async () => {
    const quotaOnWrite: OpenDefinitionsDB = async (dbName, version, callbacks) => {
      const db = await openDB<DefinitionsDB>(dbName, version, callbacks);
      // Reads work; every write fails the way a full disk makes it fail.
      return new Proxy(db, {
        get(target, key) {
          if (key === 'transaction') {
            return (stores: StoreNames<DefinitionsDB>[], mode?: IDBTransactionMode) => {
              if (mode === 'readwrite') throw new DOMException('Quota exceeded', 'QuotaExceededError');
              return target.transaction(stores, mode);
            };
          }
          const value: unknown = Reflect.get(target, key);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    };
    const snapshot = await service({ storage: { openDB: quotaOnWrite } }).load();
    expect(snapshot.storage).to.deep.equal({ kind: 'memory', reason: 'the storage quota is exceeded' });
    expect(snapshot.definitions.roles).to.have.length(4);
    // Nothing was stored: another service finds no copy.
    expect((await service().load()).source).to.equal('network');
  });

  it('gives up on an open blocked by another tab and works from memory', async () => {
    const other = await openDB(name, 1, { upgrade: (db) => void db.createObjectStore('definitions') });
    try {
      const snapshot = await service({ storage: { blockedTimeoutMs: 200 } }).load();
      expect(snapshot.storage.kind).to.equal('memory');
      expect(snapshot.storage.reason).to.match(/another tab/);
      expect(snapshot.definitions.roles).to.have.length(4);
    } finally {
      other.close();
    }
  });

  it('closes its connection when another tab upgrades, so that tab is not blocked', async () => {
    const first = service();
    await first.load();
    let blocked = false;
    const newer = await openDB(name, DEFINITIONS_DB_VERSION + 1, { blocked: () => (blocked = true) });
    expect(blocked).to.equal(false);
    expect(newer.version).to.equal(DEFINITIONS_DB_VERSION + 1);
    newer.close();
    // This code cannot open the newer version: a fresh service works from memory and says why.
    const later = await service().load();
    expect(later.storage.kind).to.equal('memory');
    expect(later.storage.reason).to.match(/newer version/);
  });

  it('stores nothing but definitions', async () => {
    await service().load();
    const db = await openDB<DefinitionsDB>(name, DEFINITIONS_DB_VERSION);
    expect([...db.objectStoreNames].sort()).to.deep.equal([
      'accessConfigs',
      'meta',
      'relationshipTypes',
      'responsibilities',
      'roles',
    ]);
    expect(await db.getAllKeys('meta')).to.deep.equal(['current']);
    const meta = await db.get('meta', 'current');
    expect(Object.keys(meta!).sort()).to.deep.equal(
      ['fetchedAt', 'incomplete', 'instance', 'problems', 'schemaVersion', 'source', 'tables', 'user'].sort(),
    );
    const roleKeys = new Set((await db.getAll('roles')).flatMap((role) => Object.keys(role)));
    expect(
      [...roleKeys].every((key) =>
        ['name', 'title', 'description', 'plugin', 'kind', 'contains', 'grants', 'sysId'].includes(key),
      ),
    ).to.equal(true);
    expect(await db.count('responsibilities')).to.equal(2);
    expect(await db.count('accessConfigs')).to.equal(2);
    expect(await db.count('relationshipTypes')).to.equal(2);
    db.close();
    // And it never asked the server for anything else (no roles held, no parties).
    const tables = new Set(backend.hits.map((hit) => hit.table));
    expect(
      [...tables].every((table) =>
        /^(sys_user_role|sys_user_role_contains|sn_customerservice_(responsibility_def|responsibility_access_config|related_party_configuration))$/.test(
          table,
        ),
      ),
    ).to.equal(true);
  });

  it('clearAllDefinitionCaches() deletes every cam database of this origin and nothing else', async () => {
    await service({ user: 'ana' }).load();
    await service({ user: 'bob' }).load();
    const unrelated = await openDB('someone-else', 1);
    unrelated.close();
    const deleted = await clearAllDefinitionCaches();
    expect(deleted).to.have.length(2);
    expect(await databaseNames()).to.deep.equal(['someone-else']);
  });
});
