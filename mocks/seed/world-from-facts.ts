/** A store holding exactly one world (definitions and facts), e.g. an access-test file's. */
import { DEFAULT_TABLE_MAP, type TableMap } from '../../src/client/table-map.js';
import type { Definitions } from '../../src/model/definitions.js';
import type { Facts } from '../../src/model/facts.js';
import type { TableStore } from '../store/table-store.js';
import { definitionsToRows, type TableRows } from './definitions-to-rows.js';
import { factsToRows } from './facts-to-rows.js';

/** The rows of a whole world: definition tables, then customer tables. */
export function worldRows(
  definitions: Definitions,
  facts: Facts,
  map: TableMap = DEFAULT_TABLE_MAP,
): TableRows {
  const out: TableRows = {};
  const known = new Set<string>();
  const definitionRows = definitionsToRows(definitions, map);
  for (const row of definitionRows[map.role.table] ?? []) known.add(row[map.role.columns.name] ?? '');
  for (const rows of [definitionRows, factsToRows(facts, map, known)]) {
    for (const [table, list] of Object.entries(rows)) (out[table] ??= []).push(...list);
  }
  return out;
}

/** Empties `store` and fills it with the world (the store's schemas must follow the same table map). */
export function replaceWorld(
  store: TableStore,
  definitions: Definitions,
  facts: Facts,
  map: TableMap = DEFAULT_TABLE_MAP,
): void {
  store.clear();
  for (const [table, rows] of Object.entries(worldRows(definitions, facts, map))) {
    for (const row of rows) store.insert(table, row);
  }
}
