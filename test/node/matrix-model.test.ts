/**
 * The access review's matrix model: filtering, grouping and sorting of the rows agree with a plain
 * reference (collator comparisons on every pair) on generated rows, for every query — the
 * precomputed ranks change how fast it is, never the order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  matrixItems,
  peopleWithAccess,
  prepareMatrix,
  type GroupBy,
  type LevelFilter,
  type MatrixItem,
  type MatrixQuery,
  type MatrixSort,
} from '../../components/access-review/matrix-model.js';
import { ACCESS_LEVELS, compareLevels, formatRef } from '../../src/model/kinds.js';
import type { MatrixRow } from '../../src/review/types.js';

const collator = new Intl.Collator();

/** The matrix model as first written: every comparison through the collator. */
function reference(rows: readonly MatrixRow[], query: MatrixQuery): MatrixItem[] {
  const text = query.text.trim().toLowerCase();
  const sign = query.direction === 'ascending' ? 1 : -1;
  const compare = (a: MatrixRow, b: MatrixRow, sort: MatrixSort): number => {
    if (sort === 'principal') return collator.compare(a.principalLabel, b.principalLabel);
    if (sort === 'entity') return collator.compare(a.entityLabel, b.entityLabel);
    if (sort === 'level') return compareLevels(a.level, b.level);
    return collator.compare(a.paths[0]?.kind ?? '', b.paths[0]?.kind ?? '');
  };
  const groups = new Map<string, { label: string; rows: MatrixRow[] }>();
  for (const row of rows) {
    if (
      query.level === 'near-miss'
        ? row.nearMisses.length === 0
        : query.level !== 'all' && row.level !== query.level
    )
      continue;
    const hay = [row.principalLabel, row.entityLabel, ...row.paths.map((p) => p.label), ...row.nearMisses];
    if (text !== '' && !hay.some((v) => v.toLowerCase().includes(text))) continue;
    const ref = query.groupBy === 'principal' ? row.principal : row.entity;
    const key = formatRef(ref);
    const group = groups.get(key) ?? {
      label: query.groupBy === 'principal' ? row.principalLabel : row.entityLabel,
      rows: [],
    };
    group.rows.push(row);
    groups.set(key, group);
  }
  const items: MatrixItem[] = [];
  for (const [key, group] of [...groups].sort(
    ([ka, a], [kb, b]) => a.label.localeCompare(b.label) || ka.localeCompare(kb),
  )) {
    items.push({ kind: 'group', key: `group|${key}`, label: group.label, count: group.rows.length });
    group.rows.sort(
      (a, b) =>
        sign * compare(a, b, query.sort) ||
        collator.compare(a.principalLabel, b.principalLabel) ||
        collator.compare(a.entityLabel, b.entityLabel),
    );
    for (const row of group.rows)
      items.push({ kind: 'row', key: `${formatRef(row.principal)}|${formatRef(row.entity)}`, row });
  }
  return items;
}

const LABELS = ['Ann', 'ann', 'Änne', 'Bo', 'bo ', 'Zoë', 'zoe', 'CS001', 'CS01', 'cs001', ''];
const KINDS = ['party-record', 'cascade', 'account-party', 'persona-role', 'Cascade'];

const rowArb = fc.record({
  principal: fc.record({
    kind: fc.constantFrom('contact' as const, 'user' as const),
    id: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
  }),
  entity: fc.record({
    kind: fc.constantFrom('case' as const, 'sold_product' as const),
    id: fc.constantFrom('e1', 'e2', 'e3'),
  }),
  principalLabel: fc.constantFrom(...LABELS),
  entityLabel: fc.constantFrom(...LABELS),
  level: fc.constantFrom(...ACCESS_LEVELS),
  paths: fc.array(
    fc.record({
      kind: fc.constantFrom(...KINDS),
      label: fc.constantFrom(...LABELS),
      level: fc.constantFrom(...ACCESS_LEVELS),
    }),
    { maxLength: 2 },
  ),
  nearMisses: fc.array(fc.constantFrom('lacks role', 'Inactive'), { maxLength: 1 }),
}) as fc.Arbitrary<MatrixRow>;

const queryArb = fc.record({
  text: fc.constantFrom('', 'ann', 'CS0', 'zz', ' bo '),
  level: fc.constantFrom<LevelFilter>('all', 'near-miss', ...ACCESS_LEVELS),
  groupBy: fc.constantFrom<GroupBy>('principal', 'entity'),
  sort: fc.constantFrom<MatrixSort>('principal', 'entity', 'level', 'path'),
  direction: fc.constantFrom('ascending' as const, 'descending' as const),
});

test('matrixItems orders, groups and filters as the plain reference does', () => {
  fc.assert(
    fc.property(
      fc.array(rowArb, { maxLength: 40 }),
      fc.array(queryArb, { minLength: 1, maxLength: 4 }),
      (rows, queries) => {
        // Several queries over one rows array: the prepared ranks are reused between them.
        for (const query of queries) assert.deepEqual(matrixItems(rows, query), reference(rows, query));
      },
    ),
    { numRuns: 300 },
  );
});

test('prepared a step at a time or at once, the rows give the same items and people count', () => {
  fc.assert(
    fc.property(fc.array(rowArb, { maxLength: 40 }), queryArb, (rows, query) => {
      const stepped = [...rows];
      let steps = 0;
      for (const _ of prepareMatrix(stepped)) steps += 1;
      assert.ok(steps > 0);
      assert.deepEqual(matrixItems(stepped, query), reference(rows, query));
      const people = new Set(rows.filter((r) => r.level !== 'none').map((r) => formatRef(r.principal)));
      assert.equal(peopleWithAccess(stepped), people.size);
      assert.equal(peopleWithAccess([...rows]), people.size);
    }),
    { numRuns: 200 },
  );
});

test('many distinct labels (the sort merges runs): the same order as the reference', () => {
  const letters = ['a', 'A', 'b', 'ä', 'Z', 'z', 'é', 'e', ' ', '1', '10', '2'];
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 4 }), {
        minLength: 600,
        maxLength: 900,
      }),
      queryArb,
      (labels, query) => {
        const rows = labels.map((parts, i) => ({
          principal: { kind: 'contact' as const, id: `p${i % 97}` },
          entity: { kind: 'case' as const, id: `e${i}` },
          principalLabel: parts.join(''),
          entityLabel: [...parts].reverse().join(''),
          level: ACCESS_LEVELS[i % ACCESS_LEVELS.length] ?? 'read',
          paths: [
            { kind: KINDS[i % KINDS.length] ?? 'cascade', label: parts.join(' '), level: 'read' as const },
          ],
          nearMisses: [],
        }));
        assert.deepEqual(matrixItems(rows, query), reference(rows, query));
      },
    ),
    { numRuns: 15 },
  );
});
