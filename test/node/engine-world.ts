/**
 * A small hand-written world for the engine tests, independent of the seed data so each rule can be
 * exercised in isolation. Role names are short on purpose.
 */
import type {
  AccessConfig,
  Definitions,
  Facts,
  RelatedPartyRecord,
  RelationshipType,
  RoleDef,
} from '../../src/model/index.js';
import { EMPTY_FACTS } from '../../src/model/index.js';

/** The owner roles the engine defaults to (a case's own contact / consumer). */
export const CUSTOMER = 'sn_customerservice.customer';
export const CONSUMER = 'sn_customerservice.consumer';

const role = (
  name: string,
  kind: RoleDef['kind'],
  contains: string[] = [],
  grants: RoleDef['grants'] = [],
): RoleDef => ({
  name,
  title: name,
  description: '',
  plugin: 'test',
  kind,
  contains,
  ...(grants.length > 0 ? { grants } : {}),
});

export const ROLES: readonly RoleDef[] = [
  role('case_contact', 'functional', ['case_write_granular']),
  role('case_reader', 'functional', ['case_read_granular']),
  role(
    'case_write_granular',
    'granular',
    ['case_read_granular', 'case_create_granular'],
    [{ target: 'case', permission: 'write' }],
  ),
  role(
    'case_create_granular',
    'granular',
    ['case_read_granular'],
    [{ target: 'case', permission: 'create' }],
  ),
  role('case_read_granular', 'granular', [], [{ target: 'case', permission: 'read' }]),
  role('sp_contact', 'functional', ['case_contact', 'sp_read_granular', 'ib_read_granular']),
  role('sp_read_granular', 'granular', [], [{ target: 'sold_product', permission: 'read' }]),
  role('ib_read_granular', 'granular', [], [{ target: 'install_base', permission: 'read' }]),
  role('ib_account', 'functional', ['case_write_granular', 'sp_read_granular', 'ib_read_granular']),
  role('ib_org', 'functional', ['case_write_granular', 'ib_read_granular']),
  role('case_viewer', 'contributor', [], [{ target: 'case', permission: 'read' }]),
  role(CUSTOMER, 'other'),
  role(CONSUMER, 'other'),
  role('customer_admin', 'other', [CUSTOMER, 'case_contact']),
];

const config = (c: Omit<AccessConfig, 'active'> & { active?: boolean }): AccessConfig => ({
  active: true,
  ...c,
});

export const CONFIGS: readonly AccessConfig[] = [
  config({
    id: 'rep_case',
    responsibility: 'rep',
    level: 'write',
    table: 'case',
    rolesRequired: ['case_contact'],
  }),
  config({
    id: 'rep_sp',
    responsibility: 'rep',
    level: 'read',
    table: 'sold_product',
    rolesRequired: ['sp_contact'],
  }),
  config({
    id: 'rep_sp_case',
    responsibility: 'rep',
    level: 'full',
    table: 'case',
    through: 'sold_product',
    rolesRequired: ['sp_contact'],
  }),
  config({
    id: 'rep_sp_ib',
    responsibility: 'rep',
    level: 'read',
    table: 'install_base',
    through: 'sold_product',
    rolesRequired: ['sp_contact'],
  }),
  config({
    id: 'acct_ib',
    responsibility: 'acct',
    level: 'read',
    table: 'install_base',
    rolesRequired: ['ib_account'],
  }),
  config({
    id: 'acct_ib_sp',
    responsibility: 'acct',
    level: 'read',
    table: 'sold_product',
    through: 'install_base',
    rolesRequired: ['ib_account'],
  }),
  config({
    id: 'acct_ib_case',
    responsibility: 'acct',
    level: 'full',
    table: 'case',
    through: 'install_base',
    rolesRequired: ['ib_account'],
  }),
  config({
    id: 'org_ib',
    responsibility: 'org',
    level: 'read',
    table: 'install_base',
    partyType: 'service_organization',
    rolesRequired: ['ib_org'],
  }),
  config({
    id: 'org_ib_case',
    responsibility: 'org',
    level: 'write',
    table: 'case',
    through: 'install_base',
    partyType: 'service_organization',
    rolesRequired: ['ib_org'],
  }),
  config({
    id: 'primary_case',
    responsibility: 'primary',
    level: 'full',
    table: 'case',
    rolesRequired: ['case_contact'],
  }),
  config({
    id: 'hh_case',
    responsibility: 'hh',
    level: 'read',
    table: 'case',
    rolesRequired: ['case_reader'],
  }),
  config({
    id: 'cust_case',
    responsibility: 'cust',
    level: 'write',
    table: 'case',
    rolesRequired: [CUSTOMER],
  }),
  config({
    id: 'dormant_case',
    responsibility: 'dormant',
    level: 'write',
    table: 'case',
    rolesRequired: ['case_contact'],
    active: false,
  }),
];

const type = (
  id: string,
  appliesTo: RelationshipType['appliesTo'],
  partyType: RelationshipType['partyType'],
  defaultResponsibility?: string,
): RelationshipType => ({
  id,
  name: id.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()),
  appliesTo,
  partyType,
  ...(defaultResponsibility ? { defaultResponsibility } : {}),
});

export const TYPES: readonly RelationshipType[] = [
  type('co_borrower', 'case', 'contact', 'rep'),
  type('listed_contact', 'case', 'contact'),
  type('case_consumer', 'case', 'consumer', 'rep'),
  type('case_user', 'case', 'user', 'rep'),
  type('case_account', 'case', 'account', 'rep'),
  type('case_household', 'case', 'household', 'hh'),
  type('primary_contact', 'case', 'contact', 'primary'),
  type('dormant_contact', 'case', 'contact', 'dormant'),
  type('customer_contact', 'case', 'contact', 'cust'),
  type('sp_contact', 'sold_product', 'contact', 'rep'),
  type('sp_account', 'sold_product', 'account', 'rep'),
  type('ib_account', 'install_base', 'account', 'acct'),
  type('ib_org', 'install_base', 'service_organization', 'org'),
  type('ib_user', 'install_base', 'user', 'acct'),
];

export const DEFINITIONS: Definitions = {
  roles: ROLES,
  responsibilities: [
    { id: 'rep', name: 'Authorized Representative', partyType: 'none', unique: false, description: '' },
    { id: 'acct', name: 'Authorized Account', partyType: 'account', unique: false, description: '' },
    { id: 'org', name: 'Authorized Service Organization', partyType: 'none', unique: false, description: '' },
    { id: 'primary', name: 'Primary Contact', partyType: 'contact', unique: true, description: '' },
    { id: 'hh', name: 'Household Member', partyType: 'none', unique: false, description: '' },
    { id: 'cust', name: 'Customer Contact', partyType: 'contact', unique: false, description: '' },
    { id: 'dormant', name: 'Dormant', partyType: 'none', unique: false, description: '' },
  ],
  accessConfigs: CONFIGS,
  relationshipTypes: TYPES,
};

/** The world: accounts acme (parent) ⊃ acme_eu (child), globex (restricted), initech (no assets). */
export const FACTS: Facts = {
  ...EMPTY_FACTS,
  accounts: [
    { id: 'acme', name: 'Acme' },
    { id: 'acme_eu', name: 'Acme EU', parent: 'acme' },
    { id: 'globex', name: 'Globex', restrictContactAccess: true },
    { id: 'initech', name: 'Initech' },
  ],
  contacts: [
    { id: 'ana', name: 'Ana', account: 'acme', roles: ['case_contact'] },
    { id: 'ben', name: 'Ben', account: 'acme', roles: [] },
    { id: 'eve', name: 'Eve', account: 'acme_eu', roles: ['case_contact', 'sp_read_granular'] },
    { id: 'gil', name: 'Gil', account: 'globex', roles: ['ib_account', 'sp_contact'] },
    { id: 'ida', name: 'Ida', account: 'acme', roles: ['ib_account', CUSTOMER] },
    { id: 'max', name: 'Max', account: 'acme', roles: ['case_reader', 'sp_read_granular'] },
    { id: 'ned', name: 'Ned', roles: ['customer_admin'] },
    { id: 'sam', name: 'Sam', account: 'initech', roles: ['sp_contact'] },
    { id: 'kim', name: 'Kim', account: 'initech', roles: [CUSTOMER, 'case_read_granular'] },
    { id: 'lou', name: 'Lou', account: 'initech', roles: [CUSTOMER] },
    { id: 'zed', name: 'Zed', account: 'initech', roles: ['case_viewer'] },
  ],
  consumers: [
    { id: 'cora', name: 'Cora', household: 'h1', roles: ['case_reader', CONSUMER] },
    { id: 'dan', name: 'Dan', household: 'h1', roles: [] },
  ],
  users: [
    { id: 'uma', name: 'Uma', roles: ['ib_org'] },
    { id: 'vic', name: 'Vic', roles: ['case_viewer'] },
    { id: 'walt', name: 'Walt', roles: ['case_contact'] },
    { id: 'yul', name: 'Yul', roles: ['ib_account'] },
  ],
  serviceOrganizations: [
    {
      id: 'so1',
      name: 'FixIt',
      members: [
        { kind: 'user', id: 'uma' },
        { kind: 'user', id: 'walt' },
      ],
    },
  ],
  households: [{ id: 'h1', name: 'The Smiths' }],
  soldProducts: [
    { id: 'sp1', name: 'Router', account: 'acme' },
    { id: 'sp2', name: 'Switch', account: 'globex' },
    { id: 'sp3', name: 'Modem', consumer: 'cora' },
  ],
  installBase: [
    { id: 'rack', name: 'Rack', account: 'acme' },
    { id: 'blade', name: 'Blade', account: 'acme', parent: 'rack', soldProduct: 'sp1' },
    { id: 'fan', name: 'Fan', account: 'acme', parent: 'blade' },
    { id: 'hub', name: 'Hub', account: 'globex', soldProduct: 'sp2' },
  ],
  cases: [
    { id: 'c1', number: 'CS001', account: 'acme' },
    { id: 'c2', number: 'CS002', account: 'acme', soldProduct: 'sp1' },
    { id: 'c3', number: 'CS003', account: 'acme', installBase: 'fan' },
    { id: 'c4', number: 'CS004', account: 'acme', contact: 'ida', consumer: 'cora' },
    { id: 'c5', number: 'CS005', account: 'globex', installBase: 'hub', soldProduct: 'sp2' },
    { id: 'c6', number: 'CS006', account: 'acme', contact: 'ben' },
  ],
  relatedParties: [],
};

let next = 0;

/** A related-party record with a fresh id; responsibility defaults from the type like the UI does. */
export function rec(
  entity: string,
  party: string,
  typeId: string,
  extra: Partial<Pick<RelatedPartyRecord, 'id' | 'responsibility'>> & { noResponsibility?: boolean } = {},
): RelatedPartyRecord {
  const [entityKind, entityId] = entity.split(':') as [RelatedPartyRecord['entity']['kind'], string];
  const [partyKind, partyId] = party.split(':') as [RelatedPartyRecord['party']['kind'], string];
  const defaulted = TYPES.find((t) => t.id === typeId)?.defaultResponsibility;
  const responsibility = extra.noResponsibility ? undefined : (extra.responsibility ?? defaulted);
  return {
    id: extra.id ?? `r${++next}`,
    entity: { kind: entityKind, id: entityId },
    party: { kind: partyKind, id: partyId },
    type: typeId,
    ...(responsibility === undefined ? {} : { responsibility }),
  };
}

/** The world with these records. */
export function world(...records: RelatedPartyRecord[]): Facts {
  return { ...FACTS, relatedParties: records };
}
