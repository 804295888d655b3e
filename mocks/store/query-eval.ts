/**
 * Evaluates a parsed encoded query against the store, as the platform does:
 * - a condition on an unknown field (or a dot-walk through a non-reference) is dropped, not an error
 *   (the platform's default `glide.invalid_query.returns_no_rows=false`); the dropped fields are
 *   reported so the handler can tell;
 * - string comparisons ignore case (the platform's database collation);
 * - `!=`, `NOT IN`, `NOT LIKE` also match empty values (the platform adds `OR field IS NULL`);
 * - integer columns compare and sort as numbers.
 */
import type { Condition, EncodedQuery } from './encoded-query.js';
import type { ColumnType } from './schema.js';
import type { TableRecord, TableStore } from './table-store.js';

/** Result of running a query: the matching records in order, and the fields that were ignored. */
export interface QueryResult {
  readonly records: TableRecord[];
  readonly ignoredFields: readonly string[];
}

/** The type of a (possibly dot-walked) field, or undefined when the path is not valid on the table. */
export function fieldType(store: TableStore, table: string, path: string): ColumnType | undefined {
  let current = table;
  const parts = path.split('.');
  for (const [index, part] of parts.entries()) {
    const column = store.schema(current)?.columns[part];
    if (!column) return undefined;
    if (index === parts.length - 1) return column.type;
    const target = column.targets?.[0];
    if (column.type !== 'reference' || !target) return undefined;
    current = target;
  }
  return undefined;
}

/** The value of a (possibly dot-walked) field of a record; '' when a reference on the way is empty. */
export function fieldValue(store: TableStore, table: string, record: TableRecord, path: string): string {
  const parts = path.split('.');
  let currentTable = table;
  let current: TableRecord | undefined = record;
  for (const part of parts.slice(0, -1)) {
    const resolved = store.resolveReference(currentTable, part, current?.[part] ?? '');
    if (!resolved) return '';
    currentTable = resolved.table;
    current = resolved.record;
  }
  return current?.[parts[parts.length - 1] as string] ?? '';
}

/** A condition with its field's type resolved once (not per record). */
interface Compiled extends Condition {
  readonly type: ColumnType;
  readonly expected: string;
  /** The values of an IN / NOT IN list. */
  readonly list: ReadonlySet<string>;
}

function compile(condition: Condition & { type: ColumnType }): Compiled {
  const list = new Set(condition.value.split(',').map((v) => normalise(v, condition.type)));
  return { ...condition, expected: normalise(condition.value, condition.type), list };
}

/** Filters and sorts a table's records with a parsed query. */
export function runQuery(store: TableStore, table: string, query: EncodedQuery): QueryResult {
  const ignored = new Set<string>();
  const typed = <T extends { field: string }>(item: T): (T & { type: ColumnType }) | undefined => {
    const type = fieldType(store, table, item.field);
    if (type === undefined) ignored.add(item.field);
    return type === undefined ? undefined : { ...item, type };
  };
  const isDefined = <T>(item: T | undefined): item is T => item !== undefined;
  const groups = query.groups
    .map((group) =>
      group.map((clause) => clause.map(typed).filter(isDefined).map(compile)).filter((c) => c.length > 0),
    )
    .filter((group) => group.length > 0);
  // A query whose every condition was dropped matches everything, like an empty one.
  const matches = (record: TableRecord): boolean =>
    groups.length === 0 ||
    groups.some((group) => group.every((clause) => clause.some((c) => test(store, table, record, c))));
  const records = store.all(table).filter(matches);
  const orderBy = query.orderBy.map(typed).filter(isDefined);
  if (orderBy.length === 0) return { records, ignoredFields: [...ignored] };
  // Decorate-sort-undecorate: each sort key is read once per record, not once per comparison.
  const keyed = records.map((record) => ({
    record,
    keys: orderBy.map((o) => normalise(fieldValue(store, table, record, o.field), o.type)),
  }));
  keyed.sort((a, b) => {
    for (const [i, { descending, type }] of orderBy.entries()) {
      const sign = compareValues(a.keys[i] as string, b.keys[i] as string, type);
      if (sign !== 0) return descending ? -sign : sign;
    }
    return 0;
  });
  return { records: keyed.map((k) => k.record), ignoredFields: [...ignored] };
}

function test(store: TableStore, table: string, record: TableRecord, condition: Compiled): boolean {
  const { type } = condition;
  const raw = condition.field.includes('.')
    ? fieldValue(store, table, record, condition.field)
    : record[condition.field];
  const actual = normalise(raw ?? '', type);
  const { expected } = condition;
  switch (condition.operator) {
    case 'ISEMPTY':
      return actual === '';
    case 'ISNOTEMPTY':
      return actual !== '';
    case '=':
      return actual === expected;
    case '!=':
      return actual !== expected;
    case 'IN':
      return condition.list.has(actual);
    case 'NOT IN':
      return !condition.list.has(actual);
    case 'STARTSWITH':
      return actual.startsWith(expected);
    case 'ENDSWITH':
      return actual.endsWith(expected);
    case 'LIKE':
      return actual.includes(expected);
    case 'NOT LIKE':
      return !actual.includes(expected);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return actual !== '' && ordered(compareValues(actual, expected, type), condition.operator);
  }
}

function ordered(sign: number, operator: '<' | '<=' | '>' | '>='): boolean {
  if (operator === '<') return sign < 0;
  if (operator === '<=') return sign <= 0;
  if (operator === '>') return sign > 0;
  return sign >= 0;
}

function normalise(value: string, type: ColumnType | undefined): string {
  if (type === 'boolean') return value === '1' ? 'true' : value === '0' ? 'false' : value.toLowerCase();
  return value.toLowerCase();
}

function compareValues(a: string, b: string, type: ColumnType | undefined): number {
  if (type === 'integer') return (a === '' ? -Infinity : Number(a)) - (b === '' ? -Infinity : Number(b)) || 0;
  return a < b ? -1 : a > b ? 1 : 0;
}
