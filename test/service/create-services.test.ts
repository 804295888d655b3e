/**
 * `createCamServices`: the services a host (with or without Lit) creates, over the mock backend —
 * the same wiring <cam-provider> uses — and the loading policies that moved out of the elements.
 */
import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import { html } from 'lit';
import '../../components/index.js';
import type { CamProvider } from '../../components/provider/cam-provider.component.js';
import type { CamEffectiveAccessBadge } from '../../components/effective-access-badge/cam-effective-access-badge.component.js';
import { until } from '../support/fixtures.js';
import { http, HttpResponse } from 'msw';
import { useMockBackend } from '../support/msw.js';
import { AccessReviewService } from '../../src/service/access-review-service.js';
import { rejection, deleteAllDatabases } from '../support/async.js';
import { resetStore } from '../../mocks/db.js';
import { faults, requestLog } from '../../mocks/faults.js';
import { STORY } from '../../mocks/seed/index.js';
import {
  AuthError,
  EntityNotFoundError,
  FactsUnavailableError,
  QueryValueError,
  TableApiClient,
  createCamServices,
  type EntityRef,
  type OwnedCamServices,
} from '../../src/index.js';

const loan: EntityRef = { kind: 'case', id: STORY.housingLoan.caseId };

let counter = 0;
const freshUser = () => `create-services-${Date.now().toString(36)}-${(counter += 1)}`;

describe('createCamServices', () => {
  const worker = useMockBackend();
  let services: OwnedCamServices | undefined;
  const make = (options: Parameters<typeof createCamServices>[0] = {}) =>
    (services = createCamServices({ userId: freshUser(), timeoutMs: 5000, ...options }));

  afterEach(async () => {
    fixtureCleanup();
    services?.dispose();
    services = undefined;
    faults.reset();
    requestLog.clear();
    resetStore();
    await deleteAllDatabases();
  });

  it('gives a host the services and nothing that reaches around them (no client, no table map)', () => {
    const created = make();
    expect(Object.keys(created).sort()).to.deep.equal(
      ['access', 'definitions', 'dispose', 'live', 'loadReview', 'parties', 'reportError'].sort(),
    );
  });

  it('creates the access review service on demand, once', async () => {
    const created = make();
    const first = await created.loadReview?.();
    expect(first).to.be.instanceOf(AccessReviewService);
    expect(await created.loadReview?.()).to.equal(first);
  });

  it('names the cache owner: the base URL origin (or the page origin) and the user', () => {
    expect(make({ userId: 'ana' }).definitions.owner).to.deep.equal({
      instance: location.origin,
      user: 'ana',
    });
    services?.dispose();
    const remote = make({ baseUrl: 'https://acme.example.com/some/path', userId: '' });
    expect(remote.definitions.owner).to.deep.equal({
      instance: 'https://acme.example.com',
      user: 'anonymous',
    });
  });

  it('resolves entity attributes through the host table map', () => {
    const created = make({ tableMap: { case: { table: 'x_case' } } });
    expect(created.parties.entityOf('x_case', 'c1')).to.deep.equal({ kind: 'case', id: 'c1' });
    // The default table names still work; an unknown table or an empty id name nothing.
    expect(created.parties.entityOf('sn_customerservice_case', 'c1')).to.deep.equal({
      kind: 'case',
      id: 'c1',
    });
    expect(created.parties.entityOf('incident', 'c1')).to.equal(undefined);
    expect(created.parties.entityOf('x_case', '')).to.equal(undefined);
    expect(created.parties.kindsOn('case')).to.include.members(['contact', 'consumer', 'user', 'account']);
  });

  it('lists, searches and explains over the backend', async () => {
    const created = make();
    const rows = await created.parties.list(loan);
    expect(rows.map((row) => row.partyName)).to.include(STORY.housingLoan.attorney.name);

    const found = await created.parties.search('contact', 'James');
    expect(found.results.map((r) => r.name)).to.include(STORY.housingLoan.attorney.name);
    // Text the query language cannot carry is refused before anything is sent.
    requestLog.clear();
    expect(await rejection(created.parties.search('contact', 'a^b'))).to.be.instanceOf(QueryValueError);
    expect(requestLog.count({})).to.equal(0);

    const principal = { kind: 'contact' as const, id: STORY.housingLoan.attorney.id };
    const explained = await created.access.explain(principal, loan);
    expect(explained.factsFrom).to.equal('instance');
    expect(explained.explanation.level).to.equal('write');
  });

  it('reads an account’s contacts for the preview of adding the account', async () => {
    const created = make();
    const { account } = STORY.trackedProduct;
    const members = await created.parties.members({ kind: 'account', id: account.id });
    const ids = members.principals.map((p) => p.id);
    expect(ids).to.include.members([STORY.trackedProduct.finance.id, STORY.trackedProduct.operations.id]);
    expect(members.truncated).to.equal(false);

    const entity: EntityRef = { kind: 'sold_product', id: STORY.trackedProduct.soldProductId };
    const preview = await created.access.forParty(entity, { kind: 'account', id: account.id }, account.name);
    const finance = { kind: 'contact' as const, id: STORY.trackedProduct.finance.id };
    expect(preview.engine.explain(finance, entity).level).to.equal('read');
  });

  it('says an entity does not exist instead of showing an empty list', async () => {
    const created = make();
    const missing: EntityRef = { kind: 'case', id: 'f'.repeat(32) };
    const error = await rejection(created.access.withParties(missing));
    expect(error).to.be.instanceOf(EntityNotFoundError);
    expect((error as EntityNotFoundError).table).to.equal('sn_customerservice_case');
  });

  it('compiles the definitions once per snapshot, not once per entity', async () => {
    const created = make();
    const first = await created.access.forEntity(loan);
    const other = await created.access.forEntity({ kind: 'case', id: STORY.nearMiss.caseId });
    expect(other.definitions).to.equal(first.definitions);
    // The role catalogue is part of the compiled definitions: one object for both engines.
    expect(other.engine.catalog).to.equal(first.engine.catalog);
  });

  it('explains from imported facts when the instance is unreachable, and says so without them', async () => {
    const created = make();
    await created.definitions.load();
    faults.set({ offline: true });
    const principal = { kind: 'contact' as const, id: STORY.housingLoan.attorney.id };
    expect(await rejection(created.access.explain(principal, loan))).to.be.instanceOf(FactsUnavailableError);
  });

  it('hands the 401s of an injected client to onAuthRequired', async () => {
    const seen: AuthError[] = [];
    worker.use(
      http.get(
        '*/api/now/table/sn_customerservice_related_party',
        () => new HttpResponse(null, { status: 401 }),
      ),
    );
    const created = make({
      client: new TableApiClient({ retry: { retries: 0 } }),
      onAuthRequired: (e) => seen.push(e),
    });
    const error = await rejection(created.parties.list(loan));
    expect(error).to.be.instanceOf(AuthError);
    created.reportError(error);
    expect(seen).to.have.length(1);
  });

  it('serves the elements when a host hands them to <cam-provider> as they are', async () => {
    const created = make();
    const provider = await fixture<CamProvider>(
      html`<cam-provider .services=${created}>
        <cam-effective-access-badge
          principal-kind="contact"
          principal-id=${STORY.housingLoan.attorney.id}
          entity-table="sn_customerservice_case"
          entity-id=${loan.id}
        ></cam-effective-access-badge>
      </cam-provider>`,
    );
    expect(provider.current).to.equal(created);
    const badge = provider.querySelector('cam-effective-access-badge') as CamEffectiveAccessBadge;
    await until(() => badge.level !== undefined, 'the badge to answer');
    expect(badge.level).to.equal('write');
    // The badge's load went through the host's services: their cache holds the entity.
    requestLog.clear();
    await created.access.forEntity(loan);
    expect(requestLog.count()).to.equal(0);
  });
});
