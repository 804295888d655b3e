/**
 * Every party kind the engine knows reaches the services: households, and service organizations on
 * cases and sold products; and where a party column cannot be read, the answer says "incomplete".
 */
import { expect } from '@open-wc/testing';
import { useMockBackend } from '../support/msw.js';
import { getStore, resetStore } from '../../mocks/db.js';
import { faults } from '../../mocks/faults.js';
import { replaceWorld, storedRef } from '../../mocks/seed/index.js';
import { BUILTIN_DEFINITIONS } from '../../src/access/builtin-definitions.js';
import { TableApiClient } from '../../src/client/table-api-client.js';
import { DEFAULT_TABLE_MAP } from '../../src/client/table-map.js';
import type { Definitions } from '../../src/model/definitions.js';
import { EMPTY_FACTS, type Facts } from '../../src/model/facts.js';
import type { EntityRef, PrincipalRef } from '../../src/model/kinds.js';
import { AccessFactsLoader } from '../../src/service/access-facts-loader.js';
import { AccessService } from '../../src/service/access-service.js';
import { DefinitionsService } from '../../src/service/definitions-service.js';
import { evaluateBadge } from '../../components/effective-access-badge/badge-evaluation.js';

const map = DEFAULT_TABLE_MAP;
const ORG_ROLE = 'sn_install_base.install_base_authorized_service_organization';
const CONSUMER_ROLE = 'sn_customerservice.case_authorized_consumer';

const definitions: Definitions = {
  ...BUILTIN_DEFINITIONS,
  accessConfigs: [
    ...BUILTIN_DEFINITIONS.accessConfigs,
    {
      id: 'org_case',
      responsibility: 'authorized_service_organization',
      active: true,
      level: 'write',
      table: 'case',
      partyType: 'service_organization',
      rolesRequired: [ORG_ROLE],
    },
    {
      id: 'org_sold_product',
      responsibility: 'authorized_service_organization',
      active: true,
      level: 'read',
      table: 'sold_product',
      partyType: 'service_organization',
      rolesRequired: [ORG_ROLE],
    },
    {
      id: 'household_case',
      responsibility: 'authorized_representative',
      active: true,
      level: 'write',
      table: 'case',
      partyType: 'household',
      rolesRequired: [CONSUMER_ROLE],
    },
  ],
  relationshipTypes: [
    ...BUILTIN_DEFINITIONS.relationshipTypes,
    {
      id: 'case_org',
      name: 'Case Service Organization',
      appliesTo: 'case',
      partyType: 'service_organization',
      defaultResponsibility: 'authorized_service_organization',
    },
    {
      id: 'sp_org',
      name: 'Product Service Organization',
      appliesTo: 'sold_product',
      partyType: 'service_organization',
      defaultResponsibility: 'authorized_service_organization',
    },
    {
      id: 'case_household',
      name: 'Authorized Household',
      appliesTo: 'case',
      partyType: 'household',
      defaultResponsibility: 'authorized_representative',
    },
  ],
};

const facts: Facts = {
  ...EMPTY_FACTS,
  users: [{ id: 'uma', name: 'Uma', roles: [ORG_ROLE] }],
  consumers: [{ id: 'hana', name: 'Hana', household: 'h1', roles: [CONSUMER_ROLE] }],
  households: [{ id: 'h1', name: 'The Hansens' }],
  serviceOrganizations: [{ id: 'so1', name: 'North Field Service', members: [{ kind: 'user', id: 'uma' }] }],
  soldProducts: [{ id: 'sp1', name: 'Fleet contract' }],
  cases: [
    { id: 'c_org', number: 'CS1' },
    { id: 'c_home', number: 'CS2' },
  ],
  relatedParties: [
    {
      id: 'r1',
      entity: { kind: 'case', id: 'c_org' },
      party: { kind: 'service_organization', id: 'so1' },
      type: 'case_org',
      responsibility: 'authorized_service_organization',
    },
    {
      id: 'r2',
      entity: { kind: 'sold_product', id: 'sp1' },
      party: { kind: 'service_organization', id: 'so1' },
      type: 'sp_org',
      responsibility: 'authorized_service_organization',
    },
    {
      id: 'r3',
      entity: { kind: 'case', id: 'c_home' },
      party: { kind: 'household', id: 'h1' },
      type: 'case_household',
      responsibility: 'authorized_representative',
    },
  ],
};

const uma = storedRef<'user'>({ kind: 'user', id: 'uma' });
const hana = storedRef<'consumer'>({ kind: 'consumer', id: 'hana' });
const ref = (kind: EntityRef['kind'], id: string): EntityRef => storedRef({ kind, id });

function access() {
  const client = new TableApiClient({ timeoutMs: 5000, retry: { retries: 0 } });
  const service = new DefinitionsService({
    client,
    tableMap: map,
    instance: location.origin,
    user: `kinds-${Math.random()}`,
    storage: { persist: false },
  });
  return new AccessService(new AccessFactsLoader(client, map), service);
}

async function level(principal: PrincipalRef, entity: EntityRef) {
  const loaded = await access().forEntity(entity, { principal });
  return { level: loaded.engine.check(principal, entity).level, loaded };
}

describe('every party kind reaches the services', () => {
  useMockBackend();
  beforeEach(() => replaceWorld(getStore(), definitions, facts, map));
  afterEach(() => {
    faults.reset();
    resetStore();
  });

  it('a service organization on a case grants its members', async () => {
    expect((await level(uma, ref('case', 'c_org'))).level).to.equal('write');
  });

  it('a service organization on a sold product grants its members', async () => {
    expect((await level(uma, ref('sold_product', 'sp1'))).level).to.equal('read');
  });

  it('a household on a case grants its consumers, named by the household', async () => {
    const { level: answer, loaded } = await level(hana, ref('case', 'c_home'));
    expect(answer).to.equal('write');
    expect(loaded.facts.households.map((h) => h.name)).to.deep.equal(['The Hansens']);
    expect(loaded.incomplete).to.deep.equal([]);
  });

  it('says "incomplete", not a silent "none", when the household column cannot be read', async () => {
    faults.set({ omitFields: { [map.caseParty.table]: [map.caseParty.columns.household] } });
    const entity = ref('case', 'c_home');
    const { level: answer, loaded } = await level(hana, entity);
    expect(answer).to.equal('none');
    expect(loaded.incomplete).to.deep.include({
      table: map.caseParty.table,
      column: map.caseParty.columns.household,
      reason: `column ${map.caseParty.columns.household} could not be read; related parties named there are not counted`,
    });
    const badge = evaluateBadge(loaded, { kind: 'principal', principal: hana });
    expect(badge.incomplete.join('\n')).to.include(map.caseParty.table);
  });

  it('does not cry "incomplete" when the records it read name readable parties', async () => {
    faults.set({ omitFields: { [map.caseParty.table]: [map.caseParty.columns.household] } });
    const { level: answer, loaded } = await level(uma, ref('case', 'c_org'));
    expect(answer).to.equal('write');
    expect(loaded.incomplete).to.deep.equal([]);
  });
});
