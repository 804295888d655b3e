/**
 * Opening the definitions database without ever hanging or throwing into the caller's flow: an open
 * blocked by another tab gives up after a timeout, and this connection steps aside (closes) when
 * another tab needs to upgrade.
 */
import { openDB, type IDBPDatabase } from 'idb';
import {
  DEFINITIONS_DB_VERSION,
  upgradeDefinitionsDB,
  type DefinitionsDB,
  type OpenDefinitionsDB,
} from './definitions-db.js';

/** Opening failed in a way that means "use memory"; `reason` is for people. */
export class CacheUnavailableError extends Error {
  /** Whether deleting the database and retrying could help (corruption), or not (blocked, newer version). */
  readonly retryable: boolean;

  constructor(reason: string, retryable: boolean, options?: ErrorOptions) {
    super(reason, options);
    this.name = 'CacheUnavailableError';
    this.retryable = retryable;
  }
}

export interface OpenOptions {
  readonly name: string;
  readonly owner: { instance: string; user: string };
  readonly openDB?: OpenDefinitionsDB;
  /** How long to wait for other tabs to release an older version (default 3000 ms). */
  readonly blockedTimeoutMs?: number;
  /** Called after this connection closed itself for another tab's upgrade, or was terminated. */
  readonly onClosed: (reason: string) => void;
}

/** Opens (creating or upgrading) the database; rejects only with `CacheUnavailableError`. */
export function openDefinitionsDB(options: OpenOptions): Promise<IDBPDatabase<DefinitionsDB>> {
  if (typeof indexedDB === 'undefined') {
    return Promise.reject(new CacheUnavailableError('IndexedDB is not available in this browser', false));
  }
  const open: OpenDefinitionsDB = options.openDB ?? openDB<DefinitionsDB>;
  return new Promise((resolve, reject) => {
    let db: IDBPDatabase<DefinitionsDB> | undefined;
    let gaveUp = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const opening = Promise.resolve().then(() =>
      open(options.name, DEFINITIONS_DB_VERSION, {
        upgrade: (db, oldVersion, _newVersion, transaction) =>
          upgradeDefinitionsDB(db, oldVersion, transaction, options.owner),
        blocked: () => {
          timer ??= setTimeout(() => {
            gaveUp = true;
            reject(
              new CacheUnavailableError('the cache is held open by another tab with an older version', false),
            );
          }, options.blockedTimeoutMs ?? 3000);
        },
        blocking: () => {
          // Another tab wants a newer version: step aside so it is not blocked.
          db?.close();
          options.onClosed('closed for an upgrade in another tab');
        },
        terminated: () => options.onClosed('the browser closed the cache connection'),
      }),
    );
    opening.then(
      (opened) => {
        clearTimeout(timer);
        if (gaveUp) opened.close();
        else resolve((db = opened));
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(toUnavailable(error));
      },
    );
  });
}

function toUnavailable(error: unknown): CacheUnavailableError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'VersionError') {
    // A newer bundle (now, in another tab, or before a rollback) owns the database: never touch it.
    return new CacheUnavailableError(
      'the cache was written by a newer version of this library; working from memory and leaving it untouched',
      false,
      { cause: error },
    );
  }
  if (name === 'SecurityError' || name === 'InvalidStateError') {
    // Private browsing and blocked storage report themselves this way.
    return new CacheUnavailableError(`storage is not allowed here (${name})`, false, { cause: error });
  }
  return new CacheUnavailableError(`the cache could not be opened (${name}: ${message})`, true, {
    cause: error,
  });
}
