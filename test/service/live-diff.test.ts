/**
 * Live refresh, the pure parts: the stamp diff, the facts comparison, the in-memory patch of an
 * access picture (and when it refuses to guess), and the sentences the list announces.
 */
import { expect } from '@open-wc/testing';
import { changedFacts, diffStamps, principalsOf, type PartyStamp } from '../../src/service/change-feed.js';
import { patchAccess } from '../../src/service/live-patch.js';
import type { PartyRow } from '../../src/service/party-rows.js';
import type { Facts } from '../../src/model/facts.js';
import type { Definitions } from '../../src/model/definitions.js';
import type { PartyKind } from '../../src/model/kinds.js';
import { describeChange } from '../../components/related-party-list/live-updates.js';

const stamp = (id: string, modCount: number): PartyStamp => ({
  id,
  modCount,
  updatedOn: '2026-01-01 00:00:00',
  updatedBy: 'dana.ruiz',
});

function row(id: string, party: string, kind: PartyKind = 'contact', type = 't1', modCount = 0): PartyRow {
  return {
    record: { id, entity: { kind: 'case', id: 'c1' }, party: { kind, id: party }, type },
    partyName: `Name of ${party}`,
    typeName: type === 't1' ? 'Attorney' : 'Guarantor',
    modCount,
  };
}

const EMPTY_DEFINITIONS: Definitions = {
  roles: [],
  responsibilities: [],
  accessConfigs: [],
  relationshipTypes: [],
};

function factsWith(rows: readonly PartyRow[]): Facts {
  return {
    accounts: [],
    contacts: [
      { id: 'p1', name: 'P1', roles: [] },
      { id: 'p2', name: 'P2', roles: [] },
      { id: 'p3', name: 'P3', roles: [] },
    ],
    consumers: [],
    users: [],
    serviceOrganizations: [],
    households: [],
    soldProducts: [],
    installBase: [],
    cases: [{ id: 'c1', number: 'CS1' }],
    relatedParties: rows.map((r) => r.record),
  };
}

describe('live refresh: pure parts', () => {
  it('diffs stamps: additions, edits (sys_mod_count), deletions; unknown counts are re-read once', () => {
    const known = new Map<string, number | undefined>([
      ['a', 0],
      ['b', 2],
      ['c', 1],
      ['d', undefined],
    ]);
    const diff = diffStamps(known, [stamp('a', 0), stamp('b', 3), stamp('d', 4), stamp('e', 0)]);
    expect(diff).to.deep.equal({ added: ['e'], changed: ['b', 'd'], removed: ['c'] });
    expect(diffStamps(new Map([['a', 0]]), [stamp('a', 0)])).to.deep.equal({
      added: [],
      changed: [],
      removed: [],
    });
  });

  it('compares facts only for keys seen both times (a new principal is not a change)', () => {
    const before = new Map([
      ['roles:p1', 'r1'],
      ['account:p2', 'acc1'],
    ]);
    const after = new Map([
      ['roles:p1', 'r1,r2'],
      ['account:p2', 'acc1'],
      ['roles:p9', 'r1'],
    ]);
    expect(changedFacts(before, after)).to.deep.equal(['roles:p1']);
    expect(changedFacts(after, after)).to.deep.equal([]);
  });

  it('names the principals, contacts and account parties of the rows, capped', () => {
    const rows = [row('1', 'p1'), row('2', 'u1', 'user'), row('3', 'acc', 'account'), row('4', 'p2')];
    expect(principalsOf(rows)).to.deep.equal({
      principals: ['p1', 'u1', 'p2'],
      contacts: ['p1', 'p2'],
      accounts: ['acc'],
    });
    expect(principalsOf(rows, 1).principals).to.deep.equal(['p1']);
  });

  it('patches an access picture in memory for a retype, a removal and a known party; refuses a new person', () => {
    const shown = [row('1', 'p1'), row('2', 'p2'), row('3', 'p3')];
    const current = { facts: factsWith(shown), parties: shown };
    const retyped = row('1', 'p1', 'contact', 't2', 1);
    const readded = row('4', 'p3');
    const patched = patchAccess(
      current,
      {
        added: [readded],
        changed: [{ row: retyped, previous: shown[0] as PartyRow }],
        removed: [shown[1] as PartyRow],
      },
      EMPTY_DEFINITIONS,
    );
    expect(patched?.parties.map((r) => [r.record.id, r.record.type])).to.deep.equal([
      ['1', 't2'],
      ['3', 't1'],
      ['4', 't1'],
    ]);
    expect(patched?.facts.relatedParties.map((r) => r.id)).to.deep.equal(['1', '3', '4']);
    expect(patched?.engine).to.not.equal(undefined);
    // A person the facts do not hold: their roles are unknown, so the facts must be read again.
    expect(
      patchAccess(current, { added: [row('5', 'stranger')], changed: [], removed: [] }, EMPTY_DEFINITIONS),
    ).to.equal(undefined);
    // An account party: its members may not be loaded.
    expect(
      patchAccess(
        current,
        { added: [row('6', 'acc', 'account')], changed: [], removed: [] },
        EMPTY_DEFINITIONS,
      ),
    ).to.equal(undefined);
  });

  it('announces who did what, and counts beyond three changes', () => {
    const added = row('9', 'p9');
    const by = new Map([[added.record.id, 'Dana Ruiz']]);
    expect(describeChange({ added: [added], changed: [], removed: [], by })).to.equal(
      'Dana Ruiz added Name of p9 as Attorney.',
    );
    const retyped = row('1', 'p1', 'contact', 't2', 1);
    expect(
      describeChange({
        added: [],
        changed: [{ row: retyped, previous: row('1', 'p1') }],
        removed: [],
        by: new Map(),
      }),
    ).to.equal('Name of p1 was changed to Guarantor.');
    const many = describeChange({
      added: [],
      changed: [],
      removed: [row('1', 'a'), row('2', 'b'), row('3', 'c'), row('4', 'd'), row('5', 'e')],
      by: new Map(),
    });
    expect(many).to.equal(
      'Name of a was removed. Name of b was removed. Name of c was removed. And 2 more changes.',
    );
  });
});
