import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AccessEngine, formatExplanation, type PartyChange } from '../../src/access/index.js';
import { formatNearMiss } from '../../src/access/explain-format.js';
import {
  compareLevels,
  formatRef,
  type AccessConfig,
  type Definitions,
  type EntityRef,
  type Facts,
  type PersonaGrant,
  type PrincipalRef,
  type RelatedPartyRecord,
} from '../../src/model/index.js';
import { CONFIGS, DEFINITIONS, ROLES } from './engine-world.js';
import { OWNER, referenceLevel } from './engine-reference.js';
import { entityArbs, maybe, pick, relatedPartyArb, worldNames } from './random-world-parts.js';

const ROLE_NAMES = ROLES.map((r) => r.name);
const KINDS = ['case', 'sold_product', 'install_base'] as const;

const roles = fc.subarray([...ROLE_NAMES, OWNER.contact, OWNER.consumer]);

/**
 * A random persona row: any role (containment then decides who inherits it), any table, scope and
 * level, a non-empty set of principal kinds, sometimes off or turned off by Restrict Contact Access.
 */
const personaRow = fc.record({
  role: fc.constantFrom(...ROLE_NAMES, 'not_in_catalogue'),
  table: fc.constantFrom('case', 'sold_product', 'install_base', 'case_task') as fc.Arbitrary<
    PersonaGrant['table']
  >,
  level: fc.constantFrom('read', 'write', 'full') as fc.Arbitrary<PersonaGrant['level']>,
  scope: fc.constantFrom('own', 'account', 'account_tree', 'partner', 'all') as fc.Arbitrary<
    PersonaGrant['scope']
  >,
  principals: fc.subarray(['contact', 'consumer', 'user'] as const, { minLength: 1 }),
  active: maybe(fc.boolean()),
  respectsRestrictContactAccess: maybe(fc.boolean()),
});

/** A small random world: every kind of party, trees (and cycles) of items, random records. */
const worldArb = fc
  .record({
    accounts: fc.integer({ min: 1, max: 3 }),
    contacts: fc.integer({ min: 0, max: 4 }),
    consumers: fc.integer({ min: 0, max: 3 }),
    users: fc.integer({ min: 0, max: 3 }),
    sps: fc.integer({ min: 0, max: 3 }),
    items: fc.integer({ min: 0, max: 4 }),
    cases: fc.integer({ min: 1, max: 4 }),
  })
  .chain((n) => {
    const names = worldNames(n);
    const { accounts, contacts, consumers, users, members } = names;
    const record = names.entities.length === 0 ? fc.constant(undefined) : relatedPartyArb(names);
    return fc.record({
      facts: fc.record({
        accounts: fc.tuple(
          ...accounts.map((id) =>
            fc.record({
              id: fc.constant(id),
              name: fc.constant(id.toUpperCase()),
              parent: pick(accounts),
              restrictContactAccess: maybe(fc.boolean()),
            }),
          ),
        ),
        contacts: fc.tuple(
          ...contacts.map((id) =>
            fc.record({ id: fc.constant(id), name: fc.constant(id), account: pick(accounts), roles }),
          ),
        ),
        consumers: fc.tuple(
          ...consumers.map((id) =>
            fc.record({ id: fc.constant(id), name: fc.constant(id), household: pick(['h0']), roles }),
          ),
        ),
        users: fc.tuple(
          ...users.map((id) => fc.record({ id: fc.constant(id), name: fc.constant(id), roles })),
        ),
        serviceOrganizations: fc.subarray(members).map((m) => [{ id: 'so0', name: 'SO', members: m }]),
        households: fc.constant([{ id: 'h0', name: 'H' }]),
        ...entityArbs(names),
        relatedParties: fc
          .array(record, { maxLength: 10 })
          .map((list) => list.flatMap((r, i) => (r ? [strip({ id: `r${i}`, ...r })] : []))),
      }),
      extra: fc
        .array(record, { minLength: 1, maxLength: 4 })
        .map((list) => list.flatMap((r, i) => (r ? [strip({ id: `x${i}`, ...r })] : []))),
      configs: fc.array(
        fc.record({
          base: fc.constantFrom(...CONFIGS),
          active: fc.boolean(),
          level: fc.constantFrom('read', 'write', 'full') as fc.Arbitrary<AccessConfig['level']>,
          through: maybe(fc.constantFrom(...KINDS)),
        }),
        { maxLength: 8 },
      ),
      // Absent: the built-in rows (their roles customer / consumer exist in this catalogue).
      persona: maybe(fc.array(personaRow, { maxLength: 6 })),
    });
  })
  .map(({ facts, extra, configs, persona }) => {
    const accessConfigs = configs.map(({ base, active, level, through }, i): AccessConfig => {
      const { through: _t, ...rest } = base;
      return { ...rest, id: `cfg${i}`, active, level, ...(through ? { through } : {}) };
    });
    return {
      facts: clean(facts) as unknown as Facts,
      extra,
      definitions: {
        ...DEFINITIONS,
        accessConfigs,
        ...(persona && {
          personaGrants: persona.map((row, i): PersonaGrant =>
            strip({ ...row, id: `pg${i}`, source: 'host' }),
          ),
        }),
      } as Definitions,
    };
  });

/** Drops undefined optional fields so the facts look like real ones. */
function strip<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
function clean(facts: Record<string, readonly object[]>): Record<string, object[]> {
  return Object.fromEntries(Object.entries(facts).map(([k, list]) => [k, list.map((x) => strip(x))]));
}

function principalsOf(facts: Facts): PrincipalRef[] {
  return [
    ...facts.contacts.map((c) => ({ kind: 'contact' as const, id: c.id })),
    ...facts.consumers.map((c) => ({ kind: 'consumer' as const, id: c.id })),
    ...facts.users.map((u) => ({ kind: 'user' as const, id: u.id })),
  ];
}
function entitiesOf(facts: Facts): EntityRef[] {
  return [
    ...facts.cases.map((c) => ({ kind: 'case' as const, id: c.id })),
    ...facts.soldProducts.map((s) => ({ kind: 'sold_product' as const, id: s.id })),
    ...facts.installBase.map((i) => ({ kind: 'install_base' as const, id: i.id })),
  ];
}
function levels(engine: AccessEngine, facts: Facts): Map<string, string> {
  const map = new Map<string, string>();
  for (const p of principalsOf(facts))
    for (const e of entitiesOf(facts)) map.set(`${formatRef(p)} ${formatRef(e)}`, engine.check(p, e).level);
  return map;
}

const RUNS = { numRuns: 250 };

describe('engine properties on random worlds', () => {
  test('levels equal the naive reference evaluator', () => {
    fc.assert(
      fc.property(worldArb, ({ facts, definitions }) => {
        const engine = new AccessEngine(definitions, facts);
        for (const p of principalsOf(facts)) {
          for (const e of entitiesOf(facts)) {
            const expected = referenceLevel(definitions, facts, p, e);
            const actual = engine.check(p, e).level;
            if (actual !== expected)
              assert.fail(
                `${formatRef(p)} ${formatRef(e)}: engine ${actual}, reference ${expected}\n${formatExplanation(engine.explain(p, e))}`,
              );
          }
        }
      }),
      RUNS,
    );
  });

  test('explain agrees with check: same level, and the grant paths add up to the permissions', () => {
    fc.assert(
      fc.property(worldArb, ({ facts, definitions }) => {
        const engine = new AccessEngine(definitions, facts);
        for (const p of principalsOf(facts)) {
          for (const e of entitiesOf(facts)) {
            const checked = engine.check(p, e);
            const explanation = engine.explain(p, e);
            assert.equal(explanation.level, checked.level);
            const union = new Set(explanation.grants.flatMap((g) => g.permissions));
            if (union.size > 0) union.add('read');
            assert.deepEqual(
              [...union].sort(),
              [...checked.permissions].sort(),
              formatExplanation(explanation),
            );
          }
        }
      }),
      RUNS,
    );
  });

  test("near misses are data: each sentence is its detail formatted, the code is the detail's", () => {
    let seen = 0;
    fc.assert(
      fc.property(worldArb, ({ facts, definitions }) => {
        const engine = new AccessEngine(definitions, facts);
        for (const p of principalsOf(facts)) {
          for (const e of entitiesOf(facts)) {
            for (const miss of engine.explain(p, e).nearMisses) {
              seen++;
              assert.equal(miss.code, miss.detail.code);
              assert.equal(miss.reason, formatNearMiss(JSON.parse(JSON.stringify(miss.detail))));
            }
          }
        }
      }),
      RUNS,
    );
    assert.ok(seen > 0, 'random worlds produce near misses');
  });

  test('adding a record never lowers anyone; removing one never raises anyone', () => {
    fc.assert(
      fc.property(worldArb, ({ facts, definitions, extra }) => {
        const before = levels(new AccessEngine(definitions, facts), facts);
        const grown = { ...facts, relatedParties: [...facts.relatedParties, ...extra] };
        const after = levels(new AccessEngine(definitions, grown), facts);
        for (const [pair, level] of before) {
          assert.ok(
            compareLevels(after.get(pair) as never, level as never) >= 0,
            `${pair} fell from ${level} to ${after.get(pair)}`,
          );
        }
      }),
      RUNS,
    );
  });

  test('incremental add/update/remove equals a fresh engine', () => {
    fc.assert(
      fc.property(
        worldArb,
        fc.array(fc.nat(), { maxLength: 8 }),
        ({ facts, definitions, extra }, choices) => {
          const engine = new AccessEngine(definitions, facts);
          let records: RelatedPartyRecord[] = [...facts.relatedParties];
          choices.forEach((choice, step) => {
            const candidate = extra[choice % extra.length] as RelatedPartyRecord;
            const target = records[choice % Math.max(1, records.length)];
            if (choice % 3 === 0 || !target) {
              const added = { ...candidate, id: `s${step}` };
              engine.addRecord(added);
              records.push(added);
            } else if (choice % 3 === 1) {
              engine.removeRecord(target.id);
              records = records.filter((r) => r.id !== target.id);
            } else {
              const updated = { ...candidate, id: target.id };
              engine.updateRecord(updated);
              records = records.map((r) => (r.id === target.id ? updated : r));
            }
          });
          assert.deepEqual(
            levels(engine, facts),
            levels(new AccessEngine(definitions, { ...facts, relatedParties: records }), facts),
          );
        },
      ),
      RUNS,
    );
  });

  test('whatIf lists exactly the pairs whose level changes (plus the changed entity) and mutates nothing', () => {
    fc.assert(
      fc.property(worldArb, fc.nat(), ({ facts, definitions, extra }, choice) => {
        const engine = new AccessEngine(definitions, facts);
        const existing = facts.relatedParties[choice % Math.max(1, facts.relatedParties.length)];
        const extraRecord = extra[choice % extra.length] as RelatedPartyRecord;
        const change: PartyChange =
          !existing || choice % 3 === 0
            ? { op: 'add', record: extraRecord }
            : choice % 3 === 1
              ? { op: 'remove', recordId: existing.id }
              : {
                  op: 'retype',
                  recordId: existing.id,
                  type: extraRecord.type,
                  responsibility: extraRecord.responsibility ?? null,
                };
        const before = levels(engine, facts);
        const results = engine.whatIf(change);
        assert.deepEqual(levels(engine, facts), before, 'whatIf mutated the engine');
        const applied = new AccessEngine(definitions, facts);
        applied.apply(change);
        const after = levels(applied, facts);
        const listed = new Map(results.map((r) => [`${formatRef(r.principal)} ${formatRef(r.entity)}`, r]));
        for (const [pair, level] of before) {
          const result = listed.get(pair);
          if (result) {
            assert.equal(result.before, level, pair);
            assert.equal(result.after, after.get(pair), pair);
          } else assert.equal(after.get(pair), level, `${pair} changed but whatIf did not list it`);
        }
      }),
      RUNS,
    );
  });

  test('accessFor lists exactly the entities with a level above none', () => {
    fc.assert(
      fc.property(worldArb, ({ facts, definitions }) => {
        const engine = new AccessEngine(definitions, facts);
        for (const p of principalsOf(facts)) {
          const listed = engine.accessFor(p).map((e) => `${formatRef(e.entity)} ${e.level}`);
          const expected = entitiesOf(facts)
            .map((e) => `${formatRef(e)} ${engine.check(p, e).level}`)
            .filter((line) => !line.endsWith(' none'));
          assert.deepEqual(listed.sort(), expected.sort());
        }
      }),
      RUNS,
    );
  });
});
