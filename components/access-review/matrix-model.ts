/**
 * The matrix as shown: filtered (text, level), sorted, grouped by principal or by entity, flattened
 * into group headers and rows for the virtualised table. Pure.
 */
import { ACCESS_LEVELS, formatRef, type AccessLevel } from '../../src/model/kinds.js';
import type { MatrixRow } from '../../src/review/types.js';

export type GroupBy = 'principal' | 'entity';
export type MatrixSort = 'principal' | 'entity' | 'level' | 'path';
export type LevelFilter = AccessLevel | 'all' | 'near-miss';

export interface MatrixQuery {
  readonly text: string;
  readonly level: LevelFilter;
  readonly groupBy: GroupBy;
  readonly sort: MatrixSort;
  readonly direction: 'ascending' | 'descending';
}

export const DEFAULT_MATRIX_QUERY: MatrixQuery = {
  text: '',
  level: 'all',
  groupBy: 'principal',
  sort: 'level',
  direction: 'descending',
};

export type MatrixItem =
  | { readonly kind: 'group'; readonly key: string; readonly label: string; readonly count: number }
  | { readonly kind: 'row'; readonly key: string; readonly row: MatrixRow };

const collator = new Intl.Collator();

/** Rows per step of the preparation. */
const PREPARE_SLICE = 2_000;

/** Comparisons between two pause points of a sort. */
const COMPARE_SLICE = 10_000;

/** Sorts `values` in collation order (bottom-up merge sort), pausing every few thousand comparisons. */
function* collationSort(values: readonly string[]): Generator<void, string[], undefined> {
  const RUN = 256;
  let sorted: string[] = [];
  for (let i = 0; i < values.length; i += RUN)
    sorted.push(...values.slice(i, i + RUN).sort(collator.compare));
  yield;
  let compared = 0;
  for (let width = RUN; width < sorted.length; width *= 2) {
    const merged: string[] = [];
    for (let lo = 0; lo < sorted.length; lo += 2 * width) {
      let a = lo;
      let b = Math.min(lo + width, sorted.length);
      const aEnd = b;
      const bEnd = Math.min(lo + 2 * width, sorted.length);
      while (a < aEnd && b < bEnd) {
        const x = sorted[a] as string;
        const y = sorted[b] as string;
        if (collator.compare(y, x) < 0) {
          merged.push(y);
          b++;
        } else {
          merged.push(x);
          a++;
        }
        if (++compared % COMPARE_SLICE === 0) yield;
      }
      while (a < aEnd) merged.push(sorted[a++] as string);
      while (b < bEnd) merged.push(sorted[b++] as string);
    }
    sorted = merged;
  }
  return sorted;
}

/** Ranks of strings in collation order: equal ranks for strings the collator holds equal. */
function* collationRanks(values: ReadonlySet<string>): Generator<void, Map<string, number>, undefined> {
  const sorted = yield* collationSort([...values]);
  const ranks = new Map<string, number>();
  let rank = 0;
  sorted.forEach((value, i) => {
    if (i > 0 && collator.compare(sorted[i - 1] as string, value) !== 0) rank += 1;
    ranks.set(value, rank);
  });
  return ranks;
}

/** What filtering, grouping and sorting need of each row, worked out once per set of rows. */
interface Prepared {
  readonly row: MatrixRow;
  readonly key: string;
  readonly principalKey: string;
  readonly entityKey: string;
  readonly principalRank: number;
  readonly entityRank: number;
  readonly pathRank: number;
  readonly levelRank: number;
  /** Lower-cased texts the filter searches (worked out on the first filter). */
  haystack?: readonly string[];
  /** Lower-cased texts, shared by the rows of one set (labels repeat). */
  readonly lower: Map<string, string>;
}

interface PreparedSet {
  readonly rows: readonly Prepared[];
  /** Principals reaching at least one record. */
  readonly people: number;
}

const preparedSets = new WeakMap<readonly MatrixRow[], PreparedSet>();

/**
 * Works out, a slice of rows at a time, what every query of `rows` needs (collation ranks, keys,
 * the people count): a caller on the page may pause at each step, and `matrixItems` later only
 * filters, groups and sorts. Run to the end at once by the first `matrixItems` if nobody did.
 */
export function* prepareMatrix(rows: readonly MatrixRow[]): Generator<void, void, undefined> {
  if (preparedSets.has(rows)) return;
  const labels = { principals: new Set<string>(), entities: new Set<string>(), paths: new Set<string>() };
  const people = new Set<string>();
  const keys: [string, string][] = [];
  for (let i = 0; i < rows.length; i += PREPARE_SLICE) {
    for (const row of rows.slice(i, i + PREPARE_SLICE)) {
      labels.principals.add(row.principalLabel);
      labels.entities.add(row.entityLabel);
      labels.paths.add(row.paths[0]?.kind ?? '');
      const principalKey = formatRef(row.principal);
      keys.push([principalKey, formatRef(row.entity)]);
      if (row.level !== 'none') people.add(principalKey);
    }
    yield;
  }
  const principals = yield* collationRanks(labels.principals);
  const entities = yield* collationRanks(labels.entities);
  const paths = yield* collationRanks(labels.paths);
  yield;
  const lower = new Map<string, string>();
  const prepared: Prepared[] = [];
  for (let i = 0; i < rows.length; i += PREPARE_SLICE) {
    rows.slice(i, i + PREPARE_SLICE).forEach((row, j) => {
      const [principalKey, entityKey] = keys[i + j] as [string, string];
      prepared.push({
        row,
        key: `${principalKey}|${entityKey}`,
        principalKey,
        entityKey,
        principalRank: principals.get(row.principalLabel) ?? 0,
        entityRank: entities.get(row.entityLabel) ?? 0,
        pathRank: paths.get(row.paths[0]?.kind ?? '') ?? 0,
        levelRank: ACCESS_LEVELS.indexOf(row.level),
        lower,
      });
    });
    yield;
  }
  preparedSets.set(rows, { rows: prepared, people: people.size });
}

function prepare(rows: readonly MatrixRow[]): PreparedSet {
  for (const _ of prepareMatrix(rows));
  return preparedSets.get(rows) as PreparedSet;
}

/** How many principals reach at least one record of `rows`. */
export function peopleWithAccess(rows: readonly MatrixRow[]): number {
  return prepare(rows).people;
}

function matches(p: Prepared, text: string, level: LevelFilter): boolean {
  const row = p.row;
  if (level === 'near-miss' ? row.nearMisses.length === 0 : level !== 'all' && row.level !== level)
    return false;
  if (text === '') return true;
  p.haystack ??= [
    row.principalLabel,
    row.entityLabel,
    ...row.paths.map((path) => path.label),
    ...row.nearMisses,
  ].map((value) => {
    let lowered = p.lower.get(value);
    if (lowered === undefined) p.lower.set(value, (lowered = value.toLowerCase()));
    return lowered;
  });
  return p.haystack.some((value) => value.includes(text));
}

function compare(a: Prepared, b: Prepared, sort: MatrixSort): number {
  switch (sort) {
    case 'principal':
      return a.principalRank - b.principalRank;
    case 'entity':
      return a.entityRank - b.entityRank;
    case 'level':
      return a.levelRank - b.levelRank;
    case 'path':
      return a.pathRank - b.pathRank;
  }
}

/**
 * The rows that pass the filter, sorted, under one header per principal (or entity). Groups in
 * label order; rows by the query's column, then principal, then record (collation order). What
 * does not depend on the query is worked out once per `rows` array and reused.
 */
export function matrixItems(rows: readonly MatrixRow[], query: MatrixQuery): MatrixItem[] {
  const steps = matrixItemsInSteps(rows, query);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** `matrixItems` with a pause point every few thousand rows, for a caller that yields to the page. */
export function* matrixItemsInSteps(
  rows: readonly MatrixRow[],
  query: MatrixQuery,
): Generator<void, MatrixItem[], undefined> {
  yield* prepareMatrix(rows);
  const prepared = prepare(rows).rows;
  const text = query.text.trim().toLowerCase();
  const sign = query.direction === 'ascending' ? 1 : -1;
  const byPrincipal = query.groupBy === 'principal';
  const groups = new Map<string, { label: string; rank: number; rows: Prepared[] }>();
  for (let i = 0; i < prepared.length; i += PREPARE_SLICE) {
    for (const p of prepared.slice(i, i + PREPARE_SLICE)) {
      if (!matches(p, text, query.level)) continue;
      const key = byPrincipal ? p.principalKey : p.entityKey;
      let group = groups.get(key);
      if (!group) {
        const label = byPrincipal ? p.row.principalLabel : p.row.entityLabel;
        group = { label, rank: byPrincipal ? p.principalRank : p.entityRank, rows: [] };
        groups.set(key, group);
      }
      group.rows.push(p);
    }
    yield;
  }
  const items: MatrixItem[] = [];
  const ordered = [...groups].sort(([ka, a], [kb, b]) => a.rank - b.rank || ka.localeCompare(kb));
  let since = 0;
  for (const [key, group] of ordered) {
    items.push({ kind: 'group', key: `group|${key}`, label: group.label, count: group.rows.length });
    group.rows.sort(
      (a, b) =>
        sign * compare(a, b, query.sort) || a.principalRank - b.principalRank || a.entityRank - b.entityRank,
    );
    for (const p of group.rows) items.push({ kind: 'row', key: p.key, row: p.row });
    since += group.rows.length;
    if (since >= PREPARE_SLICE) {
      since = 0;
      yield;
    }
  }
  return items;
}

/** The next query when a column header is activated: same column flips, another starts ascending. */
export function nextSort(query: MatrixQuery, column: MatrixSort): MatrixQuery {
  if (query.sort === column)
    return { ...query, direction: query.direction === 'ascending' ? 'descending' : 'ascending' };
  return { ...query, sort: column, direction: 'ascending' };
}
