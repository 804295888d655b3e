import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { useMockBackend } from '../support/msw.js';
import { ApiError, AuthError, CamError, ResponseFormatError } from '../../src/client/errors.js';
import { TableApiClient } from '../../src/client/table-api-client.js';
import { rejection, requestLog, sysId } from './support.js';

const TABLE = '/api/now/table/sn_customerservice_related_party';
const noRetry = { retry: { retries: 0 } };
const failure = (message: string, detail: string | null, status: number): Response =>
  HttpResponse.json({ error: { message, detail }, status: 'failure' }, { status });

describe('TableApiClient errors and authentication', () => {
  const worker = useMockBackend();

  it('turns an HTML error page into a ResponseFormatError that says what came back', async () => {
    const page = `<html>\n<head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>`;
    worker.use(http.get(TABLE, () => HttpResponse.html(page, { status: 502 })));
    const error = await rejection(new TableApiClient(noRetry).list('sn_customerservice_related_party'));
    expect(error).to.be.instanceOf(ResponseFormatError);
    const message = (error as ResponseFormatError).message;
    expect(message).to.match(
      /^expected JSON from GET \/api\/now\/table\/sn_customerservice_related_party, got text\/html \(status 502\): "<html> <head><title>502 Bad Gateway/,
    );
    expect(message).to.contain('…"');
    expect((error as ResponseFormatError).status).to.equal(502);
    expect((error as ResponseFormatError).kind).to.equal('response-format');
  });

  it('reports malformed JSON with the start of the body', async () => {
    worker.use(
      http.get(
        TABLE,
        () =>
          new HttpResponse('{"result": [{"name": "Ana"', { headers: { 'Content-Type': 'application/json' } }),
      ),
    );
    const error = await rejection(new TableApiClient().list('sn_customerservice_related_party'));
    expect(error).to.be.instanceOf(ResponseFormatError);
    expect((error as Error).message).to.equal(
      'malformed JSON from GET /api/now/table/sn_customerservice_related_party (status 200): "{\\"result\\": [{\\"name\\": \\"Ana\\""',
    );
  });

  it('reports a body of the wrong shape with the path of the problem', async () => {
    worker.use(
      http.get(TABLE, () => HttpResponse.json({ result: [{ name: 'Ana' }, { name: 'Bo', order: 7 }] })),
      http.get(`${TABLE}/${sysId(1)}`, () => HttpResponse.json({ records: [] })),
    );
    const client = new TableApiClient();
    const listError = await rejection(client.list('sn_customerservice_related_party'));
    expect(listError).to.be.instanceOf(ResponseFormatError);
    expect((listError as ResponseFormatError).path).to.equal('result[1].order');
    expect((listError as Error).message).to.contain('at result[1].order');
    const getError = await rejection(client.get('sn_customerservice_related_party', sysId(1)));
    expect((getError as ResponseFormatError).path).to.equal('result');
    expect((getError as Error).message).to.contain('GET /api/now/table/sn_customerservice_related_party/');
  });

  it('a list body whose result is an object, not an array, is a ResponseFormatError', async () => {
    worker.use(http.get(TABLE, () => HttpResponse.json({ result: { name: 'Ana' } })));
    const error = await rejection(new TableApiClient().list('sn_customerservice_related_party'));
    expect((error as ResponseFormatError).path).to.equal('result');
  });

  it('401 gives an AuthError and calls onAuthRequired with it', async () => {
    worker.use(
      http.get(TABLE, () => failure('User Not Authenticated', 'Required to provide Auth information', 401)),
    );
    const calls: AuthError[] = [];
    const client = new TableApiClient({ onAuthRequired: (error) => calls.push(error) });
    const error = await rejection(client.list('sn_customerservice_related_party'));
    expect(error).to.be.instanceOf(AuthError);
    expect(error).to.be.instanceOf(ApiError);
    expect(error).to.be.instanceOf(CamError);
    const auth = error as AuthError;
    expect(auth.kind).to.equal('auth');
    expect(auth.status).to.equal(401);
    expect(auth.message).to.equal('User Not Authenticated');
    expect(auth.detail).to.equal('Required to provide Auth information');
    expect(calls).to.deep.equal([auth]);
  });

  it('a 401 HTML page from a login proxy is still an AuthError', async () => {
    worker.use(http.post(TABLE, () => HttpResponse.html('<html>Please sign in</html>', { status: 401 })));
    let called = 0;
    const client = new TableApiClient({ onAuthRequired: () => (called += 1) });
    const error = await rejection(client.create('sn_customerservice_related_party', { type: 'x' }));
    expect(error).to.be.instanceOf(AuthError);
    expect(called).to.equal(1);
  });

  it('403, 404, 400 and 500 give ApiError with the server message, detail, status and table', async () => {
    const cases: Array<[number, string, string]> = [
      [403, 'Operation Failed', 'ACL Exception Insert Failed due to security constraints'],
      [404, 'No Record found', "Record doesn't exist or ACL restricts the record retrieval"],
      [400, 'Invalid query', 'sysparm_query is malformed'],
      [500, 'Internal server error', 'Script error'],
    ];
    for (const [status, message, detail] of cases) {
      const log = requestLog();
      worker.use(
        http.get(TABLE, async ({ request }) => {
          await log.record(request);
          return failure(message, detail, status);
        }),
      );
      const error = await rejection(
        new TableApiClient({ retry: { baseDelayMs: 1 } }).list('sn_customerservice_related_party'),
      );
      expect(error).to.be.instanceOf(ApiError);
      expect(error).to.not.be.instanceOf(AuthError);
      const api = error as ApiError;
      expect([api.kind, api.status, api.message, api.detail, api.table]).to.deep.equal([
        'api',
        status,
        message,
        detail,
        'sn_customerservice_related_party',
      ]);
      expect(log.seen, `status ${status} is not retried`).to.have.length(1);
    }
  });

  it('an error status with an empty body still gives an ApiError', async () => {
    worker.use(http.delete(`${TABLE}/${sysId(3)}`, () => new HttpResponse(null, { status: 404 })));
    const error = await rejection(new TableApiClient().remove('sn_customerservice_related_party', sysId(3)));
    expect((error as ApiError).status).to.equal(404);
    expect((error as ApiError).message).to.equal(
      `DELETE /api/now/table/sn_customerservice_related_party/${sysId(3)} failed with status 404`,
    );
  });

  it('sends a bearer token, from a string or from an async function', async () => {
    const log = requestLog();
    worker.use(
      http.get(TABLE, async ({ request }) => {
        await log.record(request);
        return HttpResponse.json({ result: [] });
      }),
    );
    await new TableApiClient({ auth: { type: 'bearer', token: 'abc' } }).list(
      'sn_customerservice_related_party',
    );
    await new TableApiClient({ auth: { type: 'bearer', token: async () => 'fresh' } }).list(
      'sn_customerservice_related_party',
    );
    expect(log.seen.map((seen) => seen.headers.get('authorization'))).to.deep.equal([
      'Bearer abc',
      'Bearer fresh',
    ]);
    expect(log.seen[0]!.headers.get('x-usertoken')).to.equal(null);
  });

  it('sends the session user token with credentials included', async () => {
    const log = requestLog();
    worker.use(
      http.get(TABLE, async ({ request }) => {
        await log.record(request);
        return HttpResponse.json({ result: [] });
      }),
    );
    await new TableApiClient({ auth: { type: 'session', userToken: 'tok-1' } }).list(
      'sn_customerservice_related_party',
    );
    expect(log.seen[0]!.headers.get('x-usertoken')).to.equal('tok-1');
    expect(log.seen[0]!.headers.get('authorization')).to.equal(null);

    const inits: Array<RequestInit | undefined> = [];
    const recording: typeof fetch = async (_input, init) => {
      inits.push(init);
      return HttpResponse.json({ result: [] });
    };
    await new TableApiClient({ fetch: recording, auth: { type: 'session', userToken: 'tok-2' } }).list(
      'sys_user',
    );
    expect(inits[0]?.credentials).to.equal('include');
    expect(new Headers(inits[0]?.headers).get('x-usertoken')).to.equal('tok-2');
  });
});
