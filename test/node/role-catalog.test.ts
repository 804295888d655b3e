import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RoleCatalog } from '../../src/access/index.js';
import type { RoleDef } from '../../src/model/index.js';
import { ROLES } from './engine-world.js';

const def = (name: string, contains: string[] = [], kind: RoleDef['kind'] = 'other'): RoleDef => ({
  name,
  title: name,
  description: '',
  plugin: '',
  kind,
  contains,
});

describe('RoleCatalog', () => {
  const catalog = RoleCatalog.fromDefinitions(ROLES);

  test('looks roles up by name', () => {
    assert.equal(catalog.size, ROLES.length);
    assert.equal(catalog.get('case_contact')?.kind, 'functional');
    assert.equal(catalog.has('case_contact'), true);
    assert.equal(catalog.has('nope'), false);
    assert.equal(catalog.get('nope'), undefined);
  });

  test('containment is transitive', () => {
    assert.equal(catalog.contains('customer_admin', 'case_read_granular'), true);
    assert.equal(catalog.contains('sp_contact', 'case_create_granular'), true);
    assert.equal(catalog.contains('case_read_granular', 'case_write_granular'), false);
    assert.equal(
      catalog.contains('case_contact', 'case_contact'),
      false,
      'no self-containment without a cycle',
    );
    assert.equal(catalog.contains('nope', 'case_read_granular'), false);
    assert.equal(catalog.contains('case_contact', 'nope'), false);
  });

  test('expand keeps the given roles, adds what they contain, keeps and reports unknown names', () => {
    const unknown: string[] = [];
    const roles = catalog.expand(['case_contact', 'mystery'], (name) => unknown.push(name));
    assert.deepEqual([...roles].sort(), [
      'case_contact',
      'case_create_granular',
      'case_read_granular',
      'case_write_granular',
      'mystery',
    ]);
    assert.deepEqual(unknown, ['mystery']);
    assert.deepEqual([...catalog.closure('case_read_granular')], ['case_read_granular']);
  });

  test('grantsOf gives the granular grants in force after expansion, once each', () => {
    const grants = catalog.grantsOf(['sp_contact', 'case_contact']).map((g) => `${g.target}:${g.permission}`);
    assert.deepEqual(grants.sort(), [
      'case:create',
      'case:read',
      'case:write',
      'install_base:read',
      'sold_product:read',
    ]);
    assert.deepEqual(catalog.grantsOf(['customer_admin']).length, 3);
    assert.deepEqual(catalog.grantsOf([]), []);
  });

  test('chain gives the shortest containment path from held roles', () => {
    assert.deepEqual(catalog.chain(['customer_admin'], 'case_read_granular'), [
      'customer_admin',
      'case_contact',
      'case_write_granular',
      'case_read_granular',
    ]);
    assert.deepEqual(catalog.chain(['case_read_granular'], 'case_read_granular'), ['case_read_granular']);
    assert.equal(catalog.chain(['case_read_granular'], 'case_contact'), undefined);
  });

  test('cycles terminate, are reported once, and every member contains every other', () => {
    const cyclic = RoleCatalog.fromDefinitions([
      def('a', ['b']),
      def('b', ['c']),
      def('c', ['a', 'd']),
      def('d'),
      def('e', ['e']),
    ]);
    assert.deepEqual(cyclic.problems.map((p) => (p.kind === 'cycle' ? p.roles.join(',') : p.kind)).sort(), [
      'a,b,c',
      'e',
    ]);
    assert.equal(cyclic.contains('a', 'a'), true);
    assert.equal(cyclic.contains('b', 'a'), true);
    assert.equal(cyclic.contains('a', 'd'), true);
    assert.equal(cyclic.contains('d', 'a'), false);
    assert.equal(cyclic.contains('e', 'e'), true);
    assert.deepEqual([...cyclic.expand(['b'])].sort(), ['a', 'b', 'c', 'd']);
  });

  test('edges to unknown roles and duplicate names are reported; the rest still works', () => {
    const broken = RoleCatalog.fromDefinitions([def('a', ['ghost', 'b']), def('b'), def('a', ['c'])]);
    assert.deepEqual(
      broken.problems.map((p) =>
        p.kind === 'unknown-role'
          ? `${p.kind}:${p.role}<${p.containedBy}`
          : `${p.kind}:${'role' in p ? p.role : ''}`,
      ),
      ['duplicate-role:a', 'unknown-role:ghost<a'],
    );
    assert.equal(broken.contains('a', 'b'), true);
  });

  test('a containment chain thousands deep does not overflow the stack', () => {
    const depth = 20_000;
    const roles = Array.from({ length: depth }, (_, i) =>
      def(`r${i}`, i + 1 < depth ? [`r${i + 1}`] : ['r0']),
    );
    const deep = RoleCatalog.fromDefinitions(roles);
    assert.equal(deep.contains('r0', `r${depth - 1}`), true);
    assert.equal(deep.problems.length, 1);
  });
});

describe('RoleCatalog.fromRows', () => {
  const rows = [
    { sys_id: '1', name: 'case_contact', description: 'from the instance' },
    { sys_id: '2', name: 'case_write_granular' },
    { sys_id: '3', name: 'case_read_granular' },
    { sys_id: '4', name: 'x_custom_granular' },
  ];

  test('edges by sys_id or by name, metadata from the seed', () => {
    const catalog = RoleCatalog.fromRows(
      rows,
      [
        { role: '1', contains: '2' },
        { role: 'case_write_granular', contains: '3' },
      ],
      ROLES,
    );
    assert.equal(catalog.contains('case_contact', 'case_read_granular'), true);
    assert.equal(catalog.get('case_contact')?.description, 'from the instance');
    assert.equal(catalog.get('case_contact')?.sysId, '1');
    assert.equal(catalog.get('case_contact')?.kind, 'functional');
    assert.deepEqual(catalog.get('case_read_granular')?.grants, [{ target: 'case', permission: 'read' }]);
    assert.equal(catalog.get('x_custom_granular')?.kind, 'granular', 'kind guessed from the name');
    assert.equal(
      catalog.get('x_custom_granular')?.grants,
      undefined,
      'grants are data: none without a seed entry',
    );
  });

  test('edges to unknown rows are reported', () => {
    const catalog = RoleCatalog.fromRows(rows, [{ role: '1', contains: '99' }]);
    assert.deepEqual(
      catalog.problems.map((p) => p.kind),
      ['unknown-role'],
    );
  });
});

describe('RoleCatalog properties', () => {
  /** Naive reachability by breadth-first search over the raw edges. */
  function reachable(edges: number[][], from: number): Set<number> {
    const seen = new Set<number>();
    const queue = [...(edges[from] ?? [])];
    while (queue.length > 0) {
      const next = queue.shift() as number;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(edges[next] ?? []));
    }
    return seen;
  }

  test('random graphs with cycles: closure equals naive reachability, cycles reported exactly', () => {
    const graph = fc
      .integer({ min: 1, max: 14 })
      .chain((n) =>
        fc.tuple(
          fc.constant(n),
          fc.array(fc.array(fc.nat({ max: n - 1 }), { maxLength: 4 }), { minLength: n, maxLength: n }),
        ),
      );
    fc.assert(
      fc.property(graph, ([n, edges]) => {
        const catalog = RoleCatalog.fromDefinitions(
          edges.map((out, i) =>
            def(
              `r${i}`,
              out.map((j) => `r${j}`),
            ),
          ),
        );
        const inCycle = new Set<number>();
        for (let a = 0; a < n; a++) {
          const reach = reachable(edges, a);
          if (reach.has(a)) inCycle.add(a);
          for (let b = 0; b < n; b++)
            assert.equal(catalog.contains(`r${a}`, `r${b}`), reach.has(b), `r${a} ⊇ r${b}`);
          assert.deepEqual(
            [...catalog.closure(`r${a}`)].sort(),
            [...new Set([a, ...reach])].map((i) => `r${i}`).sort(),
          );
        }
        const reported = catalog.problems.flatMap((p) => (p.kind === 'cycle' ? p.roles : []));
        assert.deepEqual([...reported].sort(), [...inCycle].map((i) => `r${i}`).sort());
      }),
      { numRuns: 300 },
    );
  });
});
