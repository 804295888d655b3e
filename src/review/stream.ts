/**
 * The review as a sequence of small steps, for a driver that decides where and when they run: the
 * findings first (complete and sorted, so a reviewer can start on them), then the matrix (complete
 * and sorted), with progress between steps. The main thread runs it in time slices that yield to the
 * page; the review worker runs it straight through and streams what it yields. Both give exactly
 * `reviewAccess`'s result. Pure: no DOM, no I/O, no clock.
 */
import type { AccessEngine } from '../access/engine.js';
import { formatRef, type EntityRef } from '../model/kinds.js';
import { matrixRow, nearMissRows, principalsOf, sortRows } from './matrix.js';
import { accountFindings, recordFindings, sortFindings } from './review.js';
import type { Finding, MatrixRow, ReviewOptions } from './types.js';
import { ReviewWorld } from './world.js';

/** One step of the review: work done so far, or a finished part of the result. */
export type ReviewStep =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  /** Every finding, most serious first (yielded once, before any row). */
  | { readonly type: 'findings'; readonly findings: readonly Finding[] }
  /** Every matrix row, sorted (yielded once, last). */
  | { readonly type: 'rows'; readonly rows: readonly MatrixRow[] };

/** Entities per slice of the rules and of the near misses; explanations per step of the matrix. */
const RULE_SLICE = 25;
const ROW_SLICE = 50;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Reviews `scope` over `engine` one slice at a time. Each `progress` step is a point where a driver
 * may pause; units of work are slices of entities (rules, near misses) and principals (matrix).
 */
export function* reviewSteps(
  engine: AccessEngine,
  scope: readonly EntityRef[],
  options: ReviewOptions,
): Generator<ReviewStep, void, undefined> {
  const world = new ReviewWorld(engine, scope);
  const principals = principalsOf(world);
  const slices = chunks(scope, RULE_SLICE);
  // Rules per slice, the account rules and the sort; a principal each; near misses per slice, the sort.
  const total = slices.length + 2 + principals.length + slices.length + 1;
  let done = 0;
  const progress = (units = 1): ReviewStep => ({ type: 'progress', done: (done += units), total });

  const findings: Finding[] = [];
  for (const slice of slices) {
    findings.push(...recordFindings(world.slice(slice), options));
    yield progress();
  }
  findings.push(...accountFindings(world));
  yield progress();
  sortFindings(findings);
  yield progress();
  yield { type: 'findings', findings };

  const rows: MatrixRow[] = [];
  for (const principal of principals) {
    const entries = engine.accessFor(principal).filter((e) => world.scopeKeys.has(formatRef(e.entity)));
    for (const slice of chunks(entries, ROW_SLICE)) {
      for (const entry of slice) rows.push(matrixRow(world.explain(principal, entry.entity)));
      yield progress(0);
    }
    yield progress();
  }
  const reached = new Set(rows.map((r) => `${formatRef(r.principal)}|${formatRef(r.entity)}`));
  for (const slice of slices) {
    rows.push(...nearMissRows(world.slice(slice), reached));
    yield progress();
  }
  sortRows(rows);
  yield progress();
  yield { type: 'rows', rows };
}
