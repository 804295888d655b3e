import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AccessEngine, BUILTIN_DEFINITIONS } from '../../src/access/index.js';
import type { AccessConfig, Definitions } from '../../src/model/index.js';
import { DEFINITIONS, ROLES, TYPES, rec, world } from './engine-world.js';

describe('definition problems', () => {
  const broken: Definitions = {
    ...DEFINITIONS,
    roles: [
      ...ROLES,
      {
        name: 'loop_a',
        title: '',
        description: '',
        plugin: '',
        kind: 'other',
        contains: ['loop_b', 'ghost_role'],
      },
      { name: 'loop_b', title: '', description: '', plugin: '', kind: 'other', contains: ['loop_a'] },
    ],
    accessConfigs: [
      ...DEFINITIONS.accessConfigs,
      {
        id: 'bad_resp',
        responsibility: 'nobody',
        active: true,
        level: 'read',
        table: 'case',
        rolesRequired: [],
      },
      {
        id: 'bad_role',
        responsibility: 'rep',
        active: true,
        level: 'read',
        table: 'case',
        rolesRequired: ['x_unknown'],
      },
      {
        id: 'bad_level',
        responsibility: 'rep',
        active: true,
        level: 'admin',
        table: 'case',
        rolesRequired: [],
      } as unknown as AccessConfig,
      {
        id: 'bad_table',
        responsibility: 'rep',
        active: true,
        level: 'read',
        table: 'incident',
        rolesRequired: [],
      } as unknown as AccessConfig,
      {
        id: 'bad_cascade',
        responsibility: 'rep',
        active: true,
        level: 'read',
        table: 'sold_product',
        through: 'case',
        rolesRequired: [],
      },
      {
        id: 'bad_party',
        responsibility: 'rep',
        active: true,
        level: 'read',
        table: 'case',
        partyType: 'robot',
        rolesRequired: [],
      } as unknown as AccessConfig,
    ],
    relationshipTypes: [
      ...TYPES,
      { id: 'bad_type_table', name: 'Odd', appliesTo: 'incident', partyType: 'contact' } as never,
      { id: 'bad_type_party', name: 'Odd', appliesTo: 'case', partyType: 'robot' } as never,
      {
        id: 'bad_type_resp',
        name: 'Odd',
        appliesTo: 'case',
        partyType: 'contact',
        defaultResponsibility: 'nobody',
      },
    ],
  };

  test('each kind of defect is reported with a code and its subject', () => {
    const engine = new AccessEngine(broken, world());
    assert.deepEqual(
      engine.problems.map((p) => `${p.code} ${p.subject}`),
      [
        'unknown-role ghost_role',
        'role-cycle loop_a,loop_b',
        'type-unknown-table bad_type_table',
        'type-unknown-party bad_type_party',
        'type-unknown-responsibility bad_type_resp',
        'config-unknown-responsibility bad_resp',
        'config-unknown-role bad_role',
        'config-unknown-level bad_level',
        'config-unknown-table bad_table',
        'config-unsupported-cascade bad_cascade',
        'config-unknown-party bad_party',
      ],
    );
    assert.ok(engine.problems.every((p) => p.message.length > 10));
  });

  test('the engine still answers for everything else', () => {
    const engine = new AccessEngine(broken, world(rec('case:c1', 'contact:ana', 'co_borrower')));
    assert.equal(engine.check({ kind: 'contact', id: 'ana' }, { kind: 'case', id: 'c1' }).level, 'write');
  });

  test('a required role missing from the catalogue counts when the principal lists it', () => {
    const defs: Definitions = {
      ...DEFINITIONS,
      accessConfigs: [
        {
          id: 'custom',
          responsibility: 'rep',
          active: true,
          level: 'read',
          table: 'case',
          rolesRequired: ['x_custom'],
        },
      ],
    };
    const facts = world(
      rec('case:c1', 'contact:kim', 'co_borrower'),
      rec('case:c1', 'contact:max', 'co_borrower'),
    );
    const engine = new AccessEngine(defs, {
      ...facts,
      contacts: facts.contacts.map((c) => (c.id === 'kim' ? { ...c, roles: [...c.roles, 'x_custom'] } : c)),
    });
    assert.equal(engine.check({ kind: 'contact', id: 'kim' }, { kind: 'case', id: 'c1' }).level, 'read');
    assert.equal(engine.check({ kind: 'contact', id: 'max' }, { kind: 'case', id: 'c1' }).level, 'none');
  });

  test('the built-in definitions are consistent', () => {
    assert.deepEqual(new AccessEngine(BUILTIN_DEFINITIONS, world()).problems, []);
  });
});

describe('kind codes', () => {
  test('follow the order of ENTITY_KINDS and PARTY_KINDS', async () => {
    const { entityCode, partyCode } = await import('../../src/access/kinds-index.js');
    const { ENTITY_KINDS, PARTY_KINDS } = await import('../../src/model/index.js');
    assert.deepEqual(ENTITY_KINDS.map(entityCode), [0, 1, 2]);
    assert.deepEqual(PARTY_KINDS.map(partyCode), [0, 1, 2, 3, 4, 5]);
    assert.equal(entityCode('incident'), -1);
    assert.equal(partyCode(undefined), -1);
  });
});
