/**
 * Live refresh, the services (browser, MSW mock backend, a fake page with a manual clock): what
 * one check costs and finds, pausing while hidden or offline, back-off, a push source over MSW's
 * WebSocket support, and two tabs sharing one poll.
 */
import { expect } from '@open-wc/testing';
import { TableApiClient } from '../../src/client/table-api-client.js';
import { DEFAULT_TABLE_MAP } from '../../src/client/table-map.js';
import type { EntityRef } from '../../src/model/kinds.js';
import type { PartiesChange } from '../../src/service/change-feed.js';
import { LiveFeed, type LiveAccessTarget, type PushSource } from '../../src/service/live-feed.js';
import { RelatedPartiesService } from '../../src/service/related-parties-service.js';
import { WebSocketPushSource } from '../../src/service/websocket-push-source.js';
import { getStore, resetStore } from '../../mocks/db.js';
import { faults, requestLog } from '../../mocks/faults.js';
import { announceWrites, livePushHandler, livePushSubscriptions } from '../../mocks/live-push.js';
import { STORY } from '../../mocks/seed/index.js';
import { useMockBackend } from '../support/msw.js';
import { until } from '../support/fixtures.js';
import { FakePage } from './live-support.js';

const map = DEFAULT_TABLE_MAP;
const PARTY_TABLE = map.caseParty.table;
const loanStory = STORY.housingLoan;
const loan: EntityRef = { kind: 'case', id: loanStory.caseId };
const INTERVAL = 30_000;

function client(): TableApiClient {
  return new TableApiClient({ timeoutMs: 5000, retry: { retries: 0, baseDelayMs: 10, maxDelayMs: 20 } });
}

/** Records what the feed hands the access service. */
class AccessSpy implements LiveAccessTarget {
  readonly applied: PartiesChange[] = [];
  readonly invalidated: (EntityRef | undefined)[] = [];
  applyPartyChanges(_entity: EntityRef, change: PartiesChange): void {
    this.applied.push(change);
  }
  invalidate(entity?: EntityRef): void {
    this.invalidated.push(entity);
  }
}

/** Writes to the store as another agent (sys_updated_by = dana.ruiz). */
function asDana<T>(write: () => T): T {
  const store = getStore();
  const previous = store.userName;
  store.userName = STORY.agents.colleague.userName;
  try {
    return write();
  } finally {
    store.userName = previous;
  }
}

const partyGets = () => requestLog.entries.filter((e) => e.method === 'GET' && e.table === PARTY_TABLE);

describe('live refresh: the change feed', () => {
  const worker = useMockBackend();
  let feeds: LiveFeed[] = [];
  let page: FakePage;

  beforeEach(() => {
    page = new FakePage();
  });

  afterEach(() => {
    for (const feed of feeds) feed.dispose();
    feeds = [];
    faults.reset();
    requestLog.clear();
    resetStore();
  });

  function feed(options: { push?: PushSource; tabsName?: string; access?: LiveAccessTarget } = {}) {
    const created = new LiveFeed({
      client: client(),
      tableMap: map,
      access: options.access ?? new AccessSpy(),
      pollIntervalMs: INTERVAL,
      environment: page,
      ...(options.push ? { push: options.push } : {}),
      ...(options.tabsName ? { tabsName: options.tabsName } : {}),
    });
    feeds.push(created);
    return created;
  }

  async function shown() {
    return new RelatedPartiesService(client(), map).list(loan);
  }

  it('finds an addition, an edit and a deletion with one fields-limited query, re-reading only what changed', async () => {
    const access = new AccessSpy();
    const live = feed({ access });
    const changes: PartiesChange[] = [];
    live.watch(loan, await shown(), (change) => changes.push(change));
    const store = getStore();
    const added = asDana(() =>
      store.insert(PARTY_TABLE, {
        case: loan.id,
        contact: STORY.trackedProduct.operations.id,
        type: loanStory.relationshipTypes.attorney.id,
      }),
    );
    asDana(() =>
      store.update(PARTY_TABLE, loanStory.parties.coBorrower, {
        type: loanStory.relationshipTypes.guarantor.id,
      }),
    );
    store.remove(PARTY_TABLE, loanStory.parties.guarantor);
    requestLog.clear();

    page.advance(INTERVAL);
    await until(() => changes.length === 1, 'the change');

    const [change] = changes;
    expect(change?.added.map((row) => [row.partyName, row.typeName])).to.deep.equal([
      ['Omar Haddad', 'Attorney'],
    ]);
    expect(
      change?.changed.map(({ row, previous }) => [row.partyName, previous.typeName, row.typeName]),
    ).to.deep.equal([['Daniel Marquez', 'Co-borrower', 'Guarantor']]);
    expect(change?.removed.map((row) => row.partyName)).to.deep.equal(['Rosa Delgado']);
    expect(change?.by.get(added.sys_id ?? '')).to.equal('Dana Ruiz');
    expect(access.applied).to.have.length(1);
    // One stamp query (four fields), one re-read of the two changed rows, one name lookup.
    const [stamps, reread, ...more] = partyGets().map((e) => new URL(e.url).searchParams);
    expect(more).to.have.length(0);
    expect(stamps?.get('sysparm_fields')).to.equal('sys_id,sys_mod_count,sys_updated_on,sys_updated_by');
    expect(reread?.get('sysparm_query')).to.equal(`sys_idIN${added.sys_id},${loanStory.parties.coBorrower}`);
    expect(requestLog.count({ table: map.user.table })).to.equal(1);
  });

  it('a check that finds nothing costs one party request (and two for the facts under badges) and tells nobody', async () => {
    const access = new AccessSpy();
    const live = feed({ access });
    const changes: PartiesChange[] = [];
    live.watch(loan, await shown(), (change) => changes.push(change));
    requestLog.clear();
    page.advance(INTERVAL);
    const settled = () =>
      requestLog.entries.length === 3 && requestLog.entries.every((e) => e.status === 200);
    await until(() => settled() && page.pending().length === 1, 'the poll');
    expect(requestLog.entries.map((e) => e.table).sort()).to.deep.equal(
      [PARTY_TABLE, map.userHasRole.table, map.contact.table].sort(),
    );
    expect(changes).to.have.length(0);
    expect(access.applied).to.have.length(0);
    expect(access.invalidated).to.have.length(0);
    expect(page.pending()).to.deep.equal([INTERVAL]);
  });

  it('polls nothing while the page is hidden or offline, and checks at once on return', async () => {
    const live = feed();
    const changes: PartiesChange[] = [];
    live.watch(loan, await shown(), (change) => changes.push(change));
    requestLog.clear();

    page.hide();
    expect(live.status).to.deep.equal({ state: 'paused', reason: 'hidden' });
    getStore().remove(PARTY_TABLE, loanStory.parties.attorney);
    page.advance(10 * INTERVAL);
    expect(requestLog.entries).to.have.length(0);
    page.show();
    await until(() => changes.length === 1, 'the check on return');
    expect(changes[0]?.removed.map((row) => row.partyName)).to.deep.equal(['James Whitfield']);

    page.goOffline();
    expect(live.status).to.deep.equal({ state: 'paused', reason: 'offline' });
    requestLog.clear();
    page.advance(10 * INTERVAL);
    expect(requestLog.entries).to.have.length(0);
    page.goOnline();
    await until(() => partyGets().length === 1, 'the check when back online');
    await until(() => live.status.state === 'live', 'live again');
  });

  it('backs off exponentially with jitter on errors, honours Retry-After, and recovers', async () => {
    const live = feed();
    live.watch(loan, await shown(), () => undefined);
    const failedChecks = () => partyGets().filter((e) => e.status !== undefined && e.status >= 400).length;

    faults.set({ errorRate: [{ status: 500, rate: 1 }], tables: [PARTY_TABLE] });
    page.advance(INTERVAL);
    await until(() => failedChecks() === 1, 'the first failure');
    await until(() => live.status.state === 'retrying', 'retrying');
    expect(page.pending()).to.deep.equal([2 * INTERVAL]);
    page.jitter = 0; // the low end of the jitter range: ×0.75
    page.advance(2 * INTERVAL);
    await until(() => failedChecks() === 2, 'the second failure');
    await until(() => page.pending().length === 1, 'the next retry');
    expect(page.pending()).to.deep.equal([0.75 * 4 * INTERVAL]);

    // A 429 asking for ten minutes is honoured even beyond the back-off's five-minute cap.
    faults.reset();
    faults.set({ rateLimit: { retryAfterSeconds: 600, count: 1 }, tables: [PARTY_TABLE] });
    page.advance(0.75 * 4 * INTERVAL);
    await until(() => failedChecks() === 3, 'the rate-limited check');
    await until(() => page.pending().length === 1, 'the wait');
    expect(page.pending()).to.deep.equal([600_000]);

    page.advance(600_000);
    await until(() => live.status.state === 'live', 'recovered');
    expect(page.pending()).to.deep.equal([INTERVAL]);
  });

  it('a push source over a WebSocket (MSW ws) triggers checks; nothing is polled on a timer', async () => {
    worker.use(livePushHandler);
    const stopAnnouncing = announceWrites();
    const push = new WebSocketPushSource(`ws://${location.host}/api/cam/live`);
    try {
      const live = feed({ push });
      const changes: PartiesChange[] = [];
      live.watch(loan, await shown(), (change) => changes.push(change));
      await until(() => livePushSubscriptions().includes(`case:${loan.id}`), 'the subscription');
      expect(page.pending()).to.deep.equal([]);
      expect(live.status).to.deep.equal({ state: 'live', via: 'push' });

      // Another agent adds a party through the Table API; the server pushes, the feed checks.
      await new RelatedPartiesService(client(), map).add(loan, {
        party: { kind: 'contact', id: STORY.trackedProduct.operations.id },
        type: loanStory.relationshipTypes.attorney.id,
      });
      await until(() => changes.length === 1, 'the pushed change');
      expect(changes[0]?.added.map((row) => row.partyName)).to.deep.equal(['Omar Haddad']);
      requestLog.clear();
      page.advance(20 * INTERVAL);
      expect(requestLog.entries).to.have.length(0);
    } finally {
      stopAnnouncing();
      push.close();
    }
  });

  it('tabs of one user share a poll: one asks the server, the other hears its stamps', async () => {
    const tabsName = `cam-live-test-${Date.now()}`;
    const first = feed({ tabsName });
    const second = feed({ tabsName });
    const heard: PartiesChange[][] = [[], []];
    first.watch(loan, await shown(), (change) => heard[0]?.push(change));
    second.watch(loan, await shown(), (change) => heard[1]?.push(change));
    getStore().remove(PARTY_TABLE, loanStory.parties.guarantor);
    requestLog.clear();

    await Promise.all([first.check(loan), second.check(loan)]);
    await until(() => heard.every((list) => list.length === 1), 'both tabs told');
    const stampQueries = partyGets().filter((e) =>
      new URL(e.url).searchParams.get('sysparm_fields')?.startsWith('sys_id,sys_mod_count'),
    );
    expect(stampQueries).to.have.length(1);
    expect(heard.map((list) => list[0]?.removed.map((row) => row.partyName))).to.deep.equal([
      ['Rosa Delgado'],
      ['Rosa Delgado'],
    ]);
  });

  it('a role granted to, or an account change of, a principal on screen makes the badges recompute', async () => {
    const access = new AccessSpy();
    const live = feed({ access });
    const changes: PartiesChange[] = [];
    live.watch(loan, await shown(), (change) => changes.push(change));
    await live.check(loan); // the first check takes the baseline
    expect(access.invalidated).to.deep.equal([]);

    const store = getStore();
    const role = store.all(map.role.table)[0]?.sys_id ?? '';
    store.insert(map.userHasRole.table, { user: loanStory.coBorrower.id, role });
    await live.check(loan);
    expect(access.invalidated).to.deep.equal([loan]);

    store.update(map.contact.table, loanStory.attorney.id, { account: STORY.trackedProduct.account.id });
    await live.check(loan);
    expect(access.invalidated).to.deep.equal([loan, loan]);

    await live.check(loan);
    expect(access.invalidated).to.have.length(2);
    expect(changes).to.have.length(0);
    // Only the principals of the rows were asked about.
    const roleQuery = requestLog.entries.filter((e) => e.table === map.userHasRole.table).at(-1)?.url ?? '';
    const asked = new URL(roleQuery).searchParams.get('sysparm_query') ?? '';
    expect(
      asked
        .replace(/^user IN|^userIN/, '')
        .split(',')
        .sort(),
    ).to.deep.equal([loanStory.coBorrower.id, loanStory.guarantor.id, loanStory.attorney.id].sort());
  });

  it('a write through the services reaches the watchers without any manual invalidation', async () => {
    const access = new AccessSpy();
    const c = client();
    const live = feed({ access });
    const parties = new RelatedPartiesService(c, map);
    parties.onWrite((entity) => live.written(entity));
    const changes: PartiesChange[] = [];
    live.watch(loan, await parties.list(loan), (change) => changes.push(change));
    const [row] = (await parties.list(loan)).filter((r) => r.record.id === loanStory.parties.attorney);
    if (!row) throw new Error('no attorney row');
    await parties.remove(row);
    await until(() => changes.length === 1, 'the change');
    expect(changes[0]?.removed.map((r) => r.partyName)).to.deep.equal(['James Whitfield']);
    // An entity nobody watches: its access (badges) is read again instead.
    const nearMiss: EntityRef = { kind: 'case', id: STORY.nearMiss.caseId };
    live.written(nearMiss);
    expect(access.invalidated).to.deep.equal([nearMiss]);
  });
});
