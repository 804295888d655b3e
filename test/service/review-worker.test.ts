/**
 * The access review in a Web Worker gives exactly the page's result — on the review story's account
 * (read through the mock Table API) and on generated worlds — streams the findings before the
 * matrix, stops for good when cancelled, falls back to the page when no worker can start, and
 * reports (never hides) a worker that fails after starting.
 */
import { expect } from '@open-wc/testing';
import { useMockBackend } from '../support/msw.js';
import { resetStore } from '../../mocks/db.js';
import { REVIEW_STORY } from '../../mocks/seed/review-story.js';
import { Rng } from '../../bench/rng.js';
import { AccessEngine } from '../../src/access/engine.js';
import { parseAccessTestFile } from '../../src/access/test-file.js';
import { clearAllDefinitionCaches } from '../../src/cache/definitions-cache.js';
import { TableApiClient } from '../../src/client/table-api-client.js';
import { DEFAULT_TABLE_MAP } from '../../src/client/table-map.js';
import type { Definitions } from '../../src/model/definitions.js';
import type { Facts, RelatedPartyRecord } from '../../src/model/facts.js';
import type { EntityKind, EntityRef, PartyRef } from '../../src/model/kinds.js';
import { allEntities, reviewAccess } from '../../src/review/review.js';
import type { ReviewResult } from '../../src/review/types.js';
import { AccessReviewService, type ReviewWorkerMode } from '../../src/service/access-review-service.js';
import { DefinitionsService } from '../../src/service/definitions-service.js';
import {
  createReviewWorker,
  reviewInWorker,
  WorkerUnavailableError,
  type ReviewWorkerFactory,
} from '../../src/service/review-worker-client.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const BUILTIN: Definitions = parseAccessTestFile({ definitions: 'builtin', facts: {} }).definitions;

/** A seeded world over the built-in definitions: closed cases, inactive people, accounts open to contacts. */
function randomWorld(seed: number, size = 60): Facts {
  const rng = new Rng(seed);
  const accounts = Array.from({ length: 4 }, (_, i) => ({
    id: `a${i}`,
    name: `Account ${i}`,
    ...(i > 0 && rng.chance(0.5) ? { parent: `a${rng.int(i)}` } : {}),
    ...(rng.chance(0.5) ? { restrictContactAccess: rng.chance(0.5) } : {}),
  }));
  const roleNames = BUILTIN.roles.map((r) => r.name);
  const roles = () => roleNames.filter(() => rng.chance(0.15));
  const contacts = Array.from({ length: size / 2 }, (_, i) => ({
    id: `ct${i}`,
    name: `Contact ${i % 7}`,
    account: rng.pick(accounts).id,
    roles: roles(),
    ...(rng.chance(0.15) ? { active: false } : {}),
  }));
  const users = Array.from({ length: 4 }, (_, i) => ({ id: `u${i}`, name: `User ${i}`, roles: roles() }));
  const soldProducts = Array.from({ length: 6 }, (_, i) => ({
    id: `sp${i}`,
    name: `Product ${i}`,
    account: rng.pick(accounts).id,
  }));
  const installBase = Array.from({ length: 8 }, (_, i) => ({
    id: `ib${i}`,
    name: `Item ${i}`,
    account: rng.pick(accounts).id,
    ...(i > 0 && rng.chance(0.4) ? { parent: `ib${rng.int(i)}` } : {}),
    ...(rng.chance(0.5) ? { soldProduct: rng.pick(soldProducts).id } : {}),
  }));
  const cases = Array.from({ length: size / 2 }, (_, i) => ({
    id: `cs${i}`,
    number: `CS${String(i).padStart(5, '0')}`,
    account: rng.pick(accounts).id,
    ...(rng.chance(0.5) ? { contact: rng.pick(contacts).id } : {}),
    ...(rng.chance(0.3) ? { soldProduct: rng.pick(soldProducts).id } : {}),
    ...(rng.chance(0.3) ? { installBase: rng.pick(installBase).id } : {}),
    ...(rng.chance(0.3) ? { closedAt: '2025-01-15T10:00:00Z' } : {}),
  }));
  const entities: EntityRef[] = [
    ...cases.map((c) => ({ kind: 'case' as const, id: c.id })),
    ...soldProducts.map((s) => ({ kind: 'sold_product' as const, id: s.id })),
    ...installBase.map((i) => ({ kind: 'install_base' as const, id: i.id })),
  ];
  const parties: PartyRef[] = [
    ...contacts.map((c) => ({ kind: 'contact' as const, id: c.id })),
    ...users.map((u) => ({ kind: 'user' as const, id: u.id })),
    ...accounts.map((a) => ({ kind: 'account' as const, id: a.id })),
  ];
  const typesFor = (kind: EntityKind, party: PartyRef) =>
    BUILTIN.relationshipTypes.filter((t) => t.appliesTo === kind && t.partyType === party.kind);
  const relatedParties: RelatedPartyRecord[] = [];
  for (let i = 0; relatedParties.length < size * 2 && i < size * 20; i++) {
    const entity = rng.pick(entities);
    const party = rng.pick(parties);
    const types = typesFor(entity.kind, party);
    if (types.length === 0) continue;
    relatedParties.push({ id: `rp${i}`, entity, party, type: rng.pick(types).id });
  }
  return {
    accounts,
    contacts,
    consumers: [],
    users,
    serviceOrganizations: [],
    households: [],
    soldProducts,
    installBase,
    cases,
    relatedParties,
  };
}

/** Counts the workers started and terminated through it. */
function countingFactory(make: ReviewWorkerFactory = createReviewWorker) {
  const counts = { started: 0, ready: 0, terminated: 0 };
  const factory: ReviewWorkerFactory = () => {
    const worker = make();
    counts.started += 1;
    worker.addEventListener('message', (e: MessageEvent<{ type: string }>) => {
      if (e.data.type === 'ready') counts.ready += 1;
    });
    const terminate = worker.terminate.bind(worker);
    worker.terminate = () => {
      counts.terminated += 1;
      terminate();
    };
    return worker;
  };
  return { counts, factory };
}

/** A worker from source text (a stand-in for a broken build). */
function workerOf(source: string): ReviewWorkerFactory {
  return () => new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
}

/** Lets queued tasks (worker messages among them) run. */
const tasks = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

function expectSameReview(actual: ReviewResult, expected: ReviewResult): void {
  expect(actual.findings).to.deep.equal(expected.findings);
  expect(actual.rows).to.deep.equal(expected.rows);
}

describe('access review in a Web Worker', () => {
  useMockBackend();
  afterEach(async () => {
    resetStore();
    await clearAllDefinitionCaches();
  });

  const reviewService = (worker: ReviewWorkerMode, createWorker?: ReviewWorkerFactory) => {
    const client = new TableApiClient({ timeoutMs: 5000, retry: { retries: 0 } });
    const definitions = new DefinitionsService({
      client,
      tableMap: DEFAULT_TABLE_MAP,
      instance: location.origin,
      user: `review-worker-${Math.random()}`,
    });
    return new AccessReviewService(client, DEFAULT_TABLE_MAP, definitions, { worker, createWorker });
  };

  it('gives the page’s findings and rows for the review story’s account, findings first', async () => {
    const { counts, factory } = countingFactory();
    const service = reviewService('always', factory);
    const loaded = await service.load({ kind: 'account', account: REVIEW_STORY.account.id });
    const events: string[] = [];
    let early: readonly unknown[] = [];
    const inWorker = await service.reviewLoaded(loaded, {
      now: NOW,
      onProgress: () => events.push('progress'),
      onFindings: (findings) => {
        events.push('findings');
        early = [...findings];
      },
    });
    expect(counts).to.deep.equal({ started: 1, ready: 1, terminated: 1 });
    const onPage = await reviewService('never').reviewLoaded(loaded, { now: NOW });
    expectSameReview(inWorker, onPage);
    expectSameReview(inWorker, reviewAccess(loaded.engine, { now: NOW, scope: loaded.entities }));
    expect(inWorker.findings.length).to.be.greaterThan(0);
    expect(inWorker.rows.length).to.be.greaterThan(0);
    expect(events.filter((e) => e === 'findings')).to.have.length(1);
    expect(early).to.deep.equal(inWorker.findings);
  });

  it('gives the page’s result on generated worlds', async () => {
    for (const seed of [1, 2, 3]) {
      const facts = randomWorld(seed);
      const engine = new AccessEngine(BUILTIN, facts);
      const scope = allEntities(engine);
      const expected = reviewAccess(engine, { now: NOW, closedDays: 30, scope });
      const actual = await reviewInWorker({ definitions: BUILTIN, facts, scope, now: NOW, closedDays: 30 });
      expect(expected.findings.length, `seed ${seed}: findings`).to.be.greaterThan(0);
      expect(expected.rows.length, `seed ${seed}: rows`).to.be.greaterThan(0);
      expectSameReview(actual, expected);
    }
  });

  it('streams large results in several messages and still gives the page’s result', async function () {
    // A large world reviewed twice (page and worker): seconds on a slow or busy machine.
    this.timeout(40_000);
    const facts = randomWorld(7, 1200);
    const engine = new AccessEngine(BUILTIN, facts);
    const scope = allEntities(engine);
    const expected = reviewAccess(engine, { now: NOW, scope });
    expect(expected.rows.length).to.be.greaterThan(1000);
    expectSameReview(await reviewInWorker({ definitions: BUILTIN, facts, scope, now: NOW }), expected);
  });

  it('cancel terminates the worker: the review rejects and no progress follows', async () => {
    const facts = randomWorld(11, 1200);
    const { counts, factory } = countingFactory();
    const abort = new AbortController();
    let progress = 0;
    const run = reviewInWorker(
      { definitions: BUILTIN, facts, scope: allEntities(new AccessEngine(BUILTIN, facts)), now: NOW },
      {
        createWorker: factory,
        signal: abort.signal,
        onProgress: () => {
          progress += 1;
          abort.abort(new DOMException('Cancelled', 'AbortError'));
        },
      },
    );
    let error: unknown;
    try {
      await run;
    } catch (e) {
      error = e;
    }
    expect((error as DOMException | undefined)?.name).to.equal('AbortError');
    expect(counts).to.deep.equal({ started: 1, ready: 1, terminated: 1 });
    const seen = progress;
    await tasks(20);
    expect(progress).to.equal(seen);
  });

  it('a worker that cannot start is reported as unavailable; the service then reviews on the page', async () => {
    const facts = randomWorld(5);
    const scope = allEntities(new AccessEngine(BUILTIN, facts));
    const input = { definitions: BUILTIN, facts, scope, now: NOW };
    const missing = () =>
      new Worker(new URL('./no-such-review-worker.js', import.meta.url), { type: 'module' });
    const refused = () => {
      throw new DOMException('Refused by the Content-Security-Policy', 'SecurityError');
    };
    for (const createWorker of [missing, refused]) {
      let error: unknown;
      try {
        await reviewInWorker(input, { createWorker });
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(WorkerUnavailableError);
    }
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const service = reviewService('always', missing);
      const loaded = await service.load({ kind: 'account', account: REVIEW_STORY.account.id });
      let findingsFirst = false;
      const result = await service.reviewLoaded(loaded, {
        now: NOW,
        onFindings: () => (findingsFirst = true),
      });
      expectSameReview(result, reviewAccess(loaded.engine, { now: NOW, scope: loaded.entities }));
      expect(findingsFirst).to.equal(true);
    } finally {
      console.warn = warn;
    }
    expect(warnings.join('\n')).to.match(/reviewing on the page instead/);
  });

  it('a worker that fails after starting rejects with the failure, never with a result', async () => {
    const facts = randomWorld(5);
    const scope = allEntities(new AccessEngine(BUILTIN, facts));
    const input = { definitions: BUILTIN, facts, scope, now: NOW };
    const throwing = workerOf(
      `postMessage({ type: 'ready' }); addEventListener('message', (e) => { if (e.data.type === 'run') throw new Error('engine exploded'); });`,
    );
    const failing = workerOf(
      `postMessage({ type: 'ready' }); addEventListener('message', (e) => { if (e.data.type === 'run') postMessage({ type: 'failed', message: 'out of memory' }); });`,
    );
    for (const [createWorker, message] of [
      [throwing, /engine exploded/],
      [failing, /out of memory/],
    ] as const) {
      const { counts, factory } = countingFactory(createWorker);
      let error: unknown;
      try {
        await reviewInWorker(input, { createWorker: factory });
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(Error);
      expect(error).not.to.be.instanceOf(WorkerUnavailableError);
      expect((error as Error).message).to.match(message);
      expect(counts.terminated).to.equal(1);
    }
    // Through the service: no fallback that could hide it, the failure reaches the caller.
    const service = reviewService('always', throwing);
    const loaded = await service.load({ kind: 'account', account: REVIEW_STORY.account.id });
    let error: unknown;
    try {
      await service.reviewLoaded(loaded, { now: NOW });
    } catch (e) {
      error = e;
    }
    expect((error as Error | undefined)?.message).to.match(/engine exploded/);
  });
});
