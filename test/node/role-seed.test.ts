import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { GranularGrant, RoleDef } from '../../src/model/index.js';
import { ROLE_SEED } from '../../src/access/role-seed.js';
import { PLATFORM_CONTAINS, ROLE_DOCUMENT_TABLE } from './fixtures/role-documents.js';

const byName = new Map<string, RoleDef>(ROLE_SEED.map((role) => [role.name, role]));
const sorted = (names: readonly string[]): string[] => [...names].sort();

/** The documented mapping of a granular role's name to its grant, written independently. */
function expectedGrant(name: string): GranularGrant {
  const short = name.slice(name.indexOf('.') + 1);
  const match = /^(.*)_(read|write|create)_granular$/.exec(short);
  assert.ok(match, `${name} is named *_read|write|create_granular`);
  const [, subject = '', permission] = match;
  const target =
    subject === 'case'
      ? 'case'
      : subject === 'sold_product'
        ? 'sold_product'
        : /^sold_product_(contact|consumer)$/.test(subject)
          ? 'sold_product_related_party'
          : subject === 'install_base'
            ? 'install_base'
            : subject === 'install_base_related_party'
              ? 'install_base_related_party'
              : subject === 'case_related_party'
                ? 'case_related_party'
                : subject === 'installed_product'
                  ? 'installed_product'
                  : undefined;
  assert.ok(target, `${name}: no documented target`);
  return { target, permission: permission as GranularGrant['permission'] };
}

describe('ROLE_SEED against the reference documents', () => {
  test('names are unique', () => {
    assert.equal(byName.size, ROLE_SEED.length);
  });

  test('every documented role is seeded, and every seeded role is documented', () => {
    assert.deepEqual(sorted(ROLE_SEED.map((r) => r.name)), sorted(ROLE_DOCUMENT_TABLE.map(([name]) => name)));
  });

  for (const [name, kind, document, documented] of ROLE_DOCUMENT_TABLE) {
    test(`${name} (${document}): kind ${kind}, contains the documented and platform roles exactly`, () => {
      const role = byName.get(name);
      assert.ok(role, `${name} missing`);
      assert.equal(role.kind, kind);
      const expected = new Set([...documented, ...(PLATFORM_CONTAINS[name] ?? [])]);
      assert.deepEqual(sorted(role.contains), sorted([...expected]));
      assert.equal(new Set(role.contains).size, role.contains.length, 'no repeated edge');
    });
  }

  test('every contained role exists in the seed', () => {
    for (const role of ROLE_SEED) {
      for (const child of role.contains)
        assert.ok(byName.has(child), `${role.name} contains unknown ${child}`);
    }
  });

  test('the creator role is namespaced everywhere', () => {
    assert.ok(byName.has('sn_customerservice.case_contributor_creator'));
    assert.ok(!byName.has('case_contributor_creator'));
  });

  test('every granular role grants what its name says, and only granular or global read roles grant', () => {
    for (const role of ROLE_SEED) {
      if (role.kind === 'granular') assert.deepEqual(role.grants, [expectedGrant(role.name)], role.name);
    }
    const granting = ROLE_SEED.filter((r) => r.kind !== 'granular' && r.grants).map((r) => r.name);
    assert.deepEqual(sorted(granting), [
      'sn_customerservice.case_task_viewer',
      'sn_customerservice.case_viewer',
    ]);
    assert.deepEqual(byName.get('sn_customerservice.case_viewer')?.grants, [
      { target: 'case', permission: 'read' },
    ]);
    assert.deepEqual(byName.get('sn_customerservice.case_task_viewer')?.grants, [
      { target: 'case_task', permission: 'read' },
    ]);
  });

  test('customer access roles name their plugin by namespace', () => {
    for (const [name, kind] of ROLE_DOCUMENT_TABLE) {
      if (kind !== 'functional' && kind !== 'granular') continue;
      const plugin = name.startsWith('sn_install_base.') ? 'com.snc.install_base' : 'com.sn_customerservice';
      assert.equal(byName.get(name)?.plugin, plugin, name);
    }
  });

  test('titles are present and descriptions are trimmed, with notes in English', () => {
    for (const role of ROLE_SEED) {
      assert.ok(role.title.trim().length > 0, role.name);
      assert.equal(role.description, role.description.trim(), role.name);
      assert.doesNotMatch(role.description, /Hinweis|注|\s{2}/, role.name);
    }
  });

  test('roles only named in cells say where they were named', () => {
    assert.match(
      byName.get('snc_internal')?.description ?? '',
      /^Named in .* as contained by csm_ws_integration/,
    );
    assert.match(byName.get('cmdb_read')?.description ?? '', /^Named in .* as contained by sn_esm_agent/);
  });
});
