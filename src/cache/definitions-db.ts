/**
 * The IndexedDB layout of the definitions cache, its name (one database per instance origin and
 * user) and its cumulative upgrades. Only definitions are stored: never facts, never roles held.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, OpenDBCallbacks, StoreNames } from 'idb';
import { instanceOrigin } from './instance-origin.js';
import type {
  AccessConfig,
  Definitions,
  RelationshipType,
  ResponsibilityDef,
  RoleDef,
} from '../model/definitions.js';

/** Current schema version; every older version is upgraded by `upgradeDefinitionsDB`. */
export const DEFINITIONS_DB_VERSION = 2;
/** Every definitions database of this origin starts with this. */
export const DEFINITIONS_DB_PREFIX = 'cam-definitions:';

/** Freshness of one table as last seen: `X-Total-Count` and the newest `sys_updated_on`. */
export interface TableStamp {
  /** Table and fields read (`table?f1,f2`): a remapped table or column invalidates the stamp. */
  readonly source: string;
  readonly count: number | null;
  readonly maxUpdatedOn: string;
  /** Why the table could not be read (403, 404), when it could not. */
  readonly unreadable?: string;
}

/** A definition table that could not be read: the definitions are incomplete, not guessed. */
export interface IncompleteTable {
  readonly table: string;
  readonly reason: string;
}

/** The single `meta` record. */
export interface CacheMeta {
  readonly schemaVersion: number;
  /** Instance origin and user the database belongs to (checked on read). */
  readonly instance: string;
  readonly user: string;
  /** When the definitions were last known to match the server (ms since epoch). */
  readonly fetchedAt: number;
  readonly source: 'network' | 'import';
  /** Stamps by logical table key of the table map (`role`, `roleContains`…). */
  readonly tables: Readonly<Record<string, TableStamp>>;
  /** Rows skipped while converting, by definition kind. */
  readonly problems: Readonly<Record<string, readonly string[]>>;
  readonly incomplete: readonly IncompleteTable[];
}

/** Version 2: one store per definition kind plus `meta`. */
export interface DefinitionsDB extends DBSchema {
  roles: { key: string; value: RoleDef };
  responsibilities: { key: string; value: ResponsibilityDef };
  accessConfigs: { key: string; value: AccessConfig };
  relationshipTypes: { key: string; value: RelationshipType };
  meta: { key: 'current'; value: CacheMeta };
}

/** Version 1 (superseded): one blob under `definitions/current`, no freshness stamps. */
export interface DefinitionsDBv1 extends DBSchema {
  definitions: { key: 'current'; value: { definitions: Definitions; fetchedAt: number } };
}

/** The stores that hold definitions, in write order. */
export const DEFINITION_STORES = ['roles', 'responsibilities', 'accessConfigs', 'relationshipTypes'] as const;
export type DefinitionStore = (typeof DEFINITION_STORES)[number];
export const ALL_STORES: readonly StoreNames<DefinitionsDB>[] = [...DEFINITION_STORES, 'meta'];

/** Opens a database the way idb's `openDB` does; injectable so tests can make opening fail. */
export type OpenDefinitionsDB = (
  name: string,
  version: number,
  callbacks: OpenDBCallbacks<DefinitionsDB>,
) => Promise<IDBPDatabase<DefinitionsDB>>;

type AnyVersionTransaction = IDBPTransaction<DefinitionsDB, StoreNames<DefinitionsDB>[], 'versionchange'>;

/**
 * Cumulative upgrade: each step takes version N-1 to N, so any older database reaches the current
 * layout. `owner` fills the meta record of migrated data (v1 did not record instance and user).
 */
export function upgradeDefinitionsDB(
  db: IDBPDatabase<DefinitionsDB>,
  oldVersion: number,
  transaction: AnyVersionTransaction,
  owner: { instance: string; user: string },
): void {
  const v1db = db as unknown as IDBPDatabase<DefinitionsDBv1>;
  if (oldVersion < 1) {
    v1db.createObjectStore('definitions');
  }
  if (oldVersion < 2) {
    db.createObjectStore('roles', { keyPath: 'name' });
    db.createObjectStore('responsibilities', { keyPath: 'id' });
    db.createObjectStore('accessConfigs', { keyPath: 'id' });
    db.createObjectStore('relationshipTypes', { keyPath: 'id' });
    db.createObjectStore('meta');
    const v1tx = transaction as unknown as IDBPTransaction<DefinitionsDBv1, ['definitions'], 'versionchange'>;
    // Requests chained on the upgrade transaction keep it alive until the copy is done.
    void v1tx
      .objectStore('definitions')
      .get('current')
      .then((blob) => {
        if (blob) copyV1Blob(transaction, blob, owner);
        v1db.deleteObjectStore('definitions');
      });
  }
}

/** v1 → v2: the blob's definitions go to their stores; without stamps the first revalidation refetches all. */
function copyV1Blob(
  transaction: AnyVersionTransaction,
  blob: DefinitionsDBv1['definitions']['value'],
  owner: { instance: string; user: string },
): void {
  const { definitions } = blob;
  for (const role of definitions.roles) void transaction.objectStore('roles').put(role);
  for (const item of definitions.responsibilities) void transaction.objectStore('responsibilities').put(item);
  for (const item of definitions.accessConfigs) void transaction.objectStore('accessConfigs').put(item);
  for (const item of definitions.relationshipTypes)
    void transaction.objectStore('relationshipTypes').put(item);
  const meta: CacheMeta = {
    schemaVersion: 2,
    ...owner,
    fetchedAt: blob.fetchedAt,
    source: 'network',
    tables: {},
    problems: {},
    incomplete: [],
  };
  void transaction.objectStore('meta').put(meta, 'current');
}

/**
 * `cam-definitions:<origin>:<user key>`. The user is hashed (SHA-256) so user names do not show in
 * the list of databases; where SubtleCrypto is unavailable (insecure context) it is URI-encoded.
 */
export async function definitionsDatabaseName(instance: string, user: string): Promise<string> {
  const origin = encodeURIComponent(instanceOrigin(instance));
  return `${DEFINITIONS_DB_PREFIX}${origin}:${await userKey(user)}`;
}

async function userKey(user: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return `u-${encodeURIComponent(user)}`;
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(user));
  return Array.from(new Uint8Array(digest).subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}
