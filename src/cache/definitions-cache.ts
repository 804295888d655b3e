/**
 * The definitions cache: one IndexedDB database per instance origin and user. It never throws into
 * the service: an unusable store turns it into a no-op with `status.kind === 'memory'` and a reason,
 * and a stored copy that fails validation is deleted and reported as absent.
 */
import { deleteDB, type IDBPDatabase } from 'idb';
import type { Definitions } from '../model/definitions.js';
import {
  ALL_STORES,
  DEFINITIONS_DB_PREFIX,
  DEFINITIONS_DB_VERSION,
  definitionsDatabaseName,
  type CacheMeta,
  type DefinitionsDB,
  type OpenDefinitionsDB,
} from './definitions-db.js';
import {
  accessConfigSchema,
  metaSchema,
  parseStored,
  relationshipTypeSchema,
  responsibilitySchema,
  roleSchema,
  storedPersonaGrantsSchema,
} from './definitions-schema.js';
import { CacheUnavailableError, openDefinitionsDB } from './open-definitions-db.js';
import { instanceOrigin } from './instance-origin.js';

/** Where the definitions live: on disk, or only in this page's memory (and why). */
export interface StorageStatus {
  readonly kind: 'indexeddb' | 'memory';
  readonly reason?: string;
}

/** What the cache holds. */
export interface CachedDefinitions {
  readonly definitions: Definitions;
  readonly meta: CacheMeta;
}

export interface DefinitionsCacheOptions {
  /** Instance base URL or origin. */
  readonly instance: string;
  readonly user: string;
  /** Replaces idb's `openDB` (tests make it fail). */
  readonly openDB?: OpenDefinitionsDB;
  /** How long to wait for other tabs holding an older version open (default 3000 ms). */
  readonly blockedTimeoutMs?: number;
  /** `false` keeps nothing on disk on purpose (shared computers). */
  readonly persist?: boolean;
}

/** The meta record with the definitions' persona rows, when they have any. */
function withPersonaGrants(record: CacheMeta, definitions: Definitions): CacheMeta {
  if (!definitions.personaGrants) return record;
  const stored: CacheMeta & Pick<Definitions, 'personaGrants'> = {
    ...record,
    personaGrants: definitions.personaGrants,
  };
  return stored;
}

/** The cache of one instance and user; obtain it with `DefinitionsCache.open`. */
export class DefinitionsCache {
  /** Opens (or creates, or upgrades) the database of this instance and user; never rejects. */
  static async open(options: DefinitionsCacheOptions): Promise<DefinitionsCache> {
    const cache = new DefinitionsCache(
      await definitionsDatabaseName(options.instance, options.user),
      options,
    );
    if (options.persist === false) cache.#toMemory('persistence is turned off');
    else await cache.#connect();
    return cache;
  }

  /** The database name (`cam-definitions:<origin>:<user hash>`). */
  readonly name: string;
  readonly #options: DefinitionsCacheOptions;
  readonly #owner: { instance: string; user: string };
  #db: IDBPDatabase<DefinitionsDB> | undefined;
  #opening: Promise<IDBPDatabase<DefinitionsDB> | undefined> | undefined;
  #status: StorageStatus = { kind: 'indexeddb' };
  #discarded: string | undefined;

  private constructor(name: string, options: DefinitionsCacheOptions) {
    this.name = name;
    this.#options = options;
    this.#owner = { instance: instanceOrigin(options.instance), user: options.user };
  }

  /** Whether definitions are kept in IndexedDB or only in memory, with the reason. */
  get status(): StorageStatus {
    return this.#status;
  }

  /** Why a stored copy was last thrown away (failed validation, unreadable), if one was. */
  get discarded(): string | undefined {
    return this.#discarded;
  }

  /** The stored definitions, validated; undefined when there are none or they were discarded. */
  async read(): Promise<CachedDefinitions | undefined> {
    const db = await this.#connect();
    if (!db) return undefined;
    let raw: [unknown[], unknown[], unknown[], unknown[], unknown];
    try {
      const tx = db.transaction(ALL_STORES, 'readonly');
      raw = await Promise.all([
        tx.objectStore('roles').getAll(),
        tx.objectStore('responsibilities').getAll(),
        tx.objectStore('accessConfigs').getAll(),
        tx.objectStore('relationshipTypes').getAll(),
        tx.objectStore('meta').get('current'),
      ]);
      await tx.done;
    } catch (error) {
      await this.#discard(`the stored copy could not be read (${describe(error)})`);
      return undefined;
    }
    const [roleItems, responsibilityItems, configItems, typeItems, metaItem] = raw;
    if (metaItem === undefined) {
      const leftovers = roleItems.length + responsibilityItems.length + configItems.length + typeItems.length;
      if (leftovers > 0) await this.#discard('stored definitions without their meta record');
      return undefined;
    }
    const meta = parseStored(metaSchema, 'meta', [metaItem]);
    const roles = parseStored(roleSchema, 'roles', roleItems);
    const responsibilities = parseStored(responsibilitySchema, 'responsibilities', responsibilityItems);
    const accessConfigs = parseStored(accessConfigSchema, 'accessConfigs', configItems);
    const relationshipTypes = parseStored(relationshipTypeSchema, 'relationshipTypes', typeItems);
    const persona = parseStored(storedPersonaGrantsSchema, 'meta', [metaItem]);
    if (
      !meta.ok ||
      !roles.ok ||
      !responsibilities.ok ||
      !accessConfigs.ok ||
      !relationshipTypes.ok ||
      !persona.ok
    ) {
      const reason = [meta, roles, responsibilities, accessConfigs, relationshipTypes, persona]
        .map((result) => (result.ok ? '' : result.reason))
        .find((text) => text.length > 0);
      await this.#discard(`the stored copy is invalid (${reason ?? 'unknown'})`);
      return undefined;
    }
    const [stored] = meta.items;
    if (!stored || stored.instance !== this.#owner.instance || stored.user !== this.#owner.user) {
      await this.#discard('the stored copy belongs to another instance or user');
      return undefined;
    }
    const definitions: Definitions = {
      roles: roles.items,
      responsibilities: responsibilities.items,
      accessConfigs: accessConfigs.items,
      relationshipTypes: relationshipTypes.items,
      ...(persona.items[0]?.personaGrants && { personaGrants: persona.items[0].personaGrants }),
    };
    return { definitions, meta: stored };
  }

  /** Replaces the stored copy in one transaction; on failure (quota…) switches to memory. */
  async write(
    definitions: Definitions,
    meta: Omit<CacheMeta, 'schemaVersion' | 'instance' | 'user'>,
  ): Promise<void> {
    const db = await this.#connect();
    if (!db) return;
    const record: CacheMeta = { ...meta, schemaVersion: DEFINITIONS_DB_VERSION, ...this.#owner };
    try {
      const tx = db.transaction(ALL_STORES, 'readwrite');
      const roles = tx.objectStore('roles');
      const responsibilities = tx.objectStore('responsibilities');
      const accessConfigs = tx.objectStore('accessConfigs');
      const relationshipTypes = tx.objectStore('relationshipTypes');
      // Every request is awaited (through Promise.all) so an aborted transaction rejects once, handled.
      await Promise.all([
        roles.clear(),
        responsibilities.clear(),
        accessConfigs.clear(),
        relationshipTypes.clear(),
        ...definitions.roles.map((item) => roles.put(item)),
        ...definitions.responsibilities.map((item) => responsibilities.put(item)),
        ...definitions.accessConfigs.map((item) => accessConfigs.put(item)),
        ...definitions.relationshipTypes.map((item) => relationshipTypes.put(item)),
        // Persona rows ride in the meta record (see storedPersonaGrantsSchema).
        tx.objectStore('meta').put(withPersonaGrants(record, definitions), 'current'),
        tx.done,
      ]);
    } catch (error) {
      const quota = error instanceof DOMException && error.name === 'QuotaExceededError';
      this.#toMemory(
        quota ? 'the storage quota is exceeded' : `the cache could not be written (${describe(error)})`,
      );
    }
  }

  /** Deletes this database (sign-out). The cache stays usable and recreates it on the next write. */
  async clear(): Promise<void> {
    this.#close();
    await deleteWithin(this.name, this.#options.blockedTimeoutMs);
  }

  /** Closes the connection; the next read or write reopens it. */
  close(): void {
    this.#close();
  }

  #connect(): Promise<IDBPDatabase<DefinitionsDB> | undefined> {
    if (this.#status.kind === 'memory') return Promise.resolve(undefined);
    if (this.#db) return Promise.resolve(this.#db);
    this.#opening ??= this.#openOrRecover().finally(() => (this.#opening = undefined));
    return this.#opening;
  }

  async #openOrRecover(): Promise<IDBPDatabase<DefinitionsDB> | undefined> {
    const open = (): Promise<IDBPDatabase<DefinitionsDB>> =>
      openDefinitionsDB({
        name: this.name,
        owner: this.#owner,
        openDB: this.#options.openDB,
        blockedTimeoutMs: this.#options.blockedTimeoutMs,
        onClosed: () => (this.#db = undefined),
      });
    try {
      return (this.#db = await open());
    } catch (first) {
      if (!(first instanceof CacheUnavailableError) || !first.retryable)
        return this.#toMemory(describe(first));
      // A corrupt database: delete it and start afresh, once.
      this.#discarded = first.message;
      try {
        await deleteWithin(this.name, this.#options.blockedTimeoutMs);
        return (this.#db = await open());
      } catch (second) {
        return this.#toMemory(describe(second));
      }
    }
  }

  async #discard(reason: string): Promise<void> {
    this.#discarded = reason;
    this.#close();
    try {
      await deleteWithin(this.name, this.#options.blockedTimeoutMs);
    } catch (error) {
      this.#toMemory(`a corrupt cache could not be deleted (${describe(error)})`);
    }
  }

  #toMemory(reason: string): undefined {
    this.#status = { kind: 'memory', reason };
    this.#close();
    return undefined;
  }

  #close(): void {
    this.#db?.close();
    this.#db = undefined;
  }
}

/** Deletes every definitions database of this origin (all instances, all users); returns their names. */
export async function clearAllDefinitionCaches(): Promise<string[]> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return [];
  const names = (await indexedDB.databases())
    .map((info) => info.name ?? '')
    .filter((name) => name.startsWith(DEFINITIONS_DB_PREFIX));
  await Promise.all(names.map((name) => deleteWithin(name)));
  return names;
}

/** deleteDB, but not waiting forever on a tab that does not let go (the deletion stays queued). */
function deleteWithin(name: string, timeoutMs = 3000): Promise<void> {
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  return Promise.race([deleteDB(name), timeout]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  if (error instanceof CacheUnavailableError) return error.message;
  if (error instanceof DOMException || error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
