import { expect } from '@open-wc/testing';
import { useMockBackend } from '../support/msw.js';
import { resetStore } from '../../mocks/db.js';
import { faults, requestLog } from '../../mocks/faults.js';
import { STORY } from '../../mocks/seed/index.js';
import { TableApiClient } from '../../src/client/table-api-client.js';
import { DEFAULT_TABLE_MAP } from '../../src/client/table-map.js';
import { AccessFactsLoader } from '../../src/service/access-facts-loader.js';
import { AccessService } from '../../src/service/access-service.js';
import { DefinitionsService } from '../../src/service/definitions-service.js';
import type { EntityRef, PrincipalRef } from '../../src/model/kinds.js';
import type { Facts } from '../../src/model/facts.js';

const map = DEFAULT_TABLE_MAP;
const tracked = STORY.trackedProduct;
const fiona: PrincipalRef = { kind: 'contact', id: tracked.finance.id };

function client() {
  return new TableApiClient({ timeoutMs: 5000, retry: { retries: 0 } });
}

function accessService() {
  const c = client();
  const definitions = new DefinitionsService({
    client: c,
    tableMap: map,
    instance: location.origin,
    user: `loader-${Math.random()}`,
    storage: { persist: false },
  });
  return new AccessService(new AccessFactsLoader(c, map), definitions);
}

describe('AccessFactsLoader: the records access cascades from', () => {
  useMockBackend();
  afterEach(() => {
    faults.reset();
    requestLog.clear();
    resetStore();
  });

  it("loads an install base item's sold product: Fiona reads the Fleet Telematics install base", async () => {
    const item: EntityRef = { kind: 'install_base', id: tracked.installBase.rootId };
    const { facts } = await new AccessFactsLoader(client(), map).load(item, { principals: [fiona] });
    expect(facts.soldProducts.map((p) => p.id)).to.include(tracked.soldProductId);
    expect(facts.relatedParties.map((r) => r.id)).to.include(tracked.parties.finance);

    const access = await accessService().forEntity(item, { principal: fiona });
    const explanation = access.engine.explain(fiona, item);
    expect(explanation.level).to.equal('read');
    const cascade = explanation.grants.find((g) => g.source === 'related-party');
    expect(cascade && 'cascade' in cascade ? cascade.cascade?.from : undefined).to.deep.equal({
      kind: 'sold_product',
      id: tracked.soldProductId,
    });
  });

  it('runs independent reads together, never more than five at once', async () => {
    faults.set({ latencyMs: 40 });
    let inFlight = 0;
    const stop = requestLog.subscribe((entries) => {
      inFlight = Math.max(inFlight, entries.filter((e) => e.status === undefined).length);
    });
    try {
      const item: EntityRef = { kind: 'install_base', id: tracked.installBase.rootId };
      await new AccessFactsLoader(client(), map).load(item, { principals: [fiona] });
    } finally {
      stop();
    }
    expect(inFlight).to.be.within(2, 5);
  });

  it('reads the ancestors of an item two levels per request, and no table twice per level', async () => {
    const child: EntityRef = { kind: 'install_base', id: tracked.installBase.childIds[0] };
    await new AccessFactsLoader(client(), map).load(child);
    // The child, with its root walked to (the root has no parent): one read of the item table.
    expect(requestLog.count({ table: map.installBase.table })).to.equal(1);
    expect(requestLog.count({ table: map.soldProduct.table })).to.equal(1);
  });

  it('loads the sold product of a child item too (its own, not only the root’s)', async () => {
    const child: EntityRef = { kind: 'install_base', id: tracked.installBase.childIds[0] };
    const access = await accessService().forEntity(child, { principal: fiona });
    expect(access.engine.check(fiona, child).level).to.equal('read');
  });

  it('an ordinary case takes four requests: its parties (with the case), its product’s parties, roles held, account flags', async () => {
    const loan: EntityRef = { kind: 'case', id: STORY.housingLoan.caseId };
    const loaded = await new AccessFactsLoader(client(), map).load(loan);
    expect(requestLog.entries.map((e) => e.table)).to.have.members([
      map.caseParty.table,
      map.soldProductParty.table,
      map.userHasRole.table,
      map.accountAccess.table,
    ]);
    expect(loaded.facts.cases.map((c) => c.id)).to.deep.equal([loan.id]);
    expect(loaded.facts.soldProducts.map((p) => p.id)).to.deep.equal([STORY.housingLoan.soldProductId]);
    expect(loaded.facts.accounts.map((a) => a.id)).to.deep.equal([STORY.housingLoan.lawFirm.id]);
    expect(loaded.incomplete).to.deep.equal([]);
  });

  it('hands the case’s first page of parties over as soon as it lands, before the other facts', async () => {
    const loan: EntityRef = { kind: 'case', id: STORY.housingLoan.caseId };
    const told: { names: (string | undefined)[]; tablesAsked: string[] }[] = [];
    const loaded = await new AccessFactsLoader(client(), map).load(loan, {
      onFirstParties: (parties) =>
        told.push({
          names: parties.map((p) => p.partyName),
          tablesAsked: requestLog.entries.map((e) => e.table),
        }),
    });
    expect(told).to.have.length(1);
    expect(told[0]?.names).to.have.members([
      STORY.housingLoan.coBorrower.name,
      STORY.housingLoan.guarantor.name,
      STORY.housingLoan.attorney.name,
    ]);
    expect(told[0]?.tablesAsked).to.deep.equal([map.caseParty.table]);
    expect(loaded.parties.map((p) => p.record.id)).to.have.members(Object.values(STORY.housingLoan.parties));
  });

  it('gives the same facts when the parties’ records are read directly (beyond the walked first page)', async () => {
    const loan: EntityRef = { kind: 'case', id: STORY.housingLoan.caseId };
    const walked = await new AccessFactsLoader(client(), map).load(loan);
    requestLog.clear();
    // A walked page of one row: the case comes with it, the other parties' people are read.
    const direct = await new AccessFactsLoader(client(), map, 200, 5, 1).load(loan);
    expect(requestLog.count({ table: map.consumer.table })).to.equal(1);
    expect(sorted(direct.facts)).to.deep.equal(sorted(walked.facts));
    expect(direct.parties.length).to.equal(3);
  });

  it('a walked column the user may not read is read directly, and still reported incomplete', async () => {
    const loan: EntityRef = { kind: 'case', id: STORY.housingLoan.caseId };
    faults.set({ omitFields: { [map.contact.table]: [map.contact.columns.account] } });
    const loaded = await new AccessFactsLoader(client(), map).load(loan);
    expect(requestLog.count({ table: map.contact.table })).to.equal(1);
    expect(loaded.incomplete).to.deep.include({
      table: map.contact.table,
      column: map.contact.columns.account,
      reason: `column ${map.contact.columns.account} could not be read; access depending on it may be missing`,
    });
  });

  it('a table the user may not read is not walked into: it is read, answers 403, and is reported', async () => {
    const loan: EntityRef = { kind: 'case', id: STORY.housingLoan.caseId };
    faults.set({ forbiddenTables: [map.soldProduct.table] });
    const loaded = await new AccessFactsLoader(client(), map).load(loan);
    expect(loaded.facts.soldProducts).to.deep.equal([]);
    expect(loaded.incomplete.map((i) => i.table)).to.include(map.soldProduct.table);
  });

  it('fails once, with nothing left unhandled, when the account reads fail while the flags are read', async () => {
    // The persona story's case account has a parent: its flags are read while the parent is.
    const persona: EntityRef = { kind: 'case', id: STORY.persona.cases[1]?.id ?? '' };
    faults.set({
      errorRate: [{ status: 500, rate: 1 }],
      tables: [map.account.table, map.accountAccess.table],
    });
    const unhandled: unknown[] = [];
    const listener = (event: PromiseRejectionEvent) => {
      unhandled.push(event.reason);
      event.preventDefault();
    };
    window.addEventListener('unhandledrejection', listener);
    try {
      const failure = await new AccessFactsLoader(client(), map).load(persona).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).to.be.instanceOf(Error);
      expect(requestLog.count({ table: map.accountAccess.table })).to.be.greaterThan(0);
      // Rejections are reported after a task: give them one.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      window.removeEventListener('unhandledrejection', listener);
    }
    expect(unhandled).to.deep.equal([]);
  });
});

/** Facts with every list sorted by id, to compare loads that read in another order. */
function sorted(facts: Facts): Record<string, unknown[]> {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return Object.fromEntries(
    Object.entries(facts).map(([key, list]) => [key, [...(list as { id: string }[])].sort(byId)]),
  );
}
