/**
 * Loads what an access review needs — the records of an account (or one record), their related
 * parties, every person those parties and the accounts stand for, the roles they hold — through the
 * Table API client in paged, batched reads, with progress and cancellation; then builds an engine
 * and runs the review rules. Personal data: memory only, never cached.
 */
import { AccessEngine } from '../access/engine.js';
import type { TableClient } from '../client/types.js';
import type { TableMap } from '../client/table-map.js';
import type { Definitions } from '../model/definitions.js';
import type { Facts } from '../model/facts.js';
import type { EntityRef } from '../model/kinds.js';
import { reviewAccess } from '../review/review.js';
import { reviewSteps } from '../review/stream.js';
import type { Finding, ReviewResult } from '../review/types.js';
import type { DefinitionsSource } from './access-service.js';
import { BatchedReader, type IncompleteSource } from './batched-reader.js';
import { partyFields, partyTable, partyColumns, rowToPartyRow, type PartyRow } from './party-rows.js';
import {
  DEFAULT_REVIEW_COLUMNS,
  ScopeEntities,
  type ReviewColumns,
  type ReviewScope,
} from './access-review-scope.js';
import { ReviewPeople } from './access-review-people.js';
import { reviewInWorker, WorkerUnavailableError, type ReviewWorkerFactory } from './review-worker-client.js';

export type { ReviewScope, ReviewColumns } from './access-review-scope.js';

/** Where a load is: the step, how many records it has read so far, and (reviewing) the work done. */
export interface ReviewProgress {
  readonly step: 'records' | 'parties' | 'people' | 'roles' | 'review';
  readonly records: number;
  /** While reviewing: units of work done, of `total`. */
  readonly done?: number;
  readonly total?: number;
}

/** Related-party rows converted between two pauses. */
const CONVERT_SLICE = 2_000;

/** Lets the event loop run (input, rendering) between slices of work. */
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A loaded review: the facts of the scope, the parties by record id, what was unreadable. */
export interface LoadedReview<S extends { readonly definitions: Definitions }> {
  readonly scope: ReviewScope;
  readonly entities: readonly EntityRef[];
  /** The engine over `facts`, built on first use (a review in a worker builds its own there). */
  readonly engine: AccessEngine;
  readonly facts: Facts;
  /** Every related-party row loaded (with its `sys_mod_count`), by record id. */
  readonly parties: ReadonlyMap<string, PartyRow>;
  readonly incomplete: readonly IncompleteSource[];
  readonly definitions: S;
}

/** Where the review runs: in a worker when the scope is large (`auto`), always, or never. */
export type ReviewWorkerMode = 'auto' | 'always' | 'never';

export interface AccessReviewServiceOptions {
  /** Ids per `IN` query (default 200). */
  readonly chunkSize?: number;
  /** Records per page (default 1000). */
  readonly pageSize?: number;
  /** Columns beyond the table map (default `active`, `closed_at`). */
  readonly columns?: Partial<ReviewColumns>;
  /** Where the review runs (default `auto`). */
  readonly worker?: ReviewWorkerMode;
  /**
   * With `worker: 'auto'`: related-party records and entities from which the review runs in a worker
   * (default 2,000); smaller scopes are reviewed on the page in slices.
   */
  readonly workerThreshold?: number;
  /** Starts the review worker (default: review-worker.js beside this module). */
  readonly createWorker?: ReviewWorkerFactory;
}

/** Options of one review run. */
export interface ReviewRunOptions {
  /** The time the review is made (ms since the epoch). */
  readonly now: number;
  readonly closedDays?: number;
  readonly signal?: AbortSignal;
  /** On the page: yield to the event loop after this much work (ms, default 25). */
  readonly sliceMs?: number;
  readonly onProgress?: (progress: ReviewProgress) => void;
  /** Every finding, sorted, as soon as they are known (before the matrix is). */
  readonly onFindings?: (findings: readonly Finding[]) => void;
}

export class AccessReviewService<S extends { readonly definitions: Definitions }> {
  private readonly columns: ReviewColumns;

  constructor(
    private readonly client: TableClient,
    private readonly map: TableMap,
    private readonly definitions: DefinitionsSource<S>,
    private readonly options: AccessReviewServiceOptions = {},
  ) {
    this.columns = { ...DEFAULT_REVIEW_COLUMNS, ...options.columns };
  }

  /** Reads the scope's facts and builds an engine over them. */
  async load(
    scope: ReviewScope,
    options: { signal?: AbortSignal; onProgress?: (progress: ReviewProgress) => void } = {},
  ): Promise<LoadedReview<S>> {
    const { signal, onProgress } = options;
    const reader = new BatchedReader(this.client, {
      chunkSize: this.options.chunkSize ?? 200,
      pageSize: this.options.pageSize ?? 1000,
      signal,
    });
    const snapshot = await this.definitions.load(signal);
    let records = 0;
    const progress = (step: ReviewProgress['step'], count: number) => {
      records += count;
      signal?.throwIfAborted();
      onProgress?.({ step, records });
    };
    const entities = new ScopeEntities(reader, this.map, this.columns);
    await entities.load(scope);
    progress('records', entities.cases.size + entities.soldProducts.size + entities.items.size);
    const partyRows = await this.loadParties(reader, entities.all());
    progress('parties', partyRows.length);
    const roleNames = new Map<string, string>();
    for (const role of snapshot.definitions.roles) if (role.sysId) roleNames.set(role.sysId, role.name);
    const people = new ReviewPeople(reader, this.map, this.columns, (id) => roleNames.get(id));
    const found = await people.load(
      entities,
      partyRows.map((row) => row.record),
      (step, count) => progress(step, count),
    );
    const facts: Facts = {
      ...found,
      soldProducts: [...entities.soldProducts.values()],
      installBase: [...entities.items.values()],
      cases: [...entities.cases.values()],
      relatedParties: partyRows.map((row) => row.record),
    };
    let engine: AccessEngine | undefined;
    return {
      scope,
      entities: entities.scope,
      get engine() {
        return (engine ??= new AccessEngine(snapshot.definitions, facts));
      },
      facts,
      parties: new Map(partyRows.map((row) => [row.record.id, row])),
      incomplete: reader.incomplete,
      definitions: snapshot,
    };
  }

  /** Runs the review rules over a loaded scope, in one go. */
  review(loaded: LoadedReview<S>, options: { now: number; closedDays?: number }): ReviewResult {
    return reviewAccess(loaded.engine, { ...options, scope: loaded.entities });
  }

  /**
   * Runs the review, streaming the findings (`onFindings`) before the matrix: in a Web Worker when
   * the scope is large, so the page never waits on the engine; on the page in slices otherwise, or
   * when no worker can start (no `Worker`, a Content-Security-Policy without `worker-src 'self'`) —
   * then with a console warning saying so. Aborting `signal` stops either at once.
   */
  async reviewLoaded(loaded: LoadedReview<S>, options: ReviewRunOptions): Promise<ReviewResult> {
    if (!this.usesWorker(loaded)) return this.reviewInSteps(loaded, options);
    const records = loaded.facts.relatedParties.length;
    try {
      return await reviewInWorker(
        {
          definitions: loaded.definitions.definitions,
          facts: loaded.facts,
          scope: loaded.entities,
          now: options.now,
          closedDays: options.closedDays,
        },
        {
          createWorker: this.options.createWorker,
          signal: options.signal,
          onFindings: options.onFindings,
          onProgress: (done, total) => options.onProgress?.({ step: 'review', records, done, total }),
        },
      );
    } catch (error) {
      if (!(error instanceof WorkerUnavailableError) || options.signal?.aborted) throw error;
      console.warn(
        `cam-access-review: ${error.message} — reviewing on the page instead (slower; allow workers with the Content-Security-Policy "worker-src 'self'").`,
      );
      return this.reviewInSteps(loaded, options);
    }
  }

  /** Whether `reviewLoaded` tries a worker for this scope. */
  usesWorker(loaded: LoadedReview<S>): boolean {
    const mode = this.options.worker ?? 'auto';
    if (mode === 'never' || typeof Worker === 'undefined') return false;
    const size = loaded.facts.relatedParties.length + loaded.entities.length;
    return mode === 'always' || size >= (this.options.workerThreshold ?? 2_000);
  }

  /**
   * The review on the page in small slices (a few dozen explanations or records each), yielding to
   * the event loop whenever `sliceMs` of work has run: the page stays responsive, reports progress,
   * and stops as soon as `signal` aborts. The findings come first (`onFindings`), then the matrix.
   */
  async reviewInSteps(loaded: LoadedReview<S>, options: ReviewRunOptions): Promise<ReviewResult> {
    const { signal, onProgress, onFindings, sliceMs = 25 } = options;
    const records = loaded.facts.relatedParties.length;
    let findings: readonly Finding[] = [];
    let started = performance.now();
    const steps = reviewSteps(loaded.engine, loaded.entities, {
      now: options.now,
      closedDays: options.closedDays,
    });
    for (const step of steps) {
      if (step.type === 'findings') {
        findings = step.findings;
        onFindings?.(findings);
      } else if (step.type === 'rows') {
        return { findings, rows: step.rows };
      } else if (performance.now() - started >= sliceMs) {
        onProgress?.({ step: 'review', records, done: step.done, total: step.total });
        await pause();
        signal?.throwIfAborted();
        started = performance.now();
      }
    }
    throw new Error('The review ended without its matrix.');
  }

  private async loadParties(reader: BatchedReader, entities: readonly EntityRef[]): Promise<PartyRow[]> {
    const kinds = ['case', 'sold_product', 'install_base'] as const;
    const loaded = await Promise.all(
      kinds.map(async (kind) => {
        const ids = entities.filter((e) => e.kind === kind).map((e) => e.id);
        const found = await reader.rowsWhereIn(
          partyTable(kind, this.map),
          partyColumns(kind, this.map).entity ?? '',
          ids,
          {
            fields: partyFields(kind, this.map),
            displayValue: 'all',
          },
        );
        // Thousands of rows: converted a slice at a time, letting the page run in between.
        const rows: PartyRow[] = [];
        for (let i = 0; i < found.length; i += CONVERT_SLICE) {
          if (i > 0) await pause();
          for (const row of found.slice(i, i + CONVERT_SLICE)) {
            const party = rowToPartyRow(row, kind, this.map);
            if (party) rows.push(party);
          }
        }
        return rows;
      }),
    );
    // A page that shifted under a concurrent insert repeats a record: keep it once.
    const unique = new Map<string, PartyRow>();
    for (const row of loaded.flat()) unique.set(row.record.id, row);
    return [...unique.values()];
  }
}
