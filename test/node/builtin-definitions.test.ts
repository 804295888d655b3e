import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EntityKind, PartyKind, Permission, RoleDef } from '../../src/model/index.js';
import { EMPTY_FACTS, LEVEL_PERMISSIONS } from '../../src/model/index.js';
import { AccessEngine } from '../../src/access/engine.js';
import { BUILTIN_DEFINITIONS } from '../../src/access/builtin-definitions.js';
import { ROLE_SEED } from '../../src/access/role-seed.js';

const { responsibilities, accessConfigs, relationshipTypes, roles } = BUILTIN_DEFINITIONS;
const roleByName = new Map<string, RoleDef>(ROLE_SEED.map((r) => [r.name, r]));
const responsibilityByName = new Map(responsibilities.map((r) => [r.name, r]));

/** The issue's list: relationship types per table with the responsibility each defaults. */
const ISSUE_TYPES: readonly [EntityKind, string, PartyKind, string | undefined][] = [
  ['case', 'Authorized Contact', 'contact', 'Authorized Representative'],
  ['case', 'Authorized Consumer', 'consumer', 'Authorized Representative'],
  ['case', 'Authorized Contributor', 'user', 'Authorized Representative'],
  ['case', 'Listed Contact', 'contact', undefined],
  ['case', 'Listed Consumer', 'consumer', undefined],
  ['sold_product', 'Authorized Account', 'account', 'Authorized Account'],
  ['sold_product', 'Authorized Contact', 'contact', 'Authorized Representative'],
  ['sold_product', 'Authorized Consumer', 'consumer', 'Authorized Representative'],
  ['sold_product', 'Listed Account', 'account', undefined],
  ['sold_product', 'Listed Contact', 'contact', undefined],
  ['sold_product', 'Listed Consumer', 'consumer', undefined],
  ['install_base', 'Authorized Account', 'account', 'Authorized Account'],
  ['install_base', 'Authorized Contact', 'contact', 'Authorized Representative'],
  ['install_base', 'Authorized Consumer', 'consumer', 'Authorized Representative'],
  ['install_base', 'Authorized Contributor', 'user', 'Authorized Representative'],
  ['install_base', 'Authorized Member', 'user', 'Authorized Member'],
  [
    'install_base',
    'Authorized Service Organization',
    'service_organization',
    'Authorized Service Organization',
  ],
  ['install_base', 'Listed Account', 'account', undefined],
  ['install_base', 'Listed Contact', 'contact', undefined],
  ['install_base', 'Listed Consumer', 'consumer', undefined],
];

/** Permissions on a table that a role gives through containment (a plain DFS, independent of the engine). */
function permissionsOn(roleName: string, table: string): Set<Permission> {
  const found = new Set<Permission>();
  const seen = new Set<string>();
  const stack = [roleName];
  for (let name = stack.pop(); name !== undefined; name = stack.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const role = roleByName.get(name);
    for (const grant of role?.grants ?? []) if (grant.target === table) found.add(grant.permission);
    stack.push(...(role?.contains ?? []));
  }
  return found;
}

describe('BUILTIN_DEFINITIONS', () => {
  test('its role catalogue holds every role an access config requires', () => {
    const names = new Set(roles.map((r) => r.name));
    const missing = accessConfigs.flatMap((c) => c.rolesRequired).filter((name) => !names.has(name));
    assert.deepEqual(missing, []);
  });

  test('ids are unique', () => {
    for (const list of [responsibilities, accessConfigs, relationshipTypes]) {
      assert.equal(new Set(list.map((d) => d.id)).size, list.length);
    }
  });

  test('has exactly the relationship types of the issue, per table', () => {
    assert.equal(relationshipTypes.length, ISSUE_TYPES.length);
    for (const [table, name, partyType, responsibility] of ISSUE_TYPES) {
      const type = relationshipTypes.find((t) => t.appliesTo === table && t.name === name);
      assert.ok(type, `${table}: ${name}`);
      assert.equal(type.partyType, partyType, `${table}: ${name}`);
      const expected =
        responsibility === undefined ? undefined : responsibilityByName.get(responsibility)?.id;
      if (responsibility !== undefined) assert.ok(expected, `responsibility ${responsibility} exists`);
      assert.equal(type.defaultResponsibility, expected, `${table}: ${name}`);
    }
  });

  test('every default responsibility exists', () => {
    const ids = new Set(responsibilities.map((r) => r.id));
    for (const type of relationshipTypes) {
      if (type.defaultResponsibility !== undefined) assert.ok(ids.has(type.defaultResponsibility), type.id);
    }
  });

  test("every access config's responsibility and required roles exist", () => {
    const ids = new Set(responsibilities.map((r) => r.id));
    for (const config of accessConfigs) {
      assert.ok(ids.has(config.responsibility), config.id);
      assert.ok(config.rolesRequired.length > 0, `${config.id} requires a role`);
      for (const role of config.rolesRequired) assert.ok(roleByName.has(role), `${config.id}: ${role}`);
    }
  });

  test('every functional role is required by some access config', () => {
    const required = new Set(accessConfigs.flatMap((c) => c.rolesRequired));
    for (const role of ROLE_SEED.filter((r) => r.kind === 'functional'))
      assert.ok(required.has(role.name), role.name);
  });

  test('the required roles contain granular roles allowing what each config grants', () => {
    for (const config of accessConfigs) {
      for (const role of config.rolesRequired) {
        const allowed = permissionsOn(role, config.table);
        for (const permission of LEVEL_PERMISSIONS[config.level]) {
          assert.ok(allowed.has(permission), `${config.id}: ${role} lacks ${permission} on ${config.table}`);
        }
      }
    }
  });

  test('every authorized type reaches an access config for its party kind; Listed types grant nothing', () => {
    for (const type of relationshipTypes) {
      const configs = accessConfigs.filter(
        (c) =>
          c.active &&
          c.responsibility === type.defaultResponsibility &&
          (c.through ?? c.table) === type.appliesTo &&
          (c.partyType === undefined || c.partyType === type.partyType),
      );
      if (type.name.startsWith('Listed')) assert.equal(type.defaultResponsibility, undefined, type.id);
      else assert.ok(configs.length > 0, `${type.id} grants nothing`);
    }
  });

  test('the functional roles mean what their descriptions say', () => {
    const grants = (table: EntityKind, through: EntityKind | undefined, role: string): string | undefined =>
      accessConfigs.find((c) => c.table === table && c.through === through && c.rolesRequired.includes(role))
        ?.level;
    assert.equal(grants('case', undefined, 'sn_customerservice.case_authorized_contact'), 'write');
    assert.equal(grants('case', undefined, 'sn_customerservice.case_authorized_contributor'), 'write');
    assert.equal(
      grants('sold_product', undefined, 'sn_install_base.sold_product_authorized_consumer'),
      'read',
    );
    assert.equal(grants('case', 'sold_product', 'sn_install_base.sold_product_authorized_contact'), 'full');
    assert.equal(
      grants('install_base', 'sold_product', 'sn_install_base.sold_product_authorized_contact'),
      'read',
    );
    assert.equal(grants('install_base', undefined, 'sn_install_base.install_base_authorized_member'), 'read');
    assert.equal(
      grants('sold_product', 'install_base', 'sn_install_base.install_base_authorized_account'),
      'read',
    );
    assert.equal(grants('case', 'install_base', 'sn_install_base.install_base_authorized_contact'), 'full');
    // "enables the users to manage cases" (no create) for service organizations.
    assert.equal(
      grants('case', 'install_base', 'sn_install_base.install_base_authorized_service_organization'),
      'write',
    );
  });

  test('the engine finds no problem in them (every cascade supported, every reference known)', () => {
    assert.deepEqual(new AccessEngine(BUILTIN_DEFINITIONS, EMPTY_FACTS).problems, []);
  });
});
