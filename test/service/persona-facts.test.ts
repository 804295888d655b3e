/**
 * The facts persona scopes need, loaded through the batched loader: a principal's account, parent
 * accounts (one read per level), a case's partner and partner contact; and the persona story of the
 * mock backend ("Why does this customer admin see every case of her account?").
 */
import { expect } from '@open-wc/testing';
import { useMockBackend } from '../support/msw.js';
import { resetStore } from '../../mocks/db.js';
import { requestLog } from '../../mocks/faults.js';
import { STORY } from '../../mocks/seed/index.js';
import { TableApiClient } from '../../src/client/table-api-client.js';
import { DEFAULT_TABLE_MAP } from '../../src/client/table-map.js';
import { AccessFactsLoader } from '../../src/service/access-facts-loader.js';
import { AccessService } from '../../src/service/access-service.js';
import { DefinitionsService, type HostPersonaGrant } from '../../src/service/definitions-service.js';
import type { EntityRef, PrincipalRef } from '../../src/model/kinds.js';

const map = DEFAULT_TABLE_MAP;
const s = STORY.persona;
const caseOf = (i: number): EntityRef => ({ kind: 'case', id: s.cases[i]?.id ?? '' });
const contact = (id: string): PrincipalRef => ({ kind: 'contact', id });
const ada = contact(s.customerAdmin.id);
const carl = contact(s.caseManager.id);
const pat = contact(s.partner.id);
const nils = contact(s.colleague.id);
const sam: PrincipalRef = { kind: 'user', id: STORY.agents.agent.id };

function client() {
  return new TableApiClient({ timeoutMs: 5000, retry: { retries: 0 } });
}

function access(personaGrants?: readonly HostPersonaGrant[]) {
  const c = client();
  const definitions = new DefinitionsService({
    client: c,
    tableMap: map,
    instance: location.origin,
    user: `persona-${Math.random()}`,
    storage: { persist: false },
    ...(personaGrants ? { personaGrants } : {}),
  });
  return new AccessService(new AccessFactsLoader(c, map), definitions);
}

async function explain(principal: PrincipalRef, entity: EntityRef, service = access()) {
  return (await service.forEntity(entity, { principal })).engine.explain(principal, entity);
}

describe('persona facts and the persona story', () => {
  useMockBackend();
  afterEach(() => {
    requestLog.clear();
    resetStore();
  });

  it('the customer admin sees every case of her account, through her role', async () => {
    for (const i of [0, 1, 2]) {
      const explanation = await explain(ada, caseOf(i));
      expect(explanation.level, `case ${i}`).to.equal('full');
      const path = explanation.grants.find((g) => g.source === 'persona');
      expect(path?.source === 'persona' && path.grant.role).to.equal(s.customerAdmin.role);
      expect(path?.source === 'persona' && path.match.scope).to.equal('account');
    }
  });

  it('a case manager of the parent account manages the child account’s cases', async () => {
    const explanation = await explain(carl, caseOf(0));
    expect(explanation.level).to.equal('full');
    const path = explanation.grants.find((g) => g.source === 'persona');
    expect(path?.source === 'persona' && path.match.scope).to.equal('account_tree');
  });

  it('the partner’s contact works the case naming her as partner contact, and no other', async () => {
    expect((await explain(pat, caseOf(1))).level).to.equal('write');
    expect((await explain(pat, caseOf(0))).level).to.equal('none');
  });

  it('the agent works every case; a plain contact of the account sees none', async () => {
    expect((await explain(sam, caseOf(2))).level).not.to.equal('none');
    expect((await explain(nils, caseOf(2))).level).to.equal('none');
  });

  it('a host row turning the customer admin row off takes effect', async () => {
    const service = access([
      {
        id: 'customer_admin_account_cases',
        role: s.customerAdmin.role,
        table: 'case',
        level: 'full',
        scope: 'account',
        principals: ['contact'],
        active: false,
      },
    ]);
    expect((await explain(ada, caseOf(0), service)).level).to.equal('none');
  });

  it('loads the partner, the partner contact and the parent accounts in batched reads, never one per row', async () => {
    const loaded = await new AccessFactsLoader(client(), map).load(caseOf(1), { principals: [pat] });
    const accounts = loaded.facts.accounts.map((a) => a.id);
    expect(accounts).to.include.members([s.account.id, s.parentAccount.id, s.partnerAccount.id]);
    expect(loaded.facts.cases[0]).to.include({
      partnerAccount: s.partnerAccount.id,
      partnerContact: s.partner.id,
    });
    expect(loaded.facts.contacts.map((c) => c.id)).to.include(s.partner.id);
    // The case's and the partner's accounts come with the case (dot-walked); the parent account
    // is one read. Never one per row.
    expect(requestLog.entries.filter((e) => e.table === map.account.table)).to.have.length(1);
    expect(requestLog.entries.length).to.be.below(20);
  });
});
