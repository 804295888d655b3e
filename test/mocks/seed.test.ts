import { expect } from '@open-wc/testing';
import { BUILTIN_DEFINITIONS } from '../../src/access/builtin-definitions.js';
import { DEFAULT_TABLE_MAP, resolveTableMap } from '../../src/client/table-map.js';
import type { Definitions } from '../../src/model/definitions.js';
import { getStore } from '../../mocks/db.js';
import {
  createSeededStore,
  definitionsToRows,
  definitionSysId,
  roleSysId,
  SEED_DEFINITIONS,
  seedLargeCase,
  STORY,
} from '../../mocks/seed/index.js';
import { danglingReferences } from '../../mocks/store/integrity.js';
import { api, result, useMockTableApi } from './support.js';

type Row = Record<string, string>;

const FIXTURE: Definitions = {
  roles: [
    { name: 'x.functional', title: 'F', description: 'd', plugin: 'p', kind: 'functional', contains: ['x.granular', 'x.outside'] },
    { name: 'x.granular', title: 'G', description: '', plugin: 'p', kind: 'granular', contains: [] },
  ],
  responsibilities: [{ id: 'rep', name: 'Rep', partyType: 'none', unique: true, description: 'r' }],
  accessConfigs: [
    { id: 'ac', responsibility: 'rep', active: true, level: 'full', table: 'case', through: 'sold_product', partyType: 'contact', rolesRequired: ['x.functional', 'x.granular'] },
  ],
  relationshipTypes: [
    { id: 'rt', name: 'Co-owner', appliesTo: 'install_base', partyType: 'service_organization', defaultResponsibility: 'rep', defaultOrder: 5 },
    { id: 'listed', name: 'Listed', appliesTo: 'case', partyType: 'household' },
  ],
}; // prettier-ignore

describe('definitionsToRows', () => {
  it('writes roles (hashed sys_ids), containment (adding roles outside the catalogue), and the other tables', () => {
    const rows = definitionsToRows(FIXTURE, DEFAULT_TABLE_MAP);
    const functional = roleSysId({ name: 'x.functional' });
    expect(functional).to.match(/^[0-9a-f]{32}$/);
    expect(rows.sys_user_role?.map((r) => [r.sys_id, r.name, r.suffix])).to.deep.equal([
      [functional, 'x.functional', 'functional'],
      [roleSysId({ name: 'x.granular' }), 'x.granular', 'granular'],
      [roleSysId({ name: 'x.outside' }), 'x.outside', 'outside'],
    ]);
    expect(rows.sys_user_role?.[0]).to.include({ title: 'F', description: 'd', sys_package: 'p' });
    expect(rows.sys_user_role_contains?.map((r) => [r.role, r.contains])).to.deep.equal([
      [functional, roleSysId({ name: 'x.granular' })],
      [functional, roleSysId({ name: 'x.outside' })],
    ]);
    const rep = definitionSysId('responsibility', 'rep');
    expect(rows.sn_customerservice_responsibility_def).to.deep.equal([
      { sys_id: rep, name: 'Rep', type: 'none', unique: 'true', description: 'r' },
    ]);
    expect(rows.sn_customerservice_responsibility_access_config).to.deep.equal([
      {
        sys_id: definitionSysId('accessConfig', 'ac'),
        responsibility: rep,
        active: 'true',
        access_level: 'full',
        accessible_table: 'sn_customerservice_case',
        through_table: 'sn_install_base_sold_product',
        roles_required: 'x.functional,x.granular',
        party_type: 'customer_contact',
      },
    ]);
    expect(
      rows.sn_customerservice_related_party_configuration?.map((r) => [
        r.applies_to,
        r.entity_type,
        r.default_responsibility,
        r.default_order,
      ]),
    ).to.deep.equal([
      ['sn_install_base_item', 'sn_customer_service_organization', rep, '5'],
      ['sn_customerservice_case', 'csm_household', '', ''],
    ]);
  });

  it('follows a remapped table map and keeps sys_ids that already are sys_ids', () => {
    const map = resolveTableMap({ responsibility: { table: 'u_resp', columns: { type: 'u_party_type' } } });
    const id = 'abcdef0123456789abcdef0123456789';
    const responsibilities = FIXTURE.responsibilities.map((r) => ({ ...r, id }));
    const rows = definitionsToRows({ ...FIXTURE, responsibilities }, map);
    expect(rows.u_resp?.[0]).to.include({ sys_id: id, u_party_type: 'none' });
  });
});

describe('seeded world', () => {
  useMockTableApi();

  it('is deterministic: two seeds are equal, another seed differs', () => {
    const a = JSON.stringify(createSeededStore().snapshot());
    expect(JSON.stringify(createSeededStore().snapshot())).to.equal(a);
    expect(JSON.stringify(createSeededStore({ seed: 2 }).snapshot())).to.not.equal(a);
  });

  it('has the expected size: ~20 accounts, hundreds of contacts, consumers and cases, all the definitions', () => {
    const store = getStore();
    const count = (table: string): number => store.all(table).length;
    // 20 generated accounts and the persona story's 3; 300 cases and its 3.
    expect(count('customer_account')).to.equal(23);
    expect(count('customer_contact')).to.be.within(300, 320);
    expect(count('csm_consumer')).to.be.within(150, 170);
    // Generated, story and persona cases, plus the access review story's two.
    expect(count('sn_customerservice_case')).to.equal(305);
    expect(count('sn_install_base_item')).to.be.greaterThan(40);
    expect(count('sn_customerservice_related_party')).to.be.greaterThan(100);
    expect(count('sn_install_base_sold_product_related_party')).to.be.greaterThan(10);
    expect(count('sn_install_base_related_party')).to.be.greaterThan(10);
    expect(count('sys_user_role')).to.equal(SEED_DEFINITIONS.roles.length);
    expect(count('sn_customerservice_related_party_configuration')).to.equal(
      BUILTIN_DEFINITIONS.relationshipTypes.length + 5,
    );
    const numbers = store.all('sn_customerservice_case').map((c) => c.number);
    expect(numbers[0]).to.equal('CS0001001');
    expect(new Set(numbers).size).to.equal(305);
  });

  it('has no dangling reference, and the check finds one when there is', () => {
    const store = getStore();
    expect(danglingReferences(store)).to.deep.equal([]);
    const bad = store.insert('customer_contact', { name: 'Ghost', account: 'f'.repeat(32) });
    expect(danglingReferences(store)).to.deep.equal([
      { table: 'customer_contact', sysId: bad.sys_id, column: 'account', value: 'f'.repeat(32) },
    ]);
  });

  it('keeps install base trees rooted and gives install base parties to root items only', () => {
    const store = getStore();
    const items = new Map(store.all('sn_install_base_item').map((i) => [i.sys_id, i]));
    const children = [...items.values()].filter((i) => i.parent !== '');
    expect(children.length).to.be.greaterThan(5);
    for (const child of children) expect(items.get(child.parent as string)?.parent).to.equal('');
    for (const party of store.all('sn_install_base_related_party')) {
      expect(items.get(party.install_base_item as string)?.parent).to.equal('');
    }
  });

  it('gives most contacts the functional case role, and every party a type applying to its table', async () => {
    const store = getStore();
    const role = result<Row[]>(
      await api('sys_user_role?sysparm_query=name%3Dsn_customerservice.case_authorized_contact'),
    )[0];
    const holders = new Set(
      store
        .all('sys_user_has_role')
        .filter((r) => r.role === role?.sys_id)
        .map((r) => r.user),
    );
    const contacts = store.all('customer_contact');
    const share = contacts.filter((c) => holders.has(c.sys_id)).length / contacts.length;
    expect(share).to.be.within(0.75, 0.95);
    const types = new Map(
      store.all('sn_customerservice_related_party_configuration').map((t) => [t.sys_id, t]),
    );
    for (const party of store.all('sn_customerservice_related_party')) {
      const type = types.get(party.type as string);
      expect(type?.applies_to).to.equal('sn_customerservice_case');
      const column = {
        customer_contact: 'contact',
        csm_consumer: 'consumer',
        sys_user: 'user',
        customer_account: 'account',
      }[type?.entity_type as string];
      expect(party[column as string], `${type?.name} names its party in ${column}`).to.not.equal('');
      expect(party.responsibility).to.equal(type?.default_responsibility);
    }
  });
});

describe('seeded stories', () => {
  useMockTableApi();
  const parties = async (table: string, query: string): Promise<Row[]> =>
    result<Row[]>(
      await api(
        `${table}?sysparm_display_value=true&sysparm_exclude_reference_link=true&sysparm_query=${encodeURIComponent(query)}`,
      ),
    );
  const rolesOf = async (principal: string): Promise<string[]> =>
    (await parties('sys_user_has_role', `user=${principal}`)).map((r) => r.role as string).sort();

  it('(a) the housing loan case has its co-borrower, guarantor and attorney as Authorized Representatives', async () => {
    const loan = STORY.housingLoan;
    const [loanCase] = await parties('sn_customerservice_case', `sys_id=${loan.caseId}`);
    expect(loanCase).to.include({ number: loan.caseNumber, consumer: loan.applicant.name });
    const rows = await parties('sn_customerservice_related_party', `case=${loan.caseId}^ORDERBYorder`);
    expect(rows.map((r) => [r.sys_id, r.type, r.consumer || r.contact, r.responsibility])).to.deep.equal([
      [loan.parties.coBorrower, 'Co-borrower', loan.coBorrower.name, 'Authorized Representative'],
      [loan.parties.guarantor, 'Guarantor', loan.guarantor.name, 'Authorized Representative'],
      [loan.parties.attorney, 'Attorney', loan.attorney.name, 'Authorized Representative'],
    ]);
    expect(await rolesOf(loan.attorney.id)).to.include('sn_customerservice.case_authorized_contact');
    expect(await rolesOf(loan.guarantor.id)).to.include('sn_customerservice.case_authorized_consumer');
    const [attorney] = await parties('customer_contact', `sys_id=${loan.attorney.id}`);
    expect(attorney?.account).to.equal(loan.lawFirm.name);
  });

  it('(b) the sold product is tracked by finance (renewals) and operations (maintenance)', async () => {
    const s = STORY.trackedProduct;
    const rows = await parties(
      'sn_install_base_sold_product_related_party',
      `sold_product=${s.soldProductId}^ORDERBYorder`,
    );
    expect(rows.map((r) => [r.type, r.contact, r.responsibility])).to.deep.equal([
      ['Renewals Contact', s.finance.name, 'Authorized Representative'],
      ['Maintenance Contact', s.operations.name, 'Authorized Representative'],
    ]);
    const [access] = await parties('sn_csm_account_access', `account=${s.account.id}`);
    expect(access?.restrict_contact_access).to.equal('true');
    const items = await parties(
      'sn_install_base_item',
      `sold_product=${s.soldProductId}^ORDERBYsys_created_on`,
    );
    expect(items.map((i) => i.sys_id)).to.deep.equal([s.installBase.rootId, ...s.installBase.childIds]);
    const [org] = await parties('sn_install_base_related_party', `install_base_item=${s.installBase.rootId}`);
    expect(org).to.include({
      service_organization: s.serviceOrganization.name,
      type: 'Authorized Service Organization',
    });
    const cases = await parties('sn_customerservice_case', `sold_product=${s.soldProductId}^ORDERBYnumber`);
    expect(cases.map((c) => c.number)).to.deep.equal(s.cases.map((c) => c.number));
  });

  it('(c) the near-miss contact has the responsibility but not the role', async () => {
    const s = STORY.nearMiss;
    const [party] = await parties('sn_customerservice_related_party', `contact=${s.contact.id}`);
    expect(party).to.include({
      sys_id: s.partyId,
      case: s.caseNumber,
      type: 'Authorized Contact',
      responsibility: 'Authorized Representative',
    });
    expect(await rolesOf(s.contact.id)).to.deep.equal(['sn_customerservice.customer']);
    expect(await rolesOf(s.caseContact.id)).to.include(s.missingRole);
  });

  it('the case viewer holds case_viewer; the agent does not', async () => {
    expect(await rolesOf(STORY.agents.caseViewer.id)).to.include('sn_customerservice.case_viewer');
    expect(await rolesOf(STORY.agents.agent.id)).to.deep.equal(['sn_customerservice_agent']);
  });
});

describe('seedLargeCase', () => {
  useMockTableApi();

  it('adds a case with 10,000 parties over 2,000 principals, paged by the API', async () => {
    const large = seedLargeCase(getStore(), { parties: 10_000, principals: 2_000 });
    expect(large).to.deep.equal({
      caseId: STORY.largeCase.caseId,
      caseNumber: STORY.largeCase.caseNumber,
      parties: 10_000,
    });
    const page = await api(
      `sn_customerservice_related_party?sysparm_limit=500&sysparm_query=case%3D${large.caseId}`,
    );
    expect(page.headers.get('X-Total-Count')).to.equal('10000');
    expect(result<unknown[]>(page)).to.have.length(500);
    const rows = getStore()
      .all('sn_customerservice_related_party')
      .filter((r) => r.case === large.caseId);
    expect(new Set(rows.map((r) => r.contact || r.consumer)).size).to.equal(2_000);
    expect(danglingReferences(getStore())).to.deep.equal([]);
  });

  it('works on an empty store too (adds the definition rows it needs)', () => {
    const store = getStore();
    store.clear();
    expect(seedLargeCase(store, { parties: 30, principals: 10 }).parties).to.equal(30);
    expect(danglingReferences(store)).to.deep.equal([]);
  });
});
