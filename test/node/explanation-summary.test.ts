/**
 * The plain sentence leading an explanation, over the engine's real explanations of the example
 * access-test files (the cascade from a sold product, a responsibility without its role).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AccessEngine } from '../../src/access/index.js';
import { parseAccessTestFileText } from '../../src/access/test-file.js';
import type { EntityRef, PrincipalRef } from '../../src/model/kinds.js';
import { summarySentence } from '../../components/effective-access-badge/explanation-summary.js';

function sentence(example: string, principal: PrincipalRef, entity: EntityRef): string {
  const path = new URL(`../../examples/access-tests/${example}`, import.meta.url);
  const file = parseAccessTestFileText(readFileSync(path, 'utf8'), example);
  return summarySentence(new AccessEngine(file.definitions, file.facts).explain(principal, entity));
}

describe('the sentence leading an explanation', () => {
  it('names the level and the relationship that grants it, through the sold product', () => {
    assert.equal(
      sentence(
        'sold-product-cascade.json',
        { kind: 'contact', id: 'sam' },
        { kind: 'install_base', id: 'ib1' },
      ),
      'Sam (Authorized Contact) can read this install base item as Authorized Contact on its sold product Globex support plan.',
    );
  });

  it('names the persona role and the account it covers, with no related-party record', () => {
    const text = sentence(
      'persona-customer.json',
      { kind: 'contact', id: 'ada' },
      { kind: 'case', id: 'c_acme' },
    );
    assert.match(
      text,
      /^\S.* has full access to this case through the role \S*customer_admin, which covers the records of account \S.*\.$/,
    );
  });

  it('names the account tree of a case manager', () => {
    const text = sentence(
      'persona-customer.json',
      { kind: 'contact', id: 'cal' },
      { kind: 'case', id: 'c_eu' },
    );
    assert.match(
      text,
      /through the role \S*customer_case_manager, which covers the records of account \S.* and its child accounts\.$/,
    );
  });

  it('says there is no access, and the nearest miss', () => {
    const text = sentence(
      'responsibility-without-role.json',
      { kind: 'contact', id: 'bea' },
      { kind: 'case', id: 'cs1' },
    );
    assert.match(
      text,
      /^\S.* has no access to this case\. Nearest miss: \S.* has responsibility Authorized Representative on case \S+ but lacks role \S*case_authorized_contact\.$/,
    );
  });
});
