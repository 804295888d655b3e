import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import { useElementFixtures, freshUserId } from '../support/fixtures.js';
import { getStore } from '../../mocks/db.js';
import { faults, requestLog } from '../../mocks/faults.js';
import { STORY } from '../../mocks/seed/index.js';
import { ApiError, AuthError, NetworkError, ResponseFormatError } from '../../src/client/errors.js';
import { DefinitionsUnavailableError } from '../../src/service/definitions-service.js';
import { UnconfirmedWriteError } from '../../src/service/related-parties-service.js';
import type { CamProvider } from '../../components/provider/cam-provider.component.js';
import type { CamAuthRequiredEvent } from '../../components/events.js';
import '../../components/provider/cam-provider.js';
import { freshUser, loan, makeServices, map, nearMissCase, rejection, timed } from './support.js';

const PARTY_TABLE = map.caseParty.table;
const attorneyOnNearMiss = {
  party: { kind: 'contact' as const, id: STORY.nearMiss.caseContact.id },
  type: STORY.housingLoan.relationshipTypes.attorney.id,
};
const serverParties = (caseId: string) =>
  getStore()
    .all(PARTY_TABLE)
    .filter((record) => record[map.caseParty.columns.entity] === caseId);

describe('reliability: services under backend faults', () => {
  const worker = useElementFixtures();

  it('a slow backend (1.5 s) delays the answer but concurrent callers share one request', async () => {
    faults.set({ latencyMs: 1500, tables: [PARTY_TABLE] });
    const { parties } = makeServices();
    const [first, second] = await Promise.all([timed(parties.list(loan)), timed(parties.list(loan))]);
    expect(first.ms).to.be.at.least(1400);
    expect(first.value).to.have.length(3);
    expect(second.value).to.deep.equal(first.value);
    expect(requestLog.count({ table: PARTY_TABLE })).to.equal(1);
  });

  for (const status of [500, 502, 503, 504]) {
    const retried = status !== 500;
    it(`a ${status} on a read is an ApiError with that status${retried ? ', after the retries' : ', not retried'}`, async () => {
      faults.set({ errorRate: [{ status, rate: 1 }], tables: [PARTY_TABLE] });
      const { parties } = makeServices({ retries: 2 });
      const error = await rejection(parties.list(loan));
      expect(error).to.be.instanceOf(ApiError);
      expect((error as ApiError).status).to.equal(status);
      expect(requestLog.count({ table: PARTY_TABLE })).to.equal(retried ? 3 : 1);
    });
  }

  it('a 503 with no cached copy: the definitions are unavailable (not "offline"), nothing is invented', async () => {
    faults.set({ errorRate: [{ status: 503, rate: 1 }] });
    const error = await rejection(makeServices().definitions.load());
    expect(error).to.be.instanceOf(DefinitionsUnavailableError);
    expect((error as DefinitionsUnavailableError).offline).to.equal(false);
    expect((error as Error).message).to.match(/could not be read/);
  });

  it('a 500 during revalidation keeps serving the cached copy, still marked stale', async () => {
    const user = freshUser();
    const first = makeServices({ user }).definitions;
    await first.load();
    faults.set({ errorRate: [{ status: 500, rate: 1 }] });
    const second = makeServices({ user }).definitions;
    const snapshot = await second.load();
    expect(snapshot.source).to.equal('cache');
    const after = await second.revalidated();
    expect(after?.stale).to.equal(true);
    expect(after?.definitions).to.deep.equal(snapshot.definitions);
    const refresh = await rejection(second.refresh());
    expect((refresh as ApiError).status).to.equal(500);
    expect(second.current?.definitions.roles.length).to.be.above(0);
  });

  it('401 mid-session: the provider fires cam-auth-required and the answer is an AuthError, not a guess', async () => {
    const provider = await fixture<CamProvider>(html`<cam-provider user-id=${freshUserId()}></cam-provider>`);
    const services = provider.current;
    if (!services) throw new Error('no services');
    const events: CamAuthRequiredEvent[] = [];
    provider.addEventListener('cam-auth-required', (event) => events.push(event));
    const before = await services.access.forEntity(loan);
    expect(
      before.engine.check({ kind: 'consumer', id: STORY.housingLoan.coBorrower.id }, loan).level,
    ).to.equal('write');

    faults.set({ unauthorized: true });
    services.access.invalidate();
    const error = await rejection(services.access.forEntity(loan));
    expect(error).to.be.instanceOf(AuthError);
    expect(events.length).to.be.at.least(1);
    expect(events.every((event) => event.error instanceof AuthError && event.error.status === 401)).to.equal(
      true,
    );
    // A refresh fails the same way and leaves the known definitions in place (not cleared, not offline).
    const refresh = await rejection(services.definitions.refresh());
    expect(refresh).to.be.instanceOf(AuthError);
    expect(services.definitions.current?.offline).to.equal(false);

    // Signed in again: the next answer is whole again.
    faults.reset();
    const after = await services.access.forEntity(loan);
    expect(
      after.engine.check({ kind: 'consumer', id: STORY.housingLoan.coBorrower.id }, loan).level,
    ).to.equal('write');
  });

  it('403 on sys_user_role_contains: definitions and access answers are flagged incomplete, edges not guessed', async () => {
    faults.set({ forbiddenTables: [map.roleContains.table] });
    const { access } = makeServices();
    const result = await access.forEntity(loan);
    const incomplete = result.definitions.incomplete ?? [];
    expect(incomplete.map((item) => item.table)).to.deep.equal([map.roleContains.table]);
    expect(incomplete[0]?.reason).to.match(/403/);
    // No containment was invented: every role read from the instance contains nothing.
    expect(result.definitions.definitions.roles.every((role) => role.contains.length === 0)).to.equal(true);
    expect(requestLog.entries.some((e) => e.table === map.roleContains.table && e.status === 403)).to.equal(
      true,
    );
  });

  it('429 with Retry-After: a read waits the advertised time, then succeeds', async () => {
    faults.set({ rateLimit: { retryAfterSeconds: 1, count: 1 }, tables: [PARTY_TABLE] });
    const { parties } = makeServices({ retries: 2 });
    const { ms, value } = await timed(parties.list(loan));
    expect(value).to.have.length(3);
    expect(ms).to.be.at.least(950);
    expect(requestLog.entries.filter((e) => e.table === PARTY_TABLE).map((e) => e.status)).to.deep.equal([
      429, 200,
    ]);
  });

  it('429 on a write: not re-sent, nothing saved, and the caller is told when to try again', async () => {
    faults.set({ rateLimit: { retryAfterSeconds: 30, count: 1 }, methods: ['POST'] });
    const { parties } = makeServices({ retries: 3 });
    const before = serverParties(nearMissCase.id).length;
    const error = await rejection(parties.add(nearMissCase, attorneyOnNearMiss));
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).status).to.equal(429);
    expect((error as ApiError).retryAfterMs).to.equal(30_000);
    expect(requestLog.count({ method: 'POST' })).to.equal(1);
    expect(serverParties(nearMissCase.id)).to.have.length(before);
  });

  it('network loss on reads: a NetworkError, and the definitions fall back to the cached copy marked offline', async () => {
    const user = freshUser();
    await makeServices({ user }).definitions.load();
    faults.set({ offline: true });
    const { parties, definitions } = makeServices({ user });
    expect(await rejection(parties.list(loan))).to.be.instanceOf(NetworkError);
    const snapshot = await definitions.load();
    const after = await definitions.revalidated();
    expect(snapshot.source).to.equal('cache');
    expect(after?.offline).to.equal(true);
    expect(after?.stale).to.equal(true);
  });

  it('the connection drops after a POST landed: the add is confirmed against the server, never re-sent', async () => {
    worker.use(
      http.post(`*/api/now/table/${PARTY_TABLE}`, async ({ request }) => {
        const values = (await request.json()) as Record<string, string>;
        getStore().insert(PARTY_TABLE, values);
        return HttpResponse.error();
      }),
    );
    const { parties } = makeServices();
    const saved = await parties.add(nearMissCase, attorneyOnNearMiss);
    expect(saved.partyName).to.equal(STORY.nearMiss.caseContact.name);
    expect(
      serverParties(nearMissCase.id).filter((r) => r.contact === attorneyOnNearMiss.party.id),
    ).to.have.length(1);
  });

  it('the connection stays down after a POST: the outcome is reported unknown, never "not saved"', async () => {
    worker.use(
      http.post(`*/api/now/table/${PARTY_TABLE}`, async ({ request }) => {
        getStore().insert(PARTY_TABLE, (await request.json()) as Record<string, string>);
        faults.set({ offline: true }); // the network goes away with the answer
        return HttpResponse.error();
      }),
    );
    const { parties } = makeServices();
    const error = await rejection(parties.add(nearMissCase, attorneyOnNearMiss));
    expect(error).to.be.instanceOf(UnconfirmedWriteError);
    const unconfirmed = error as UnconfirmedWriteError;
    expect(unconfirmed.outcome).to.equal('unknown');
    expect(unconfirmed.message).to.not.match(/not saved/);
    expect(unconfirmed.message).to.match(/could not be checked/);
    expect(requestLog.count({ method: 'POST' })).to.equal(0); // the override answered it, unlogged
  });

  it('a POST that lost its answer and did not land: "not saved" only after the server said so', async () => {
    worker.use(http.post(`*/api/now/table/${PARTY_TABLE}`, () => HttpResponse.error()));
    const { parties } = makeServices();
    const error = (await rejection(parties.add(nearMissCase, attorneyOnNearMiss))) as UnconfirmedWriteError;
    expect(error.outcome).to.equal('not-saved');
    expect(error.message).to.match(/not saved/);
  });

  for (const kind of ['html', 'json'] as const) {
    it(`a POST answered 201 with a ${kind === 'html' ? 'login page' : 'truncated JSON'} body is confirmed against the server`, async () => {
      faults.set({ malformed: { kind, count: 1 }, methods: ['POST'] });
      const { parties } = makeServices();
      const saved = await parties.add(nearMissCase, attorneyOnNearMiss);
      expect(saved.record.party.id).to.equal(attorneyOnNearMiss.party.id);
      expect(requestLog.count({ method: 'POST' })).to.equal(1);
      expect(
        serverParties(nearMissCase.id).filter((r) => r.contact === attorneyOnNearMiss.party.id),
      ).to.have.length(1);
    });
  }

  for (const kind of ['json', 'html', 'shape'] as const) {
    it(`malformed ${kind} on reads: a ResponseFormatError, and no definitions invented without a cache`, async () => {
      faults.set({ malformed: kind });
      const { parties, definitions } = makeServices();
      expect(await rejection(parties.list(loan))).to.be.instanceOf(ResponseFormatError);
      const error = await rejection(definitions.load());
      expect(error).to.be.instanceOf(DefinitionsUnavailableError);
      expect((error as Error).cause).to.be.instanceOf(ResponseFormatError);
    });
  }

  it('fields hidden by ACLs are absent: rows still list and the engine still answers', async () => {
    faults.set({
      omitFields: {
        [PARTY_TABLE]: [map.caseParty.columns.responsibility ?? 'responsibility', 'sys_mod_count'],
        [map.contact.table]: ['email', 'account'],
      },
    });
    const { parties, access } = makeServices();
    const rows = await parties.list(loan);
    expect(rows).to.have.length(3);
    expect(rows.every((row) => row.responsibilityName === undefined && row.modCount === undefined)).to.equal(
      true,
    );
    const result = await access.forEntity(loan);
    const attorney = result.facts.contacts.find((c) => c.id === STORY.housingLoan.attorney.id);
    expect(attorney?.email).to.equal(undefined);
    // Without the responsibility column no party grants anything: an answer of "none", not a crash.
    expect(
      result.engine.check({ kind: 'consumer', id: STORY.housingLoan.coBorrower.id }, loan).level,
    ).to.equal('none');
  });

  it('duplicate records (a page shifted under a concurrent insert) are listed once', async () => {
    // After the first page, another agent adds a party that sorts first: offset paging repeats one.
    let pagesServed = 0;
    const stop = requestLog.subscribe((entries) => {
      const done = entries.filter((e) => e.table === PARTY_TABLE && e.status === 200).length;
      if (done === 1 && pagesServed === 0) {
        pagesServed = 1;
        getStore().insert(PARTY_TABLE, {
          [map.caseParty.columns.entity ?? 'case']: loan.id,
          contact: STORY.nearMiss.caseContact.id,
          type: STORY.housingLoan.relationshipTypes.attorney.id,
          order: '1',
        });
      }
    });
    try {
      const rows = await makeServices().parties.list(loan, { pageSize: 2 });
      const ids = rows.map((row) => row.record.id);
      expect(requestLog.count({ table: PARTY_TABLE })).to.be.at.least(2);
      expect(new Set(ids).size).to.equal(ids.length);
      expect(ids).to.include.members(Object.values(STORY.housingLoan.parties));
    } finally {
      stop();
    }
  });

  it('a party whose contact was deleted lists without a name, and the others still get their access', async () => {
    getStore().remove(map.contact.table, STORY.housingLoan.attorney.id);
    const { parties, access } = makeServices();
    const rows = await parties.list(loan);
    const attorney = rows.find((row) => row.record.party.id === STORY.housingLoan.attorney.id);
    expect(attorney).to.not.equal(undefined);
    expect(attorney?.partyName).to.equal(undefined);
    const result = await access.forEntity(loan);
    expect(result.engine.check({ kind: 'contact', id: STORY.housingLoan.attorney.id }, loan).level).to.equal(
      'none',
    );
    expect(
      result.engine.check({ kind: 'consumer', id: STORY.housingLoan.coBorrower.id }, loan).level,
    ).to.equal('write');
  });
});
