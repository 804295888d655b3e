import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { useMockBackend } from '../support/msw.js';
import { resetStore, getStore } from '../../mocks/db.js';
import { faults, requestLog } from '../../mocks/faults.js';
import { STORY } from '../../mocks/seed/index.js';
import { TableApiClient } from '../../src/client/table-api-client.js';
import { DEFAULT_TABLE_MAP } from '../../src/client/table-map.js';
import {
  RelatedPartiesService,
  ConflictError,
  UnconfirmedWriteError,
} from '../../src/service/related-parties-service.js';
import { AccessFactsLoader } from '../../src/service/access-facts-loader.js';
import { AccessService } from '../../src/service/access-service.js';
import { DefinitionsService } from '../../src/service/definitions-service.js';
import { clearAllDefinitionCaches } from '../../src/cache/definitions-cache.js';
import type { EntityRef } from '../../src/model/kinds.js';

const map = DEFAULT_TABLE_MAP;
const loan: EntityRef = { kind: 'case', id: STORY.housingLoan.caseId };
const nearMissCase: EntityRef = { kind: 'case', id: STORY.nearMiss.caseId };

function client(timeoutMs = 5000) {
  return new TableApiClient({ timeoutMs, retry: { retries: 0 } });
}

describe('services over the mock backend', () => {
  const worker = useMockBackend();
  afterEach(async () => {
    faults.reset();
    requestLog.clear();
    resetStore();
    await clearAllDefinitionCaches();
  });

  describe('RelatedPartiesService', () => {
    it('lists the housing loan parties with display names', async () => {
      const rows = await new RelatedPartiesService(client(), map).list(loan);
      const byName = new Map(rows.map((row) => [row.partyName, row]));
      expect(byName.get(STORY.housingLoan.coBorrower.name)?.typeName).to.equal('Co-borrower');
      expect(byName.get(STORY.housingLoan.guarantor.name)?.typeName).to.equal('Guarantor');
      expect(byName.get(STORY.housingLoan.attorney.name)?.record.party.kind).to.equal('contact');
      expect(byName.get(STORY.housingLoan.attorney.name)?.responsibilityName).to.equal(
        'Authorized Representative',
      );
    });

    it('adds a party and returns it as the server has it', async () => {
      const service = new RelatedPartiesService(client(), map);
      const saved = await service.add(nearMissCase, {
        party: { kind: 'contact', id: STORY.nearMiss.caseContact.id },
        type: STORY.housingLoan.relationshipTypes.attorney.id,
      });
      expect(saved.partyName).to.equal(STORY.nearMiss.caseContact.name);
      expect(saved.typeName).to.equal('Attorney');
      expect(requestLog.count({ method: 'POST' })).to.equal(1);
    });

    it('does not re-send a POST that timed out but landed: it finds the saved record', async () => {
      faults.set({ latencyMs: 400, methods: ['POST'] });
      const service = new RelatedPartiesService(client(150), map);
      const saved = await service.add(nearMissCase, {
        party: { kind: 'contact', id: STORY.nearMiss.caseContact.id },
        type: STORY.housingLoan.relationshipTypes.attorney.id,
      });
      expect(saved.partyName).to.equal(STORY.nearMiss.caseContact.name);
      expect(requestLog.count({ method: 'POST' })).to.equal(1);
    });

    it('says nothing was saved when a POST failed and the server has no such record', async () => {
      worker.use(http.post('*/api/now/table/sn_customerservice_related_party', () => HttpResponse.error()));
      const service = new RelatedPartiesService(client(), map);
      const error = await service
        .add(nearMissCase, {
          party: { kind: 'contact', id: STORY.nearMiss.caseContact.id },
          type: STORY.housingLoan.relationshipTypes.attorney.id,
        })
        .catch((e: unknown) => e);
      expect(error).to.be.instanceOf(UnconfirmedWriteError);
      expect((error as Error).message).to.match(/it was not saved/);
    });

    it('refuses to retype a party someone else changed since it was read', async () => {
      const service = new RelatedPartiesService(client(), map);
      const [row] = await service.list(loan);
      if (!row) throw new Error('no party');
      getStore().update(map.caseParty.table, row.record.id, { order: '42' });
      const error = await service
        .retype(row, STORY.housingLoan.relationshipTypes.guarantor.id, undefined)
        .catch((e: unknown) => e);
      expect(error).to.be.instanceOf(ConflictError);
      expect((error as ConflictError).current?.record.id).to.equal(row.record.id);
      expect(requestLog.count({ method: 'PATCH' })).to.equal(0);
    });

    it('treats removing an already removed party as done', async () => {
      const service = new RelatedPartiesService(client(), map);
      const [row] = await service.list(loan);
      if (!row) throw new Error('no party');
      getStore().remove(map.caseParty.table, row.record.id);
      await service.remove(row);
      expect(requestLog.count({ method: 'DELETE' })).to.equal(0);
    });
  });

  describe('AccessFactsLoader and AccessService', () => {
    function services() {
      const c = client();
      const definitions = new DefinitionsService({
        client: c,
        tableMap: map,
        instance: location.origin,
        user: `svc-${Math.random()}`,
      });
      return { definitions, access: new AccessService(new AccessFactsLoader(c, map), definitions) };
    }

    it('loads the facts of a case with a bounded number of requests', async () => {
      const { facts, parties } = await new AccessFactsLoader(client(), map).load(loan);
      expect(parties).to.have.length(3);
      expect(facts.consumers.map((c) => c.id)).to.include(STORY.housingLoan.coBorrower.id);
      expect(facts.contacts.find((c) => c.id === STORY.housingLoan.attorney.id)?.roles.length).to.be.above(0);
      expect(requestLog.entries.length).to.be.below(15);
    });

    it('answers the stories: co-borrower writes, the near-miss contact sees nothing and why', async () => {
      const { access } = services();
      const loanAccess = await access.forEntity(loan);
      expect(
        loanAccess.engine.check({ kind: 'consumer', id: STORY.housingLoan.coBorrower.id }, loan).level,
      ).to.equal('write');
      const near = await access.forEntity(nearMissCase);
      const principal = { kind: 'contact' as const, id: STORY.nearMiss.contact.id };
      expect(near.engine.check(principal, nearMissCase).level).to.equal('none');
      const reasons = near.engine
        .explain(principal, nearMissCase)
        .nearMisses.map((m) => m.reason)
        .join('\n');
      expect(reasons).to.include(`lacks role ${STORY.nearMiss.missingRole}`);
    });

    it('shares one load between concurrent callers of the same entity', async () => {
      const { access } = services();
      await access.forEntity(nearMissCase); // definitions loaded
      requestLog.clear();
      access.invalidate(loan);
      const [a, b] = await Promise.all([access.forEntity(loan), access.forEntity(loan)]);
      expect(a).to.equal(b);
      const partyReads = requestLog.entries.filter((e) => e.table === map.caseParty.table);
      expect(partyReads).to.have.length(1);
    });

    it('marks the answer incomplete when a table is forbidden, instead of guessing', async () => {
      faults.set({ forbiddenTables: [map.userHasRole.table] });
      const { facts, incomplete } = await new AccessFactsLoader(client(), map).load(loan);
      expect(incomplete.map((i) => i.table)).to.deep.equal([map.userHasRole.table]);
      expect(facts.contacts.every((c) => c.roles.length === 0)).to.equal(true);
    });

    it('resolves service organization members that are contacts (sys_user extends to contacts)', async () => {
      const item: EntityRef = { kind: 'install_base', id: STORY.trackedProduct.installBase.rootId };
      const { facts } = await new AccessFactsLoader(client(), map).load(item);
      const organization = facts.serviceOrganizations.find(
        (o) => o.id === STORY.trackedProduct.serviceOrganization.id,
      );
      expect(organization?.members).to.deep.include({
        kind: 'contact',
        id: STORY.trackedProduct.operations.id,
      });
      expect(facts.contacts.map((c) => c.id)).to.include(STORY.trackedProduct.operations.id);
    });

    it('shares one load between badges for principals no party names', async () => {
      const { access } = services();
      await access.forEntity(nearMissCase);
      requestLog.clear();
      const principals = [
        { kind: 'user' as const, id: STORY.agents.caseViewer.id },
        { kind: 'user' as const, id: STORY.agents.agent.id },
        { kind: 'contact' as const, id: STORY.housingLoan.attorney.id },
      ];
      const results = await Promise.all(principals.map((principal) => access.forEntity(loan, { principal })));
      expect(new Set(results).size).to.equal(1);
      // One load: one read of the case's parties (the case comes with them).
      expect(requestLog.entries.filter((e) => e.table === map.caseParty.table)).to.have.length(1);
      // Priya holds only sn_customerservice.case_viewer: she reads every case; Sam (the agent
      // persona row, sn_customerservice_agent) works every case.
      expect(results[0]?.engine.check(principals[0]!, loan).level).to.equal('read');
      expect(results[0]?.engine.check(principals[1]!, loan).level).to.equal('full');
    });

    it('answers "none" for a principal that does not exist, without reloading forever', async () => {
      const { access } = services();
      const ghost = { kind: 'contact' as const, id: 'f'.repeat(32) };
      const result = await access.forEntity(loan, { principal: ghost });
      expect(result.engine.check(ghost, loan).level).to.equal('none');
    });

    it('loads an extra principal that no party names', async () => {
      const { access } = services();
      const principal = { kind: 'user' as const, id: STORY.agents.caseViewer.id };
      const result = await access.forEntity(loan, { principal });
      // Her roles were loaded: the global role case_viewer reads every case.
      expect(result.engine.check(principal, loan).level).to.equal('read');
    });
  });
});
