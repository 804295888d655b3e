/**
 * The checks the instance's business rules make on related-party writes (emulated: the Table API
 * itself does not enforce references): the entity, relationship type, responsibility and party must
 * exist; a `unique` responsibility is held by one party per entity; a party is related once per
 * relationship type. Plus a whole-store reference check for the seed tests and the demo.
 */
import type { TableMap } from '../../src/client/table-map.js';
import type { TableRecord, TableStore } from './table-store.js';

/** The columns of one related-party table. */
export interface PartyTable {
  readonly table: string;
  readonly entity: string;
  readonly type: string;
  readonly responsibility: string;
  readonly parties: readonly string[];
}

/** The related-party tables of a table map. */
export function partyTables(map: TableMap): PartyTable[] {
  return [map.caseParty, map.soldProductParty, map.installBaseParty].map(({ table, columns }) => {
    const { id: _id, entity, type, responsibility, order: _order, ...parties } = columns;
    return { table, entity, type, responsibility, parties: Object.values(parties) };
  });
}

/** A refused write: the message the business rule shows, and the platform-like detail. */
export interface IntegrityError {
  readonly message: string;
  readonly detail: string;
}

/**
 * Checks a related-party record as it would be after the write (`candidate`: the merged record);
 * `selfId` is the record being updated. Undefined when the write is allowed or not a party table.
 */
export function checkPartyWrite(
  store: TableStore,
  map: TableMap,
  table: string,
  candidate: Readonly<Record<string, string>>,
  selfId?: string,
): IntegrityError | undefined {
  const spec = partyTables(map).find((p) => p.table === table);
  if (!spec) return undefined;
  const fail = (message: string): IntegrityError => ({
    message,
    detail: `Operation against file '${table}' was aborted by Business Rule 'Validate related party'`,
  });
  const at = (column: string): string => candidate[column] ?? '';
  const exists = (column: string): boolean => store.resolveReference(table, column, at(column)) !== undefined;

  if (!exists(spec.entity)) return fail(`${spec.entity} "${at(spec.entity)}" does not exist`);
  if (!exists(spec.type)) return fail(`Relationship type "${at(spec.type)}" does not exist`);
  if (at(spec.responsibility) !== '' && !exists(spec.responsibility)) {
    return fail(`Responsibility "${at(spec.responsibility)}" does not exist`);
  }
  const named = spec.parties.filter((column) => at(column) !== '');
  if (named.length === 0) return fail(`A related party needs one of ${spec.parties.join(', ')}`);
  const missing = named.find((column) => !exists(column));
  if (missing) return fail(`${missing} "${at(missing)}" does not exist`);

  const siblings = store.all(table).filter((r) => r.sys_id !== selfId && r[spec.entity] === at(spec.entity));
  const responsibility = store.resolveReference(table, spec.responsibility, at(spec.responsibility));
  const uniqueColumn = map.responsibility.columns.unique;
  if (responsibility?.record[uniqueColumn] === 'true') {
    if (siblings.some((r) => r[spec.responsibility] === at(spec.responsibility))) {
      const name = store.displayValue(responsibility.table, responsibility.record);
      return fail(
        `The responsibility "${name}" is unique and is already assigned to another party on this record`,
      );
    }
  }
  const samePartyAndType = (r: TableRecord): boolean =>
    r[spec.type] === at(spec.type) && spec.parties.every((column) => (r[column] ?? '') === at(column));
  if (siblings.some(samePartyAndType)) {
    return fail('This party is already related to this record with the same relationship type');
  }
  return undefined;
}

/** A reference that points at no record. */
export interface DanglingReference {
  readonly table: string;
  readonly sysId: string;
  readonly column: string;
  readonly value: string;
}

/** Every non-empty reference in the store that points at no record. */
export function danglingReferences(store: TableStore): DanglingReference[] {
  const dangling: DanglingReference[] = [];
  for (const [table, schema] of store.schemas) {
    const references = Object.entries(schema.columns).filter(([, c]) => c.type === 'reference');
    for (const record of store.all(table)) {
      for (const [column] of references) {
        const value = record[column] ?? '';
        if (value !== '' && !store.resolveReference(table, column, value)) {
          dangling.push({ table, sysId: record.sys_id ?? '', column, value });
        }
      }
    }
  }
  return dangling;
}
