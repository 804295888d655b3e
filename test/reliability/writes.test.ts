import { expect } from '@open-wc/testing';
import { useElementFixtures } from '../support/fixtures.js';
import { getStore } from '../../mocks/db.js';
import { faults, requestLog } from '../../mocks/faults.js';
import { STORY } from '../../mocks/seed/index.js';
import { ApiError } from '../../src/client/errors.js';
import { ConflictError, type PartyChangeInput } from '../../src/service/related-parties-service.js';
import type { PartyRow } from '../../src/service/party-rows.js';
import { loan, makeServices, map, nearMissCase, rejection } from './support.js';

const TABLE = map.caseParty.table;
const TYPES = STORY.housingLoan.relationshipTypes;
const snapshotOf = (caseId: string) =>
  JSON.stringify(
    getStore()
      .all(TABLE)
      .filter((record) => record[map.caseParty.columns.entity] === caseId),
  );
const attorneyFor = (contactId: string): PartyChangeInput => ({
  party: { kind: 'contact', id: contactId },
  type: TYPES.attorney.id,
});

async function partyOf(rows: Promise<PartyRow[]>, partyId: string): Promise<PartyRow> {
  const row = (await rows).find((r) => r.record.party.id === partyId);
  if (!row) throw new Error(`no party ${partyId}`);
  return row;
}

describe('reliability: writes that fail or collide', () => {
  useElementFixtures();

  it('an add refused by a business rule changes nothing on the server and says why', async () => {
    const { parties } = makeServices();
    const before = snapshotOf(loan.id);
    // The attorney is already related to the loan as "Attorney".
    const error = await rejection(parties.add(loan, attorneyFor(STORY.housingLoan.attorney.id)));
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).status).to.equal(400);
    expect((error as Error).message).to.match(/already related/);
    expect(snapshotOf(loan.id)).to.equal(before);
  });

  it('a retype answered 500 leaves the record exactly as it was, and the PATCH is not repeated', async () => {
    const { parties } = makeServices({ retries: 3 });
    const row = await partyOf(parties.list(loan), STORY.housingLoan.guarantor.id);
    const before = snapshotOf(loan.id);
    faults.set({ errorRate: [{ status: 500, rate: 1 }], methods: ['PATCH'] });
    const error = await rejection(parties.retype(row, TYPES.coBorrower.id, row.record.responsibility));
    expect((error as ApiError).status).to.equal(500);
    expect(requestLog.count({ method: 'PATCH' })).to.equal(1);
    expect(snapshotOf(loan.id)).to.equal(before);
  });

  it('a remove answered 503 is sent once and leaves the record in place', async () => {
    const { parties } = makeServices({ retries: 3 });
    const row = await partyOf(parties.list(loan), STORY.housingLoan.guarantor.id);
    const before = snapshotOf(loan.id);
    faults.set({ errorRate: [{ status: 503, rate: 1 }], methods: ['DELETE'] });
    const error = await rejection(parties.remove(row));
    expect((error as ApiError).status).to.equal(503);
    expect(requestLog.count({ method: 'DELETE' })).to.equal(1);
    expect(snapshotOf(loan.id)).to.equal(before);
    // The list, read again, is the server's: the party is still there.
    const after = await parties.list(loan);
    expect(after.map((r) => r.record.id)).to.include(row.record.id);
  });

  it('two tabs: a retype based on a stale copy is refused with the server copy, then succeeds from it', async () => {
    const tabA = makeServices().parties;
    const tabB = makeServices().parties;
    const seenByA = await partyOf(tabA.list(loan), STORY.housingLoan.guarantor.id);
    const seenByB = await partyOf(tabB.list(loan), STORY.housingLoan.guarantor.id);
    const changedByB = await tabB.retype(seenByB, TYPES.coBorrower.id, seenByB.record.responsibility);
    expect(changedByB.modCount).to.equal((seenByA.modCount ?? 0) + 1);
    requestLog.clear();

    const conflict = await rejection(tabA.retype(seenByA, TYPES.attorney.id, seenByA.record.responsibility));
    expect(conflict).to.be.instanceOf(ConflictError);
    const current = (conflict as ConflictError).current;
    expect(current?.record.type).to.equal(TYPES.coBorrower.id);
    expect(current?.modCount).to.equal(changedByB.modCount);
    expect(requestLog.count({ method: 'PATCH' })).to.equal(0);
    expect(getStore().get(TABLE, seenByA.record.id)?.type).to.equal(TYPES.coBorrower.id);

    // Reconciled: the user reviews the server copy and applies the change to it.
    if (!current) throw new Error('no server copy');
    const reconciled = await tabA.retype(current, TYPES.attorney.id, current.record.responsibility);
    expect(reconciled.record.type).to.equal(TYPES.attorney.id);
    expect(getStore().get(TABLE, seenByA.record.id)?.type).to.equal(TYPES.attorney.id);
  });

  it('two tabs: removing a party the other tab changed is refused; one the other tab removed counts as removed', async () => {
    const tabA = makeServices().parties;
    const tabB = makeServices().parties;
    const guarantorA = await partyOf(tabA.list(loan), STORY.housingLoan.guarantor.id);
    const attorneyA = await partyOf(tabA.list(loan), STORY.housingLoan.attorney.id);
    const guarantorB = await partyOf(tabB.list(loan), STORY.housingLoan.guarantor.id);
    const attorneyB = await partyOf(tabB.list(loan), STORY.housingLoan.attorney.id);
    await tabB.retype(guarantorB, TYPES.coBorrower.id, guarantorB.record.responsibility);
    await tabB.remove(attorneyB);
    requestLog.clear();

    const conflict = await rejection(tabA.remove(guarantorA));
    expect(conflict).to.be.instanceOf(ConflictError);
    expect(getStore().get(TABLE, guarantorA.record.id)).to.not.equal(undefined);
    await tabA.remove(attorneyA);
    expect(requestLog.count({ method: 'DELETE' })).to.equal(0);
    const retype = await rejection(tabA.retype(attorneyA, TYPES.guarantor.id, undefined));
    expect(retype).to.be.instanceOf(ConflictError);
    expect((retype as ConflictError).current).to.equal(undefined);
    expect((retype as Error).message).to.match(/removed by someone else/);
  });

  it('two tabs adding the same party at once: the server keeps exactly one, the other tab is told', async () => {
    const tabA = makeServices().parties;
    const tabB = makeServices().parties;
    const input = attorneyFor(STORY.nearMiss.caseContact.id);
    const results = await Promise.allSettled([tabA.add(nearMissCase, input), tabB.add(nearMissCase, input)]);
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect((refused?.reason as ApiError).status).to.equal(400);
    const saved = getStore()
      .all(TABLE)
      .filter((r) => r[map.caseParty.columns.entity] === nearMissCase.id && r.contact === input.party.id);
    expect(saved).to.have.length(1);
  });
});
