/**
 * The related parties of one entity as the facts load reads them, shared by everyone who needs
 * them (the list's rows and the facts behind the badges come from the same read): the first page
 * as soon as it lands, then every row. Fed by the access service.
 */
import type { PartyRow } from './party-rows.js';

/** Rows read so far, and whether every row is in. */
export interface PartyRowsProgress {
  readonly rows: readonly PartyRow[];
  readonly complete: boolean;
  /** Parties the server said the entity has (more than `rows.length` while pages are coming). */
  readonly total?: number;
}

type Listener = (progress: PartyRowsProgress) => void;

export class PartyPages {
  #progress: PartyRowsProgress = { rows: [], complete: false };
  #settled = false;
  readonly #listeners = new Set<Listener>();
  #resolve!: (rows: readonly PartyRow[]) => void;
  #reject!: (error: unknown) => void;
  /** Every row, once all are in; rejects when they cannot be read. */
  readonly done: Promise<readonly PartyRow[]>;

  constructor() {
    this.done = new Promise<readonly PartyRow[]>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // A failure is the caller's to handle through `done`; nobody listening is no unhandled rejection.
    this.done.catch(() => undefined);
  }

  /** Rows already known (a patched picture): complete at once. */
  static of(rows: readonly PartyRow[]): PartyPages {
    const pages = new PartyPages();
    pages.complete(rows);
    return pages;
  }

  /** What has arrived so far. */
  get progress(): PartyRowsProgress {
    return this.#progress;
  }

  /** Calls `listener` when rows arrive; returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The first page: its rows, and whether they are all (`complete`) or how many there are. */
  first(rows: readonly PartyRow[], page: { complete: boolean; total?: number }): void {
    if (page.complete) {
      this.complete(rows);
      return;
    }
    if (this.#settled) return;
    this.#progress = { rows, complete: false, ...(page.total !== undefined ? { total: page.total } : {}) };
    this.#emit();
  }

  /** Every row is in. */
  complete(rows: readonly PartyRow[]): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#progress = { rows, complete: true, total: rows.length };
    this.#emit();
    this.#resolve(rows);
  }

  /** The rows cannot be read. */
  fail(error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#reject(error);
  }

  #emit(): void {
    const progress = this.#progress;
    for (const listener of [...this.#listeners]) listener(progress);
  }
}
