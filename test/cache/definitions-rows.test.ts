import { expect } from '@open-wc/testing';
import { resolveTableMap } from '../../src/client/table-map.js';
import type { FieldValue, Row } from '../../src/client/types.js';
import { ROLE_SEED } from '../../src/access/role-seed.js';
import { rowsToDefinitions } from '../../src/service/definitions-rows.js';
import { definitionTables, sid } from './fixtures/definition-backend.js';

/** Wire rows as the client normalises them (every value a FieldValue). */
const rows = (wire: readonly Record<string, string>[] = []): Row[] =>
  wire.map((record) =>
    Object.fromEntries(Object.entries(record).map(([k, value]): [string, FieldValue] => [k, { value }])),
  );

function fixtureRows() {
  const t = definitionTables();
  return {
    roles: rows(t['sys_user_role']),
    contains: rows(t['sys_user_role_contains']),
    responsibilities: rows(t['sn_customerservice_responsibility_def']),
    accessConfigs: rows(t['sn_customerservice_responsibility_access_config']),
    relationshipTypes: rows(t['sn_customerservice_related_party_configuration']),
  };
}

const map = resolveTableMap();

describe('rowsToDefinitions', () => {
  it('enriches known roles from the seed and keeps unknown ones as "other" titled by name', () => {
    const { definitions } = rowsToDefinitions(fixtureRows(), map);
    const seeded = ROLE_SEED.find((r) => r.name === 'sn_customerservice.case_write_granular');
    const write = definitions.roles.find((r) => r.name === 'sn_customerservice.case_write_granular');
    expect(write?.kind).to.equal(seeded?.kind);
    expect(write?.title).to.equal(seeded?.title);
    expect(write?.plugin).to.equal(seeded?.plugin);
    expect(write?.grants).to.deep.equal(seeded?.grants);
    expect(write?.sysId).to.equal(sid(2));
    const custom = definitions.roles.find((r) => r.name === 'x_acme.guarantor');
    expect(custom).to.deep.include({
      kind: 'other',
      title: 'x_acme.guarantor',
      description: 'Guarantor of a loan',
    });
    expect(custom?.grants).to.equal(undefined);
  });

  it('turns containment edges (by sys_id) into contained role names, from the instance only', () => {
    const { definitions } = rowsToDefinitions(fixtureRows(), map);
    const contains = Object.fromEntries(definitions.roles.map((r) => [r.name, r.contains]));
    expect(contains).to.deep.equal({
      'sn_customerservice.case_authorized_contact': ['sn_customerservice.case_write_granular'],
      'sn_customerservice.case_write_granular': ['sn_customerservice.case_read_granular'],
      'sn_customerservice.case_read_granular': [],
      'x_acme.guarantor': ['sn_customerservice.case_read_granular'],
    });
  });

  it('maps responsibilities, access configs and relationship types to domain kinds', () => {
    const { definitions } = rowsToDefinitions(fixtureRows(), map);
    expect(definitions.responsibilities).to.deep.equal([
      {
        id: sid(21),
        name: 'Authorized Representative',
        partyType: 'contact',
        unique: false,
        description: 'Acts for the customer',
      },
      { id: sid(22), name: 'Authorized Account', partyType: 'account', unique: true, description: '' },
    ]);
    expect(definitions.accessConfigs).to.deep.equal([
      {
        id: sid(31),
        responsibility: sid(21),
        active: true,
        level: 'write',
        table: 'case',
        rolesRequired: ['sn_customerservice.case_authorized_contact'],
      },
      {
        id: sid(32),
        responsibility: sid(21),
        active: false,
        level: 'read',
        table: 'case',
        through: 'sold_product',
        rolesRequired: ['sn_customerservice.case_authorized_contact', 'x_acme.guarantor'],
      },
    ]);
    expect(definitions.relationshipTypes).to.deep.equal([
      {
        id: sid(41),
        name: 'Co-borrower',
        appliesTo: 'case',
        partyType: 'contact',
        defaultResponsibility: sid(21),
        defaultOrder: 10,
      },
      {
        id: sid(42),
        name: 'Listed Consumer',
        appliesTo: 'case',
        partyType: 'consumer',
        description: 'Named only',
      },
    ]);
  });

  it('skips and reports bad rows instead of crashing', () => {
    const input = {
      roles: rows([
        { sys_id: sid(1), name: 'a' },
        { sys_id: '', name: 'nameless' },
      ]),
      contains: rows([{ sys_id: sid(9), role: sid(1), contains: sid(404) }]),
      responsibilities: rows([{ sys_id: sid(2), name: 'Odd', type: 'robot' }]),
      accessConfigs: rows([
        {
          sys_id: sid(3),
          responsibility: sid(2),
          access_level: 'admin',
          accessible_table: 'sn_customerservice_case',
        },
        { sys_id: sid(4), responsibility: sid(2), access_level: 'read', accessible_table: 'incident' },
        {
          sys_id: sid(5),
          responsibility: sid(2),
          access_level: 'read',
          accessible_table: 'sn_customerservice_case',
          through_table: 'task',
        },
        { sys_id: sid(6), access_level: 'read', accessible_table: 'sn_customerservice_case' },
      ]),
      relationshipTypes: rows([
        { sys_id: sid(7), name: 'X', applies_to: 'incident', entity_type: 'customer_contact' },
        { sys_id: sid(8), name: 'Y', applies_to: 'sn_customerservice_case', entity_type: 'cmn_location' },
      ]),
    };
    const { definitions, problems } = rowsToDefinitions(input, map);
    expect(definitions.roles.map((r) => r.name)).to.deep.equal(['a']);
    expect(definitions.roles[0]?.contains).to.deep.equal([]);
    expect(definitions.responsibilities).to.deep.equal([]);
    expect(definitions.accessConfigs).to.deep.equal([]);
    expect(definitions.relationshipTypes).to.deep.equal([]);
    const text = problems.join('\n');
    for (const expected of [
      /no name or sys_id/,
      /references a role that was not read/,
      /unknown type "robot"/,
      /unknown access level "admin"/,
      /unknown accessible table "incident"/,
      /unknown through table "task"/,
      /no responsibility/,
      /unknown applies-to table "incident"/,
      /unknown party table "cmn_location"/,
    ]) {
      expect(text).to.match(expected);
    }
    expect(problems).to.have.length(9);
  });

  it('maps every party table to its kind, and honours a remapped table and column', () => {
    const partyTables = {
      customer_contact: 'contact',
      csm_consumer: 'consumer',
      sys_user: 'user',
      customer_account: 'account',
      sn_customer_service_organization: 'service_organization',
      csm_household: 'household',
    };
    const types = Object.keys(partyTables).map((table, i) => ({
      sys_id: sid(100 + i),
      name: table,
      applies_to: 'sn_install_base_item',
      entity_type: table,
    }));
    const { definitions } = rowsToDefinitions({ ...fixtureRows(), relationshipTypes: rows(types) }, map);
    expect(Object.fromEntries(definitions.relationshipTypes.map((t) => [t.name, t.partyType]))).to.deep.equal(
      partyTables,
    );

    const custom = resolveTableMap({
      case: { table: 'x_acme_case' },
      accessConfig: { columns: { level: 'u_level' } },
    });
    const config = {
      sys_id: sid(1),
      responsibility: sid(2),
      u_level: 'full',
      accessible_table: 'x_acme_case',
    };
    const result = rowsToDefinitions({ ...fixtureRows(), accessConfigs: rows([config]) }, custom);
    expect(result.definitions.accessConfigs[0]).to.deep.include({
      level: 'full',
      table: 'case',
      active: true,
    });
  });
});
