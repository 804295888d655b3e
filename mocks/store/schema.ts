/**
 * The mock's dictionary: which columns each table has, which are references to which table, which
 * sort as numbers, and which column is the display value. Derived from a table map, so a remapped
 * instance (other table or column names) is emulated just as well as the default one.
 */
import { DEFAULT_TABLE_MAP, type TableKey, type TableMap } from '../../src/client/table-map.js';

export type ColumnType = 'string' | 'reference' | 'integer' | 'boolean';

/** A column of a mock table. */
export interface ColumnSchema {
  readonly type: ColumnType;
  /**
   * For references: the tables a value is looked up in, first one is the declared target. More than
   * one emulates the platform's table inheritance (a `sys_user_has_role.user` may be a contact).
   */
  readonly targets?: readonly string[];
}

/** A mock table: its columns (system columns included) and its display column. */
export interface TableSchema {
  readonly name: string;
  readonly columns: Readonly<Record<string, ColumnSchema>>;
  readonly displayColumn: string;
}

export type Schemas = ReadonlyMap<string, TableSchema>;

/** Columns every record carries (maintained by the store). */
export const SYSTEM_COLUMNS: Readonly<Record<string, ColumnSchema>> = {
  sys_id: { type: 'string' },
  sys_created_on: { type: 'string' },
  sys_created_by: { type: 'string' },
  sys_updated_on: { type: 'string' },
  sys_updated_by: { type: 'string' },
  sys_mod_count: { type: 'integer' },
};

/** Any principal: the platform's `sys_user` is extended by contacts; consumers have a user too. */
const PRINCIPAL: readonly TableKey[] = ['user', 'contact', 'consumer'];

type Spec = {
  readonly [K in TableKey]: {
    readonly refs?: { readonly [C in keyof TableMap[K]['columns']]?: TableKey | readonly TableKey[] };
    readonly integers?: readonly (keyof TableMap[K]['columns'])[];
    readonly booleans?: readonly (keyof TableMap[K]['columns'])[];
    /** Physical columns the map does not name but the mock world fills (e.g. case state). */
    readonly extra?: readonly string[];
    readonly display?: keyof TableMap[K]['columns'];
  };
};

const PARTY_REFS = {
  type: 'relationshipType',
  responsibility: 'responsibility',
  user: 'user',
  contact: 'contact',
  consumer: 'consumer',
  account: 'account',
  serviceOrganization: 'serviceOrganization',
  household: 'household',
} as const;

/** References and types per logical table (the part of the dictionary a table map does not hold). */
const SPEC: Spec = {
  role: { display: 'name' },
  roleContains: { refs: { role: 'role', contains: 'role' } },
  userHasRole: { refs: { user: PRINCIPAL, role: 'role' } },
  responsibility: { booleans: ['unique'], display: 'name' },
  // party_type: AccessConfig.partyType (a party table name), which the table map does not name yet.
  accessConfig: { refs: { responsibility: 'responsibility' }, booleans: ['active'] },
  relationshipType: {
    refs: { defaultResponsibility: 'responsibility' },
    integers: ['defaultOrder'],
    display: 'name',
  },
  caseParty: { refs: { ...PARTY_REFS, entity: 'case' }, integers: ['order'] },
  soldProductParty: {
    refs: { ...PARTY_REFS, entity: 'soldProduct' },
    integers: ['order'],
  },
  installBaseParty: {
    refs: { ...PARTY_REFS, entity: 'installBase' },
    integers: ['order'],
  },
  case: {
    refs: {
      account: 'account',
      contact: 'contact',
      consumer: 'consumer',
      soldProduct: 'soldProduct',
      installBase: 'installBase',
      partnerAccount: 'account',
      partnerContact: 'contact',
    },
    extra: ['state', 'priority', 'closed_at'],
    display: 'number',
  },
  soldProduct: { refs: { account: 'account', consumer: 'consumer' }, display: 'name' },
  installBase: {
    refs: { account: 'account', parent: 'installBase', soldProduct: 'soldProduct' },
    display: 'name',
  },
  account: { refs: { parent: 'account' }, display: 'name' },
  accountAccess: { refs: { account: 'account' }, booleans: ['restrictContactAccess'] },
  contact: { refs: { account: 'account' }, extra: ['active'], display: 'name' },
  consumer: { refs: { household: 'household' }, extra: ['active'], display: 'name' },
  household: { display: 'name' },
  // user_name: what sys_created_by / sys_updated_by hold (live refresh shows who changed a party).
  user: { display: 'name', extra: ['user_name', 'active'] },
  serviceOrganization: { display: 'name' },
  serviceOrganizationMember: { refs: { serviceOrganization: 'serviceOrganization', user: PRINCIPAL } },
};

/** Builds the schema of every table of a table map. */
export function buildSchemas(map: TableMap = DEFAULT_TABLE_MAP): Schemas {
  const schemas = new Map<string, TableSchema>();
  for (const key of Object.keys(SPEC) as TableKey[]) {
    const entry = map[key] as { table: string; columns: Readonly<Record<string, string>> };
    const spec = SPEC[key] as {
      refs?: Readonly<Record<string, TableKey | readonly TableKey[]>>;
      integers?: readonly string[];
      booleans?: readonly string[];
      extra?: readonly string[];
      display?: string;
    };
    const columns: Record<string, ColumnSchema> = { ...SYSTEM_COLUMNS };
    for (const [logical, physical] of Object.entries(entry.columns)) {
      const ref = spec.refs?.[logical];
      if (ref !== undefined) {
        const keys: readonly TableKey[] = typeof ref === 'string' ? [ref] : ref;
        columns[physical] = { type: 'reference', targets: keys.map((k) => map[k].table) };
      } else if (spec.integers?.includes(logical)) columns[physical] = { type: 'integer' };
      else if (spec.booleans?.includes(logical)) columns[physical] = { type: 'boolean' };
      else columns[physical] ??= { type: 'string' };
    }
    for (const name of spec.extra ?? []) columns[name] ??= { type: 'string' };
    const display = spec.display === undefined ? 'sys_id' : (entry.columns[spec.display] ?? 'sys_id');
    schemas.set(entry.table, { name: entry.table, columns, displayColumn: display });
  }
  return schemas;
}
