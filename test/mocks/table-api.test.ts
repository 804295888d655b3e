import { expect } from '@open-wc/testing';
import { STORY } from '../../mocks/seed/index.js';
import { faults } from '../../mocks/faults.js';
import { api, result, TABLE_API, useMockTableApi, type ApiAnswer } from './support.js';

type Wire = Record<string, unknown>;
type ErrorBody = { error: { message: string; detail: string }; status: string };

const GLIDE_DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

function links(answer: ApiAnswer): Record<string, URL> {
  const out: Record<string, URL> = {};
  for (const [, url, rel] of (answer.headers.get('Link') ?? '').matchAll(/<([^>]+)>;rel="(\w+)"/g)) {
    out[rel as string] = new URL(url as string);
  }
  return out;
}

function errorOf(answer: ApiAnswer): ErrorBody['error'] {
  expect(answer.body).to.have.property('status', 'failure');
  return (answer.body as ErrorBody).error;
}

async function sysIdOf(table: string, query: string): Promise<string> {
  const answer = await api(`${table}?sysparm_fields=sys_id&sysparm_query=${encodeURIComponent(query)}`);
  const rows = result<{ sys_id: string }[]>(answer);
  expect(rows, `${table} ${query}`).to.have.length(1);
  return (rows[0] as { sys_id: string }).sys_id;
}

describe('mock Table API: pagination', () => {
  useMockTableApi();

  it('pages with sysparm_limit/offset, X-Total-Count and first/prev/next/last links keeping the query', async () => {
    const answer = await api(
      'customer_account?sysparm_query=ORDERBYname&sysparm_fields=name&sysparm_limit=6&sysparm_offset=6',
    );
    expect(answer.status).to.equal(200);
    expect(result<Wire[]>(answer)).to.have.length(6);
    // 20 generated accounts and the persona story's 3.
    expect(answer.headers.get('X-Total-Count')).to.equal('23');
    const rel = links(answer);
    expect(Object.keys(rel)).to.deep.equal(['first', 'prev', 'next', 'last']);
    expect(rel.first?.origin).to.equal(location.origin);
    expect(rel.next?.searchParams.get('sysparm_query')).to.equal('ORDERBYname');
    expect(rel.next?.searchParams.get('sysparm_fields')).to.equal('name');
    expect(
      ['first', 'prev', 'next', 'last'].map((r) => rel[r]?.searchParams.get('sysparm_offset')),
    ).to.deep.equal(['0', '0', '12', '18']);
  });

  it('following next visits every record once, and the last page has no next', async () => {
    const all = result<{ name: string }[]>(
      await api('customer_account?sysparm_query=ORDERBYname&sysparm_fields=name'),
    );
    const seen: string[] = [];
    let url: string | undefined =
      `${location.origin}${TABLE_API}/customer_account?sysparm_query=ORDERBYname&sysparm_fields=name&sysparm_limit=7`;
    let pages = 0;
    while (url) {
      const page = await api(url);
      seen.push(...result<{ name: string }[]>(page).map((r) => r.name));
      url = links(page).next?.href;
      pages++;
    }
    expect(pages).to.equal(4);
    expect(seen).to.deep.equal(all.map((r) => r.name));
  });

  it('returns up to 10000 records by default, without a next link', async () => {
    const answer = await api('sn_customerservice_case?sysparm_fields=number');
    expect(result<Wire[]>(answer)).to.have.length(305);
    expect(links(answer)).to.not.have.property('next');
  });

  it('answers 400 to a non-numeric limit', async () => {
    const answer = await api('customer_account?sysparm_limit=ten');
    expect(answer.status).to.equal(400);
    expect(errorOf(answer).detail).to.match(/sysparm_limit/);
  });

  it('serves any instance origin, with links on that origin', async () => {
    const answer = await api(
      'https://acme.service-now.com/api/now/table/customer_contact?sysparm_limit=1&sysparm_fields=account',
    );
    expect(answer.status).to.equal(200);
    expect(links(answer).next?.origin).to.equal('https://acme.service-now.com');
    const account = result<{ account: { link: string } }[]>(answer)[0]?.account;
    expect(account?.link).to.match(
      /^https:\/\/acme\.service-now\.com\/api\/now\/table\/customer_account\/[0-9a-f]{32}$/,
    );
  });
});

describe('mock Table API: display values', () => {
  useMockTableApi();
  const loan = STORY.housingLoan;
  const consumerLink = `${location.origin}${TABLE_API}/csm_consumer/${loan.applicant.id}`;
  const read = async (params: string): Promise<Wire> =>
    result<Wire>(
      await api(`sn_customerservice_case/${loan.caseId}?sysparm_fields=number,consumer,account&${params}`),
    );

  it('false (default): values, references as {link, value}, empty references as ""', async () => {
    expect(await read('')).to.deep.equal({
      number: loan.caseNumber,
      consumer: { link: consumerLink, value: loan.applicant.id },
      account: '',
    });
    expect(await read('sysparm_exclude_reference_link=true')).to.deep.equal({
      number: loan.caseNumber,
      consumer: loan.applicant.id,
      account: '',
    });
  });

  it('true: display values, references as {display_value, link}', async () => {
    expect(await read('sysparm_display_value=true')).to.deep.equal({
      number: loan.caseNumber,
      consumer: { display_value: loan.applicant.name, link: consumerLink },
      account: '',
    });
    expect(await read('sysparm_display_value=true&sysparm_exclude_reference_link=true')).to.deep.equal({
      number: loan.caseNumber,
      consumer: loan.applicant.name,
      account: '',
    });
  });

  it('all: {display_value, value} everywhere, with link on references', async () => {
    expect(await read('sysparm_display_value=all')).to.deep.equal({
      number: { display_value: loan.caseNumber, value: loan.caseNumber },
      consumer: { display_value: loan.applicant.name, value: loan.applicant.id, link: consumerLink },
      account: { display_value: '', value: '' },
    });
    const excluded = await read('sysparm_display_value=all&sysparm_exclude_reference_link=true');
    expect(excluded.consumer).to.deep.equal({ display_value: loan.applicant.name, value: loan.applicant.id });
  });

  it('dot-walks in sysparm_fields and omits unknown fields', async () => {
    const row = result<Wire>(
      await api(
        `sn_customerservice_case/${loan.caseId}?sysparm_fields=consumer.name,consumer.household,nope`,
      ),
    );
    expect(row).to.deep.equal({
      'consumer.name': loan.applicant.name,
      'consumer.household': {
        link: `${location.origin}${TABLE_API}/csm_household/${loan.household.id}`,
        value: loan.household.id,
      },
    });
  });

  it('dot-walks three levels, in lists too, with only the fields asked for', async () => {
    const rows = result<Wire[]>(
      await api(
        `sn_customerservice_related_party?sysparm_exclude_reference_link=true&sysparm_display_value=all` +
          `&sysparm_fields=contact,contact.sys_id,contact.account.name,contact.account.parent` +
          `&sysparm_query=${encodeURIComponent(`contact=${loan.attorney.id}^case=${loan.caseId}`)}`,
      ),
    );
    expect(rows).to.deep.equal([
      {
        contact: { display_value: loan.attorney.name, value: loan.attorney.id },
        'contact.sys_id': { display_value: loan.attorney.id, value: loan.attorney.id },
        'contact.account.name': { display_value: loan.lawFirm.name, value: loan.lawFirm.name },
        // The law firm has no parent: an empty reference at the end.
        'contact.account.parent': { display_value: '', value: '' },
      },
    ]);
  });

  it('an empty or dangling reference on the way gives empty values, not an error', async () => {
    // The housing loan's case has no contact; its co-borrower party has no contact either.
    const row = result<Wire>(
      await api(
        `sn_customerservice_case/${loan.caseId}?sysparm_exclude_reference_link=true` +
          `&sysparm_fields=contact.sys_id,contact.account.name,contact.account`,
      ),
    );
    expect(row).to.deep.equal({ 'contact.sys_id': '', 'contact.account.name': '', 'contact.account': '' });
  });

  it('omits dot-walked fields the user may not read: a column on the way, or a table walked into', async () => {
    const path = `sn_customerservice_related_party?sysparm_exclude_reference_link=true&sysparm_query=${encodeURIComponent(`contact=${loan.attorney.id}`)}`;
    const fields = '&sysparm_fields=contact,contact.name,contact.account.name,contact.account.parent';
    faults.set({ omitFields: { customer_account: ['parent'] } });
    expect(Object.keys(result<Wire[]>(await api(path + fields))[0] ?? {})).to.deep.equal([
      'contact',
      'contact.name',
      'contact.account.name',
    ]);
    faults.set({ omitFields: { customer_contact: ['account'] } });
    expect(Object.keys(result<Wire[]>(await api(path + fields))[0] ?? {})).to.deep.equal([
      'contact',
      'contact.name',
    ]);
    faults.set({ omitFields: {}, forbiddenTables: ['customer_contact'] });
    expect(Object.keys(result<Wire[]>(await api(path + fields))[0] ?? {})).to.deep.equal(['contact']);
  });

  it('resolves a roles-held user in the table that holds it (a contact here)', async () => {
    const attorney = loan.attorney.id;
    const rows = result<{ user: { display_value: string; link: string } }[]>(
      await api(
        `sys_user_has_role?sysparm_display_value=true&sysparm_fields=user&sysparm_query=user%3D${attorney}`,
      ),
    );
    expect(rows.length).to.be.greaterThan(0);
    expect(rows[0]?.user).to.deep.equal({
      display_value: loan.attorney.name,
      link: `${location.origin}${TABLE_API}/customer_contact/${attorney}`,
    });
  });
});

describe('mock Table API: writes', () => {
  useMockTableApi();

  it('creates (201, Location, system fields), reads, patches and puts (sys_mod_count), deletes (204)', async () => {
    const parent = STORY.trackedProduct.account.id;
    const created = await api('customer_account', {
      method: 'POST',
      json: { name: 'Initrode', parent, bogus: 'x', sys_mod_count: '7' },
    });
    expect(created.status).to.equal(201);
    const record = result<Record<string, unknown>>(created);
    const id = record.sys_id as string;
    expect(id).to.match(/^[0-9a-f]{32}$/);
    expect(created.headers.get('Location')).to.equal(`${location.origin}${TABLE_API}/customer_account/${id}`);
    expect(record).to.include({ name: 'Initrode', sys_mod_count: '0', sys_created_by: 'admin' });
    expect(record).to.not.have.property('bogus');
    expect(record.sys_created_on).to.match(GLIDE_DATE);
    expect(record.parent).to.deep.equal({
      link: `${location.origin}${TABLE_API}/customer_account/${parent}`,
      value: parent,
    });

    const read = await api(`customer_account/${id}`);
    expect(result<Wire>(read)).to.deep.equal(record);

    const patched = result<Wire>(
      await api(`customer_account/${id}`, { method: 'PATCH', json: { name: 'Initrode Global' } }),
    );
    expect(patched).to.include({ name: 'Initrode Global', sys_mod_count: '1' });
    expect((patched.sys_updated_on as string) >= (record.sys_created_on as string)).to.equal(true);
    const put = result<Wire>(await api(`customer_account/${id}`, { method: 'PUT', json: { parent: '' } }));
    expect(put).to.include({ name: 'Initrode Global', parent: '', sys_mod_count: '2' });

    const deleted = await api(`customer_account/${id}`, { method: 'DELETE' });
    expect(deleted.status).to.equal(204);
    expect(deleted.body).to.equal(undefined);
    const gone = await api(`customer_account/${id}`);
    expect(gone.status).to.equal(404);
    expect(errorOf(gone)).to.deep.equal({
      message: 'No Record found',
      detail: "Record doesn't exist or ACL restricts the record retrieval",
    });
  });

  it('coerces numbers, booleans and null to strings and resolves a reference given by display value', async () => {
    const access = result<Wire>(
      await api('sn_csm_account_access?sysparm_exclude_reference_link=true', {
        method: 'POST',
        json: { account: STORY.nearMiss.account.name, restrict_contact_access: true },
      }),
    );
    expect(access).to.include({ account: STORY.nearMiss.account.id, restrict_contact_access: 'true' });
    const party = result<Wire>(
      await api('sn_customerservice_related_party', {
        method: 'POST',
        json: {
          case: STORY.nearMiss.caseId,
          type: await sysIdOf(
            'sn_customerservice_related_party_configuration',
            'name=Listed Contact^applies_to=sn_customerservice_case',
          ),
          contact: STORY.nearMiss.caseContact.id,
          order: 300,
          responsibility: null,
        },
      }),
    );
    expect(party).to.include({ order: '300', responsibility: '' });
  });

  it('answers 404 for an unknown table or record, on every verb', async () => {
    const table = await api('no_such_table');
    expect(table.status).to.equal(404);
    expect(errorOf(table).message).to.equal('Invalid table no_such_table');
    expect((await api('no_such_table', { method: 'POST', json: {} })).status).to.equal(404);
    const missing = 'f'.repeat(32);
    expect((await api(`customer_account/${missing}`)).status).to.equal(404);
    expect(
      (await api(`customer_account/${missing}`, { method: 'PATCH', json: { name: 'x' } })).status,
    ).to.equal(404);
    expect((await api(`customer_account/${missing}`, { method: 'DELETE' })).status).to.equal(404);
  });

  for (const [label, body] of [
    ['invalid JSON', '{"name": '],
    ['an array', '[{"name": "x"}]'],
    ['a nested object', '{"name": {"value": "x"}}'],
  ] as const) {
    it(`answers 400 to a body that is ${label}`, async () => {
      const answer = await api('customer_account', {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/json' },
      });
      expect(answer.status).to.equal(400);
      expect(errorOf(answer).message).to.equal('Exception while reading request');
    });
  }

  it('answers 400 to a malformed or duplicate sys_id', async () => {
    expect(
      (await api('customer_account', { method: 'POST', json: { sys_id: 'XYZ', name: 'x' } })).status,
    ).to.equal(400);
    const duplicate = await api('customer_account', {
      method: 'POST',
      json: { sys_id: STORY.nearMiss.account.id },
    });
    expect(duplicate.status).to.equal(400);
    expect(errorOf(duplicate).detail).to.match(/Duplicate sys_id/);
  });
});

describe('mock Table API: related-party business rules', () => {
  useMockTableApi();
  const loan = STORY.housingLoan;
  const PARTIES = 'sn_customerservice_related_party';
  const create = (json: Record<string, string>): Promise<ApiAnswer> => api(PARTIES, { method: 'POST', json });
  const typeId = (name: string): Promise<string> =>
    sysIdOf(
      'sn_customerservice_related_party_configuration',
      `name=${name}^applies_to=sn_customerservice_case`,
    );

  it('accepts a valid party record', async () => {
    const answer = await create({
      case: loan.caseId,
      type: await typeId('Listed Consumer'),
      consumer: loan.applicant.id,
    });
    expect(answer.status).to.equal(201);
  });

  it('refuses a missing or unknown case, type, responsibility or party with a business-rule error', async () => {
    const type = await typeId('Co-borrower');
    const unknown = '0'.repeat(32);
    const refusals: [Record<string, string>, RegExp][] = [
      [{ case: unknown, type, consumer: loan.coBorrower.id }, /case/],
      [{ case: loan.caseId, consumer: loan.guarantor.id }, /Relationship type/],
      [{ case: loan.caseId, type: unknown, consumer: loan.guarantor.id }, /Relationship type/],
      [{ case: loan.caseId, type, responsibility: unknown, consumer: loan.applicant.id }, /Responsibility/],
      [{ case: loan.caseId, type }, /needs one of/],
      [{ case: loan.caseId, type, consumer: unknown }, /consumer/],
    ];
    for (const [json, message] of refusals) {
      const answer = await create(json);
      expect(answer.status, JSON.stringify(json)).to.equal(400);
      expect(errorOf(answer).message).to.match(message);
      expect(errorOf(answer).detail).to.match(/aborted by Business Rule/);
    }
  });

  it('refuses the same party twice with the same relationship type, not with another type', async () => {
    const duplicate = await create({
      case: loan.caseId,
      type: loan.relationshipTypes.coBorrower.id,
      consumer: loan.coBorrower.id,
    });
    expect(duplicate.status).to.equal(400);
    expect(errorOf(duplicate).message).to.match(/already related/);
    const other = await create({
      case: loan.caseId,
      type: loan.relationshipTypes.guarantor.id,
      consumer: loan.coBorrower.id,
    });
    expect(other.status).to.equal(201);
  });

  it('gives a unique responsibility to one party per record, and lets that record be updated', async () => {
    const responsibility = result<{ sys_id: string }>(
      await api('sn_customerservice_responsibility_def', {
        method: 'POST',
        json: { name: 'Primary Borrower', type: 'consumer', unique: 'true' },
      }),
    ).sys_id;
    const type = loan.relationshipTypes.coBorrower.id;
    const first = await create({ case: loan.caseId, type, responsibility, consumer: loan.applicant.id });
    expect(first.status).to.equal(201);
    const second = await create({ case: loan.caseId, type, responsibility, consumer: loan.guarantor.id });
    expect(second.status).to.equal(400);
    expect(errorOf(second).message).to.equal(
      'The responsibility "Primary Borrower" is unique and is already assigned to another party on this record',
    );
    const id = result<{ sys_id: string }>(first).sys_id;
    const update = await api(`${PARTIES}/${id}`, { method: 'PATCH', json: { order: '50' } });
    expect(update.status).to.equal(200);
    const elsewhere = await create({
      case: STORY.nearMiss.caseId,
      type,
      responsibility,
      consumer: loan.guarantor.id,
    });
    expect(elsewhere.status).to.equal(201);
  });
});
