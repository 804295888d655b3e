import { expect } from '@open-wc/testing';
import { getStore } from '../../mocks/db.js';
import { parseEncodedQuery, QueryParseError } from '../../mocks/store/encoded-query.js';
import { api, result, useMockTableApi } from './support.js';

const ACME = 'a0000000000000000000000000000001';
const LABS = 'a0000000000000000000000000000002';
const GLOBEX = 'a0000000000000000000000000000003';
const CASE = 'c0000000000000000000000000000001';

/** A small world replacing the seeded one for each test (the afterEach reset puts the seed back). */
function seedFixture(): void {
  const store = getStore();
  store.clear();
  store.insert('customer_account', { sys_id: ACME, name: 'Acme Corporation' });
  store.insert('customer_account', { sys_id: LABS, name: 'Acme Labs', parent: ACME });
  store.insert('customer_account', { sys_id: GLOBEX, name: 'Globex' });
  store.insert('customer_contact', { name: 'Ana Silva', email: 'ana@acme.example', account: ACME });
  store.insert('customer_contact', { name: 'Ben Okafor', email: '', account: ACME });
  store.insert('customer_contact', { name: 'Chen Wu', email: 'chen@globex.example', account: GLOBEX });
  store.insert('customer_contact', { name: 'Dana Acme', email: 'dana@labs.example', account: LABS });
  store.insert('sn_customerservice_case', { sys_id: CASE, number: 'CS1' });
  for (const order of ['100', '20', '3', '']) {
    store.insert('sn_customerservice_related_party', { case: CASE, order });
  }
  store.insert('sn_csm_account_access', { account: ACME, restrict_contact_access: 'true' });
  store.insert('sn_csm_account_access', { account: GLOBEX, restrict_contact_access: 'false' });
}

async function names(query: string, table = 'customer_contact', field = 'name'): Promise<string[]> {
  const answer = await api(
    `${table}?sysparm_exclude_reference_link=true&sysparm_fields=${field}&sysparm_query=${encodeURIComponent(query)}`,
  );
  expect(answer.status, `${query}: ${JSON.stringify(answer.body)}`).to.equal(200);
  return result<Record<string, string>[]>(answer).map((r) => r[field] as string);
}

describe('mock Table API: encoded queries', () => {
  useMockTableApi();
  beforeEach(seedFixture);

  const cases: readonly (readonly [string, string[]])[] = [
    ['', ['Ana Silva', 'Ben Okafor', 'Chen Wu', 'Dana Acme']],
    ['name=Ana Silva', ['Ana Silva']],
    ['name=ana silva', ['Ana Silva']],
    ['name!=Ana Silva', ['Ben Okafor', 'Chen Wu', 'Dana Acme']],
    ['email!=chen@globex.example', ['Ana Silva', 'Ben Okafor', 'Dana Acme']],
    ['nameINAna Silva,Chen Wu', ['Ana Silva', 'Chen Wu']],
    ['nameNOT INAna Silva,Chen Wu', ['Ben Okafor', 'Dana Acme']],
    ['nameSTARTSWITHb', ['Ben Okafor']],
    ['nameENDSWITHWU', ['Chen Wu']],
    ['nameLIKEacme', ['Dana Acme']],
    ['nameNOT LIKEa', ['Chen Wu']],
    ['emailISEMPTY', ['Ben Okafor']],
    ['emailISNOTEMPTY', ['Ana Silva', 'Chen Wu', 'Dana Acme']],
    [`account=${ACME}^emailISNOTEMPTY`, ['Ana Silva']],
    ['emailISEMPTY^ORname=Chen Wu', ['Ben Okafor', 'Chen Wu']],
    // AND binds looser than OR: account AND (A OR B).
    [`account=${GLOBEX}^nameSTARTSWITHA^ORnameSTARTSWITHC`, ['Chen Wu']],
    ['name=Ana Silva^NQname=Chen Wu', ['Ana Silva', 'Chen Wu']],
    ['name=Ana Silva^emailISEMPTY^NQname=Chen Wu', ['Chen Wu']],
    ['account.name=Acme Labs', ['Dana Acme']],
    ['account.nameSTARTSWITHAcme', ['Ana Silva', 'Ben Okafor', 'Dana Acme']],
    ['account.parent.name=Acme Corporation', ['Dana Acme']],
    ['account.parentISEMPTY', ['Ana Silva', 'Ben Okafor', 'Chen Wu']],
    // Unknown fields are ignored, like the platform's default.
    ['bogus=1', ['Ana Silva', 'Ben Okafor', 'Chen Wu', 'Dana Acme']],
    ['bogus=1^ORname=Ana Silva', ['Ana Silva']],
    ['account.bogus=x^name=Chen Wu', ['Chen Wu']],
    ['email.name=x', ['Ana Silva', 'Ben Okafor', 'Chen Wu', 'Dana Acme']],
    ['name=Ana Silva^EQ', ['Ana Silva']],
  ];
  for (const [query, expected] of cases) {
    it(`filters ${query || '(empty query)'}`, async () => {
      expect(await names(query)).to.deep.equal(expected);
    });
  }

  it('sorts with ORDERBY / ORDERBYDESC, on dot-walked fields, and integers as numbers', async () => {
    expect(await names('ORDERBYDESCname')).to.deep.equal(['Dana Acme', 'Chen Wu', 'Ben Okafor', 'Ana Silva']);
    expect(await names('ORDERBYaccount.name^ORDERBYDESCname')).to.deep.equal([
      'Ben Okafor',
      'Ana Silva',
      'Dana Acme',
      'Chen Wu',
    ]);
    const related = 'sn_customerservice_related_party';
    expect(await names('ORDERBYorder', related, 'order')).to.deep.equal(['', '3', '20', '100']);
    expect(await names('order>3^ORDERBYDESCorder', related, 'order')).to.deep.equal(['100', '20']);
    expect(await names('order<=20^ORDERBYorder', related, 'order')).to.deep.equal(['3', '20']);
  });

  it('reads 1/0 as true/false on boolean columns', async () => {
    const table = 'sn_csm_account_access';
    expect(await names('restrict_contact_access=1', table, 'account')).to.deep.equal([ACME]);
    expect(await names('restrict_contact_access=false', table, 'account')).to.deep.equal([GLOBEX]);
  });

  it('reports ignored fields in a debugging header', async () => {
    const answer = await api('customer_contact?sysparm_query=bogus%3D1%5Eaccount.nope%3D2');
    expect(answer.headers.get('X-Mock-Ignored-Fields')).to.equal('bogus,account.nope');
  });

  for (const query of ['nameFOOx', 'name', 'emailISEMPTYx', '=x', 'ORDERBYna-me']) {
    it(`answers 400 with an error body for "${query}"`, async () => {
      const answer = await api(`customer_contact?sysparm_query=${encodeURIComponent(query)}`);
      expect(answer.status).to.equal(400);
      expect(answer.body).to.have.property('status', 'failure');
      const error = (answer.body as { error: { message: string; detail: string } }).error;
      expect(error.message).to.equal('Invalid encoded query');
      expect(error.detail).to.be.a('string').with.length.above(0);
    });
  }
});

describe('encoded query parser', () => {
  it('groups ^OR with the condition before it and ^NQ into new queries', () => {
    const parsed = parseEncodedQuery('a=1^b=2^ORc!=3^NQdISEMPTY^ORDERBYe^ORDERBYDESCf');
    expect(parsed.groups).to.deep.equal([
      [
        [{ field: 'a', operator: '=', value: '1' }],
        [
          { field: 'b', operator: '=', value: '2' },
          { field: 'c', operator: '!=', value: '3' },
        ],
      ],
      [[{ field: 'd', operator: 'ISEMPTY', value: '' }]],
    ]);
    expect(parsed.orderBy).to.deep.equal([
      { field: 'e', descending: false },
      { field: 'f', descending: true },
    ]);
  });

  it('keeps everything after the operator as the value, spaces and = included', () => {
    expect(parseEncodedQuery('short_descriptionLIKEa = b').groups[0]).to.deep.equal([
      [{ field: 'short_description', operator: 'LIKE', value: 'a = b' }],
    ]);
    expect(parseEncodedQuery('typeNOT INx,y').groups[0]?.[0]?.[0]?.operator).to.equal('NOT IN');
  });

  it('throws QueryParseError on an unknown operator', () => {
    expect(() => parseEncodedQuery('a=1^bBETWEEN1@2')).to.throw(QueryParseError, /Unknown operator/);
  });
});
