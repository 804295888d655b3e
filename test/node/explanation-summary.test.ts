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
