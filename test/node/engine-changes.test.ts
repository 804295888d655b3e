import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AccessEngine, type WhatIfResult } from '../../src/access/index.js';
import { formatRef, type PrincipalRef } from '../../src/model/index.js';
import { DEFINITIONS, FACTS, rec, world } from './engine-world.js';

const ana: PrincipalRef = { kind: 'contact', id: 'ana' };
const line = (r: WhatIfResult) => `${formatRef(r.principal)} ${formatRef(r.entity)} ${r.before}→${r.after}`;

/** Every level of every principal on every entity: the observable state of an engine. */
function snapshot(engine: AccessEngine): string[] {
  const principals = [
    ...FACTS.contacts.map((c) => ({ kind: 'contact' as const, id: c.id })),
    ...FACTS.consumers.map((c) => ({ kind: 'consumer' as const, id: c.id })),
    ...FACTS.users.map((u) => ({ kind: 'user' as const, id: u.id })),
  ];
  const entities = [
    ...FACTS.cases.map((c) => ({ kind: 'case' as const, id: c.id })),
    ...FACTS.soldProducts.map((s) => ({ kind: 'sold_product' as const, id: s.id })),
    ...FACTS.installBase.map((i) => ({ kind: 'install_base' as const, id: i.id })),
  ];
  return principals.flatMap((p) =>
    entities.map((e) => `${formatRef(p)} ${formatRef(e)} ${engine.check(p, e).level}`),
  );
}

describe('whatIf', () => {
  test('adding an account party lists every contact of the account on the entity', () => {
    const engine = new AccessEngine(DEFINITIONS, world());
    const results = engine.whatIf({ op: 'add', record: rec('case:c1', 'account:acme', 'case_account') });
    assert.deepEqual(results.map(line).sort(), [
      'contact:ana case:c1 none→write',
      'contact:ben case:c1 none→none',
      'contact:ida case:c1 none→none',
      'contact:max case:c1 none→none',
    ]);
  });

  test('a sold product party changes access to its cases and items too', () => {
    const engine = new AccessEngine(DEFINITIONS, world());
    const results = engine.whatIf({
      op: 'add',
      record: rec('sold_product:sp1', 'contact:sam', 'sp_contact'),
    });
    assert.deepEqual(results.map(line).sort(), [
      'contact:sam case:c2 none→full',
      'contact:sam install_base:blade none→read',
      'contact:sam sold_product:sp1 none→read',
    ]);
  });

  test('a service organization party affects its members on the item subtree and its cases', () => {
    const engine = new AccessEngine(DEFINITIONS, world());
    const results = engine.whatIf({
      op: 'add',
      record: rec('install_base:rack', 'service_organization:so1', 'ib_org'),
    });
    assert.deepEqual(results.map(line).sort(), [
      'user:uma case:c3 none→write',
      'user:uma install_base:blade none→read',
      'user:uma install_base:fan none→read',
      'user:uma install_base:rack none→read',
      'user:walt install_base:rack none→none',
    ]);
  });

  test('a household party affects its members', () => {
    const engine = new AccessEngine(DEFINITIONS, world());
    const results = engine.whatIf({ op: 'add', record: rec('case:c1', 'household:h1', 'case_household') });
    assert.deepEqual(results.map(line).sort(), [
      'consumer:cora case:c1 none→read',
      'consumer:dan case:c1 none→none',
    ]);
  });

  test('remove and retype; the default responsibility of the new type applies unless given', () => {
    const record = rec('case:c1', 'contact:ana', 'co_borrower', { id: 'k1' });
    const engine = new AccessEngine(DEFINITIONS, world(record));
    assert.deepEqual(engine.whatIf({ op: 'remove', recordId: 'k1' }).map(line), [
      'contact:ana case:c1 write→none',
    ]);
    assert.deepEqual(engine.whatIf({ op: 'retype', recordId: 'k1', type: 'listed_contact' }).map(line), [
      'contact:ana case:c1 write→none',
    ]);
    assert.deepEqual(engine.whatIf({ op: 'retype', recordId: 'k1', type: 'primary_contact' }).map(line), [
      'contact:ana case:c1 write→full',
    ]);
    assert.deepEqual(
      engine
        .whatIf({ op: 'retype', recordId: 'k1', type: 'primary_contact', responsibility: null })
        .map(line),
      ['contact:ana case:c1 write→none'],
    );
    assert.deepEqual(
      engine
        .whatIf({ op: 'retype', recordId: 'k1', type: 'listed_contact', responsibility: 'primary' })
        .map(line),
      ['contact:ana case:c1 write→full'],
    );
  });

  test('can be limited to one principal; unknown records and entities change nothing', () => {
    const engine = new AccessEngine(DEFINITIONS, world());
    const results = engine.whatIf({ op: 'add', record: rec('case:c1', 'account:acme', 'case_account') }, ana);
    assert.deepEqual(results.map(line), ['contact:ana case:c1 none→write']);
    assert.deepEqual(engine.whatIf({ op: 'remove', recordId: 'nope' }), []);
    assert.deepEqual(
      engine.whatIf({ op: 'add', record: rec('case:nope', 'contact:ana', 'co_borrower') }),
      [],
    );
  });

  test('mutates nothing', () => {
    const engine = new AccessEngine(
      DEFINITIONS,
      world(rec('case:c1', 'contact:ana', 'co_borrower', { id: 'k1' })),
    );
    const before = snapshot(engine);
    engine.whatIf({ op: 'add', record: rec('install_base:rack', 'account:acme', 'ib_account') });
    engine.whatIf({ op: 'add', record: rec('case:c2', 'contact:stranger', 'co_borrower') });
    engine.whatIf({ op: 'remove', recordId: 'k1' });
    engine.whatIf({ op: 'retype', recordId: 'k1', type: 'primary_contact' });
    assert.deepEqual(snapshot(engine), before);
    assert.equal(engine.records.length, 1);
  });

  test('equals applying the change and checking again', () => {
    const engine = new AccessEngine(DEFINITIONS, world(rec('case:c2', 'account:acme', 'case_account')));
    const change = { op: 'add', record: rec('install_base:rack', 'account:acme', 'ib_account') } as const;
    const results = engine.whatIf(change);
    engine.apply(change);
    for (const r of results) assert.equal(engine.check(r.principal, r.entity).level, r.after, line(r));
  });
});

describe('accessFor', () => {
  test('lists every entity reached, by any path, above none', () => {
    const engine = new AccessEngine(
      DEFINITIONS,
      world(
        rec('install_base:rack', 'account:acme', 'ib_account'),
        rec('case:c1', 'contact:ida', 'co_borrower'),
      ),
    );
    const entries = engine
      .accessFor({ kind: 'contact', id: 'ida' })
      .map((e) => `${formatRef(e.entity)} ${e.level}`);
    assert.deepEqual(entries, [
      'case:c3 full',
      'case:c4 write',
      'sold_product:sp1 read',
      'install_base:rack read',
      'install_base:blade read',
      'install_base:fan read',
    ]);
  });

  test('global roles reach every case; unknown principals nothing', () => {
    const engine = new AccessEngine(DEFINITIONS, world());
    assert.equal(engine.accessFor({ kind: 'user', id: 'vic' }).length, FACTS.cases.length);
    assert.deepEqual(engine.accessFor({ kind: 'user', id: 'ghost' }), []);
  });

  test('agrees with check on every entity', () => {
    const engine = new AccessEngine(
      DEFINITIONS,
      world(
        rec('sold_product:sp1', 'contact:sam', 'sp_contact'),
        rec('case:c1', 'household:h1', 'case_household'),
      ),
    );
    for (const principal of [
      ana,
      { kind: 'contact', id: 'sam' } as const,
      { kind: 'consumer', id: 'cora' } as const,
    ]) {
      const listed = new Map(engine.accessFor(principal).map((e) => [formatRef(e.entity), e.level]));
      for (const row of snapshot(engine).filter((s) => s.startsWith(`${formatRef(principal)} `))) {
        const [, entity, level] = row.split(' ') as [string, string, string];
        assert.equal(listed.get(entity) ?? 'none', level, row);
      }
    }
  });
});

describe('incremental updates', () => {
  test('add, update and remove equal a fresh engine', () => {
    const engine = new AccessEngine(DEFINITIONS, world());
    const a = rec('case:c1', 'account:acme', 'case_account', { id: 'a' });
    const b = rec('install_base:rack', 'account:globex', 'ib_account', { id: 'b' });
    engine.addRecord(a);
    engine.addRecord(b);
    assert.deepEqual(snapshot(engine), snapshot(new AccessEngine(DEFINITIONS, world(a, b))));
    const b2 = { ...b, party: { kind: 'account' as const, id: 'acme' } };
    engine.updateRecord(b2);
    assert.deepEqual(snapshot(engine), snapshot(new AccessEngine(DEFINITIONS, world(a, b2))));
    assert.equal(engine.removeRecord('a'), true);
    assert.equal(engine.removeRecord('a'), false);
    assert.deepEqual(snapshot(engine), snapshot(new AccessEngine(DEFINITIONS, world(b2))));
    assert.deepEqual(engine.facts.relatedParties, [b2]);
  });
});

describe('duplicate record ids in the facts', () => {
  test('the later record wins, as with updateRecord', () => {
    const first = rec('case:c1', 'contact:ana', 'primary_contact', { id: 'd' });
    const second = rec('case:c1', 'contact:ana', 'listed_contact', { id: 'd' });
    const engine = new AccessEngine(DEFINITIONS, world(first, second));
    assert.equal(engine.check(ana, { kind: 'case', id: 'c1' }).level, 'none');
    assert.deepEqual(engine.records, [second]);
    assert.deepEqual(snapshot(engine), snapshot(new AccessEngine(DEFINITIONS, world(second))));
  });

  test('the slot the earlier record left is reused by later changes', () => {
    const first = rec('case:c1', 'contact:ana', 'primary_contact', { id: 'd' });
    const second = rec('case:c1', 'contact:ana', 'listed_contact', { id: 'd' });
    const other = rec('case:c1', 'account:acme', 'case_account', { id: 'o' });
    const engine = new AccessEngine(DEFINITIONS, world(first, second, other));
    const added = rec('case:c2', 'contact:ana', 'primary_contact', { id: 'n' });
    engine.addRecord(added);
    assert.deepEqual(engine.records, [second, other, added]);
    assert.deepEqual(snapshot(engine), snapshot(new AccessEngine(DEFINITIONS, world(second, other, added))));
    assert.equal(engine.removeRecord('d'), true);
    assert.deepEqual(snapshot(engine), snapshot(new AccessEngine(DEFINITIONS, world(other, added))));
  });
});

describe('validate', () => {
  const engine = new AccessEngine(
    DEFINITIONS,
    world(
      rec('case:c1', 'contact:ana', 'primary_contact', { id: 'p1' }),
      rec('case:c1', 'contact:ben', 'listed_contact', { id: 'l1' }),
    ),
  );
  const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

  const ROWS: readonly [string, Parameters<AccessEngine['validate']>[0], string[]][] = [
    ['a valid record', { op: 'add', record: rec('case:c2', 'contact:ana', 'co_borrower') }, []],
    [
      'unknown relationship type',
      { op: 'add', record: rec('case:c2', 'contact:ana', 'nope', { responsibility: 'rep' }) },
      ['unknown-type'],
    ],
    [
      'type for another entity kind',
      { op: 'add', record: rec('case:c2', 'account:acme', 'ib_account') },
      ['type-not-applicable-entity'],
    ],
    [
      'type for another party kind',
      { op: 'add', record: rec('case:c2', 'consumer:cora', 'co_borrower') },
      ['type-not-applicable-party'],
    ],
    [
      'unknown responsibility',
      { op: 'add', record: rec('case:c2', 'contact:ana', 'co_borrower', { responsibility: 'ghost' }) },
      ['unknown-responsibility'],
    ],
    [
      'responsibility for another party kind (warning)',
      { op: 'add', record: rec('case:c2', 'consumer:cora', 'case_consumer', { responsibility: 'primary' }) },
      ['responsibility-party-mismatch'],
    ],
    [
      'a second party with a unique responsibility',
      { op: 'add', record: rec('case:c1', 'contact:max', 'primary_contact') },
      ['unique-responsibility-taken'],
    ],
    [
      'install base party on a child item',
      { op: 'add', record: rec('install_base:blade', 'account:acme', 'ib_account') },
      ['install-base-not-root'],
    ],
    [
      'the same party with the same type twice',
      { op: 'add', record: rec('case:c1', 'contact:ben', 'listed_contact') },
      ['duplicate-party'],
    ],
    [
      'unknown entity',
      { op: 'add', record: rec('case:zz', 'contact:ana', 'co_borrower') },
      ['unknown-entity'],
    ],
    ['unknown party', { op: 'add', record: rec('case:c2', 'contact:zz', 'co_borrower') }, ['unknown-party']],
    [
      'an id already used',
      { op: 'add', record: rec('case:c2', 'contact:ana', 'co_borrower', { id: 'p1' }) },
      ['duplicate-record-id'],
    ],
    ['remove an unknown record', { op: 'remove', recordId: 'zz' }, ['unknown-record']],
    ['remove a record', { op: 'remove', recordId: 'l1' }, []],
    [
      'retype to a unique responsibility already taken',
      { op: 'retype', recordId: 'l1', type: 'primary_contact' },
      ['unique-responsibility-taken'],
    ],
    [
      'retype a record keeping its own unique responsibility',
      { op: 'retype', recordId: 'p1', type: 'co_borrower', responsibility: 'primary' },
      [],
    ],
    [
      'retype to a type of another entity kind',
      { op: 'retype', recordId: 'l1', type: 'sp_contact' },
      ['type-not-applicable-entity'],
    ],
  ];
  for (const [name, change, expected] of ROWS) {
    test(name, () => assert.deepEqual(codes(engine.validate(change)), expected));
  }

  test('messages are sentences with display names', () => {
    const [unique] = engine.validate({ op: 'add', record: rec('case:c1', 'contact:max', 'primary_contact') });
    assert.equal(
      unique?.message,
      'case CS001 already has a party with responsibility Primary Contact (contact Ana); it allows only one',
    );
    assert.equal(unique?.severity, 'error');
    const [root] = engine.validate({
      op: 'add',
      record: rec('install_base:fan', 'account:acme', 'ib_account'),
    });
    assert.equal(root?.message, 'related parties go on the root item only: Fan is part of Rack');
    const [mismatch] = engine.validate({
      op: 'add',
      record: rec('case:c2', 'consumer:cora', 'case_consumer', { responsibility: 'primary' }),
    });
    assert.equal(mismatch?.severity, 'warning');
  });
});
