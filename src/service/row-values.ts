/** Reading wire values: trimmed text, choice booleans, and table names → domain kinds. */
import type { FieldValue } from '../client/types.js';
import type { TableMap } from '../client/table-map.js';
import type { PartyKind } from '../model/kinds.js';

/** The trimmed value ('' when absent). */
export const text = (field: FieldValue | undefined): string => field?.value.trim() ?? '';
/** The trimmed value, or undefined when empty or absent. */
export const optional = (field: FieldValue | undefined): string | undefined => text(field) || undefined;
/** Choice booleans arrive as 'true'/'false'; an absent field takes the platform default. */
export const flag = (field: FieldValue | undefined, absent: boolean): boolean =>
  field === undefined || text(field) === '' ? absent : text(field) === 'true';

export { entityKindIn } from '../client/table-map.js';

/** The party tables of the map, by party kind. */
function partyTables(map: TableMap): readonly [string, PartyKind][] {
  return [
    [map.contact.table, 'contact'],
    [map.consumer.table, 'consumer'],
    [map.user.table, 'user'],
    [map.account.table, 'account'],
    [map.serviceOrganization.table, 'service_organization'],
    [map.household.table, 'household'],
  ];
}

/** Party kind of a party table name (`customer_contact` → contact…), per the table map. */
export function partyKindIn(map: TableMap, table: string): PartyKind | undefined {
  return partyTables(map).find(([name]) => name === table)?.[1];
}

/** The names of the party tables (what `party_type` and `entity_type` columns hold). */
export function partyTableNames(map: TableMap): string[] {
  return partyTables(map).map(([name]) => name);
}
