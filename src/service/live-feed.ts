/**
 * Live refresh, the scheduling half: keeps each watched entity's rows in step with the server.
 * The built-in source polls politely — every `pollIntervalMs` per watched entity, nothing while
 * the page is hidden or offline (and an immediate check on return), one tab per entity (the others
 * hear its stamps), exponential back-off with jitter on errors, honouring `Retry-After`. A host can
 * plug a push source instead; it then says when to check and nothing is polled on a timer.
 * Changes found are applied to the access service (badges recompute) and handed to the watchers
 * (the lists, which update their rows in place).
 */
import { ApiError, isAbortError } from '../client/errors.js';
import type { TableClient } from '../client/types.js';
import type { TableMap } from '../client/table-map.js';
import { formatRef, type EntityRef } from '../model/kinds.js';
import {
  changedFacts,
  isEmptyChange,
  PartyChangeReader,
  principalsOf,
  type PartiesChange,
  type PartyStamp,
} from './change-feed.js';
import { browserEnvironment, type LiveEnvironment } from './live-environment.js';
import { LiveTabs } from './live-tabs.js';
import type { PartyRow } from './party-rows.js';
import { DEFAULT_POLL_INTERVAL_S } from './live-feed-defaults.js';

/**
 * Tells the feed when the related parties of an entity may have changed (a WebSocket, server-sent
 * events, a host's own message bus). The feed then runs one check of that entity.
 */
export interface PushSource {
  subscribe(entity: EntityRef, listener: () => void): void;
  unsubscribe(entity: EntityRef, listener: () => void): void;
}

/** Whether live updates run, and if not why (the lists show it). */
export type LiveStatus =
  | { readonly state: 'live'; readonly via: 'polling' | 'push' }
  | { readonly state: 'off' }
  | { readonly state: 'paused'; readonly reason: 'hidden' | 'offline' }
  | { readonly state: 'retrying'; readonly retryAt: number; readonly message: string };

/** What the feed needs of the access service. */
export interface LiveAccessTarget {
  applyPartyChanges(entity: EntityRef, change: Pick<PartiesChange, 'added' | 'changed' | 'removed'>): void;
  invalidate(entity?: EntityRef): void;
}

export { DEFAULT_POLL_INTERVAL_S };
/** Longest wait after repeated errors (5 minutes). */
const MAX_BACKOFF_MS = 5 * 60_000;
/** First retry after an error when nothing is polled on a timer (push, or polling off). */
const PUSH_RETRY_MS = 5_000;

export interface LiveFeedOptions {
  readonly client: TableClient;
  readonly tableMap: TableMap;
  readonly access: LiveAccessTarget;
  /** Between checks of each watched entity, ms; 0 turns polling off. Default 30 s. */
  readonly pollIntervalMs?: number;
  /** Replaces polling: the source says when to check. */
  readonly push?: PushSource;
  /** Tabs of the same instance and user share polls under this name (omit: no coordination). */
  readonly tabsName?: string;
  readonly environment?: LiveEnvironment;
}

type ChangeListener = (change: PartiesChange) => void;

interface Watched {
  readonly entity: EntityRef;
  readonly key: string;
  readonly listeners: Set<ChangeListener>;
  /** The rows as shown (the baseline of the diff), by record id. */
  known: Map<string, PartyRow>;
  timer?: unknown;
  failures: number;
  retryAt?: number;
  lastError?: string;
  /** The check in progress; `again` asks for one more after it. */
  running?: Promise<void>;
  again: boolean;
  /** A check was wanted while paused: run it on return. */
  missed: boolean;
  /** Stamps of the badge-changing facts of the principals shown (roles held, accounts). */
  facts?: Map<string, string>;
  readonly pushed: () => void;
}

export class LiveFeed {
  readonly #options: LiveFeedOptions;
  readonly #reader: PartyChangeReader;
  readonly #env: LiveEnvironment;
  readonly #tabs: LiveTabs | undefined;
  readonly #watched = new Map<string, Watched>();
  readonly #statusListeners = new Set<(status: LiveStatus) => void>();
  readonly #stopEnv: () => void;
  #status: LiveStatus;
  #abort = new AbortController();
  #disposed = false;

  constructor(options: LiveFeedOptions) {
    this.#options = options;
    this.#reader = new PartyChangeReader(options.client, options.tableMap);
    this.#env = options.environment ?? browserEnvironment();
    this.#tabs = options.tabsName
      ? new LiveTabs(options.tabsName, (message) =>
          message.type === 'party-stamps'
            ? this.#onOtherTab(message.entity, message.stamps)
            : this.#onOtherTabFacts(message.entity),
        )
      : undefined;
    this.#stopEnv = this.#env.watch((reason) => this.#onEnvironment(reason));
    this.#status = this.#computeStatus();
  }

  /** Between checks of each entity, ms (0: no polling). */
  get pollIntervalMs(): number {
    return Math.max(0, this.#options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_S * 1000);
  }

  get status(): LiveStatus {
    return this.#status;
  }

  /** Calls `listener` with every new status; returns the unsubscribe function. */
  subscribeStatus(listener: (status: LiveStatus) => void): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  /**
   * Watches `entity`, whose rows are shown as `rows`, telling `listener` what changes. Watchers of
   * one entity share its checks. Returns the function that stops watching.
   */
  watch(entity: EntityRef, rows: readonly PartyRow[], listener: ChangeListener): () => void {
    const key = formatRef(entity);
    let watched = this.#watched.get(key);
    if (!watched) {
      const created: Watched = {
        entity,
        key,
        listeners: new Set(),
        known: byId(rows),
        failures: 0,
        again: false,
        missed: false,
        pushed: () => this.#request(created),
      };
      watched = created;
      this.#watched.set(key, created);
      this.#options.push?.subscribe(entity, created.pushed);
      this.#schedule(created);
    }
    watched.listeners.add(listener);
    const w = watched;
    return () => {
      w.listeners.delete(listener);
      if (w.listeners.size > 0 || this.#watched.get(key) !== w) return;
      this.#watched.delete(key);
      this.#options.push?.unsubscribe(entity, w.pushed);
      if (w.timer !== undefined) this.#env.clearTimeout(w.timer);
      this.#updateStatus();
    };
  }

  /** The rows now shown for `entity` (after a full load): later checks diff against them. */
  setKnown(entity: EntityRef, rows: readonly PartyRow[]): void {
    const watched = this.#watched.get(formatRef(entity));
    if (watched) watched.known = byId(rows);
  }

  /**
   * Checks now (every watched entity, or one) and resolves when done. Also how a host's own
   * write reaches every element: the services call it after each add, retype and removal.
   */
  async check(entity?: EntityRef): Promise<void> {
    const targets = entity ? [this.#watched.get(formatRef(entity))] : [...this.#watched.values()];
    await Promise.all(targets.map((w) => (w ? this.#run(w) : undefined)));
  }

  /**
   * This page wrote to the related parties of `entity` (through the services): a watched entity is
   * checked now, so every list shows it; otherwise its access is read again (badges).
   */
  written(entity: EntityRef): void {
    const watched = this.#watched.get(formatRef(entity));
    if (watched) this.#request(watched);
    else this.#options.access.invalidate(entity);
  }

  dispose(): void {
    this.#disposed = true;
    this.#abort.abort(new DOMException('The live feed was disposed', 'AbortError'));
    this.#stopEnv();
    this.#tabs?.close();
    for (const w of this.#watched.values()) {
      this.#options.push?.unsubscribe(w.entity, w.pushed);
      if (w.timer !== undefined) this.#env.clearTimeout(w.timer);
    }
    this.#watched.clear();
    this.#statusListeners.clear();
  }

  #paused(): 'hidden' | 'offline' | undefined {
    if (!this.#env.online()) return 'offline';
    return this.#env.hidden() ? 'hidden' : undefined;
  }

  /** A check was asked for (push, or a write through the services). */
  #request(w: Watched): void {
    if (this.#paused()) {
      w.missed = true;
      return;
    }
    void this.#run(w);
  }

  #onEnvironment(reason: 'visibility' | 'online' | 'focus'): void {
    this.#updateStatus();
    if (this.#paused() || reason === 'focus') return;
    // Back: check at once (what happened meanwhile), then resume the rhythm.
    for (const w of this.#watched.values()) {
      w.missed = false;
      void this.#run(w);
    }
  }

  /** Arms the next timed check of `w` (none while paused: the return triggers one). */
  #schedule(w: Watched, delay?: number): void {
    if (w.timer !== undefined) this.#env.clearTimeout(w.timer);
    w.timer = undefined;
    if (this.#disposed) return;
    const interval = this.#options.push ? 0 : this.pollIntervalMs;
    const wait = delay ?? interval;
    if (wait <= 0) return;
    w.timer = this.#env.setTimeout(() => {
      w.timer = undefined;
      if (this.#paused()) {
        w.missed = true;
        return;
      }
      void this.#run(w);
    }, wait);
  }

  /** One check of `w`; concurrent requests share it and ask for one more after it. */
  #run(w: Watched): Promise<void> {
    if (w.running) {
      w.again = true;
      return w.running;
    }
    w.running = this.#checkOnce(w).finally(() => {
      w.running = undefined;
      if (w.again && !this.#disposed) {
        w.again = false;
        void this.#run(w);
      }
    });
    return w.running;
  }

  async #checkOnce(w: Watched): Promise<void> {
    const signal = this.#abort.signal;
    try {
      const polled = this.#tabs
        ? await this.#tabs.ifFree(w.key, () => this.#reader.stamps(w.entity, signal))
        : { value: await this.#reader.stamps(w.entity, signal) };
      // Another tab is polling this entity right now: its stamps arrive over the channel.
      if (polled) {
        this.#tabs?.announce(w.key, polled.value);
        await this.#apply(w, polled.value, signal);
        await this.#checkFacts(w, signal);
      }
      w.failures = 0;
      w.retryAt = undefined;
      w.lastError = undefined;
      this.#schedule(w);
    } catch (error) {
      if (isAbortError(error) || this.#disposed) return;
      w.failures += 1;
      const delay = this.#backoff(w.failures, error);
      w.retryAt = this.#env.now() + delay;
      w.lastError = error instanceof Error ? error.message : String(error);
      this.#schedule(w, delay);
    } finally {
      this.#updateStatus();
    }
  }

  /** Diffs the stamps against the rows shown; applies and announces what changed. */
  async #apply(w: Watched, stamps: readonly PartyStamp[], signal: AbortSignal): Promise<void> {
    const change = await this.#reader.changeSince(w.entity, w.known, stamps, signal);
    if (isEmptyChange(change) || this.#watched.get(w.key) !== w) return;
    const known = new Map(w.known);
    for (const row of change.removed) known.delete(row.record.id);
    for (const row of change.added) known.set(row.record.id, row);
    for (const { row } of change.changed) known.set(row.record.id, row);
    w.known = known;
    this.#options.access.applyPartyChanges(w.entity, change);
    for (const listener of [...w.listeners]) listener(change);
  }

  /**
   * Roles held and account membership of the principals shown: when one changed (a contact's
   * account was added, a role granted), the entity's access is read again and every badge
   * recomputes. Other tabs are told.
   */
  async #checkFacts(w: Watched, signal: AbortSignal): Promise<void> {
    const next = await this.#reader.factStamps(principalsOf(w.known.values()), signal);
    const previous = w.facts;
    w.facts = next;
    if (!previous || changedFacts(previous, next).length === 0 || this.#watched.get(w.key) !== w) return;
    this.#options.access.invalidate(w.entity);
    this.#tabs?.announceFacts(w.key);
  }

  /** Another tab saw the facts under an entity's badges change. */
  #onOtherTabFacts(key: string): void {
    const w = this.#watched.get(key);
    if (w) this.#options.access.invalidate(w.entity);
  }

  /** Another tab polled an entity this tab watches: use its stamps, and wait a full interval. */
  #onOtherTab(key: string, stamps: readonly PartyStamp[]): void {
    const w = this.#watched.get(key);
    if (!w || this.#paused()) return;
    const work = (w.running ?? Promise.resolve())
      .then(() => this.#apply(w, stamps, this.#abort.signal))
      .then(() => this.#schedule(w));
    void work.catch(() => undefined);
  }

  /** Exponential back-off with jitter (×0.75–1.25), never sooner than the server's `Retry-After`. */
  #backoff(failures: number, error: unknown): number {
    const base = this.#options.push || this.pollIntervalMs === 0 ? PUSH_RETRY_MS : this.pollIntervalMs;
    const exponential = Math.min(MAX_BACKOFF_MS, base * 2 ** failures);
    const jittered = Math.round(exponential * (0.75 + 0.5 * this.#env.random()));
    const retryAfter = error instanceof ApiError ? (error.retryAfterMs ?? 0) : 0;
    return Math.max(jittered, retryAfter);
  }

  #computeStatus(): LiveStatus {
    const paused = this.#paused();
    if (!this.#options.push && this.pollIntervalMs === 0) return { state: 'off' };
    if (paused) return { state: 'paused', reason: paused };
    const failing = [...this.#watched.values()].filter((w) => w.failures > 0 && w.retryAt !== undefined);
    if (failing.length > 0) {
      const first = failing.reduce((a, b) => ((a.retryAt ?? 0) <= (b.retryAt ?? 0) ? a : b));
      return { state: 'retrying', retryAt: first.retryAt ?? 0, message: first.lastError ?? '' };
    }
    return { state: 'live', via: this.#options.push ? 'push' : 'polling' };
  }

  #updateStatus(): void {
    const next = this.#computeStatus();
    if (JSON.stringify(next) === JSON.stringify(this.#status)) return;
    this.#status = next;
    for (const listener of [...this.#statusListeners]) listener(next);
  }
}

function byId(rows: readonly PartyRow[]): Map<string, PartyRow> {
  return new Map(rows.map((row) => [row.record.id, row]));
}
