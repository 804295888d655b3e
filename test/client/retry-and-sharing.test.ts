import { expect } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { useMockBackend } from '../support/msw.js';
import { ApiError, isAbortError, NetworkError, TimeoutError } from '../../src/client/errors.js';
import { TableApiClient } from '../../src/client/table-api-client.js';
import { rejection, requestLog } from './support.js';

const TABLE = '/api/now/table/sn_customerservice_case';
const ok = (): Response => HttpResponse.json({ result: [{ number: 'CS001' }] });
/** Fast retries so the tests do not wait for the production backoff. */
const fast = { retry: { baseDelayMs: 5, maxDelayMs: 20 } };

describe('TableApiClient retries, timeouts, aborts and shared GETs', () => {
  const worker = useMockBackend();

  it('waits for Retry-After (seconds) after a 429, then succeeds', async () => {
    const log = requestLog();
    worker.use(
      http.get(TABLE, async ({ request }) => {
        await log.record(request);
        if (log.seen.length === 1) {
          return HttpResponse.json(
            { error: { message: 'Too many requests', detail: 'Rate limit' }, status: 'failure' },
            { status: 429, headers: { 'Retry-After': '1' } },
          );
        }
        return ok();
      }),
    );
    const page = await new TableApiClient(fast).list('sn_customerservice_case');
    expect(page.rows[0]!['number']!.value).to.equal('CS001');
    expect(log.seen).to.have.length(2);
    expect(log.seen[1]!.at - log.seen[0]!.at).to.be.at.least(900);
  });

  for (const status of [502, 503, 504]) {
    it(`retries a GET after ${status}`, async () => {
      const log = requestLog();
      worker.use(
        http.get(TABLE, async ({ request }) => {
          await log.record(request);
          return log.seen.length < 3 ? new HttpResponse('busy', { status }) : ok();
        }),
      );
      const page = await new TableApiClient(fast).list('sn_customerservice_case');
      expect(page.rows).to.have.length(1);
      expect(log.seen).to.have.length(3);
    });
  }

  it('retries a GET after a network error', async () => {
    const log = requestLog();
    worker.use(
      http.get(TABLE, async ({ request }) => {
        await log.record(request);
        return log.seen.length === 1 ? HttpResponse.error() : ok();
      }),
    );
    const page = await new TableApiClient(fast).list('sn_customerservice_case');
    expect(page.rows).to.have.length(1);
    expect(log.seen).to.have.length(2);
  });

  it('gives up after the configured retries with the last error', async () => {
    const log = requestLog();
    worker.use(
      http.get(TABLE, async ({ request }) => {
        await log.record(request);
        return HttpResponse.json(
          { error: { message: 'Service unavailable', detail: 'Maintenance' }, status: 'failure' },
          { status: 503 },
        );
      }),
    );
    const error = await rejection(
      new TableApiClient({ retry: { retries: 2, baseDelayMs: 1 } }).list('sn_customerservice_case'),
    );
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).status).to.equal(503);
    expect((error as ApiError).detail).to.equal('Maintenance');
    expect(log.seen).to.have.length(3);
  });

  it('reports a network error as NetworkError once retries are spent', async () => {
    worker.use(http.get(TABLE, () => HttpResponse.error()));
    const error = await rejection(
      new TableApiClient({ retry: { retries: 1, baseDelayMs: 1 } }).list('sn_customerservice_case'),
    );
    expect(error).to.be.instanceOf(NetworkError);
    expect((error as NetworkError).kind).to.equal('network');
  });

  it('never retries a write: a POST answered 503 is sent once', async () => {
    const log = requestLog();
    worker.use(
      http.post(TABLE, async ({ request }) => {
        await log.record(request);
        return new HttpResponse(null, { status: 503 });
      }),
    );
    const error = await rejection(
      new TableApiClient(fast).create('sn_customerservice_case', { short_description: 'x' }),
    );
    expect((error as ApiError).status).to.equal(503);
    expect(log.seen).to.have.length(1);
  });

  it('a POST that times out rejects with TimeoutError and is not retried', async () => {
    const log = requestLog();
    worker.use(
      http.post(TABLE, async ({ request }) => {
        await log.record(request);
        await delay(1500);
        return HttpResponse.json({ result: {} }, { status: 201 });
      }),
    );
    const client = new TableApiClient({ ...fast, timeoutMs: 100 });
    const error = await rejection(client.create('sn_customerservice_case', { short_description: 'x' }));
    expect(error).to.be.instanceOf(TimeoutError);
    expect(isAbortError(error)).to.equal(false);
    expect((error as TimeoutError).timeoutMs).to.equal(100);
    await delay(300);
    expect(log.seen).to.have.length(1);
  });

  it('a per-call timeoutMs overrides the client default for a GET', async () => {
    worker.use(
      http.get(TABLE, async () => {
        await delay(1500);
        return ok();
      }),
    );
    const error = await rejection(
      new TableApiClient(fast).list('sn_customerservice_case', { timeoutMs: 50 }),
    );
    expect(error).to.be.instanceOf(TimeoutError);
  });

  it('shares two identical concurrent GETs as one request', async () => {
    const log = requestLog();
    // This test's own requests only (a limit no other test asks for): a request an earlier test
    // abandoned may still reach the handlers in force now.
    const LIMIT = 37;
    worker.use(
      http.get(TABLE, async ({ request }) => {
        if (new URL(request.url).searchParams.get('sysparm_limit') === String(LIMIT))
          await log.record(request);
        await delay(100);
        return ok();
      }),
    );
    const client = new TableApiClient();
    const [a, b] = await Promise.all([
      client.list('sn_customerservice_case', { limit: LIMIT }),
      client.list('sn_customerservice_case', { limit: LIMIT }),
    ]);
    expect(a.rows).to.deep.equal(b.rows);
    expect(log.seen).to.have.length(1);
    // Not a cache: once settled, the same GET goes to the server again.
    await client.list('sn_customerservice_case', { limit: LIMIT });
    expect(log.seen).to.have.length(2);
  });

  it('does not share GETs that differ in query or credentials', async () => {
    const log = requestLog();
    worker.use(
      http.get(TABLE, async ({ request }) => {
        await log.record(request);
        await delay(50);
        return ok();
      }),
    );
    let token = 'one';
    const client = new TableApiClient({ auth: { type: 'bearer', token: () => token } });
    const first = client.list('sn_customerservice_case');
    token = 'two';
    await Promise.all([
      first,
      client.list('sn_customerservice_case'),
      client.list('sn_customerservice_case', { limit: 1 }),
    ]);
    expect(log.seen).to.have.length(3);
  });

  it('one caller aborting does not break the other caller of a shared GET', async () => {
    const log = requestLog();
    worker.use(
      http.get(TABLE, async ({ request }) => {
        await log.record(request);
        await delay(200);
        return ok();
      }),
    );
    const client = new TableApiClient();
    const controller = new AbortController();
    const aborted = client.list('sn_customerservice_case', { signal: controller.signal });
    const kept = client.list('sn_customerservice_case', { signal: new AbortController().signal });
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(aborted);
    expect(isAbortError(error)).to.equal(true);
    const page = await kept;
    expect(page.rows[0]!['number']!.value).to.equal('CS001');
    expect(log.seen).to.have.length(1);
  });

  it('aborts the underlying fetch only when every caller of a shared GET has aborted', async () => {
    const signals: AbortSignal[] = [];
    const hangingFetch: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        const signal = init!.signal!;
        signals.push(signal);
        signal.addEventListener('abort', () => reject(signal.reason));
      });
    const client = new TableApiClient({ fetch: hangingFetch });
    const first = new AbortController();
    const second = new AbortController();
    const a = client.list('sys_user', { signal: first.signal });
    const b = client.list('sys_user', { signal: second.signal });
    await delay(20);
    expect(signals).to.have.length(1);
    first.abort();
    expect(isAbortError(await rejection(a))).to.equal(true);
    expect(signals[0]!.aborted).to.equal(false);
    second.abort();
    expect(isAbortError(await rejection(b))).to.equal(true);
    expect(signals[0]!.aborted).to.equal(true);
    // A later identical GET starts afresh.
    const c = client.list('sys_user', { signal: AbortSignal.timeout(20) });
    await rejection(c);
    expect(signals).to.have.length(2);
  });

  it("abort cancels a request: rejects with the signal's own AbortError", async () => {
    worker.use(
      http.get(TABLE, async () => {
        await delay(1000);
        return ok();
      }),
    );
    const controller = new AbortController();
    const pending = new TableApiClient().list('sn_customerservice_case', { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    const error = await rejection(pending);
    expect(error).to.equal(controller.signal.reason);
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('AbortError');
    expect(isAbortError(error)).to.equal(true);
  });

  it('an already-aborted signal makes no request', async () => {
    let requests = 0;
    worker.use(
      http.post(TABLE, () => {
        requests += 1;
        return HttpResponse.json({ result: {} }, { status: 201 });
      }),
    );
    const signal = AbortSignal.abort();
    const error = await rejection(new TableApiClient().create('sn_customerservice_case', {}, { signal }));
    expect(isAbortError(error)).to.equal(true);
    expect(requests).to.equal(0);
  });

  it('abort during the wait before a retry stops at once, without another request', async () => {
    const log = requestLog();
    // A table of its own: a retry left over by an earlier test must not be counted here.
    worker.use(
      http.get('*/api/now/table/x_abort_wait', async ({ request }) => {
        await log.record(request);
        return new HttpResponse(null, { status: 503, headers: { 'Retry-After': '5' } });
      }),
    );
    const controller = new AbortController();
    const started = performance.now();
    const pending = new TableApiClient().list('x_abort_wait', { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect(isAbortError(await rejection(pending))).to.equal(true);
    expect(performance.now() - started).to.be.below(2000);
    expect(log.seen).to.have.length(1);
  });

  it('does not wait for a Retry-After beyond maxRetryAfterMs: the 429 is thrown with retryAfterMs', async () => {
    const log = requestLog();
    worker.use(
      http.get(TABLE, async ({ request }) => {
        await log.record(request);
        const later = new Date(Date.now() + 120_000).toUTCString();
        return HttpResponse.json(
          { error: { message: 'Rate limit exceeded', detail: null }, status: 'failure' },
          { status: 429, headers: { 'Retry-After': later } },
        );
      }),
    );
    const error = await rejection(new TableApiClient().list('sn_customerservice_case'));
    expect((error as ApiError).status).to.equal(429);
    expect((error as ApiError).message).to.equal('Rate limit exceeded');
    expect((error as ApiError).retryAfterMs).to.be.within(100_000, 121_000);
    expect(log.seen).to.have.length(1);
  });
});
