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

  it('reads the ancestors of an item one level per request, and no table twice per level', async () => {
    const child: EntityRef = { kind: 'install_base', id: tracked.installBase.childIds[0] };
    await new AccessFactsLoader(client(), map).load(child);
    // The child, then its root (the root has no parent): two reads of the item table.
    expect(requestLog.count({ table: map.installBase.table })).to.equal(2);
    expect(requestLog.count({ table: map.soldProduct.table })).to.equal(1);
  });

  it('loads the sold product of a child item too (its own, not only the root’s)', async () => {
    const child: EntityRef = { kind: 'install_base', id: tracked.installBase.childIds[0] };
    const access = await accessService().forEntity(child, { principal: fiona });
    expect(access.engine.check(fiona, child).level).to.equal('read');
  });
});
