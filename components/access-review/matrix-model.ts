/**
 * The matrix as shown: filtered (text, level), sorted, grouped by principal or by entity, flattened
 * into group headers and rows for the virtualised table. Pure.
 */
import { compareLevels, formatRef, type AccessLevel } from '../../src/model/kinds.js';
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

/** Ranks of strings in collation order: equal ranks for strings the collator holds equal. */
function collationRanks(values: Iterable<string>): Map<string, number> {
  const sorted = [...new Set(values)].sort(collator.compare);
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
  /** Lower-cased texts the filter searches (worked out on the first filter). */
  haystack?: readonly string[];
  /** Lower-cased texts, shared by the rows of one set (labels repeat). */
  readonly lower: Map<string, string>;
}

const preparedRows = new WeakMap<readonly MatrixRow[], readonly Prepared[]>();

function prepare(rows: readonly MatrixRow[]): readonly Prepared[] {
  let prepared = preparedRows.get(rows);
  if (prepared) return prepared;
  const principals = collationRanks(rows.map((r) => r.principalLabel));
  const entities = collationRanks(rows.map((r) => r.entityLabel));
  const paths = collationRanks(rows.map((r) => r.paths[0]?.kind ?? ''));
  const lower = new Map<string, string>();
  prepared = rows.map((row) => {
    const principalKey = formatRef(row.principal);
    const entityKey = formatRef(row.entity);
    return {
      row,
      key: `${principalKey}|${entityKey}`,
      principalKey,
      entityKey,
      principalRank: principals.get(row.principalLabel) ?? 0,
      entityRank: entities.get(row.entityLabel) ?? 0,
      pathRank: paths.get(row.paths[0]?.kind ?? '') ?? 0,
      lower,
    };
  });
  preparedRows.set(rows, prepared);
  return prepared;
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
      return compareLevels(a.row.level, b.row.level);
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
  const text = query.text.trim().toLowerCase();
  const sign = query.direction === 'ascending' ? 1 : -1;
  const byPrincipal = query.groupBy === 'principal';
  const groups = new Map<string, { label: string; rank: number; rows: Prepared[] }>();
  for (const p of prepare(rows)) {
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
  const items: MatrixItem[] = [];
  const ordered = [...groups].sort(([ka, a], [kb, b]) => a.rank - b.rank || ka.localeCompare(kb));
  for (const [key, group] of ordered) {
    items.push({ kind: 'group', key: `group|${key}`, label: group.label, count: group.rows.length });
    group.rows.sort(
      (a, b) =>
        sign * compare(a, b, query.sort) || a.principalRank - b.principalRank || a.entityRank - b.entityRank,
    );
    for (const p of group.rows) items.push({ kind: 'row', key: p.key, row: p.row });
  }
  return items;
}

/** The next query when a column header is activated: same column flips, another starts ascending. */
export function nextSort(query: MatrixQuery, column: MatrixSort): MatrixQuery {
  if (query.sort === column)
    return { ...query, direction: query.direction === 'ascending' ? 'descending' : 'ascending' };
  return { ...query, sort: column, direction: 'ascending' };
}
