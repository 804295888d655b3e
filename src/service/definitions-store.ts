/**
 * What the definitions service does (definitions-service.ts is its front): cache-first loading,
 * background revalidation through per-table stamps, imports, sign-out, and the tabs sharing one
 * cache. It comes with the cache's code (the definitions-storage chunk), which a page's first rows
 * do not wait for.
 */
import { DefinitionsCache } from '../cache/definitions-cache.js';
import type { CacheMeta } from '../cache/definitions-db.js';
import { instanceOrigin } from '../cache/instance-origin.js';
import { isAbortError, NetworkError, TimeoutError } from '../client/errors.js';
import { resolveTableMap, type TableMap } from '../client/table-map.js';
import type { AccessTestFileDocument } from '../access/test-file-schema.js';
import type { Definitions } from '../model/definitions.js';
import {
  DefinitionsUnavailableError,
  type DefinitionsListener,
  type DefinitionsSnapshot,
} from './definitions-snapshot.js';
import { DEFAULT_DEFINITIONS_INTERVAL_MS, type DefinitionsServiceOptions } from './definitions-options.js';
import { TabCoordinator, type DefinitionsMessage } from './tab-coordination.js';
import { engineCode, type EngineCode } from './engine-code.js';
import { onDemand } from '../internal/on-demand.js';

/** The stored state: definitions and the meta record that goes with them. */
type Entry = Omit<CacheMeta, 'schemaVersion' | 'instance' | 'user'> & { readonly definitions: Definitions };

/** The reading of the definition tables: only needed when the server is asked (see definitions-fetch.ts). */
const definitionsReader = onDemand(
  () => import('./definitions-fetch.js'),
  'Reading the definitions from the instance',
);

/** Loads, caches, revalidates, imports and exports the definitions of one instance for one user. */
export class DefinitionsStore {
  readonly #options: DefinitionsServiceOptions;
  readonly #map: TableMap;
  readonly #now: () => number;
  /** The front's subscribers: told of every new snapshot. */
  readonly #listeners: ReadonlySet<DefinitionsListener>;
  #cache: Promise<DefinitionsCache> | undefined;
  #openedCache: DefinitionsCache | undefined;
  /** Tabs sharing the cache database (undefined while it is not open, or kept in memory). */
  #tabs: TabCoordinator | undefined;
  #entry: Entry | undefined;
  #current: DefinitionsSnapshot | undefined;
  #loading: Promise<DefinitionsSnapshot> | undefined;
  #refreshing: Promise<DefinitionsSnapshot> | undefined;
  #background: Promise<DefinitionsSnapshot | undefined> | undefined;
  /** Bumped by import and clear: work started before is stale and must not land. */
  #generation = 0;
  #abort = new AbortController();
  #disposed = false;
  readonly #hostRows = new WeakMap<Definitions, Definitions>();

  constructor(options: DefinitionsServiceOptions, listeners: ReadonlySet<DefinitionsListener>) {
    this.#options = options;
    this.#listeners = listeners;
    this.#map = options.tableMap ?? resolveTableMap();
    this.#now = options.now ?? Date.now;
  }

  /** The latest snapshot, if anything was loaded. */
  get current(): DefinitionsSnapshot | undefined {
    return this.#current;
  }

  /**
   * The definitions: the cached copy at once (revalidated in the background, see `revalidated()`),
   * else read from the server. Rejects with `DefinitionsUnavailableError` when neither works.
   */
  load(signal?: AbortSignal): Promise<DefinitionsSnapshot> {
    if (this.#current) return Promise.resolve(this.#current);
    this.#loading ??= this.#loadFirst(signal).finally(() => (this.#loading = undefined));
    return this.#loading;
  }

  /** The background revalidation started by `load()`: settles with the snapshot after it (never rejects). */
  revalidated(): Promise<DefinitionsSnapshot | undefined> {
    return this.#background ?? Promise.resolve(this.#current);
  }

  /** Compares with the server now and refetches what changed (everything after an import). */
  refresh(signal?: AbortSignal): Promise<DefinitionsSnapshot> {
    this.#refreshing ??= this.#revalidate(signal).finally(() => (this.#refreshing = undefined));
    return this.#refreshing;
  }

  /** The current definitions as an access-test file (JSON document). */
  export(): AccessTestFileDocument {
    // A snapshot is made with the engine's code loaded (it names the problems), so it is here.
    const engine = engineCode.loaded;
    if (!this.#current || !engine) throw new Error('No definitions are loaded: call load() first.');
    return engine.toAccessTestFile(this.#current.definitions, {
      exportedAt: new Date(this.#now()).toISOString(),
      instance: instanceOrigin(this.#options.instance),
    });
  }

  /**
   * Replaces the definitions with those of an access-test file (object or JSON text). An invalid
   * file throws `AccessTestFileError` and changes nothing. `persist` also stores them in the cache.
   */
  async import(file: unknown, options: { persist?: boolean } = {}): Promise<DefinitionsSnapshot> {
    // The parser (and the built-in definitions it falls back on) loads on first use.
    const [{ parseAccessTestFile, parseAccessTestFileText }, engine] = await Promise.all([
      import('../access/test-file.js'),
      engineCode.load(),
    ]);
    const parsed =
      typeof file === 'string'
        ? parseAccessTestFileText(file, 'import')
        : parseAccessTestFile(file, 'import');
    this.#supersede();
    const entry: Entry = {
      definitions: parsed.definitions,
      fetchedAt: this.#now(),
      source: 'import',
      tables: {},
      problems: {},
      incomplete: [],
    };
    const generation = this.#generation;
    if (options.persist) await this.#store(entry);
    if (generation !== this.#generation) return this.#superseded();
    this.#entry = entry;
    return this.#publish(this.#snapshot(engine, entry, 'import', { stale: false, offline: false }));
  }

  /** Sign-out: forgets the definitions and deletes this user's cache database. */
  async clear(): Promise<void> {
    this.#supersede();
    this.#entry = undefined;
    this.#current = undefined;
    this.#background = undefined;
    await (await this.#openCache()).clear();
  }

  /** Stops listening to other tabs and cancels work in flight (the provider is going away). */
  dispose(): void {
    this.#disposed = true;
    this.#supersede();
    this.#tabs?.close();
    this.#tabs = undefined;
  }

  async #loadFirst(signal?: AbortSignal): Promise<DefinitionsSnapshot> {
    const generation = this.#generation;
    // A snapshot names the problems the engine finds: its code loads beside the cache read.
    const [cached, engine] = await Promise.all([
      this.#openCache().then((cache) => cache.read()),
      engineCode.load(),
    ]);
    if (generation !== this.#generation) return this.#superseded();
    if (!cached) return this.refresh(signal);
    this.#entry = { ...cached.meta, definitions: cached.definitions };
    const imported = cached.meta.source === 'import';
    const fresh = !imported && this.#isFresh(cached.meta.fetchedAt);
    const snapshot = this.#publish(
      this.#snapshot(engine, this.#entry, imported ? 'import' : 'cache', {
        stale: !imported && !fresh,
        offline: false,
      }),
    );
    // An import is the user's choice: it stays until refresh() or clear(). A fresh copy is not
    // checked now: the schedule checks it when its interval is up.
    if (!imported && !fresh) {
      // A failed background check keeps the copy, and says why rather than "checking…" forever.
      this.#background = this.refresh(signal).catch((error: unknown) => {
        const current = this.#current;
        if (isAbortError(error) || !current) return current;
        const reason = error instanceof Error ? error.message : String(error);
        return this.#publish({ ...current, stale: true, revalidationError: reason });
      });
    }
    return snapshot;
  }

  /** Whether a copy confirmed at `fetchedAt` is inside the freshness window (a clock gone back: no). */
  #isFresh(fetchedAt: number): boolean {
    const window = this.#options.freshForMs ?? DEFAULT_DEFINITIONS_INTERVAL_MS;
    const age = this.#now() - fetchedAt;
    return Number.isFinite(window) && age >= 0 && age < window;
  }

  async #revalidate(signal?: AbortSignal): Promise<DefinitionsSnapshot> {
    const generation = this.#generation;
    const combined = signal ? AbortSignal.any([signal, this.#abort.signal]) : this.#abort.signal;
    await this.#openCache();
    const tabs = this.#tabs;
    if (!tabs) return this.#revalidateNow(generation, combined);
    try {
      return await tabs.exclusive(async (waited) => {
        // Another tab revalidated while this one waited: its stored copy is the answer.
        const adopted = waited ? await this.#adoptStored(generation) : undefined;
        return adopted ?? this.#revalidateNow(generation, combined);
      }, combined);
    } catch (error) {
      if (generation !== this.#generation) return this.#superseded();
      throw error;
    }
  }

  async #revalidateNow(generation: number, combined: AbortSignal): Promise<DefinitionsSnapshot> {
    const previous = this.#entry;
    const { client } = this.#options;
    let entry: Entry;
    let engine: EngineCode;
    try {
      const [reader, code] = await Promise.all([definitionsReader.load(), engineCode.load()]);
      engine = code;
      // A copy from the server is compared with it (stamps); anything else is read in full.
      const fromServer = previous?.source === 'network' ? previous : undefined;
      const options = { seed: this.#options.roleSeed, signal: combined };
      const read = await reader.readDefinitions(client, this.#map, fromServer, options);
      entry = { ...read, fetchedAt: this.#now(), source: 'network' };
    } catch (error) {
      if (generation !== this.#generation) return this.#superseded();
      return this.#failed(error);
    }
    await this.#store(entry);
    if (generation !== this.#generation) return this.#superseded();
    this.#tabs?.announce({ type: 'updated', fetchedAt: entry.fetchedAt });
    return this.#accept(engine, entry, previous);
  }

  /** Takes a newer copy another tab stored; undefined when there is none. */
  async #adoptStored(generation: number): Promise<DefinitionsSnapshot | undefined> {
    const previous = this.#entry;
    const [cached, engine] = await Promise.all([
      this.#openCache().then((cache) => cache.read()),
      engineCode.load(),
    ]);
    if (generation !== this.#generation) return this.#superseded();
    if (!cached || cached.meta.source !== 'network') return undefined;
    if (previous && cached.meta.fetchedAt <= previous.fetchedAt) return undefined;
    return this.#accept(engine, { ...cached.meta, definitions: cached.definitions }, previous);
  }

  /** Another tab stored a newer copy: take it, unless this tab holds an import (the user's choice). */
  #onOtherTab(message: DefinitionsMessage): void {
    const entry = this.#entry;
    if (!entry || entry.source === 'import' || message.fetchedAt <= entry.fetchedAt) return;
    void this.#adoptStored(this.#generation).catch(() => undefined);
  }

  /** Makes `entry` current; subscribers hear of it only when the content changed. */
  #accept(engine: EngineCode, entry: Entry, previous: Entry | undefined): DefinitionsSnapshot {
    const unchanged = previous !== undefined && sameContent(previous, entry);
    this.#entry = entry;
    const source = unchanged && this.#current ? this.#current.source : 'network';
    const snapshot = this.#snapshot(engine, entry, source, { stale: false, offline: false });
    // A confirmed copy replaces `current` quietly.
    if (unchanged && this.#current && !this.#current.offline) return (this.#current = snapshot);
    return this.#publish(snapshot);
  }

  #failed(error: unknown): DefinitionsSnapshot {
    if (isAbortError(error)) throw error;
    const offline = error instanceof NetworkError || error instanceof TimeoutError;
    const current = this.#current;
    if (!current) {
      const message = offline
        ? 'The instance cannot be reached and no copy of the definitions is cached.'
        : `The definitions could not be read: ${error instanceof Error ? error.message : String(error)}`;
      throw new DefinitionsUnavailableError(message, offline, { cause: error });
    }
    // Other failures (500, 401…) leave the copy as it is: still stale, and the caller is told.
    if (!offline) throw error;
    return current.offline ? current : this.#publish({ ...current, stale: true, offline: true });
  }

  /** `engine`: the engine's code (loaded by the caller), which finds the definitions' problems. */
  #snapshot(
    engine: EngineCode,
    entry: Entry,
    source: DefinitionsSnapshot['source'],
    flags: { stale: boolean; offline: boolean },
  ): DefinitionsSnapshot {
    const cache = this.#openedCache;
    const discarded = cache?.discarded;
    const problems = [
      ...Object.values(entry.problems).flat(),
      // What the engine cannot use in the rows it was given (unknown required roles…).
      ...engine.engineProblemLines(this.#withHostRows(engine, entry.definitions), this.#map),
      ...(discarded ? [`The cached copy was discarded: ${discarded}`] : []),
    ];
    const { fetchedAt } = entry;
    const now = this.#now;
    return {
      definitions: this.#withHostRows(engine, entry.definitions),
      source,
      fetchedAt,
      ageMs: () => Math.max(0, now() - fetchedAt),
      ...flags,
      storage: cache?.status ?? { kind: 'memory', reason: 'the cache is not open yet' },
      problems,
      ...(entry.incomplete.length > 0 ? { incomplete: entry.incomplete } : {}),
    };
  }

  /** The definitions with the host's persona rows (the same object for the same definitions). */
  #withHostRows(engine: EngineCode, definitions: Definitions): Definitions {
    const rows = this.#options.personaGrants;
    if (!rows || rows.length === 0) return definitions;
    let merged = this.#hostRows.get(definitions);
    if (!merged) this.#hostRows.set(definitions, (merged = engine.withPersonaGrants(definitions, rows)));
    return merged;
  }

  #publish(snapshot: DefinitionsSnapshot): DefinitionsSnapshot {
    this.#current = snapshot;
    for (const listener of [...this.#listeners]) listener(snapshot);
    return snapshot;
  }

  async #store(entry: Entry): Promise<void> {
    const { definitions, ...meta } = entry;
    await (await this.#openCache()).write(definitions, meta);
  }

  #openCache(): Promise<DefinitionsCache> {
    const { instance, user, storage = {} } = this.#options;
    if (this.#cache) return this.#cache;
    const opening = DefinitionsCache.open({ instance, user, ...storage }).then((cache) => {
      this.#openedCache = cache;
      // Only tabs that share a database on disk have anything to coordinate (and not once disposed).
      if (cache.status.kind === 'indexeddb' && !this.#disposed) {
        this.#tabs = new TabCoordinator(cache.name, (message) => this.#onOtherTab(message));
      }
      return cache;
    });
    // A cache that could not be opened is tried again by the next call.
    opening.catch(() => {
      if (this.#cache === opening) this.#cache = undefined;
    });
    return (this.#cache = opening);
  }

  /** Work in flight must not land after an import or a clear. */
  #supersede(): void {
    this.#generation += 1;
    this.#abort.abort(new DOMException('Superseded by an import or clear', 'AbortError'));
    this.#abort = new AbortController();
  }

  #superseded(): DefinitionsSnapshot {
    if (this.#current) return this.#current;
    throw new DOMException('The definitions were cleared while loading', 'AbortError');
  }
}

/** Same definitions, problems and incomplete tables (stamps and times aside). */
function sameContent(a: Entry, b: Entry): boolean {
  const content = (entry: Entry): string =>
    JSON.stringify([entry.definitions, entry.problems, entry.incomplete, entry.source]);
  return content(a) === content(b);
}
