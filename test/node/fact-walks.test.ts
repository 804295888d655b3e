import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { walkedRow, walkFields, walksTo } from '../../src/service/fact-walks.js';
import { DEFAULT_TABLE_MAP } from '../../src/client/table-map.js';
import type { Row } from '../../src/client/types.js';

const ACCOUNT = 'a'.repeat(32);
const [walk] = walksTo(['contact.account'], DEFAULT_TABLE_MAP.account);
if (!walk) throw new Error('no walk');

/** A contact party row with its contact's account dot-walked. */
const row = (fields: Record<string, string>): Row =>
  Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, { value }]));

describe('dot-walked records (fact-walks)', () => {
  it('asks for the reference, the id and every column of the target', () => {
    assert.deepEqual(walkFields([walk]), [
      'contact.account',
      'contact.account.sys_id',
      'contact.account.name',
      'contact.account.parent',
    ]);
  });

  it('takes a record that came back whole, as a row of its own table', () => {
    const found = walkedRow(
      row({
        'contact.account': ACCOUNT,
        'contact.account.sys_id': ACCOUNT,
        'contact.account.name': 'Whitfield & Partners LLP',
        'contact.account.parent': '',
      }),
      walk,
    );
    assert.deepEqual(found, {
      sys_id: { value: ACCOUNT },
      name: { value: 'Whitfield & Partners LLP' },
      parent: { value: '' },
    });
  });

  it('takes nothing without a reference, for a record gone or hidden, or with a column omitted', () => {
    const whole = {
      'contact.account': ACCOUNT,
      'contact.account.sys_id': ACCOUNT,
      'contact.account.name': 'Acme',
      'contact.account.parent': '',
    };
    assert.equal(walkedRow(row({ ...whole, 'contact.account': '' }), walk), undefined);
    // A dangling reference (or a record the user may not read) walks to empty values.
    assert.equal(walkedRow(row({ ...whole, 'contact.account.sys_id': '' }), walk), undefined);
    const { 'contact.account.parent': _omitted, ...withoutParent } = whole;
    assert.equal(walkedRow(row(withoutParent), walk), undefined);
  });
});
