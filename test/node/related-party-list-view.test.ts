import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  nextSort,
  visibleRows,
  type ListQuery,
  type SortKey,
} from '../../components/related-party-list/list-view.js';
import { removalBlock } from '../../components/related-party-list/removal-rules.js';
import { EMPTY_FACTS, type Facts } from '../../src/model/facts.js';
import type { PartyKind } from '../../src/model/kinds.js';
import type { PartyRow } from '../../src/service/party-rows.js';

function row(id: string, kind: PartyKind, name: string, type: string, responsibility?: string): PartyRow {
  return {
    record: { id, entity: { kind: 'case', id: 'c1' }, party: { kind, id: `${kind}-${id}` }, type },
    partyName: name,
    typeName: type,
    responsibilityName: responsibility,
  };
}

const ROWS = [
  row('1', 'consumer', 'daniel', 'Co-borrower', 'Authorized Representative'),
  row('2', 'contact', 'Álvaro', 'Attorney', undefined),
  row('3', 'consumer', 'Rosa', 'Guarantor', 'Authorized Representative'),
  row('4', 'account', 'Acme 10', 'Authorized Account', 'Authorized Account'),
  row('5', 'account', 'Acme 9', 'Listed Account', undefined),
];
const text = (r: PartyRow, column: SortKey): string =>
  column === 'name'
    ? (r.partyName ?? '')
    : column === 'kind'
      ? r.record.party.kind
      : column === 'type'
        ? (r.typeName ?? '')
        : (r.responsibilityName ?? '');
const ids = (rows: readonly PartyRow[]) => rows.map((r) => r.record.id);
const query = (q: Partial<ListQuery>): ListQuery => ({
  text: '',
  kind: '',
  sort: 'name',
  direction: 'ascending',
  ...q,
});

describe('visibleRows', () => {
  test('sorts names case- and accent-insensitively, numbers numerically', () => {
    assert.deepEqual(ids(visibleRows(ROWS, query({}), text)), ['5', '4', '2', '1', '3']);
    assert.deepEqual(ids(visibleRows(ROWS, query({ direction: 'descending' }), text)), [
      '3',
      '1',
      '2',
      '4',
      '5',
    ]);
  });

  test('puts empty values last in both directions and keeps the server order on ties', () => {
    assert.deepEqual(ids(visibleRows(ROWS, query({ sort: 'responsibility' }), text)), [
      '4',
      '1',
      '3',
      '2',
      '5',
    ]);
    assert.deepEqual(
      ids(visibleRows(ROWS, query({ sort: 'responsibility', direction: 'descending' }), text)),
      ['1', '3', '4', '2', '5'],
    );
  });

  test('filters by kind and by text in any column, and leaves the input alone', () => {
    const input = [...ROWS];
    assert.deepEqual(ids(visibleRows(input, query({ kind: 'account' }), text)), ['5', '4']);
    assert.deepEqual(ids(visibleRows(input, query({ text: '  REPRESENT ' }), text)), ['1', '3']);
    assert.deepEqual(ids(visibleRows(input, query({ text: 'acme', kind: 'contact' }), text)), []);
    assert.deepEqual(input, ROWS);
  });

  test('sorts 10,000 rows quickly', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      row(String(i), 'contact', `Party ${(i * 7919) % 10_000}`, 'T'),
    );
    const start = performance.now();
    const sorted = visibleRows(many, query({ direction: 'descending' }), text);
    assert.equal(sorted[0]?.partyName, 'Party 9999');
    assert.ok(performance.now() - start < 500);
  });
});

test('nextSort toggles the current column and starts a new one ascending', () => {
  assert.deepEqual(nextSort(query({}), 'name'), { sort: 'name', direction: 'descending' });
  assert.deepEqual(nextSort(query({ direction: 'descending' }), 'name'), {
    sort: 'name',
    direction: 'ascending',
  });
  assert.deepEqual(nextSort(query({ direction: 'descending' }), 'type'), {
    sort: 'type',
    direction: 'ascending',
  });
});

describe('removalBlock', () => {
  const facts: Facts = {
    ...EMPTY_FACTS,
    cases: [{ id: 'c1', number: 'CS1', contact: 'contact-1', consumer: 'consumer-2', account: 'account-3' }],
    soldProducts: [{ id: 'sp1', name: 'P', account: 'account-3' }],
    installBase: [{ id: 'ib1', name: 'I', account: 'account-3' }],
  };
  const at = (r: PartyRow, kind: 'case' | 'sold_product' | 'install_base', id: string) =>
    removalBlock(r, facts, { kind, id })?.field;

  test("blocks the case's own contact, consumer and account", () => {
    assert.equal(at(row('1', 'contact', 'a', 't'), 'case', 'c1'), 'contact');
    assert.equal(at(row('2', 'consumer', 'b', 't'), 'case', 'c1'), 'consumer');
    assert.equal(at(row('3', 'account', 'c', 't'), 'case', 'c1'), 'account');
  });

  test('blocks the account of a sold product and of an install base item', () => {
    assert.equal(at(row('3', 'account', 'c', 't'), 'sold_product', 'sp1'), 'account');
    assert.equal(at(row('3', 'account', 'c', 't'), 'install_base', 'ib1'), 'account');
  });

  test('allows everyone else, and the same party on another entity', () => {
    assert.equal(at(row('9', 'contact', 'x', 't'), 'case', 'c1'), undefined);
    assert.equal(at(row('1', 'user', 'x', 't'), 'case', 'c1'), undefined);
    assert.equal(at(row('1', 'contact', 'a', 't'), 'sold_product', 'sp1'), undefined);
    assert.equal(at(row('3', 'account', 'c', 't'), 'case', 'other'), undefined);
  });
});
