/**
 * Wire rows of the responsibility, access configuration and relationship type tables → domain
 * definitions (roles: role-rows.ts). Rows come from an instance we do not control: a bad row is
 * skipped and reported in `problems`, never a crash. Nothing here imports the reference role
 * catalogue (definitions-rows.ts adds it as the default seed), so the services load it on demand.
 */
import type { Row } from '../client/types.js';
import type { TableMap } from '../client/table-map.js';
import type {
  AccessConfig,
  RelationshipType,
  ResponsibilityDef,
  ResponsibilityPartyType,
} from '../model/definitions.js';
import { entityKindIn, flag, optional, partyKindIn, partyTableNames, text } from './row-values.js';

/** Rows of each definition table, as read with the table map's column names. */
export interface DefinitionRows {
  readonly roles: readonly Row[];
  readonly contains: readonly Row[];
  readonly responsibilities: readonly Row[];
  readonly accessConfigs: readonly Row[];
  readonly relationshipTypes: readonly Row[];
}

/** Items converted from rows, with one line per row that was skipped or only partly understood. */
export interface Converted<T> {
  readonly items: T[];
  readonly problems: string[];
}

const RESPONSIBILITY_TYPES: readonly ResponsibilityPartyType[] = [
  'user',
  'contact',
  'consumer',
  'account',
  'none',
];
const LEVELS: readonly AccessConfig['level'][] = ['read', 'write', 'full'];

/** `sn_customerservice_responsibility_def` rows. */
export function responsibilitiesFromRows(rows: readonly Row[], map: TableMap): Converted<ResponsibilityDef> {
  const col = map.responsibility.columns;
  const where = map.responsibility.table;
  const items: ResponsibilityDef[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    const id = text(row[col.id]);
    const type = text(row[col.type]) || 'none';
    const partyType = RESPONSIBILITY_TYPES.find((known) => known === type);
    if (!id) problems.push(`${where}: skipped a row without sys_id`);
    else if (!partyType)
      problems.push(`${where} ${id} (column ${col.type}): skipped, unknown type "${type}"`);
    else {
      const name = text(row[col.name]) || id;
      const unique = flag(row[col.unique], false);
      items.push({ id, name, partyType, unique, description: text(row[col.description]) });
    }
  }
  return { items, problems };
}

/** `sn_customerservice_responsibility_access_config` rows; accessible/through tables → entity kinds. */
export function accessConfigsFromRows(rows: readonly Row[], map: TableMap): Converted<AccessConfig> {
  const col = map.accessConfig.columns;
  const where = map.accessConfig.table;
  const items: AccessConfig[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    const id = text(row[col.id]);
    const responsibility = text(row[col.responsibility]);
    const levelText = text(row[col.level]);
    const level = LEVELS.find((known) => known === levelText);
    const tableName = text(row[col.table]);
    const table = entityKindIn(map, tableName);
    const throughName = text(row[col.through]);
    const through = throughName ? entityKindIn(map, throughName) : undefined;
    const partyTypeName = text(row[col.partyType]);
    const partyType = partyTypeName ? partyKindIn(map, partyTypeName) : undefined;
    // Names the column and, once known, the responsibility whose grants go missing.
    const skip = (column: string, why: string): void =>
      void problems.push(
        `${where} ${id || '(no sys_id)'} (column ${column}): skipped, ${why}` +
          (responsibility ? `; grants of responsibility ${responsibility} may be missing` : ''),
      );
    if (!id) skip(col.id, 'no sys_id');
    else if (!responsibility) skip(col.responsibility, 'no responsibility');
    else if (!level) skip(col.level, `unknown access level "${levelText}" (read, write or full)`);
    else if (!table) skip(col.table, `unknown accessible table "${tableName}"`);
    else if (throughName && !through) skip(col.through, `unknown through table "${throughName}"`);
    else if (partyTypeName && !partyType)
      skip(
        col.partyType,
        `unknown party table "${partyTypeName}" (party tables: ${partyTableNames(map).join(', ')})`,
      );
    else {
      const rolesRequired = text(row[col.rolesRequired])
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name.length > 0);
      const active = flag(row[col.active], true);
      const config: AccessConfig = { id, responsibility, active, level, table, rolesRequired };
      items.push({ ...config, ...(through ? { through } : {}), ...(partyType ? { partyType } : {}) });
    }
  }
  return { items, problems };
}

/** `sn_customerservice_related_party_configuration` rows; applies-to → entity kind, entity type → party kind. */
export function relationshipTypesFromRows(rows: readonly Row[], map: TableMap): Converted<RelationshipType> {
  const col = map.relationshipType.columns;
  const where = map.relationshipType.table;
  const items: RelationshipType[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    const id = text(row[col.id]);
    const appliesToName = text(row[col.appliesTo]);
    const appliesTo = entityKindIn(map, appliesToName);
    const partyName = text(row[col.entityType]);
    const partyType = partyKindIn(map, partyName);
    if (!id) problems.push(`${where}: skipped a row without sys_id`);
    else if (!appliesTo)
      problems.push(
        `${where} ${id} (column ${col.appliesTo}): skipped, unknown applies-to table "${appliesToName}"`,
      );
    else if (!partyType)
      problems.push(
        `${where} ${id} (column ${col.entityType}): skipped, unknown party table "${partyName}" (party tables: ${partyTableNames(map).join(', ')})`,
      );
    else {
      const order = Number.parseInt(text(row[col.defaultOrder]), 10);
      const responsibility = optional(row[col.defaultResponsibility]);
      const description = optional(row[col.description]);
      items.push({
        id,
        name: text(row[col.name]) || id,
        appliesTo,
        partyType,
        ...(responsibility ? { defaultResponsibility: responsibility } : {}),
        ...(Number.isFinite(order) ? { defaultOrder: order } : {}),
        ...(description ? { description } : {}),
      });
    }
  }
  return { items, problems };
}
