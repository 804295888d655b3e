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

function matches(row: MatrixRow, text: string, level: LevelFilter): boolean {
  if (level === 'near-miss' ? row.nearMisses.length === 0 : level !== 'all' && row.level !== level)
    return false;
  if (text === '') return true;
  const haystack = [row.principalLabel, row.entityLabel, ...row.paths.map((p) => p.label), ...row.nearMisses];
  return haystack.some((value) => value.toLowerCase().includes(text));
}

const collator = new Intl.Collator();

function compare(a: MatrixRow, b: MatrixRow, sort: MatrixSort): number {
  switch (sort) {
    case 'principal':
      return collator.compare(a.principalLabel, b.principalLabel);
    case 'entity':
      return collator.compare(a.entityLabel, b.entityLabel);
    case 'level':
      return compareLevels(a.level, b.level);
    case 'path':
      return collator.compare(a.paths[0]?.kind ?? '', b.paths[0]?.kind ?? '');
  }
}

/** The rows that pass the filter, sorted, under one header per principal (or entity). */
export function matrixItems(rows: readonly MatrixRow[], query: MatrixQuery): MatrixItem[] {
  const text = query.text.trim().toLowerCase();
  const sign = query.direction === 'ascending' ? 1 : -1;
  const groups = new Map<string, { label: string; rows: MatrixRow[] }>();
  for (const row of rows) {
    if (!matches(row, text, query.level)) continue;
    const ref = query.groupBy === 'principal' ? row.principal : row.entity;
    const key = formatRef(ref);
    const label = query.groupBy === 'principal' ? row.principalLabel : row.entityLabel;
    const group = groups.get(key) ?? { label, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  const items: MatrixItem[] = [];
  const ordered = [...groups].sort(
    ([ka, a], [kb, b]) => a.label.localeCompare(b.label) || ka.localeCompare(kb),
  );
  for (const [key, group] of ordered) {
    items.push({ kind: 'group', key: `group|${key}`, label: group.label, count: group.rows.length });
    group.rows.sort(
      (a, b) =>
        sign * compare(a, b, query.sort) ||
        collator.compare(a.principalLabel, b.principalLabel) ||
        collator.compare(a.entityLabel, b.entityLabel),
    );
    for (const row of group.rows)
      items.push({ kind: 'row', key: `${formatRef(row.principal)}|${formatRef(row.entity)}`, row });
  }
  return items;
}

/** The next query when a column header is activated: same column flips, another starts ascending. */
export function nextSort(query: MatrixQuery, column: MatrixSort): MatrixQuery {
  if (query.sort === column)
    return { ...query, direction: query.direction === 'ascending' ? 'descending' : 'ascending' };
  return { ...query, sort: column, direction: 'ascending' };
}
