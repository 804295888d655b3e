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
import { accountFindings, recordFindings, reviewAccess, sortFindings } from '../review/review.js';
import { matrixRow, nearMissRows, principalsOf, sortRows } from '../review/matrix.js';
import type { Finding, MatrixRow, ReviewResult } from '../review/types.js';
import { ReviewWorld } from '../review/world.js';
import { formatRef } from '../model/kinds.js';
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

export type { ReviewScope, ReviewColumns } from './access-review-scope.js';

/** Where a load is: the step, how many records it has read so far, and (reviewing) the work done. */
export interface ReviewProgress {
  readonly step: 'records' | 'parties' | 'people' | 'roles' | 'review';
  readonly records: number;
  /** While reviewing: units of work done, of `total`. */
  readonly done?: number;
  readonly total?: number;
}

/** Entities per slice of the rules; explanations per slice of the matrix. */
const RULE_SLICE = 25;
const ROW_SLICE = 50;

/** Lets the event loop run (input, rendering) between slices of work. */
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A loaded review: the engine over the scope's facts, the parties by record id, what was unreadable. */
export interface LoadedReview<S extends { readonly definitions: Definitions }> {
  readonly scope: ReviewScope;
  readonly entities: readonly EntityRef[];
  readonly engine: AccessEngine;
  readonly facts: Facts;
  /** Every related-party row loaded (with its `sys_mod_count`), by record id. */
  readonly parties: ReadonlyMap<string, PartyRow>;
  readonly incomplete: readonly IncompleteSource[];
  readonly definitions: S;
}

export interface AccessReviewServiceOptions {
  /** Ids per `IN` query (default 200). */
  readonly chunkSize?: number;
  /** Records per page (default 1000). */
  readonly pageSize?: number;
  /** Columns beyond the table map (default `active`, `closed_at`). */
  readonly columns?: Partial<ReviewColumns>;
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
    return {
      scope,
      entities: entities.scope,
      engine: new AccessEngine(snapshot.definitions, facts),
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
   * The same review in small slices (a few dozen explanations or records each), yielding to the
   * event loop whenever `sliceMs` of work has run: a large account keeps the page responsive,
   * reports progress, and stops as soon as `signal` aborts.
   */
  async reviewInSteps(
    loaded: LoadedReview<S>,
    options: {
      now: number;
      closedDays?: number;
      signal?: AbortSignal;
      sliceMs?: number;
      onProgress?: (progress: ReviewProgress) => void;
    },
  ): Promise<ReviewResult> {
    const { signal, onProgress, sliceMs = 25 } = options;
    const world = new ReviewWorld(loaded.engine, loaded.entities);
    const principals = principalsOf(world);
    const slices = chunks(loaded.entities, RULE_SLICE);
    const total = principals.length + 2 * slices.length;
    let done = 0;
    let started = performance.now();
    /** Counts `units` of work done; pauses when this slice has run long enough. */
    const step = async (units = 1): Promise<void> => {
      done += units;
      if (performance.now() - started < sliceMs) return;
      onProgress?.({ step: 'review', records: loaded.facts.relatedParties.length, done, total });
      await pause();
      signal?.throwIfAborted();
      started = performance.now();
    };
    const rows: MatrixRow[] = [];
    for (const principal of principals) {
      const entries = loaded.engine
        .accessFor(principal)
        .filter((e) => world.scopeKeys.has(formatRef(e.entity)));
      for (const slice of chunks(entries, ROW_SLICE)) {
        for (const entry of slice) rows.push(matrixRow(world.explain(principal, entry.entity)));
        await step(0);
      }
      await step();
    }
    const reached = new Set(rows.map((r) => `${formatRef(r.principal)}|${formatRef(r.entity)}`));
    for (const slice of slices) {
      rows.push(...nearMissRows(world.slice(slice), reached));
      await step();
    }
    const findings: Finding[] = [];
    const ruleOptions = { now: options.now, closedDays: options.closedDays };
    for (const slice of slices) {
      findings.push(...recordFindings(world.slice(slice), ruleOptions));
      await step();
    }
    findings.push(...accountFindings(world));
    return { rows: sortRows(rows), findings: sortFindings(findings) };
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
        return found.map((row) => rowToPartyRow(row, kind, this.map)).filter((row) => row !== undefined);
      }),
    );
    // A page that shifted under a concurrent insert repeats a record: keep it once.
    return [...new Map(loaded.flat().map((row) => [row.record.id, row])).values()];
  }
}
