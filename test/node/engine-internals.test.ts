import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ReachIndex } from '../../src/access/reach-index.js';
import { LinkedLists } from '../../src/access/linked-lists.js';
import { stronglyConnected } from '../../src/access/scc.js';

describe('ReachIndex', () => {
  test('counts equal a Map model through growth, decrements and zero counts; the Bloom filter never says no wrongly', () => {
    const op = fc.record({
      p: fc.nat({ max: 300 }),
      e: fc.nat({ max: 40 }),
      delta: fc.constantFrom(1, 1, -1),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const reach = new ReachIndex({ words: new Int32Array(41 * 3), stride: 3, offset: 1 }, 0);
        const model = new Map<string, number>();
        for (const { p, e, delta } of ops) {
          const key = `${p}/${e}`;
          const current = model.get(key) ?? 0;
          if (current + delta < 0) continue;
          reach.add(p, e, delta);
          model.set(key, current + delta);
        }
        for (let p = 0; p <= 300; p += 7) {
          for (let e = 0; e <= 40; e++) {
            const expected = model.get(`${p}/${e}`) ?? 0;
            assert.equal(reach.count(p, e), expected);
            if (expected > 0) assert.ok(reach.maybe(p, e));
          }
        }
        for (const [key, count] of model) {
          const [p, e] = key.split('/').map(Number) as [number, number];
          assert.equal(reach.count(p, e), count);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('LinkedLists', () => {
  test('append and remove keep every list equal to an array model, slots reused', () => {
    const op = fc.oneof(fc.record({ add: fc.nat({ max: 20 }) }), fc.record({ drop: fc.nat() }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const lists = new LinkedLists(2, 2);
        const model = new Map<number, number[]>();
        const live: [number, number][] = [];
        const free: number[] = [];
        let nextSlot = 0;
        for (const o of ops) {
          if ('add' in o) {
            const slot = free.pop() ?? nextSlot++;
            lists.append(o.add, slot);
            model.set(o.add, [...(model.get(o.add) ?? []), slot]);
            live.push([o.add, slot]);
          } else if (live.length > 0) {
            const [list, slot] = live.splice(o.drop % live.length, 1)[0] as [number, number];
            lists.remove(list, slot);
            model.set(
              list,
              (model.get(list) ?? []).filter((s) => s !== slot),
            );
            free.push(slot);
          }
        }
        for (let list = 0; list <= 20; list++) assert.deepEqual(lists.slots(list), model.get(list) ?? []);
      }),
      { numRuns: 300 },
    );
  });
});

describe('stronglyConnected', () => {
  test('components come in reverse topological order', () => {
    // 0 → 1 ⇄ 2 → 3
    const { components, componentOf } = stronglyConnected([[1], [2], [1, 3], []]);
    assert.deepEqual(
      components.map((c) => [...c].sort()),
      [[3], [1, 2], [0]],
    );
    assert.equal(componentOf[1], componentOf[2]);
  });
});
