import { expect } from '@open-wc/testing';
import { faults, requestLog, type RequestLogEntry } from '../../mocks/faults.js';
import { api, result, TABLE_API, useMockTableApi } from './support.js';

const statuses = async (path: string, n: number): Promise<number[]> => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await api(path)).status);
  return out;
};

describe('mock Table API: faults', () => {
  useMockTableApi();

  it('delays answers by latencyMs, only on the tables it is scoped to', async () => {
    faults.set({ latencyMs: 600, tables: ['customer_account'] });
    let start = performance.now();
    expect((await api('customer_account?sysparm_limit=1')).status).to.equal(200);
    expect(performance.now() - start).to.be.at.least(590);
    // Another table is not delayed (generous bound: the test machine may be busy).
    start = performance.now();
    await api('csm_household?sysparm_limit=1');
    expect(performance.now() - start).to.be.below(400);
  });

  it('offline: the request fails at the network level and is logged with status 0', async () => {
    faults.set({ offline: true });
    let error: unknown;
    try {
      await fetch(`${TABLE_API}/customer_account`);
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(TypeError);
    expect(requestLog.entries.map((e) => e.status)).to.deep.equal([0]);
  });

  it('unauthorized: every request is answered 401 with the platform error body', async () => {
    faults.set({ unauthorized: true });
    const answer = await api('customer_account', { headers: { Authorization: 'Bearer t' } });
    expect(answer.status).to.equal(401);
    expect(answer.body).to.deep.equal({
      error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' },
      status: 'failure',
    });
  });

  it('requireAuth: accepts a Bearer token or an X-UserToken, refuses anonymous requests', async () => {
    faults.set({ requireAuth: true });
    expect((await api('csm_household?sysparm_limit=1')).status).to.equal(401);
    expect(
      (await api('csm_household?sysparm_limit=1', { headers: { Authorization: 'Bearer abc' } })).status,
    ).to.equal(200);
    expect(
      (await api('csm_household?sysparm_limit=1', { headers: { 'X-UserToken': 'tok' } })).status,
    ).to.equal(200);
    expect(
      (await api('csm_household?sysparm_limit=1', { headers: { Authorization: 'Bearer ' } })).status,
    ).to.equal(401);
  });

  it('rateLimit: the next N requests get 429 with Retry-After, then service resumes', async () => {
    faults.set({ rateLimit: { retryAfterSeconds: 3, count: 2 } });
    const first = await api('csm_household');
    expect(first.status).to.equal(429);
    expect(first.headers.get('Retry-After')).to.equal('3');
    expect(first.body).to.have.nested.property('error.message', 'Too Many Requests');
    expect(await statuses('csm_household', 2)).to.deep.equal([429, 200]);
  });

  it('errorRate: seeded random statuses, the same sequence after every set()', async () => {
    faults.set({
      errorRate: [
        { status: 503, rate: 0.3 },
        { status: 500, rate: 0.2 },
      ],
      seed: 7,
    });
    const first = await statuses('csm_household?sysparm_limit=1', 40);
    faults.set({});
    const second = await statuses('csm_household?sysparm_limit=1', 40);
    expect(second).to.deep.equal(first);
    expect(new Set(first)).to.deep.equal(new Set([200, 500, 503]));
    const errors = first.filter((s) => s !== 200).length;
    expect(errors).to.be.within(8, 32);
    faults.set({ errorRate: [{ status: 500, rate: 1 }] });
    expect(await statuses('csm_household', 3)).to.deep.equal([500, 500, 500]);
  });

  it('malformed json: the next answer is cut short, then bodies are whole again', async () => {
    faults.set({ malformed: { kind: 'json', count: 1 } });
    const broken = await fetch(`${TABLE_API}/csm_household?sysparm_limit=2`);
    expect(broken.status).to.equal(200);
    const text = await broken.text();
    expect(() => JSON.parse(text)).to.throw(SyntaxError);
    expect(result<unknown[]>(await api('csm_household?sysparm_limit=2'))).to.have.length(2);
  });

  it('malformed html: a login page with status 200 instead of JSON, on every answer', async () => {
    faults.set({ malformed: 'html' });
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${TABLE_API}/csm_household?sysparm_limit=1`);
      expect(response.headers.get('Content-Type')).to.match(/^text\/html/);
      expect(await response.text()).to.match(/^<!DOCTYPE html>.*login/);
    }
  });

  it('malformed shape: valid JSON whose records are not under result', async () => {
    faults.set({ malformed: 'shape' });
    const answer = await api('csm_household?sysparm_limit=1');
    expect(answer.body).to.not.have.property('result');
    expect((answer.body as { records: unknown[] }).records).to.have.length(1);
  });

  it('forbiddenTables: 403 on those tables only, whatever the scope', async () => {
    faults.set({ forbiddenTables: ['sys_user_role_contains'], tables: ['customer_account'] });
    const denied = await api('sys_user_role_contains');
    expect(denied.status).to.equal(403);
    expect(denied.body).to.have.nested.property('error.message', 'User Not Authorized');
    expect((await api('sys_user_role?sysparm_limit=1')).status).to.equal(200);
  });

  it('omitFields: fields the user may not read are absent, not null', async () => {
    faults.set({ omitFields: { customer_contact: ['email', 'account'] } });
    const all = result<Record<string, unknown>[]>(await api('customer_contact?sysparm_limit=3'));
    for (const row of all) {
      expect(row).to.have.property('name');
      expect(row).to.not.have.any.keys('email', 'account');
    }
    const asked = result<Record<string, unknown>[]>(
      await api('customer_contact?sysparm_limit=1&sysparm_fields=name,email,account.name'),
    );
    expect(Object.keys(asked[0] ?? {})).to.deep.equal(['name']);
    expect(
      Object.keys(result<Record<string, unknown>[]>(await api('csm_consumer?sysparm_limit=1'))[0] ?? {}),
    ).to.include('email');
  });

  it('methods scope: faults hit only the listed methods', async () => {
    faults.set({ unauthorized: true, methods: ['post'] });
    expect((await api('csm_household?sysparm_limit=1')).status).to.equal(200);
    expect((await api('csm_household', { method: 'POST', json: { name: 'x' } })).status).to.equal(401);
  });

  it('set() merges with the faults in force; reset() removes them all', async () => {
    faults.set({ forbiddenTables: ['csm_household'] });
    faults.set({ unauthorized: true, tables: ['customer_account'] });
    expect(faults.config).to.deep.include({ forbiddenTables: ['csm_household'], unauthorized: true });
    expect((await api('csm_household')).status).to.equal(403);
    expect((await api('customer_account')).status).to.equal(401);
    faults.reset();
    expect(faults.config).to.deep.equal({});
    expect((await api('csm_household?sysparm_limit=1')).status).to.equal(200);
  });
});

describe('mock Table API: request log', () => {
  useMockTableApi();

  it('records method, url, table, sys_id, time and status, counts with filters, and clears', async () => {
    const seen: number[] = [];
    const unsubscribe = requestLog.subscribe((entries) => seen.push(entries.length));
    const before = Date.now();
    await api('csm_household?sysparm_limit=1');
    const id = result<{ sys_id: string }>(
      await api('csm_household', { method: 'POST', json: { name: 'Logged' } }),
    ).sys_id;
    await api(`csm_household/${id}`, { method: 'DELETE' });
    await api('no_such_table');
    unsubscribe();

    const entries: readonly RequestLogEntry[] = requestLog.entries;
    expect(entries.map((e) => [e.method, e.table, e.status])).to.deep.equal([
      ['GET', 'csm_household', 200],
      ['POST', 'csm_household', 201],
      ['DELETE', 'csm_household', 204],
      ['GET', 'no_such_table', 404],
    ]);
    expect(entries[2]?.sysId).to.equal(id);
    expect(entries[0]?.url).to.equal(`${location.origin}${TABLE_API}/csm_household?sysparm_limit=1`);
    expect(entries.every((e) => e.time >= before)).to.equal(true);
    expect(requestLog.count({ table: 'csm_household' })).to.equal(3);
    expect(requestLog.count({ method: 'get' })).to.equal(2);
    expect(seen.length).to.be.at.least(8);
    requestLog.clear();
    expect(requestLog.count()).to.equal(0);
  });

  it('shows a request as pending (no status) while it is delayed', async () => {
    faults.set({ latencyMs: 150 });
    const pending = api('csm_household?sysparm_limit=1');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requestLog.entries).to.have.length(1);
    expect(requestLog.entries[0]?.status).to.equal(undefined);
    await pending;
    expect(requestLog.entries[0]?.status).to.equal(200);
  });
});
