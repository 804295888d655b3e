import { entityKindOfTable, type EntityKind } from '../model/kinds.js';

/**
 * The backend contract: logical tables and columns → Table API names. Every name can be overridden
 * by a host whose instance differs (column names vary between releases). Each related-party table
 * names a column for every party kind the engine knows (user, contact, consumer, account, service
 * organization, household): a column the instance lacks, or the signed-in user may not read, is
 * omitted from responses, and an answer that depends on it says "incomplete".
 */
export const DEFAULT_TABLE_MAP = {
  role: {
    table: 'sys_user_role',
    columns: {
      id: 'sys_id',
      name: 'name',
      description: 'description',
      suffix: 'suffix',
      title: 'title',
      plugin: 'sys_package',
    },
  },
  roleContains: { table: 'sys_user_role_contains', columns: { role: 'role', contains: 'contains' } },
  userHasRole: { table: 'sys_user_has_role', columns: { user: 'user', role: 'role' } },
  responsibility: {
    table: 'sn_customerservice_responsibility_def',
    columns: { id: 'sys_id', name: 'name', type: 'type', unique: 'unique', description: 'description' },
  },
  accessConfig: {
    table: 'sn_customerservice_responsibility_access_config',
    columns: {
      id: 'sys_id',
      responsibility: 'responsibility',
      active: 'active',
      level: 'access_level',
      table: 'accessible_table',
      through: 'through_table',
      /** Restricts the config to one party kind (a party table name); empty = every kind. */
      partyType: 'party_type',
      rolesRequired: 'roles_required',
    },
  },
  relationshipType: {
    table: 'sn_customerservice_related_party_configuration',
    columns: {
      id: 'sys_id',
      name: 'name',
      appliesTo: 'applies_to',
      entityType: 'entity_type',
      defaultResponsibility: 'default_responsibility',
      defaultOrder: 'default_order',
      description: 'description',
    },
  },
  caseParty: {
    table: 'sn_customerservice_related_party',
    columns: {
      id: 'sys_id',
      entity: 'case',
      type: 'type',
      responsibility: 'responsibility',
      user: 'user',
      contact: 'contact',
      consumer: 'consumer',
      account: 'account',
      serviceOrganization: 'service_organization',
      household: 'household',
      order: 'order',
    },
  },
  soldProductParty: {
    table: 'sn_install_base_sold_product_related_party',
    columns: {
      id: 'sys_id',
      entity: 'sold_product',
      type: 'type',
      responsibility: 'responsibility',
      user: 'user',
      contact: 'contact',
      consumer: 'consumer',
      account: 'account',
      serviceOrganization: 'service_organization',
      household: 'household',
      order: 'order',
    },
  },
  installBaseParty: {
    table: 'sn_install_base_related_party',
    columns: {
      id: 'sys_id',
      entity: 'install_base_item',
      type: 'type',
      responsibility: 'responsibility',
      user: 'user',
      contact: 'contact',
      consumer: 'consumer',
      account: 'account',
      serviceOrganization: 'service_organization',
      household: 'household',
      order: 'order',
    },
  },
  case: {
    table: 'sn_customerservice_case',
    columns: {
      id: 'sys_id',
      number: 'number',
      shortDescription: 'short_description',
      account: 'account',
      contact: 'contact',
      consumer: 'consumer',
      soldProduct: 'sold_product',
      installBase: 'asset',
      /** The partner account serving the case (persona scope `partner`). */
      partnerAccount: 'partner',
      /** The partner's contact on the case. */
      partnerContact: 'partner_contact',
    },
  },
  soldProduct: {
    table: 'sn_install_base_sold_product',
    columns: { id: 'sys_id', name: 'name', account: 'account', consumer: 'consumer' },
  },
  installBase: {
    table: 'sn_install_base_item',
    columns: {
      id: 'sys_id',
      name: 'name',
      account: 'account',
      parent: 'parent',
      soldProduct: 'sold_product',
    },
  },
  account: { table: 'customer_account', columns: { id: 'sys_id', name: 'name', parent: 'parent' } },
  accountAccess: {
    table: 'sn_csm_account_access',
    columns: { account: 'account', restrictContactAccess: 'restrict_contact_access' },
  },
  contact: {
    table: 'customer_contact',
    columns: { id: 'sys_id', name: 'name', email: 'email', account: 'account' },
  },
  consumer: {
    table: 'csm_consumer',
    columns: { id: 'sys_id', name: 'name', email: 'email', household: 'household' },
  },
  household: { table: 'csm_household', columns: { id: 'sys_id', name: 'name' } },
  user: { table: 'sys_user', columns: { id: 'sys_id', name: 'name', email: 'email' } },
  serviceOrganization: { table: 'sn_customer_service_organization', columns: { id: 'sys_id', name: 'name' } },
  serviceOrganizationMember: {
    table: 'sn_customer_service_organization_member',
    columns: { serviceOrganization: 'service_organization', user: 'user' },
  },
} as const;

type Default = typeof DEFAULT_TABLE_MAP;

/** A complete table map (same keys as the default, any names). */
export type TableMap = {
  [K in keyof Default]: { table: string; columns: { [C in keyof Default[K]['columns']]: string } };
};
export type TableKey = keyof TableMap;

/** Partial overrides a host may pass: `{ contact: { columns: { account: 'company' } } }`. */
export type TableMapOverrides = {
  [K in TableKey]?: { table?: string; columns?: Partial<TableMap[K]['columns']> };
};

/** The default map with a host's overrides applied. */
export function resolveTableMap(overrides: TableMapOverrides = {}): TableMap {
  const map = structuredClone(DEFAULT_TABLE_MAP) as unknown as TableMap;
  for (const key of Object.keys(overrides) as TableKey[]) {
    const override = overrides[key];
    if (!override || !Object.hasOwn(map, key)) continue;
    const entry = map[key] as { table: string; columns: Record<string, string> };
    if (override.table) entry.table = override.table;
    Object.assign(entry.columns, override.columns ?? {});
  }
  return map;
}

/**
 * The entity kind a table name stands for: the host's (remapped) tables first, then the default
 * table names. Undefined for any other table.
 */
export function entityKindIn(map: TableMap, table: string): EntityKind | undefined {
  if (table === map.case.table) return 'case';
  if (table === map.soldProduct.table) return 'sold_product';
  if (table === map.installBase.table) return 'install_base';
  return entityKindOfTable(table);
}
