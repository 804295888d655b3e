/**
 * Reads rows by id lists: one `IN` query per chunk of ids (keeps URLs short), chunks in parallel,
 * pages followed. A table the signed-in user may not read (403) yields nothing and is recorded,
 * so the caller can say its answer is incomplete instead of guessing.
 */
import { q } from '../client/encoded-query.js';
import { ApiError } from '../client/errors.js';
import type { Row, TableClient } from '../client/types.js';

/** A table the signed-in user may not read: the answer built without it is incomplete. */
export interface IncompleteSource {
  readonly table: string;
  readonly reason: string;
}

export interface BatchedReaderOptions {
  /** Ids per `IN` query (32-character sys_ids: 200 make a ~7 kB query). */
  readonly chunkSize: number;
  /** Records per request; pages of one chunk are sequential. */
  readonly pageSize: number;
  readonly signal?: AbortSignal;
}

export class BatchedReader {
  /** Tables that answered 403, once each. */
  readonly incomplete: IncompleteSource[] = [];

  constructor(
    private readonly client: TableClient,
    private readonly options: BatchedReaderOptions,
  ) {}

  /** Every row of `table` whose `field` is one of `ids` (empty ids ignored, duplicates once). */
  async rowsWhereIn(
    table: string,
    field: string,
    ids: readonly string[],
    extra: { fields?: readonly string[]; displayValue?: boolean | 'all' } = {},
  ): Promise<Row[]> {
    const unique = [...new Set(ids.filter((id) => id !== ''))];
    if (unique.length === 0) return [];
    const { chunkSize, pageSize, signal } = this.options;
    const chunks: string[][] = [];
    for (let i = 0; i < unique.length; i += chunkSize) chunks.push(unique.slice(i, i + chunkSize));
    try {
      const pages = await Promise.all(
        chunks.map(async (chunk) => {
          const out: Row[] = [];
          const query = q.in(field, chunk);
          for await (const row of this.client.iterate(table, { query, ...extra, pageSize, signal }))
            out.push(row);
          return out;
        }),
      );
      return pages.flat();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 403)) throw error;
      if (!this.incomplete.some((entry) => entry.table === table)) {
        this.incomplete.push({ table, reason: error.message || 'not readable by the signed-in user' });
      }
      return [];
    }
  }
}
