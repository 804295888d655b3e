/**
 * Wire rows of the five definition tables → domain definitions (DESIGN.md §4). Rows come from an
 * instance we do not control: a bad row is skipped and reported in `problems`, never a crash.
 */
import type { Row } from '../client/types.js';
import type { TableMap } from '../client/table-map.js';
import { ROLE_SEED } from '../access/role-seed.js';
import type { Definitions, RoleDef } from '../model/definitions.js';
import {
  accessConfigsFromRows,
  relationshipTypesFromRows,
  responsibilitiesFromRows,
  type Converted,
  type DefinitionRows,
} from './definition-converters.js';
import { convertRoleRows } from './role-rows.js';

export { entityKindIn, partyKindIn } from './row-values.js';
export {
  accessConfigsFromRows,
  relationshipTypesFromRows,
  responsibilitiesFromRows,
  type Converted,
  type DefinitionRows,
} from './definition-converters.js';

/** Roles with their containment edges, enriched from `seed` (default: the reference catalogue) by name. */
export function rolesFromRows(
  roleRows: readonly Row[],
  containsRows: readonly Row[],
  map: TableMap,
  seed: readonly RoleDef[] = ROLE_SEED,
): Converted<RoleDef> {
  return convertRoleRows(roleRows, containsRows, map, seed);
}

/** All five tables → definitions, with every skipped row reported. */
export function rowsToDefinitions(
  rows: DefinitionRows,
  map: TableMap,
  seed: readonly RoleDef[] = ROLE_SEED,
): { definitions: Definitions; problems: string[] } {
  const roles = rolesFromRows(rows.roles, rows.contains, map, seed);
  const responsibilities = responsibilitiesFromRows(rows.responsibilities, map);
  const accessConfigs = accessConfigsFromRows(rows.accessConfigs, map);
  const relationshipTypes = relationshipTypesFromRows(rows.relationshipTypes, map);
  return {
    definitions: {
      roles: roles.items,
      responsibilities: responsibilities.items,
      accessConfigs: accessConfigs.items,
      relationshipTypes: relationshipTypes.items,
    },
    problems: [
      ...roles.problems,
      ...responsibilities.problems,
      ...accessConfigs.problems,
      ...relationshipTypes.problems,
    ],
  };
}
