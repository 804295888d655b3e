/**
 * Pure helpers of the relationship type picker: which types apply to a table and party type, how
 * they group and filter, and what access the responsibility a type defaults would grant.
 */
import {
  ENTITY_KINDS,
  PARTY_KINDS,
  entityKindOfTable,
  type AccessConfig,
  type Definitions,
  type EntityKind,
  type PartyKind,
  type RelationshipType,
  type ResponsibilityDef,
} from '../../src/index.js';

/**
 * The entity kind a table name stands for: the provider's table map first (`lookup`, which falls
 * back to the default table names), else the default table names, else a bare kind (`case`).
 */
export function entityKindFor(
  table: string,
  lookup?: (table: string) => EntityKind | undefined,
): EntityKind | undefined {
  return (lookup ?? entityKindOfTable)(table) ?? ENTITY_KINDS.find((kind) => kind === table);
}

/** The party kind of a `party-type` attribute value, or undefined when unknown. */
export function partyKindFor(text: string): PartyKind | undefined {
  return PARTY_KINDS.find((kind) => kind === text);
}

/** Types that apply to the entity kind and party kind (undefined: any), in default order then by name. */
export function applicableTypes(
  definitions: Definitions,
  entity: EntityKind | undefined,
  party: PartyKind | undefined,
): RelationshipType[] {
  return definitions.relationshipTypes
    .filter(
      (type) =>
        (entity === undefined || type.appliesTo === entity) &&
        (party === undefined || type.partyType === party),
    )
    .sort(
      (a, b) =>
        (a.defaultOrder ?? Number.MAX_SAFE_INTEGER) - (b.defaultOrder ?? Number.MAX_SAFE_INTEGER) ||
        a.name.localeCompare(b.name),
    );
}

/** Types that default a responsibility grant access; the others are only listed. */
export type TypeGroupKey = 'grants' | 'listed';

export interface TypeGroup {
  readonly key: TypeGroupKey;
  readonly types: readonly RelationshipType[];
}

/** Splits types into "grants access" and "listed" groups, leaving out empty groups. */
export function groupTypes(types: readonly RelationshipType[]): TypeGroup[] {
  const groups: TypeGroup[] = [
    { key: 'grants', types: types.filter((type) => type.defaultResponsibility !== undefined) },
    { key: 'listed', types: types.filter((type) => type.defaultResponsibility === undefined) },
  ];
  return groups.filter((group) => group.types.length > 0);
}

/** True when the type's name or description contains the query (case-insensitive); empty matches all. */
export function matchesQuery(type: RelationshipType, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '') return true;
  return `${type.name}\n${type.description ?? ''}`.toLocaleLowerCase().includes(needle);
}

/** One thing a responsibility grants on records of the type's table. */
export interface GrantLine {
  readonly table: EntityKind;
  readonly level: AccessConfig['level'];
  readonly through?: EntityKind;
  readonly rolesRequired: readonly string[];
}

/** The responsibility a type defaults and what it grants; `responsibility` is undefined when not defined. */
export interface ResponsibilitySummary {
  readonly id: string;
  readonly responsibility?: ResponsibilityDef;
  readonly grants: readonly GrantLine[];
}

/**
 * What choosing `type` grants: the active access configurations of its default responsibility
 * that apply to records on the type's table and to parties of the type's kind. Undefined for
 * "Listed" types (no responsibility).
 */
export function responsibilitySummary(
  definitions: Definitions,
  type: RelationshipType,
): ResponsibilitySummary | undefined {
  const id = type.defaultResponsibility;
  if (id === undefined) return undefined;
  const responsibility = definitions.responsibilities.find((r) => r.id === id);
  const lines = new Map<string, GrantLine>();
  for (const config of definitions.accessConfigs) {
    if (!config.active || config.responsibility !== id) continue;
    if ((config.through ?? config.table) !== type.appliesTo) continue;
    if (config.partyType !== undefined && config.partyType !== type.partyType) continue;
    const line: GrantLine = {
      table: config.table,
      level: config.level,
      ...(config.through ? { through: config.through } : {}),
      rolesRequired: config.rolesRequired,
    };
    // Configs differing only by id say the same thing once.
    lines.set(JSON.stringify([line.table, line.level, line.through, line.rolesRequired]), line);
  }
  return { id, ...(responsibility ? { responsibility } : {}), grants: [...lines.values()] };
}
