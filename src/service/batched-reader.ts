/**
 * Reads rows by id lists: one `IN` query per chunk of ids (keeps URLs short), pages followed, at
 * most `maxConcurrent` requests in flight per reader (the loader starts independent reads
 * together; the limit keeps one load from flooding the instance). A table the signed-in user may
 * not read (403) yields nothing and is recorded, so the caller can say its answer is incomplete
 * instead of guessing.
 */
import { q } from '../client/encoded-query.js';
import { ApiError } from '../client/errors.js';
import type { Row, TableClient } from '../client/types.js';

/** A table (or a column of one) the signed-in user may not read: the answer built without it is incomplete. */
export interface IncompleteSource {
  readonly table: string;
  readonly reason: string;
  /** The column, when only a column could not be read. */
  readonly column?: string;
}

export interface BatchedReaderOptions {
  /** Ids per `IN` query (32-character sys_ids: 200 make a ~7 kB query). */
  readonly chunkSize: number;
  /** Records per request; pages of one chunk are sequential. */
  readonly pageSize: number;
  /** Chunk reads in flight at once (default 5). */
  readonly maxConcurrent?: number;
  readonly signal?: AbortSignal;
}

const DEFAULT_CONCURRENCY = 5;

export class BatchedReader {
  /** Tables that answered 403, and columns that were not readable, once each. */
  readonly incomplete: IncompleteSource[] = [];
  readonly #slots: Slots;

  constructor(
    private readonly client: TableClient,
    private readonly options: BatchedReaderOptions,
  ) {
    this.#slots = new Slots(Math.max(1, options.maxConcurrent ?? DEFAULT_CONCURRENCY));
  }

  /**
   * Every row of `table` whose `field` is one of `ids` (empty ids ignored, duplicates once). With
   * `firstPage`, each chunk's first request asks for `firstPage.limit` rows with `firstPage.fields`
   * added (e.g. dot-walks that spare later requests for small answers), the rest without them;
   * `firstPage.onRows` sees each first page as it lands, before the rest is read. (`firstPage`
   * needs `fields`: without them every column is read anyway.)
   */
  async rowsWhereIn(
    table: string,
    field: string,
    ids: Iterable<string>,
    extra: {
      fields?: readonly string[];
      displayValue?: boolean | 'all';
      firstPage?: {
        readonly limit: number;
        readonly fields: readonly string[];
        /** `more`: the chunk has rows beyond this page; `total`: the server's count, when it sent one. */
        readonly onRows?: (
          rows: readonly Row[],
          page: { readonly more: boolean; readonly total?: number },
        ) => void;
      };
    } = {},
  ): Promise<Row[]> {
    const unique = [...new Set([...ids].filter((id) => id !== ''))];
    if (unique.length === 0) return [];
    const { chunkSize, pageSize, signal } = this.options;
    const { firstPage, ...read } = extra;
    const chunks: string[][] = [];
    for (let i = 0; i < unique.length; i += chunkSize) chunks.push(unique.slice(i, i + chunkSize));
    try {
      const pages = await Promise.all(
        chunks.map((chunk) =>
          this.#slots.run(async () => {
            const out: Row[] = [];
            const query = q.in(field, chunk);
            let offset = 0;
            if (firstPage && read.fields) {
              const fields = [...new Set([...read.fields, ...firstPage.fields])];
              const page = await this.client.list(table, {
                ...read,
                query,
                fields,
                limit: firstPage.limit,
                signal,
              });
              out.push(...page.rows);
              const more =
                page.nextOffset !== undefined ||
                (page.total === undefined
                  ? page.rows.length >= firstPage.limit
                  : page.rows.length < page.total);
              firstPage.onRows?.(page.rows, { more, total: page.total });
              if (!more || page.rows.length === 0) return out;
              offset = page.nextOffset ?? page.rows.length;
            }
            const options = { query, ...read, pageSize, signal, offset };
            for await (const row of this.client.iterate(table, options)) out.push(row);
            return out;
          }),
        ),
      );
      return pages.flat();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 403)) throw error;
      this.note({ table, reason: error.message || 'not readable by the signed-in user' });
      return [];
    }
  }

  /** Records an unreadable source once (same table and column). */
  note(source: IncompleteSource): void {
    if (!this.incomplete.some((entry) => entry.table === source.table && entry.column === source.column)) {
      this.incomplete.push(source);
    }
  }
}

/** A counting semaphore: `run` waits for a free slot. */
class Slots {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    this.#free = size;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free++;
    }
  }
}
