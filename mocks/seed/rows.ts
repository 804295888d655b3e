/** Rows by logical column name (the table map's keys) → physical rows, and definition sys_ids. */
import type { TableKey, TableMap } from '../../src/client/table-map.js';
import { isSysId } from '../store/sys-values.js';
import { hashSysId } from './prng.js';

/** Physical column → string value. */
export type RowValues = Record<string, string>;

/** A row by logical column names of one table-map entry (`id` is the sys_id). */
export type LogicalRow<K extends TableKey> = { readonly [C in keyof TableMap[K]['columns']]?: string };

/** Maps a logical row to physical column names; `extra` columns are taken as they are. */
export function physicalRow<K extends TableKey>(
  map: TableMap,
  key: K,
  values: LogicalRow<K>,
  extra: Readonly<RowValues> = {},
): RowValues {
  const columns = map[key].columns as Readonly<Record<string, string>>;
  const row: RowValues = { ...extra };
  for (const [logical, value] of Object.entries(values as Readonly<Record<string, string | undefined>>)) {
    const physical = columns[logical];
    if (physical !== undefined && value !== undefined) row[physical] = value;
  }
  return row;
}

/** What a definition id names. */
export type DefinitionKind = 'role' | 'responsibility' | 'accessConfig' | 'relationshipType';

/**
 * The sys_id a definition is stored under: its id when that is already a sys_id, else a hash of
 * kind and id (roles: of the name), so the same definitions always get the same sys_ids.
 */
export function definitionSysId(kind: DefinitionKind, id: string): string {
  return isSysId(id) ? id : hashSysId(`${kind}:${id}`);
}
