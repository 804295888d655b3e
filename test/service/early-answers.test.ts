/**
 * The badges in view first: an entity naming many people reads the people whose answers are
 * asked for while its parties are read (and every group's members) before the others, and answers
 * them at once — exactly as the whole load answers them. An ordinary entity is read in one go.
 */
import { expect } from '@open-wc/testing';
import { useMockBackend } from '../support/msw.js';
import { until } from '../support/fixtures.js';
import { getStore, resetStore } from '../../mocks/db.js';
import { faults, requestLog } from '../../mocks/faults.js';
import { seedLargeCase, STORY } from '../../mocks/seed/index.js';
import { TableApiClient } from '../../src/client/table-api-client.js';
import { DEFAULT_TABLE_MAP } from '../../src/client/table-map.js';
import { AccessFactsLoader } from '../../src/service/access-facts-loader.js';
import { AccessService, type EntityAccess } from '../../src/service/access-service.js';
import { DefinitionsService } from '../../src/service/definitions-service.js';
import { clearAllDefinitionCaches } from '../../src/cache/definitions-cache.js';
import type { EntityRef, PartyRef, PrincipalRef } from '../../src/model/kinds.js';

const map = DEFAULT_TABLE_MAP;
/** Latency of every read of a person: the people read after the first ones take this long. */
const PEOPLE_LATENCY_MS = 1500;

const client = () => new TableApiClient({ timeoutMs: 10_000, retry: { retries: 0 } });
const gets = (table: string) => requestLog.count({ method: 'GET', table });
const peopleIn = ({ facts }: EntityAccess): number =>
  facts.contacts.length + facts.consumers.length + facts.users.length;

async function services(): Promise<AccessService<Awaited<ReturnType<DefinitionsService['load']>>>> {
  const c = client();
  const definitions = new DefinitionsService({
    client: c,
    tableMap: map,
    instance: location.origin,
    user: `early-${Math.random()}`,
  });
  await definitions.load();
  return new AccessService(new AccessFactsLoader(c, map), definitions);
}

describe('AccessService: the badges in view first', () => {
  useMockBackend();
  afterEach(async () => {
    faults.reset();
    requestLog.clear();
    resetStore();
    await clearAllDefinitionCaches();
  });

  it('answers the people asked for while the parties are read before reading the others, as the whole load does', async function () {
    this.timeout(20_000);
    const large = seedLargeCase(getStore(), { parties: 600, principals: 500 });
    const entity: EntityRef = { kind: 'case', id: large.caseId };
    const access = await services();
    requestLog.clear();
    faults.set({ latencyMs: PEOPLE_LATENCY_MS, tables: [map.contact.table, map.consumer.table] });

    // The first rows are shown; their badges ask (as a list's badges in view do).
    let inView: PartyRef[] = [];
    let early: Promise<{ access: EntityAccess; at: number }>[] = [];
    await access.partyRows(entity, {
      onProgress: ({ rows }) => {
        if (early.length > 0) return;
        inView = rows.slice(0, 3).map((row) => row.record.party);
        early = inView.map(async (party) => ({
          access: await access.forSubject(entity, party),
          at: performance.now(),
        }));
      },
    });
    await until(() => early.length > 0, 'the first rows');
    const answers = await Promise.all(early);
    const whole = await access.forEntity(entity);
    const wholeAt = performance.now();

    // Answered before the other people were read (their reads take PEOPLE_LATENCY_MS).
    for (const { at } of answers) expect(wholeAt - at).to.be.above(PEOPLE_LATENCY_MS * 0.6);
    expect(peopleIn(answers[0]!.access), 'the first picture lacks the others').to.be.below(peopleIn(whole));
    expect(gets(map.userHasRole.table), 'roles held: the first people, then the rest').to.be.above(1);
    // …and exactly as the whole load answers them: level, paths, near misses.
    inView.forEach((party, i) => {
      const principal = party as PrincipalRef;
      expect(answers[i]!.access.engine.explain(principal, entity)).to.deep.equal(
        whole.engine.explain(principal, entity),
      );
    });
    // Someone asked for once the others are being read waits for the whole load.
    const other = whole.parties.at(-1)!.record.party;
    expect(inView.some((p) => p.id === other.id)).to.equal(false);
    expect(peopleIn(await access.forSubject(entity, other))).to.equal(peopleIn(whole));
  });

  it('a failed load fails every subject waiting on it, with no load of their own', async () => {
    const access = await services();
    const loan: EntityRef = { kind: 'case', id: STORY.housingLoan.caseId };
    requestLog.clear();
    faults.set({ errorRate: [{ status: 500, rate: 1 }], tables: [map.caseParty.table] });
    const subjects: PartyRef[] = [
      { kind: 'contact', id: STORY.housingLoan.attorney.id },
      { kind: 'consumer', id: STORY.housingLoan.coBorrower.id },
    ];
    const answers = await Promise.allSettled(subjects.map((s) => access.forSubject(loan, s)));
    expect(answers.map((a) => a.status)).to.deep.equal(['rejected', 'rejected']);
    expect(gets(map.caseParty.table), 'one read of the parties').to.equal(1);
  });

  it('reads an ordinary entity in one go: no early picture, the people asked for included', async () => {
    const loan: EntityRef = { kind: 'case', id: STORY.housingLoan.caseId };
    // A contact of another case: no party of the loan names her.
    const stranger: PrincipalRef = { kind: 'contact', id: STORY.nearMiss.contact.id };
    let early = 0;
    const loaded = await new AccessFactsLoader(client(), map).load(loan, {
      priority: () => [stranger],
      onEarly: () => early++,
    });
    expect(early).to.equal(0);
    expect(loaded.facts.contacts.some((c) => c.id === stranger.id)).to.equal(true);
    expect(gets(map.userHasRole.table)).to.equal(1);
  });
});
