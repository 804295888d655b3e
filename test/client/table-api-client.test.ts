import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { useMockBackend } from '../support/msw.js';
import { q } from '../../src/client/encoded-query.js';
import { QueryFieldError, QueryValueError } from '../../src/client/errors.js';
import { TableApiClient } from '../../src/client/table-api-client.js';
import { requestLog, sysId, thrown } from './support.js';

const TABLE = '/api/now/table/customer_contact';

describe('TableApiClient reads and writes', () => {
  const worker = useMockBackend();

  it('list sends the sysparm parameters and returns rows, total and next offset', async () => {
    const log = requestLog();
    worker.use(
      http.get(TABLE, async ({ request }) => {
        await log.record(request);
        return HttpResponse.json(
          { result: [{ sys_id: sysId(1), name: 'Ana' }] },
          {
            headers: {
              'X-Total-Count': '41',
              Link: `<https://x.example/api/now/table/customer_contact?sysparm_offset=20&sysparm_limit=10>;rel="next",<https://x.example/api/now/table/customer_contact?sysparm_offset=40&sysparm_limit=10>;rel="last"`,
            },
          },
        );
      }),
    );
    const client = new TableApiClient();
    const query = q.eq('account', sysId(9)).or().like('name', 'Ana').orderBy('name');
    const page = await client.list('customer_contact', {
      query,
      fields: ['sys_id', 'name', 'account.name'],
      limit: 10,
      offset: 10,
      displayValue: 'all',
    });
    expect(page.rows).to.deep.equal([{ sys_id: { value: sysId(1) }, name: { value: 'Ana' } }]);
    expect(page.total).to.equal(41);
    expect(page.nextOffset).to.equal(20);
    const params = log.seen[0]!.url.searchParams;
    expect(params.get('sysparm_query')).to.equal(`account=${sysId(9)}^ORnameLIKEAna^ORDERBYname`);
    expect(params.get('sysparm_fields')).to.equal('sys_id,name,account.name');
    expect(params.get('sysparm_limit')).to.equal('10');
    expect(params.get('sysparm_offset')).to.equal('10');
    expect(params.get('sysparm_display_value')).to.equal('all');
    expect(params.get('sysparm_exclude_reference_link')).to.equal('true');
    expect(log.seen[0]!.headers.get('accept')).to.equal('application/json');
  });

  it('list leaves out reference links only when asked, and uses defaultPageSize as the limit', async () => {
    const log = requestLog();
    worker.use(
      http.get(TABLE, async ({ request }) => {
        await log.record(request);
        return HttpResponse.json({ result: [] });
      }),
    );
    const page = await new TableApiClient({ defaultPageSize: 25 }).list('customer_contact', {
      referenceLinks: true,
    });
    expect(page).to.deep.equal({ rows: [], total: undefined, nextOffset: undefined });
    const params = log.seen[0]!.url.searchParams;
    expect(params.has('sysparm_exclude_reference_link')).to.equal(false);
    expect(params.get('sysparm_limit')).to.equal('25');
    expect(params.has('sysparm_query')).to.equal(false);
  });

  it('iterate reads 2,500 records in pages of 1,000 with 3 requests, all in order', async () => {
    const all = Array.from({ length: 2500 }, (_, i) => ({ sys_id: sysId(i), name: `Contact ${i}` }));
    const log = requestLog();
    worker.use(
      http.get(TABLE, async ({ request }) => {
        const { url } = await log.record(request);
        const offset = Number(url.searchParams.get('sysparm_offset') ?? 0);
        const limit = Number(url.searchParams.get('sysparm_limit'));
        const links = [`<${TABLE}?sysparm_offset=0&sysparm_limit=${limit}>;rel="first"`];
        if (offset + limit < all.length) {
          links.push(`<${TABLE}?sysparm_limit=${limit}&sysparm_offset=${offset + limit}>;rel="next"`);
        }
        return HttpResponse.json(
          { result: all.slice(offset, offset + limit) },
          { headers: { 'X-Total-Count': String(all.length), Link: links.join(',') } },
        );
      }),
    );
    const names: string[] = [];
    for await (const row of new TableApiClient().iterate('customer_contact', { pageSize: 1000 })) {
      names.push(row['name']!.value);
    }
    expect(names).to.deep.equal(all.map((record) => record.name));
    expect(log.seen.map((seen) => seen.url.searchParams.get('sysparm_offset'))).to.deep.equal([
      '0',
      '1000',
      '2000',
    ]);
    expect(log.seen.every((seen) => seen.url.searchParams.get('sysparm_limit') === '1000')).to.equal(true);
  });

  it('iterate falls back to X-Total-Count when the server sends no Link header', async () => {
    const all = Array.from({ length: 7 }, (_, i) => ({ sys_id: sysId(i) }));
    const log = requestLog();
    worker.use(
      http.get(TABLE, async ({ request }) => {
        const { url } = await log.record(request);
        const offset = Number(url.searchParams.get('sysparm_offset'));
        const page = all.slice(offset, offset + Number(url.searchParams.get('sysparm_limit')));
        return HttpResponse.json({ result: page }, { headers: { 'X-Total-Count': '7' } });
      }),
    );
    const rows = [];
    for await (const row of new TableApiClient().iterate('customer_contact', { pageSize: 3 })) rows.push(row);
    expect(rows.map((row) => row['sys_id']?.value)).to.deep.equal(all.map((record) => record.sys_id));
    expect(log.seen).to.have.length(3);
  });

  it('rejects a value with ^ before any request is made', async () => {
    let requests = 0;
    worker.use(
      http.get(TABLE, () => {
        requests += 1;
        return HttpResponse.json({ result: [] });
      }),
    );
    const client = new TableApiClient();
    const error = await thrown(() =>
      client.list('customer_contact', { query: q.eq('name', 'x^ORactive=false') }),
    );
    expect(error).to.be.instanceOf(QueryValueError);
    expect(await thrown(() => client.list('customer_contact', { fields: ['name^x'] }))).to.be.instanceOf(
      QueryFieldError,
    );
    expect(await thrown(() => client.get('customer_contact', '../sys_user'))).to.be.instanceOf(
      QueryValueError,
    );
    expect(await thrown(() => client.list('customer_contact/../sys_user'))).to.be.instanceOf(QueryFieldError);
    expect(requests).to.equal(0);
  });

  it('get gives absent fields for missing and null values', async () => {
    worker.use(
      http.get(`${TABLE}/${sysId(1)}`, () =>
        HttpResponse.json({ result: { sys_id: sysId(1), name: 'Ana', email: null, account: '' } }),
      ),
    );
    const row = await new TableApiClient().get('customer_contact', sysId(1));
    expect(row['name']).to.deep.equal({ value: 'Ana' });
    expect(row['email']).to.equal(undefined);
    expect(row['phone']).to.equal(undefined);
    expect(row['account']).to.deep.equal({ value: '' });
    expect(Object.keys(row)).to.deep.equal(['sys_id', 'name', 'account']);
  });

  it('normalises references sent as {link, value} and as plain sys_ids', async () => {
    const link = `https://instance.example/api/now/table/customer_account/${sysId(5)}`;
    worker.use(
      http.get(TABLE, () =>
        HttpResponse.json({ result: [{ account: { link, value: sysId(5) } }, { account: sysId(6) }] }),
      ),
    );
    const { rows } = await new TableApiClient().list('customer_contact', { referenceLinks: true });
    expect(rows[0]!['account']).to.deep.equal({ value: sysId(5), link });
    expect(rows[1]!['account']).to.deep.equal({ value: sysId(6) });
  });

  it('normalises display_value=all and display_value=true', async () => {
    worker.use(
      http.get(TABLE, ({ request }) => {
        const mode = new URL(request.url).searchParams.get('sysparm_display_value');
        if (mode === 'all') {
          return HttpResponse.json({
            result: [
              {
                name: { display_value: 'Ana', value: 'Ana' },
                account: { display_value: 'Acme', value: sysId(5), link: 'https://i/x' },
                email: { display_value: null, value: null },
              },
            ],
          });
        }
        return HttpResponse.json({
          result: [{ name: 'Ana', account: { display_value: 'Acme', link: 'https://i/x' } }],
        });
      }),
    );
    const client = new TableApiClient();
    const all = await client.list('customer_contact', { displayValue: 'all' });
    expect(all.rows[0]).to.deep.equal({
      name: { value: 'Ana', display: 'Ana' },
      account: { value: sysId(5), display: 'Acme', link: 'https://i/x' },
    });
    const display = await client.list('customer_contact', { displayValue: true });
    expect(display.rows[0]).to.deep.equal({
      name: { value: 'Ana', display: 'Ana' },
      account: { value: 'Acme', display: 'Acme', link: 'https://i/x' },
    });
  });

  it('create POSTs JSON and returns the stored record (201)', async () => {
    const log = requestLog();
    worker.use(
      http.post(TABLE, async ({ request }) => {
        await log.record(request);
        const values = (await request.json()) as Record<string, string>;
        return HttpResponse.json({ result: { sys_id: sysId(7), ...values } }, { status: 201 });
      }),
    );
    const row = await new TableApiClient().create('customer_contact', { name: 'Ana', account: sysId(5) });
    expect(row).to.deep.equal({
      sys_id: { value: sysId(7) },
      name: { value: 'Ana' },
      account: { value: sysId(5) },
    });
    expect(JSON.parse(log.seen[0]!.body)).to.deep.equal({ name: 'Ana', account: sysId(5) });
    expect(log.seen[0]!.headers.get('content-type')).to.equal('application/json');
    expect(log.seen[0]!.url.searchParams.get('sysparm_exclude_reference_link')).to.equal('true');
  });

  it('update PATCHes the record and remove DELETEs it (204)', async () => {
    const log = requestLog();
    worker.use(
      http.patch(`${TABLE}/${sysId(7)}`, async ({ request }) => {
        await log.record(request);
        return HttpResponse.json({ result: { sys_id: sysId(7), name: 'Ana B' } });
      }),
      http.delete(`${TABLE}/${sysId(7)}`, async ({ request }) => {
        await log.record(request);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const client = new TableApiClient();
    const row = await client.update('customer_contact', sysId(7), { name: 'Ana B' });
    expect(row['name']).to.deep.equal({ value: 'Ana B' });
    expect(await client.remove('customer_contact', sysId(7))).to.equal(undefined);
    expect(log.seen.map((seen) => seen.method)).to.deep.equal(['PATCH', 'DELETE']);
    expect(JSON.parse(log.seen[0]!.body)).to.deep.equal({ name: 'Ana B' });
  });

  it('prefixes a custom baseUrl: another origin, or a path prefix', async () => {
    worker.use(
      http.get('https://instance.example.test/api/now/table/sys_user', () =>
        HttpResponse.json({ result: [{ name: 'remote' }] }),
      ),
      http.get('/proxy/sn/api/now/table/sys_user', () =>
        HttpResponse.json({ result: [{ name: 'proxied' }] }),
      ),
    );
    const remote = await new TableApiClient({ baseUrl: 'https://instance.example.test/' }).list('sys_user');
    expect(remote.rows[0]!['name']!.value).to.equal('remote');
    const proxied = await new TableApiClient({ baseUrl: '/proxy/sn' }).list('sys_user');
    expect(proxied.rows[0]!['name']!.value).to.equal('proxied');
  });

  it('uses an injected fetch instead of the global one', async () => {
    const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
    const fakeFetch: typeof fetch = async (input, init) => {
      calls.push({ url: String(input), init });
      return new Response(JSON.stringify({ result: [{ name: 'from fake' }] }), {
        headers: { 'Content-Type': 'application/json' },
      });
    };
    const client = new TableApiClient({ fetch: fakeFetch, baseUrl: 'https://i.example' });
    const page = await client.list('sys_user', { limit: 1 });
    expect(page.rows[0]!['name']!.value).to.equal('from fake');
    expect(calls).to.have.length(1);
    expect(calls[0]!.url).to.equal(
      'https://i.example/api/now/table/sys_user?sysparm_exclude_reference_link=true&sysparm_limit=1',
    );
    expect(calls[0]!.init?.method).to.equal('GET');
  });
});
