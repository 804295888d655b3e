/**
 * The deferred live feed (what `createCamServices` hands out): the feed's code is loaded at the
 * first watch, never before; what was asked while it loaded (watches, their latest rows, writes) is
 * replayed on the real `LiveFeed`, over the MSW mock backend and a fake page with a manual clock.
 */
import { expect } from '@open-wc/testing';
import { TableApiClient } from '../../src/client/table-api-client.js';
import { DEFAULT_TABLE_MAP } from '../../src/client/table-map.js';
import type { EntityRef } from '../../src/model/kinds.js';
import type { PartiesChange } from '../../src/service/change-feed.js';
import { DeferredLiveFeed } from '../../src/service/deferred-live-feed.js';
import { LiveFeed, type LiveAccessTarget, type LiveStatus } from '../../src/service/live-feed.js';
import { RelatedPartiesService } from '../../src/service/related-parties-service.js';
import { getStore, resetStore } from '../../mocks/db.js';
import { faults, requestLog } from '../../mocks/faults.js';
import { STORY } from '../../mocks/seed/index.js';
import { useMockBackend } from '../support/msw.js';
import { until } from '../support/fixtures.js';
import { FakePage } from './live-support.js';

const map = DEFAULT_TABLE_MAP;
const PARTY_TABLE = map.caseParty.table;
const loanStory = STORY.housingLoan;
const loan: EntityRef = { kind: 'case', id: loanStory.caseId };
const INTERVAL = 30_000;

const client = () =>
  new TableApiClient({ timeoutMs: 5000, retry: { retries: 0, baseDelayMs: 10, maxDelayMs: 20 } });

class AccessSpy implements LiveAccessTarget {
  readonly invalidated: (EntityRef | undefined)[] = [];
  readonly applied: PartiesChange[] = [];
  applyPartyChanges(_entity: EntityRef, change: PartiesChange): void {
    this.applied.push(change);
  }
  invalidate(entity?: EntityRef): void {
    this.invalidated.push(entity);
  }
}

/** A loader the test opens: counts calls, resolves (the real class) or fails when told. */
function gate() {
  let open: (value: typeof LiveFeed) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const calls: number[] = [];
  const promise = new Promise<typeof LiveFeed>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return {
    calls,
    load: () => {
      calls.push(1);
      return promise;
    },
    open: () => open(LiveFeed),
    fail: (message: string) => fail(new Error(message)),
  };
}

describe('live refresh: the deferred feed', () => {
  useMockBackend();
  let page: FakePage;
  let feeds: DeferredLiveFeed[] = [];

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

  function deferred(load: () => Promise<typeof LiveFeed>, access: LiveAccessTarget = new AccessSpy()) {
    const feed = new DeferredLiveFeed(
      { client: client(), tableMap: map, access, pollIntervalMs: INTERVAL, environment: page },
      load,
    );
    feeds.push(feed);
    return feed;
  }

  const shown = () => new RelatedPartiesService(client(), map).list(loan);

  it('loads nothing until an entity is watched; a write to an unwatched entity reads its access again', async () => {
    const loader = gate();
    const access = new AccessSpy();
    const feed = deferred(loader.load, access);
    expect(feed.status).to.deep.equal({ state: 'live', via: 'polling' });
    expect(feed.pollIntervalMs).to.equal(INTERVAL);
    feed.setKnown(loan, []);
    feed.written(loan);
    await feed.check();
    expect(loader.calls).to.have.length(0);
    expect(access.invalidated).to.deep.equal([loan]);
    expect(feed.loaded).to.equal(undefined);
  });

  it('watches on the real feed once loaded, with the latest rows, and replays a write made meanwhile', async () => {
    const loader = gate();
    const access = new AccessSpy();
    const feed = deferred(loader.load, access);
    const rows = await shown();
    const changes: PartiesChange[] = [];
    feed.watch(loan, [], (change) => changes.push(change));
    // The list then tells the rows it shows (a full load): the feed diffs against these.
    feed.setKnown(loan, rows);
    expect(loader.calls).to.have.length(1);
    const store = getStore();
    store.remove(PARTY_TABLE, loanStory.parties.guarantor);
    feed.written(loan);
    expect(access.invalidated, 'a watched entity is checked, not invalidated').to.deep.equal([]);
    loader.open();
    await until(() => changes.length === 1, 'the change found by the replayed write');
    expect(changes[0]?.removed.map((row) => row.partyName)).to.deep.equal(['Rosa Delgado']);
    expect(changes[0]?.added).to.deep.equal([]);
    expect(feed.loaded).to.be.instanceOf(LiveFeed);
    // From now on the feed polls on its rhythm.
    store.remove(PARTY_TABLE, loanStory.parties.coBorrower);
    page.advance(INTERVAL);
    await until(() => changes.length === 2, 'the polled change');
    expect(changes[1]?.removed.map((row) => row.partyName)).to.deep.equal(['Daniel Marquez']);
  });

  it('forgets a watch stopped before the feed loaded', async () => {
    const loader = gate();
    const feed = deferred(loader.load);
    const changes: PartiesChange[] = [];
    const stop = feed.watch(loan, await shown(), (change) => changes.push(change));
    stop();
    loader.open();
    await feed.check();
    getStore().remove(PARTY_TABLE, loanStory.parties.guarantor);
    requestLog.clear();
    page.advance(INTERVAL);
    await feed.check(loan);
    expect(requestLog.count({ table: PARTY_TABLE }), 'nothing watched, nothing polled').to.equal(0);
    expect(changes).to.deep.equal([]);
  });

  it('says live updates are off when polling is off and no push source is set, before loading anything', () => {
    const loader = gate();
    const feed = new DeferredLiveFeed(
      { client: client(), tableMap: map, access: new AccessSpy(), pollIntervalMs: 0, environment: page },
      loader.load,
    );
    feeds.push(feed);
    expect(feed.status).to.deep.equal({ state: 'off' });
    page.isOnline = false;
    const offline = deferred(loader.load);
    expect(offline.status).to.deep.equal({ state: 'paused', reason: 'offline' });
    expect(loader.calls).to.have.length(0);
  });

  it('turns live updates off, and says so, when the feed cannot be loaded', async () => {
    const loader = gate();
    const feed = deferred(loader.load);
    const statuses: LiveStatus[] = [];
    feed.subscribeStatus((status) => statuses.push(status));
    feed.watch(loan, await shown(), () => undefined);
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args.join(' '));
    try {
      loader.fail('chunk missing');
      await until(() => statuses.length === 1, 'the status');
    } finally {
      console.error = original;
    }
    expect(statuses).to.deep.equal([{ state: 'off' }]);
    expect(feed.status).to.deep.equal({ state: 'off' });
    expect(String(logged[0])).to.contain('chunk missing');
  });
});
