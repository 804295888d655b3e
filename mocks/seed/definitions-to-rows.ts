/**
 * Definitions → rows of the five definition tables, as an instance stores them: roles in
 * `sys_user_role` (sys_id hashed from the name), containment edges in `sys_user_role_contains`,
 * responsibilities, access configurations (`roles_required` = comma-separated role names,
 * `accessible_table` / `through_table` = entity table names), relationship types (`applies_to` =
 * entity table, `entity_type` = party table, `default_responsibility` = responsibility sys_id).
 */
import type { TableMap } from '../../src/client/table-map.js';
import type { Definitions, RoleDef } from '../../src/model/definitions.js';
import type { EntityKind, PartyKind } from '../../src/model/kinds.js';
import { definitionSysId, physicalRow, type RowValues } from './rows.js';

/** Physical rows per table name, in an order that can be inserted as it is. */
export type TableRows = Record<string, RowValues[]>;

/** The table of an entity kind, per the table map. */
export function entityTable(map: TableMap, kind: EntityKind): string {
  return { case: map.case.table, sold_product: map.soldProduct.table, install_base: map.installBase.table }[
    kind
  ];
}

/** The table of a party kind, per the table map. */
export function partyTable(map: TableMap, kind: PartyKind): string {
  return {
    contact: map.contact.table,
    consumer: map.consumer.table,
    user: map.user.table,
    account: map.account.table,
    service_organization: map.serviceOrganization.table,
    household: map.household.table,
  }[kind];
}

/** The sys_id of a role (its own when loaded from an instance, else hashed from its name). */
export function roleSysId(role: Pick<RoleDef, 'name' | 'sysId'>): string {
  return role.sysId ?? definitionSysId('role', role.name);
}

/** A role's suffix: its name after the scope (`sn_customerservice.case_viewer` → `case_viewer`). */
const suffix = (name: string): string => name.slice(name.lastIndexOf('.') + 1);

/** The rows of the definition tables for a set of definitions. */
export function definitionsToRows(defs: Definitions, map: TableMap): TableRows {
  const roleIds = new Map(defs.roles.map((role) => [role.name, roleSysId(role)]));
  const roleRows = defs.roles.map((role) =>
    physicalRow(map, 'role', {
      id: roleIds.get(role.name),
      name: role.name,
      title: role.title,
      description: role.description,
      suffix: suffix(role.name),
      plugin: role.plugin,
    }),
  );
  const containsRows: RowValues[] = [];
  for (const role of defs.roles) {
    for (const child of role.contains) {
      // A contained role outside the catalogue still exists on the instance: add it by name.
      if (!roleIds.has(child)) {
        roleIds.set(child, roleSysId({ name: child }));
        roleRows.push(
          physicalRow(map, 'role', { id: roleIds.get(child), name: child, suffix: suffix(child) }),
        );
      }
      const id = definitionSysId('role', `${role.name}>${child}`);
      containsRows.push(
        physicalRow(
          map,
          'roleContains',
          { role: roleIds.get(role.name), contains: roleIds.get(child) },
          { sys_id: id },
        ),
      );
    }
  }
  return {
    [map.role.table]: roleRows,
    [map.roleContains.table]: containsRows,
    [map.responsibility.table]: defs.responsibilities.map((r) =>
      physicalRow(map, 'responsibility', {
        id: definitionSysId('responsibility', r.id),
        name: r.name,
        type: r.partyType,
        unique: String(r.unique),
        description: r.description,
      }),
    ),
    [map.accessConfig.table]: defs.accessConfigs.map((c) =>
      physicalRow(map, 'accessConfig', {
        id: definitionSysId('accessConfig', c.id),
        responsibility: definitionSysId('responsibility', c.responsibility),
        active: String(c.active),
        level: c.level,
        table: entityTable(map, c.table),
        through: c.through ? entityTable(map, c.through) : '',
        rolesRequired: c.rolesRequired.join(','),
        partyType: c.partyType ? partyTable(map, c.partyType) : '',
      }),
    ),
    [map.relationshipType.table]: defs.relationshipTypes.map((t) =>
      physicalRow(map, 'relationshipType', {
        id: definitionSysId('relationshipType', t.id),
        name: t.name,
        appliesTo: entityTable(map, t.appliesTo),
        entityType: partyTable(map, t.partyType),
        defaultResponsibility: t.defaultResponsibility
          ? definitionSysId('responsibility', t.defaultResponsibility)
          : '',
        defaultOrder: t.defaultOrder === undefined ? '' : String(t.defaultOrder),
        description: t.description ?? '',
      }),
    ),
  };
}

/**
 * `defs` as a service reads them back from the mock instance: responsibilities and relationship
 * types (and the references to them) by their sys_ids instead of their readable ids.
 */
export function servedDefinitions(defs: Definitions): Definitions {
  return {
    ...defs,
    responsibilities: defs.responsibilities.map((r) => ({
      ...r,
      id: definitionSysId('responsibility', r.id),
    })),
    accessConfigs: defs.accessConfigs.map((c) => ({
      ...c,
      responsibility: definitionSysId('responsibility', c.responsibility),
    })),
    relationshipTypes: defs.relationshipTypes.map((t) => ({
      ...t,
      id: definitionSysId('relationshipType', t.id),
      ...(t.defaultResponsibility
        ? { defaultResponsibility: definitionSysId('responsibility', t.defaultResponsibility) }
        : {}),
    })),
  };
}
