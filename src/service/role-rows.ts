/** `sys_user_role` rows and their `sys_user_role_contains` edges → role definitions. */
import type { Row } from '../client/types.js';
import type { TableMap } from '../client/table-map.js';
import type { RoleDef } from '../model/definitions.js';
import type { Converted } from './definition-converters.js';
import { optional, text } from './row-values.js';

/**
 * Roles with their containment edges (edges reference roles by sys_id), enriched from `seed` by
 * name. `rolesFromRows` (definitions-rows.ts) defaults the seed to the reference catalogue; this
 * module does not import it, so the services load the catalogue only when they convert roles.
 */
export function convertRoleRows(
  roleRows: readonly Row[],
  containsRows: readonly Row[],
  map: TableMap,
  seed: readonly RoleDef[],
): Converted<RoleDef> {
  const col = map.role.columns;
  const edge = map.roleContains.columns;
  const problems: string[] = [];
  const seedByName = new Map(seed.map((role) => [role.name, role]));
  const nameById = new Map<string, string>();
  const named: { row: Row; name: string; sysId: string }[] = [];
  for (const row of roleRows) {
    const name = text(row[col.name]);
    const sysId = text(row[col.id]);
    if (!name || !sysId) {
      problems.push(`${map.role.table} ${sysId || '(no sys_id)'}: skipped, no name or sys_id`);
      continue;
    }
    nameById.set(sysId, name);
    named.push({ row, name, sysId });
  }
  const children = new Map<string, string[]>();
  for (const row of containsRows) {
    const parent = nameById.get(text(row[edge.role]));
    const child = nameById.get(text(row[edge.contains]));
    if (!parent || !child) {
      const id = text(row['sys_id']) || `${text(row[edge.role])} → ${text(row[edge.contains])}`;
      problems.push(`${map.roleContains.table} ${id}: skipped, references a role that was not read`);
      continue;
    }
    const list = children.get(parent) ?? [];
    if (!list.includes(child)) list.push(child);
    children.set(parent, list);
  }
  const items = named.map(({ row, name, sysId }): RoleDef => {
    const known = seedByName.get(name);
    const role: RoleDef = {
      name,
      title: known?.title ?? (optional(row[col.title]) || name),
      description: optional(row[col.description]) ?? known?.description ?? '',
      plugin: known?.plugin ?? row[col.plugin]?.display ?? '',
      kind: known?.kind ?? 'other',
      contains: children.get(name) ?? [],
      sysId,
    };
    return known?.grants ? { ...role, grants: known.grants } : role;
  });
  return { items, problems };
}
