import { bitIds, hasBit } from './bitset.js';
import type { CompiledConfig, CompiledDefinitions } from './compiled-definitions.js';
import { entityKindOf } from './kinds-index.js';
import { PERMISSIONS_BY_MASK, levelOfMask, normalize } from './levels.js';
import type { PrincipalEntry } from './principals.js';
import type { GranularCap, GranularInForce, RoleHeld } from './types.js';

/** How a principal holds `role`: the containment chain from a directly held role, if any. */
export function roleHeld(definitions: CompiledDefinitions, p: PrincipalEntry, role: string): RoleHeld {
  const id = definitions.catalog.idOf(role);
  if (id < 0) {
    const held = p.roles.includes(role);
    return { role, held, via: held ? [role] : [] };
  }
  if (!hasBit(p.held, id)) return { role, held: false, via: [] };
  return { role, held: true, via: definitions.catalog.chain(p.roles, role) ?? [role] };
}

/** The required roles of a config, each with how it is held and the granular roles it leads to. */
export function requiredRoles(
  definitions: CompiledDefinitions,
  p: PrincipalEntry,
  config: CompiledConfig,
  cap: GranularCap,
): RoleHeld[] {
  return config.def.rolesRequired.map((role) => {
    const held = roleHeld(definitions, p, role);
    if (!held.held) return held;
    const contains = cap.roles
      .map((granular) => definitions.catalog.chain([role], granular.role)?.slice(1) ?? [])
      .filter((chain) => chain.length > 0);
    return { ...held, contains };
  });
}

/** The granular roles in force on a table and the level they cap to. */
export function granularCap(definitions: CompiledDefinitions, p: PrincipalEntry, table: number): GranularCap {
  const roles: GranularInForce[] = [];
  for (const id of bitIds(p.held)) {
    const mask = definitions.capMasks[id]?.[table] ?? 0;
    if (mask === 0) continue;
    const role = definitions.catalog.nameOf(id);
    roles.push({
      role,
      permissions: PERMISSIONS_BY_MASK[mask] ?? [],
      via: definitions.catalog.chain(p.roles, role) ?? [role],
    });
  }
  return { table: entityKindOf(table), roles, level: levelOfMask(normalize(p.cap[table] ?? 0)) };
}

/** The global roles (e.g. case viewer) a user holds on a table, with their masks. */
export function globalRoles(
  definitions: CompiledDefinitions,
  p: PrincipalEntry,
  table: number,
): { role: RoleHeld; mask: number }[] {
  const found: { role: RoleHeld; mask: number }[] = [];
  if ((p.global[table] ?? 0) === 0) return found; // persona rows are explained apart
  for (const id of bitIds(p.held)) {
    const mask = definitions.globalMasks[id]?.[table] ?? 0;
    if (mask !== 0) found.push({ role: roleHeld(definitions, p, definitions.catalog.nameOf(id)), mask });
  }
  return found;
}
