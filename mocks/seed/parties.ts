/** Writes related-party records through the table map, by relationship type. */
import type { TableMap } from '../../src/client/table-map.js';
import type { RelationshipType } from '../../src/model/definitions.js';
import type { EntityKind, PartyKind } from '../../src/model/kinds.js';
import type { SeedContext } from './context.js';
import { definitionSysId } from './rows.js';

const PARTY_TABLE_KEYS = {
  case: 'caseParty',
  sold_product: 'soldProductParty',
  install_base: 'installBaseParty',
} as const;

const PARTY_COLUMN_KEYS: Readonly<Partial<Record<PartyKind, string>>> = {
  contact: 'contact',
  consumer: 'consumer',
  user: 'user',
  account: 'account',
  service_organization: 'serviceOrganization',
  household: 'household',
};

/** The logical key of the related-party table of an entity kind. */
export function partyTableKey(entity: EntityKind): (typeof PARTY_TABLE_KEYS)[EntityKind] {
  return PARTY_TABLE_KEYS[entity];
}

/** The logical party column for a party kind on an entity's party table; undefined when it has none. */
export function partyColumnKey(map: TableMap, entity: EntityKind, party: PartyKind): string | undefined {
  const key = PARTY_COLUMN_KEYS[party];
  return key !== undefined && Object.hasOwn(map[partyTableKey(entity)].columns, key) ? key : undefined;
}

export interface PartyInput {
  readonly entity: EntityKind;
  readonly entityId: string;
  readonly type: RelationshipType;
  readonly partyId: string;
  /** The record's sys_id (random when absent). */
  readonly id?: string;
  readonly order?: number;
}

/** Inserts a related-party record with the type's default responsibility; returns its sys_id. */
export function addParty(ctx: SeedContext, input: PartyInput): string {
  const column = partyColumnKey(ctx.map, input.entity, input.type.partyType);
  if (!column) throw new Error(`No ${input.type.partyType} column on ${input.entity} related parties`);
  const responsibility = input.type.defaultResponsibility;
  const order = input.order ?? input.type.defaultOrder;
  const values: Record<string, string> = {
    entity: input.entityId,
    type: definitionSysId('relationshipType', input.type.id),
    responsibility: responsibility ? definitionSysId('responsibility', responsibility) : '',
    [column]: input.partyId,
    ...(order === undefined ? {} : { order: String(order) }),
    ...(input.id ? { id: input.id } : {}),
  };
  return ctx.put(partyTableKey(input.entity), values);
}

/** The relationship type with this name that applies to an entity kind and party kind. */
export function findType(
  ctx: SeedContext,
  name: string,
  appliesTo: EntityKind,
  partyType: PartyKind,
): RelationshipType {
  const type = ctx.definitions.relationshipTypes.find(
    (t) => t.name === name && t.appliesTo === appliesTo && t.partyType === partyType,
  );
  if (!type) throw new Error(`No relationship type "${name}" for ${partyType} on ${appliesTo}`);
  return type;
}
