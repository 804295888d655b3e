/**
 * Related-party records on the wire ⇄ the domain: which table holds the parties of each entity
 * kind, which column names the party, and how a row becomes a `RelatedPartyRecord`.
 */
import type { FieldValue, Row, WriteValues } from '../client/types.js';
import type { TableMap } from '../client/table-map.js';
import type { EntityKind, EntityRef, PartyKind, PartyRef } from '../model/kinds.js';
import type { RelatedPartyRecord } from '../model/facts.js';

type PartyTableKey = 'caseParty' | 'soldProductParty' | 'installBaseParty';

/** The table map entry holding the related parties of each entity kind. */
export const PARTY_TABLE_KEY: Readonly<Record<EntityKind, PartyTableKey>> = {
  case: 'caseParty',
  sold_product: 'soldProductParty',
  install_base: 'installBaseParty',
};

/** The column key (in the table map) naming a party of each kind. */
const PARTY_COLUMN_KEY: Readonly<Record<PartyKind, string>> = {
  contact: 'contact',
  consumer: 'consumer',
  user: 'user',
  account: 'account',
  service_organization: 'serviceOrganization',
  household: 'household',
};

/** Party kinds the elements can search for and add (households are read, not yet searchable). */
const ADDABLE: ReadonlySet<PartyKind> = new Set([
  'contact',
  'consumer',
  'user',
  'account',
  'service_organization',
]);

/** Columns of the party table of `kind` (names resolved through the map). */
export function partyColumns(kind: EntityKind, map: TableMap): Readonly<Record<string, string>> {
  return map[PARTY_TABLE_KEY[kind]].columns;
}

/** The party table name for an entity kind. */
export function partyTable(kind: EntityKind, map: TableMap): string {
  return map[PARTY_TABLE_KEY[kind]].table;
}

/** Every party kind the party table of `kind` has a column for (what the loader reads). */
export function partyKindsRead(kind: EntityKind, map: TableMap): PartyKind[] {
  const columns = partyColumns(kind, map);
  return (Object.keys(PARTY_COLUMN_KEY) as PartyKind[]).filter(
    (party) => columns[PARTY_COLUMN_KEY[party]] !== undefined,
  );
}

/** The physical party columns of the party table of `kind`, by party kind. */
export function partyKindColumns(kind: EntityKind, map: TableMap): [PartyKind, string][] {
  const columns = partyColumns(kind, map);
  return partyKindsRead(kind, map).map((party) => [party, columns[PARTY_COLUMN_KEY[party]] as string]);
}

/** Party kinds an agent can relate to an entity of `kind` (a column exists and the kind is searchable). */
export function partyKindsOf(kind: EntityKind, map: TableMap): PartyKind[] {
  return partyKindsRead(kind, map).filter((party) => ADDABLE.has(party));
}

/** A related-party row as the elements show it: the record, display names and concurrency token. */
export interface PartyRow {
  readonly record: RelatedPartyRecord;
  /** Display name of the party; undefined when the reference dangles (the party was deleted). */
  readonly partyName?: string;
  readonly typeName?: string;
  readonly responsibilityName?: string;
  /** `sys_mod_count` when read: a different count on the server means someone else edited it. */
  readonly modCount?: number;
}

function display(field: FieldValue | undefined): string | undefined {
  const text = field?.display ?? undefined;
  return text === undefined || text === '' ? undefined : text;
}

/** Maps one wire row of the party table of `entity.kind`; returns undefined when it names no party. */
export function rowToPartyRow(row: Row, entityKind: EntityKind, map: TableMap): PartyRow | undefined {
  const columns = partyColumns(entityKind, map);
  const id = row[columns.id ?? 'sys_id']?.value;
  const entityId = row[columns.entity ?? '']?.value;
  if (!id || !entityId) return undefined;
  let party: PartyRef | undefined;
  let partyField: FieldValue | undefined;
  for (const [kind, column] of partyKindColumns(entityKind, map)) {
    const field = row[column];
    if (field?.value) {
      party = { kind, id: field.value };
      partyField = field;
      break;
    }
  }
  if (!party) return undefined;
  const typeField = row[columns.type ?? ''];
  const responsibilityField = row[columns.responsibility ?? ''];
  const orderText = row[columns.order ?? '']?.value;
  const modCountText = row['sys_mod_count']?.value;
  const record: RelatedPartyRecord = {
    id,
    entity: { kind: entityKind, id: entityId },
    party,
    type: typeField?.value ?? '',
    ...(responsibilityField?.value ? { responsibility: responsibilityField.value } : {}),
    ...(orderText && Number.isFinite(Number(orderText)) ? { order: Number(orderText) } : {}),
  };
  return {
    record,
    partyName: display(partyField),
    typeName: display(typeField),
    responsibilityName: display(responsibilityField),
    modCount: modCountText !== undefined && modCountText !== '' ? Number(modCountText) : undefined,
  };
}

/** Wire values to create a record on `entity` for `party`. */
export function partyWriteValues(
  entity: EntityRef,
  party: PartyRef,
  type: string,
  responsibility: string | undefined,
  map: TableMap,
): WriteValues {
  const columns = partyColumns(entity.kind, map);
  const partyColumn = columns[PARTY_COLUMN_KEY[party.kind]];
  if (!partyColumn) {
    throw new TypeError(`A ${party.kind} cannot be a related party of a ${entity.kind.replace('_', ' ')}`);
  }
  return {
    [columns.entity ?? 'entity']: entity.id,
    [partyColumn]: party.id,
    [columns.type ?? 'type']: type,
    [columns.responsibility ?? 'responsibility']: responsibility ?? '',
  };
}

/** Fields to request for party rows (names, references, concurrency token). */
export function partyFields(kind: EntityKind, map: TableMap): string[] {
  return [...new Set([...Object.values(partyColumns(kind, map)), 'sys_mod_count', 'sys_updated_on'])];
}
