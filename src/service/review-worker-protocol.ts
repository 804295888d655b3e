/**
 * The messages between the page and the access review worker (src/service/review-worker.ts). Plain
 * data only (structured clone): definitions, facts, findings and matrix rows.
 *
 * Page → worker: `start`, then the facts in `facts` parts (each small enough to copy without
 * blocking the page), then `run`. Worker → page: `ready` once loaded, `progress`, the findings in
 * `findings` batches (the last says so), the rows in `rows` batches (the last says so), or `failed`.
 */
import type { Definitions } from '../model/definitions.js';
import type { Facts } from '../model/facts.js';
import type { EntityRef } from '../model/kinds.js';
import type { Finding, MatrixRow } from '../review/types.js';

export type ToReviewWorker =
  | {
      readonly type: 'start';
      readonly definitions: Definitions;
      readonly scope: readonly EntityRef[];
      readonly now: number;
      readonly closedDays?: number;
    }
  /** Items to append to one list of the facts. */
  | { readonly type: 'facts'; readonly key: keyof Facts; readonly items: readonly unknown[] }
  | { readonly type: 'run' };

export type FromReviewWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'findings'; readonly findings: readonly Finding[]; readonly last: boolean }
  | { readonly type: 'rows'; readonly rows: readonly MatrixRow[]; readonly last: boolean }
  | { readonly type: 'failed'; readonly message: string };

/** Facts items per `facts` message, findings per `findings` batch, rows per `rows` batch. */
export const FACTS_PER_MESSAGE = 2_000;
export const FINDINGS_PER_MESSAGE = 500;
export const ROWS_PER_MESSAGE = 1_000;
