/**
 * One read of an entity's related parties, shared by everyone who needs them (the list's rows and
 * the facts load behind the badges), exposed as it arrives: the rows read so far after each page,
 * and every row once the last page is in. Pages are never read twice for the same load.
 */
import type { IncompleteSource } from './batched-reader.js';
import type { PartyRow } from './party-rows.js';

/** One page of the party query as it arrived. */
export interface PartyPage {
  readonly rows: readonly PartyRow[];
  /** Records on the server in all (`X-Total-Count`), when it said so. */
  readonly total?: number;
  /** Columns naming a party that could not be read on records of this page. */
  readonly unreadable?: readonly IncompleteSource[];
}

/** Rows read so far, and whether every page is in. */
export interface PartyRowsProgress {
  readonly rows: readonly PartyRow[];
  readonly complete: boolean;
  /** Records the server said it has (more than `rows.length` while pages are still coming). */
  readonly total?: number;
}

type Listener = (progress: PartyRowsProgress) => void;

export class PartyPages {
  #rows: PartyRow[] = [];
  #seen = new Set<string>();
  #complete = false;
  #total: number | undefined;
  #unreadable: IncompleteSource[] = [];
  readonly #listeners = new Set<Listener>();
  /** Every row (duplicates from shifted pages once), in the server's order. */
  readonly done: Promise<readonly PartyRow[]>;

  /** Reads `pages` now; `done` rejects with the first page's failure. */
  constructor(pages: AsyncIterable<PartyPage>) {
    this.done = this.#read(pages);
    // A failure is the caller's to handle through `done`; nobody listening is no unhandled rejection.
    this.done.catch(() => undefined);
  }

  /** Rows already known (a patched picture): complete at once. */
  static of(rows: readonly PartyRow[]): PartyPages {
    return new PartyPages(
      (async function* () {
        yield { rows };
      })(),
    );
  }

  /** What has arrived so far. */
  get progress(): PartyRowsProgress {
    return { rows: this.#rows, complete: this.#complete, total: this.#total };
  }

  /** Party columns that could not be read on some record (seen so far). */
  get unreadable(): readonly IncompleteSource[] {
    return this.#unreadable;
  }

  /** Calls `listener` after every page (with the rows so far); returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async #read(pages: AsyncIterable<PartyPage>): Promise<readonly PartyRow[]> {
    const iterator = pages[Symbol.asyncIterator]();
    for (let read = 0; ; read++) {
      // Let the first rows (the list renders them as they are emitted) be painted before the
      // other pages are asked for: their answers would keep the browser from painting for long.
      if (read === 1 && (this.#total ?? 0) > this.#rows.length) await afterNextPaint();
      const next = await iterator.next();
      if (next.done) break;
      const page = next.value;
      const fresh = page.rows.filter((row) => !this.#seen.has(row.record.id));
      for (const row of fresh) this.#seen.add(row.record.id);
      // A new array per page: the rows given to listeners never change under them.
      this.#rows = [...this.#rows, ...fresh];
      this.#total = page.total ?? this.#total;
      for (const source of page.unreadable ?? []) {
        if (!this.#unreadable.some((s) => s.table === source.table && s.column === source.column))
          this.#unreadable.push(source);
      }
      this.#emit();
    }
    this.#complete = true;
    this.#total = this.#rows.length;
    this.#emit();
    return this.#rows;
  }

  #emit(): void {
    const progress = this.progress;
    for (const listener of [...this.#listeners]) listener(progress);
  }
}

/** At most this long to wait for a frame (none comes in a hidden tab, or outside a browser). */
const PAINT_WAIT_MS = 100;

/** Resolves once the next frame has been painted, or after `PAINT_WAIT_MS` when no frame comes. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, PAINT_WAIT_MS);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });
}
