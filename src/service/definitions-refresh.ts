/**
 * Keeps open consoles' definitions (relationship types, responsibilities, access configurations,
 * roles and their containment) in step with an administrator's changes: every `intervalMs`
 * (default 15 minutes) and when the page comes back after a longer absence, the definitions
 * service compares its cheap per-table stamps with the server and refetches only what changed,
 * updating the IndexedDB cache and telling every badge. Nothing is asked while the page is hidden
 * or offline; tabs sharing a cache already revalidate once (definitions-service.ts). A copy the
 * service took from its cache without asking (checked less than an interval ago) counts as checked
 * then: the next check comes when its interval is up, not a whole interval after the page opened.
 */
import { DEFAULT_DEFINITIONS_INTERVAL_MS } from './definitions-options.js';
import { browserEnvironment, type LiveEnvironment } from './live-environment.js';

/** What the schedule needs to know of a snapshot: where it came from and how old it is. */
interface SnapshotAge {
  readonly source: string;
  readonly stale: boolean;
  ageMs(): number;
}

export interface DefinitionsRefreshOptions {
  /**
   * What is refreshed: the definitions service. With `subscribe`, a fresh copy served from the
   * cache moves the next check forward to when that copy's interval is up.
   */
  readonly definitions: {
    refresh(signal?: AbortSignal): Promise<unknown>;
    subscribe?(listener: (snapshot: SnapshotAge) => void): () => void;
  };
  /** Between checks, ms; 0 turns the scheduled checks off. */
  readonly intervalMs?: number;
  readonly environment?: LiveEnvironment;
}

export class DefinitionsRefresh {
  readonly #options: DefinitionsRefreshOptions;
  readonly #env: LiveEnvironment;
  readonly #stop: () => void;
  readonly #unsubscribe: () => void;
  readonly #abort = new AbortController();
  #timer: unknown;
  #lastCheck: number;
  #running = false;

  constructor(options: DefinitionsRefreshOptions) {
    this.#options = options;
    this.#env = options.environment ?? browserEnvironment();
    this.#lastCheck = this.#env.now();
    this.#stop = this.#env.watch(() => this.#onReturn());
    this.#unsubscribe = options.definitions.subscribe?.((snapshot) => this.#onSnapshot(snapshot)) ?? noop;
    this.#arm();
  }

  get intervalMs(): number {
    return Math.max(0, this.#options.intervalMs ?? DEFAULT_DEFINITIONS_INTERVAL_MS);
  }

  dispose(): void {
    this.#stop();
    this.#unsubscribe();
    this.#abort.abort(new DOMException('Disposed', 'AbortError'));
    if (this.#timer !== undefined) this.#env.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #active(): boolean {
    return this.#env.online() && !this.#env.hidden();
  }

  /** Focus, visibility or connectivity changed: check when the last check is older than an interval. */
  #onReturn(): void {
    if (this.intervalMs === 0 || !this.#active()) return;
    if (this.#env.now() - this.#lastCheck >= this.intervalMs) void this.#check();
  }

  /** A copy from the cache, not checked now (fresh): it was last checked `ageMs` ago. */
  #onSnapshot(snapshot: SnapshotAge): void {
    if (snapshot.source !== 'cache' || snapshot.stale || this.intervalMs === 0) return;
    const checkedAt = this.#env.now() - snapshot.ageMs();
    if (checkedAt >= this.#lastCheck) return;
    this.#lastCheck = checkedAt;
    this.#arm(Math.max(0, checkedAt + this.intervalMs - this.#env.now()));
  }

  #arm(delayMs = this.intervalMs): void {
    if (this.#timer !== undefined) this.#env.clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.intervalMs === 0 || this.#abort.signal.aborted) return;
    this.#timer = this.#env.setTimeout(() => {
      this.#timer = undefined;
      // Hidden or offline: the return (focus, visibility, online) checks, since it is overdue.
      if (this.#active()) void this.#check();
      else this.#arm();
    }, delayMs);
  }

  async #check(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.#lastCheck = this.#env.now();
    // The rhythm does not depend on how long the check takes.
    this.#arm();
    try {
      await this.#options.definitions.refresh(this.#abort.signal);
    } catch {
      // The definitions service keeps its copy and reports why (snapshot flags); try next time.
    } finally {
      this.#running = false;
    }
  }
}

function noop(): void {}
