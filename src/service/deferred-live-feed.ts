/**
 * Live refresh as `createCamServices` hands it out: the `LiveFeed` API, with the feed's code (the
 * change reader, tab coordination, polling and back-off) loaded when the first entity is watched —
 * after a list has shown its rows — instead of with the page. Calls made before it has loaded are
 * kept and replayed on the feed: watches (with the rows they were last told), checks, writes.
 */
import type { EntityRef } from '../model/kinds.js';
import { formatRef } from '../model/kinds.js';
import type { PartiesChange } from './change-feed.js';
import type { LiveFeed, LiveFeedOptions, LiveStatus } from './live-feed.js';
import { DEFAULT_POLL_INTERVAL_S } from './live-feed-defaults.js';
import { browserEnvironment } from './live-environment.js';
import type { PartyRow } from './party-rows.js';

/** What the elements use of live refresh (a `LiveFeed`, or the deferred one below). */
export type LiveUpdates = Pick<
  LiveFeed,
  'pollIntervalMs' | 'status' | 'subscribeStatus' | 'watch' | 'setKnown' | 'check' | 'written' | 'dispose'
>;

type LiveFeedClass = new (options: LiveFeedOptions) => LiveFeed;

/** A watch made before the feed loaded. */
interface Waiting {
  readonly entity: EntityRef;
  rows: readonly PartyRow[];
  readonly listener: (change: PartiesChange) => void;
  stop?: () => void;
}

const loadLiveFeed = (): Promise<LiveFeedClass> => import('./live-feed.js').then((module) => module.LiveFeed);

export class DeferredLiveFeed implements LiveUpdates {
  readonly #options: LiveFeedOptions;
  readonly #load: () => Promise<LiveFeedClass>;
  readonly #statusListeners = new Set<(status: LiveStatus) => void>();
  readonly #waiting = new Set<Waiting>();
  /** Entities written to while the feed was loading: it checks them once loaded. */
  readonly #written = new Map<string, EntityRef>();
  #feed: LiveFeed | undefined;
  #loading: Promise<LiveFeed | undefined> | undefined;
  #status: LiveStatus;
  #disposed = false;

  /** `load` gives the `LiveFeed` class (default: the dynamic import of `live-feed.ts`). */
  constructor(options: LiveFeedOptions, load: () => Promise<LiveFeedClass> = loadLiveFeed) {
    this.#options = options;
    this.#load = load;
    this.#status = this.#initialStatus();
  }

  /** The feed, once loaded (for tests and hosts that want the full `LiveFeed`). */
  get loaded(): LiveFeed | undefined {
    return this.#feed;
  }

  get pollIntervalMs(): number {
    return Math.max(0, this.#options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_S * 1000);
  }

  get status(): LiveStatus {
    return this.#feed?.status ?? this.#status;
  }

  subscribeStatus(listener: (status: LiveStatus) => void): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  watch(entity: EntityRef, rows: readonly PartyRow[], listener: (change: PartiesChange) => void): () => void {
    if (this.#feed) return this.#feed.watch(entity, rows, listener);
    const waiting: Waiting = { entity, rows, listener };
    this.#waiting.add(waiting);
    void this.#start();
    return () => {
      this.#waiting.delete(waiting);
      waiting.stop?.();
    };
  }

  setKnown(entity: EntityRef, rows: readonly PartyRow[]): void {
    if (this.#feed) return this.#feed.setKnown(entity, rows);
    const key = formatRef(entity);
    for (const waiting of this.#waiting) if (formatRef(waiting.entity) === key) waiting.rows = rows;
  }

  async check(entity?: EntityRef): Promise<void> {
    // Nothing watched yet: nothing to check.
    const feed = this.#feed ?? (this.#waiting.size > 0 ? await this.#start() : undefined);
    await feed?.check(entity);
  }

  written(entity: EntityRef): void {
    if (this.#feed) return this.#feed.written(entity);
    const key = formatRef(entity);
    if ([...this.#waiting].some((waiting) => formatRef(waiting.entity) === key)) {
      this.#written.set(key, entity);
    } else {
      // What the feed does for an entity nobody watches: its access is read again (badges).
      this.#options.access.invalidate(entity);
    }
  }

  dispose(): void {
    this.#disposed = true;
    this.#feed?.dispose();
    this.#waiting.clear();
    this.#written.clear();
    this.#statusListeners.clear();
  }

  /** Loads the feed once; replays what was asked meanwhile. A failed load turns live updates off. */
  #start(): Promise<LiveFeed | undefined> {
    this.#loading ??= this.#load().then(
      (LiveFeedClass) => {
        if (this.#disposed) return undefined;
        const feed = new LiveFeedClass(this.#options);
        this.#feed = feed;
        feed.subscribeStatus((status) => this.#tell(status));
        for (const waiting of this.#waiting)
          waiting.stop = feed.watch(waiting.entity, waiting.rows, waiting.listener);
        this.#waiting.clear();
        for (const entity of this.#written.values()) feed.written(entity);
        this.#written.clear();
        if (JSON.stringify(feed.status) !== JSON.stringify(this.#status)) this.#tell(feed.status);
        return feed;
      },
      (error: unknown) => {
        console.error(
          `Live updates could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
        );
        this.#status = { state: 'off' };
        this.#tell(this.#status);
        return undefined;
      },
    );
    return this.#loading;
  }

  #tell(status: LiveStatus): void {
    for (const listener of [...this.#statusListeners]) listener(status);
  }

  /** The feed's status before anything is watched: off, paused (hidden, offline) or live. */
  #initialStatus(): LiveStatus {
    if (!this.#options.push && this.pollIntervalMs === 0) return { state: 'off' };
    const env = this.#options.environment ?? browserEnvironment();
    if (!env.online()) return { state: 'paused', reason: 'offline' };
    if (env.hidden()) return { state: 'paused', reason: 'hidden' };
    return { state: 'live', via: this.#options.push ? 'push' : 'polling' };
  }
}
