/**
 * The definitions service: cache-first, then revalidate. `load()` answers at once from IndexedDB
 * when a copy exists. A copy confirmed by the server less than `freshForMs` ago (default 15
 * minutes, the provider's `definitions-interval`) is used as it is, with no request at all; an
 * older one is compared with the server in the background through cheap per-table stamps, and only
 * the kinds that changed are refetched, notifying subscribers when the answer changed. Without a
 * copy, each table is read once and its stamp derived from the rows.
 *
 * This class is the front the elements and services hold; the work is DefinitionsStore's
 * (definitions-store.ts), whose code comes with the cache's on first use, so a page's first rows
 * are not held back by it.
 */
import type { StorageStatus } from '../cache/definitions-cache.js';
import { instanceOrigin } from '../cache/instance-origin.js';
import type { AccessTestFileDocument } from '../access/test-file-schema.js';
import { onDemand } from '../internal/on-demand.js';
import type { DefinitionsServiceOptions } from './definitions-options.js';
import {
  DefinitionsUnavailableError,
  type CacheOwner,
  type DefinitionsListener,
  type DefinitionsSnapshot,
} from './definitions-snapshot.js';
import type { DefinitionsStore } from './definitions-store.js';

/** The store with the cache, tab coordination and schedule (see definitions-storage.ts). */
const storageCode = onDemand(() => import('./definitions-storage.js'), 'The definitions cache');

/** Loads, caches, revalidates, imports and exports the definitions of one instance for one user. */
export class DefinitionsService {
  readonly #options: DefinitionsServiceOptions;
  readonly #listeners = new Set<DefinitionsListener>();
  /** Created once its code is here (the first load, import, refresh or clear). */
  #store: DefinitionsStore | undefined;
  /** The scheduled checks (`checkOnSchedule`), started with the store. */
  #schedule: { dispose(): void } | undefined;
  #disposed = false;

  constructor(options: DefinitionsServiceOptions) {
    this.#options = options;
  }

  /** Whose definitions these are (the cache's identity): the instance origin and the user. */
  get owner(): CacheOwner {
    return { instance: instanceOrigin(this.#options.instance), user: this.#options.user };
  }

  /** The latest snapshot, if anything was loaded. */
  get current(): DefinitionsSnapshot | undefined {
    return this.#store?.current;
  }

  /** Calls `listener` with every new snapshot; returns the unsubscribe function. */
  subscribe(listener: DefinitionsListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * The definitions: the cached copy at once (revalidated in the background, see `revalidated()`),
   * else read from the server. Rejects with `DefinitionsUnavailableError` when neither works.
   */
  load(signal?: AbortSignal): Promise<DefinitionsSnapshot> {
    return this.#withStore((store) => store.load(signal));
  }

  /** The background revalidation started by `load()`: settles with the snapshot after it (never rejects). */
  revalidated(): Promise<DefinitionsSnapshot | undefined> {
    return this.#store?.revalidated() ?? Promise.resolve(undefined);
  }

  /** Compares with the server now and refetches what changed (everything after an import). */
  refresh(signal?: AbortSignal): Promise<DefinitionsSnapshot> {
    return this.#withStore((store) => store.refresh(signal));
  }

  /** The current definitions as an access-test file (JSON document). */
  export(): AccessTestFileDocument {
    if (!this.#store) throw new Error('No definitions are loaded: call load() first.');
    return this.#store.export();
  }

  /**
   * Replaces the definitions with those of an access-test file (object or JSON text). An invalid
   * file throws `AccessTestFileError` and changes nothing. `persist` also stores them in the cache.
   */
  import(file: unknown, options: { persist?: boolean } = {}): Promise<DefinitionsSnapshot> {
    return this.#withStore((store) => store.import(file, options));
  }

  /** Sign-out: forgets the definitions and deletes this user's cache database. */
  clear(): Promise<void> {
    return this.#withStore((store) => store.clear());
  }

  /** Stops listening to other tabs and cancels work in flight (the provider is going away). */
  dispose(): void {
    this.#disposed = true;
    this.#schedule?.dispose();
    this.#store?.dispose();
  }

  /** Runs `use` on the store: at once when its code is here, else once it has loaded. */
  #withStore<T>(use: (store: DefinitionsStore) => Promise<T>): Promise<T> {
    if (this.#store) return use(this.#store);
    return storageCode.load().then(({ DefinitionsStore, DefinitionsRefresh }) => {
      const options = this.#options;
      if (!this.#store && options.checkOnSchedule && !this.#disposed) {
        // Subscribed before the store's first snapshot: a fresh cached copy sets the next check.
        this.#schedule = new DefinitionsRefresh({ definitions: this, intervalMs: options.freshForMs });
      }
      const store = (this.#store ??= new DefinitionsStore(options, this.#listeners));
      const result = use(store);
      // Disposed while the code was on its way: what was asked for is cancelled, as it would be.
      if (this.#disposed) store.dispose();
      return result;
    });
  }
}

export type {
  DefinitionsServiceOptions,
  DefinitionsStorageOptions,
  HostPersonaGrant,
} from './definitions-options.js';
export type { CacheOwner, DefinitionsListener, DefinitionsSnapshot, StorageStatus };
export { DefinitionsUnavailableError };
