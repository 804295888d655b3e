import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_DEFINITIONS } from '../../src/access/builtin-definitions.js';
import {
  AccessTestFileError,
  MAX_ACCESS_TEST_FILE_BYTES,
  parseAccessTestFile,
  parseAccessTestFileText,
  toAccessTestFile,
} from '../../src/access/test-file.js';

const EXAMPLES = 'examples/access-tests';
const exampleFiles = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
const readExample = (name: string): string => readFileSync(join(EXAMPLES, name), 'utf8');

/** A small valid world to break one field at a time. */
function world(): Record<string, unknown> {
  return {
    definitions: 'builtin',
    facts: {
      accounts: [{ id: 'acme' }],
      contacts: [{ id: 'ana', account: 'acme', roles: ['sn_customerservice.case_authorized_contact'] }],
      serviceOrganizations: [{ id: 'so1', members: ['contact:ana'] }],
      cases: [{ id: 'cs1', account: 'acme' }],
      relatedParties: [{ entity: 'case:cs1', party: 'contact:ana', type: 'Authorized Contact' }],
    },
    tests: [{ principal: 'contact:ana', entity: 'case:cs1', level: 'write' }],
  };
}

type Key = string | number;
type Container = Record<Key, unknown>;

/** `world()` with the value at `path` replaced (`undefined` deletes it); missing containers are created. */
function broken(path: readonly Key[], value: unknown): Record<string, unknown> {
  const doc = world();
  let at = doc as Container;
  for (const key of path.slice(0, -1)) {
    at[key] ??= {};
    at = at[key] as Container;
  }
  const last = path.at(-1) as Key;
  if (value === undefined) delete at[last];
  else at[last] = value;
  return doc;
}

describe('parseAccessTestFile: good files', () => {
  for (const name of exampleFiles) {
    test(`parses ${name}`, () => {
      const file = parseAccessTestFileText(readExample(name), name);
      assert.ok(file.tests.length > 0);
      assert.ok(file.facts.relatedParties.length + file.facts.cases.length > 0);
    });
  }

  test('fills defaults: names from ids, roles [], record ids, responsibility from the type', () => {
    const file = parseAccessTestFile(world());
    assert.deepEqual(file.facts.contacts[0], {
      id: 'ana',
      name: 'ana',
      account: 'acme',
      roles: ['sn_customerservice.case_authorized_contact'],
    });
    assert.deepEqual(file.facts.cases[0], { id: 'cs1', number: 'cs1', account: 'acme' });
    assert.deepEqual(file.facts.serviceOrganizations[0]?.members, [{ kind: 'contact', id: 'ana' }]);
    assert.deepEqual(file.facts.relatedParties[0], {
      id: 'rp1',
      entity: { kind: 'case', id: 'cs1' },
      party: { kind: 'contact', id: 'ana' },
      type: 'case_authorized_contact',
      responsibility: 'authorized_representative',
    });
    assert.deepEqual(file.tests[0], {
      principal: { kind: 'contact', id: 'ana' },
      entity: { kind: 'case', id: 'cs1' },
      expect: { level: 'write' },
    });
    assert.deepEqual(file.definitions.roles, BUILTIN_DEFINITIONS.roles);
  });

  test('resolves relationship types by name per entity and party kind, or by id', () => {
    const doc = broken(['facts', 'soldProducts'], [{ id: 'sp1', account: 'acme' }]);
    (doc.facts as Container).relatedParties = [
      { entity: 'sold_product:sp1', party: 'contact:ana', type: 'authorized contact' },
      { entity: 'sold_product:sp1', party: 'account:acme', type: 'Authorized Account' },
      { entity: 'case:cs1', party: 'contact:ana', type: 'case_listed_contact' },
    ];
    const records = parseAccessTestFile(doc).facts.relatedParties;
    assert.deepEqual(
      records.map((r) => [r.type, r.responsibility]),
      [
        ['sold_product_authorized_contact', 'authorized_representative'],
        ['sold_product_authorized_account', 'authorized_account'],
        ['case_listed_contact', undefined],
      ],
    );
  });

  test('an explicit responsibility (id or name) overrides the default; null clears it', () => {
    const doc = broken(
      ['facts', 'relatedParties'],
      [
        {
          entity: 'case:cs1',
          party: 'contact:ana',
          type: 'Listed Contact',
          responsibility: 'Authorized Representative',
        },
        { entity: 'case:cs1', party: 'contact:ana', type: 'Authorized Contact', responsibility: null },
        {
          id: 'x',
          entity: 'case:cs1',
          party: 'contact:ana',
          type: 'Authorized Contact',
          responsibility: 'authorized_account',
          order: 2,
        },
      ],
    );
    const records = parseAccessTestFile(doc).facts.relatedParties;
    assert.equal(records[0]?.responsibility, 'authorized_representative');
    assert.ok(records[1] && !('responsibility' in records[1]));
    assert.deepEqual(
      [records[2]?.id, records[2]?.responsibility, records[2]?.order],
      ['x', 'authorized_account', 2],
    );
  });

  test('extend: a known role gains containment, new definitions are added, a known id is replaced', () => {
    const doc = broken(['extend'], {
      roles: [
        { name: 'sn_customerservice.case_viewer', contains: ['x.extra'] },
        { name: 'x.extra', contains: ['sn_customerservice.case_read_granular'] },
      ],
      responsibilities: [{ id: 'obs', name: 'Observer' }],
      accessConfigs: [
        { id: 'ac_case_representative_contact', responsibility: 'Observer', level: 'read', table: 'case' },
      ],
      relationshipTypes: [
        {
          id: 'x_watch',
          name: 'Watcher',
          appliesTo: 'case',
          partyType: 'contact',
          defaultResponsibility: 'obs',
        },
      ],
    });
    const { definitions } = parseAccessTestFile(doc);
    const viewer = definitions.roles.find((r) => r.name === 'sn_customerservice.case_viewer');
    assert.deepEqual(viewer?.contains, ['x.extra']);
    assert.deepEqual(viewer?.grants, [{ target: 'case', permission: 'read' }], 'grants kept');
    assert.deepEqual(
      definitions.roles.find((r) => r.name === 'x.extra'),
      {
        name: 'x.extra',
        title: 'x.extra',
        description: '',
        plugin: '',
        kind: 'other',
        contains: ['sn_customerservice.case_read_granular'],
      },
    );
    assert.deepEqual(definitions.responsibilities.at(-1), {
      id: 'obs',
      name: 'Observer',
      partyType: 'none',
      unique: false,
      description: '',
    });
    const configs = definitions.accessConfigs.filter((c) => c.id === 'ac_case_representative_contact');
    assert.deepEqual(configs, [
      {
        id: 'ac_case_representative_contact',
        responsibility: 'obs',
        level: 'read',
        table: 'case',
        active: true,
        rolesRequired: [],
      },
    ]);
    assert.equal(definitions.accessConfigs.length, BUILTIN_DEFINITIONS.accessConfigs.length);
    assert.equal(definitions.relationshipTypes.at(-1)?.defaultResponsibility, 'obs');
  });
});

/** [what, input, expected message]. Every message names the place. */
const ERRORS: readonly [string, () => unknown, RegExp][] = [
  [
    'a party that is not kind:id',
    () => broken(['facts', 'relatedParties', 0, 'party'], 'contakt:ana'),
    /^f\.json: facts\.relatedParties\[0\]\.party: "contakt:ana" is not .*kind:id/,
  ],
  [
    'an unknown relationship type',
    () => broken(['facts', 'relatedParties', 0, 'type'], 'Co-borower'),
    /^f\.json: facts\.relatedParties\[0\]\.type: unknown relationship type "Co-borower" for case\/contact$/,
  ],
  [
    'a type id of another table',
    () => broken(['facts', 'relatedParties', 0, 'type'], 'sold_product_authorized_contact'),
    /facts\.relatedParties\[0\]\.type: relationship type "sold_product_authorized_contact" is for sold_product\/contact, not case\/contact/,
  ],
  [
    'an unknown responsibility',
    () => broken(['facts', 'relatedParties', 0, 'responsibility'], 'Boss'),
    /facts\.relatedParties\[0\]\.responsibility: unknown responsibility "Boss"/,
  ],
  [
    'an unknown entity',
    () => broken(['facts', 'relatedParties', 0, 'entity'], 'case:nope'),
    /facts\.relatedParties\[0\]\.entity: unknown case "nope"/,
  ],
  [
    'an entity of a party kind',
    () => broken(['facts', 'relatedParties', 0, 'entity'], 'contact:ana'),
    /facts\.relatedParties\[0\]\.entity: "contact:ana" is not/,
  ],
  [
    'an unknown account',
    () => broken(['facts', 'contacts', 0, 'account'], 'globex'),
    /facts\.contacts\[0\]\.account: unknown account "globex"/,
  ],
  [
    'a duplicate id',
    () => broken(['facts', 'contacts', 1], { id: 'ana' }),
    /facts\.contacts\[1\]\.id: duplicate contact "ana"/,
  ],
  [
    'a member that is not a principal',
    () => broken(['facts', 'serviceOrganizations', 0, 'members'], ['account:acme']),
    /facts\.serviceOrganizations\[0\]\.members\[0\]: "account:acme" is not/,
  ],
  [
    'roles that are not an array',
    () => broken(['facts', 'contacts', 0, 'roles'], 'x'),
    /facts\.contacts\[0\]\.roles: expected Array, got "x"/,
  ],
  [
    'a number for a string',
    () => broken(['facts', 'cases', 0, 'id'], 7),
    /facts\.cases\[0\]\.id: expected string, got 7/,
  ],
  ['an empty id', () => broken(['facts', 'cases', 0, 'id'], ''), /facts\.cases\[0\]\.id: must not be empty/],
  [
    'a misspelt field',
    () => broken(['facts', 'contacts', 0, 'rolez'], []),
    /facts\.contacts\[0\]\.rolez: unknown field/,
  ],
  [
    'a missing field',
    () => broken(['facts', 'relatedParties', 0, 'type'], undefined),
    /facts\.relatedParties\[0\]\.type: is required/,
  ],
  [
    'a bad level',
    () => broken(['tests', 0, 'level'], 'writ'),
    /tests\[0\]\.level: expected .*"write".*, got "writ"/,
  ],
  [
    'both level and can',
    () => broken(['tests', 0, 'can'], 'read'),
    /tests\[0\]: give exactly one of "level" or "can"/,
  ],
  ['neither level nor can', () => broken(['tests', 0, 'level'], undefined), /tests\[0\]: give exactly one/],
  [
    'an unknown principal',
    () => broken(['tests', 0, 'principal'], 'user:ghost'),
    /tests\[0\]\.principal: unknown user "ghost"/,
  ],
  [
    'a principal of a non-principal kind',
    () => broken(['tests', 0, 'principal'], 'account:acme'),
    /tests\[0\]\.principal: "account:acme" is not/,
  ],
  [
    'unknown definitions',
    () => broken(['definitions'], 'builtn'),
    /^f\.json: definitions: must be "builtin" or an object/,
  ],
  [
    'a bad role inside definitions',
    () => broken(['definitions'], { roles: [{ name: 5 }] }),
    /definitions\.roles\[0\]\.name: expected string, got 5/,
  ],
  [
    'an unknown contained role',
    () => broken(['definitions'], { roles: [{ name: 'a', contains: ['b'] }] }),
    /definitions\.roles\[0\]\.contains\[0\]: unknown role "b"/,
  ],
  [
    'a duplicate role',
    () => broken(['definitions'], { roles: [{ name: 'a' }, { name: 'a' }] }),
    /definitions\.roles\[1\]: duplicate role "a"/,
  ],
  [
    'an unknown required role in extend',
    () =>
      broken(['extend'], {
        accessConfigs: [
          {
            id: 'x',
            responsibility: 'authorized_account',
            level: 'read',
            table: 'case',
            rolesRequired: ['nope'],
          },
        ],
      }),
    /extend\.accessConfigs\[0\]\.rolesRequired\[0\]: unknown role "nope"/,
  ],
  [
    'an unknown responsibility in extend',
    () =>
      broken(['extend'], {
        relationshipTypes: [
          { id: 'x', name: 'X', appliesTo: 'case', partyType: 'contact', defaultResponsibility: 'Nope' },
        ],
      }),
    /extend\.relationshipTypes\[0\]\.defaultResponsibility: unknown responsibility "Nope"/,
  ],
  [
    'a bad table in extend',
    () =>
      broken(['extend'], {
        accessConfigs: [{ id: 'x', responsibility: 'authorized_account', level: 'read', table: 'incident' }],
      }),
    /extend\.accessConfigs\[0\]\.table: expected/,
  ],
  [
    "a typo in a contact's roles held (strict files)",
    () =>
      broken(
        ['facts', 'contacts', 0, 'roles'],
        ['sn_customerservice.case_authorized_contact', 'sn_customerservice.custmer'],
      ),
    /^f\.json: facts\.contacts\[0\]\.roles\[1\]: unknown role "sn_customerservice\.custmer"$/,
  ],
  [
    'an unknown role held by a user',
    () => broken(['facts', 'users'], [{ id: 'u', roles: ['agent'] }]),
    /^f\.json: facts\.users\[0\]\.roles\[0\]: unknown role "agent"$/,
  ],
  [
    'an unknown role held by a consumer',
    () => broken(['facts', 'consumers'], [{ id: 'c', roles: ['consumer'] }]),
    /^f\.json: facts\.consumers\[0\]\.roles\[0\]: unknown role "consumer"$/,
  ],
  [
    'an unknown role in a persona row of extend',
    () =>
      broken(['extend'], {
        personaGrants: [
          {
            id: 'x',
            role: 'sn_customerservice.custmer_admin',
            table: 'case',
            level: 'read',
            scope: 'account',
            principals: ['contact'],
          },
        ],
      }),
    /^f\.json: extend\.personaGrants\[0\]\.role: unknown role "sn_customerservice\.custmer_admin"$/,
  ],
  [
    'an unknown role in a persona row of the definitions',
    () =>
      broken(['definitions'], {
        roles: [{ name: 'a' }],
        personaGrants: [
          { id: 'x', role: 'b', table: 'case', level: 'read', scope: 'all', principals: ['user'] },
        ],
      }),
    /^f\.json: definitions\.personaGrants\[0\]\.role: unknown role "b"$/,
  ],
  [
    'an unknown persona scope',
    () =>
      broken(['extend'], {
        personaGrants: [
          { id: 'x', role: 'csm_admin', table: 'case', level: 'read', scope: 'tenant', principals: ['user'] },
        ],
      }),
    /^f\.json: extend\.personaGrants\[0\]\.scope: /,
  ],
  [
    'a persona row for nobody',
    () =>
      broken(['extend'], {
        personaGrants: [
          { id: 'x', role: 'csm_admin', table: 'case', level: 'read', scope: 'all', principals: [] },
        ],
      }),
    /^f\.json: extend\.personaGrants\[0\]\.principals: must name at least one kind/,
  ],
  [
    'a duplicate persona row id',
    () =>
      broken(['extend'], {
        personaGrants: [
          { id: 'x', role: 'csm_admin', table: 'case', level: 'read', scope: 'all', principals: ['user'] },
          { id: 'x', role: 'csm_admin', table: 'case', level: 'read', scope: 'all', principals: ['user'] },
        ],
      }),
    /^f\.json: extend\.personaGrants\[1\]: duplicate persona grant "x"$/,
  ],
  [
    'an unknown partner contact on a case',
    () => broken(['facts', 'cases', 0, 'partnerContact'], 'nobody'),
    /^f\.json: facts\.cases\[0\]\.partnerContact: unknown contact "nobody"$/,
  ],
  ['an unsupported version', () => broken(['version'], 2), /^f\.json: version: expected 1, got 2/],
  ['a document that is not an object', () => 5, /^f\.json: expected Object, got 5$/],
  [
    '__proto__ as a key',
    () => JSON.parse('{"definitions":"builtin","facts":{"__proto__":{"accounts":[]}}}'),
    /^f\.json: facts\.__proto__: forbidden key/,
  ],
  [
    'constructor as a key',
    () => broken(['facts', 'contacts', 0, 'constructor'], {}),
    /facts\.contacts\[0\]\.constructor: forbidden key/,
  ],
  [
    'prototype as a key, deep in an array',
    () => broken(['tests', 1], { prototype: 1 }),
    /tests\[1\]\.prototype: forbidden key/,
  ],
];

describe('parseAccessTestFile: errors name the place', () => {
  test('the base world is valid', () => {
    assert.doesNotThrow(() => parseAccessTestFile(world(), 'f.json'));
  });
  for (const [what, input, message] of ERRORS) {
    test(`rejects ${what}`, () => {
      assert.throws(
        () => parseAccessTestFile(input(), 'f.json'),
        (error: unknown) => {
          assert.ok(error instanceof AccessTestFileError);
          assert.match(error.message, message);
          assert.doesNotMatch(error.message, /\n/);
          return true;
        },
      );
    });
  }

  test('a polluting key does not pollute', () => {
    assert.throws(() =>
      parseAccessTestFileText('{"__proto__": {"polluted": true}, "definitions": "builtin"}'),
    );
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  test('rejects text that is not JSON, naming the source', () => {
    assert.throws(() => parseAccessTestFileText('{"definitions": "builtin"', 'broken.json'), {
      message: /^broken\.json: not valid JSON/,
    });
  });

  test('rejects more than 5 MB of text before parsing it', () => {
    const padding = ' '.repeat(MAX_ACCESS_TEST_FILE_BYTES);
    assert.throws(() => parseAccessTestFileText(`{"definitions": "builtin"}${padding}`, 'big.json'), {
      message: /^big\.json: too large/,
    });
    // Multi-byte characters count as bytes.
    const wide = `{"definitions": "builtin", "description": "${'é'.repeat(MAX_ACCESS_TEST_FILE_BYTES / 2)}"}`;
    assert.ok(wide.length < MAX_ACCESS_TEST_FILE_BYTES);
    assert.throws(() => parseAccessTestFileText(wide), /too large/);
  });
});

describe('toAccessTestFile', () => {
  test('round-trips the built-in definitions with metadata', () => {
    const doc = toAccessTestFile(BUILTIN_DEFINITIONS, {
      exportedAt: '2026-01-02T03:04:05Z',
      instance: 'acme.service-now.com',
    });
    assert.equal(doc.version, 1);
    assert.equal(doc.exportedAt, '2026-01-02T03:04:05Z');
    assert.equal(doc.instance, 'acme.service-now.com');
    const back = parseAccessTestFileText(JSON.stringify(doc));
    assert.deepEqual(back.definitions, BUILTIN_DEFINITIONS);
    assert.deepEqual(back.tests, []);
  });

  for (const name of exampleFiles) {
    test(`round-trips definitions, facts and tests of ${name}`, () => {
      const file = parseAccessTestFileText(readExample(name));
      const doc = toAccessTestFile(file.definitions, { facts: file.facts, tests: file.tests });
      const back = parseAccessTestFileText(JSON.stringify(doc));
      assert.deepEqual(back.definitions, file.definitions);
      assert.deepEqual(back.facts, file.facts);
      assert.deepEqual(back.tests, file.tests);
    });
  }

  test('persona rows: absent stays absent (built-in rows), given rows round-trip with their source', () => {
    const plain = parseAccessTestFile(world());
    assert.deepEqual(plain.definitions.personaGrants, BUILTIN_DEFINITIONS.personaGrants);
    const own = parseAccessTestFile({
      definitions: {
        roles: [{ name: 'boss' }],
        personaGrants: [
          { id: 'boss_all', role: 'boss', table: 'case', level: 'read', scope: 'all', principals: ['user'] },
        ],
      },
    });
    assert.deepEqual(own.definitions.personaGrants, [
      {
        id: 'boss_all',
        role: 'boss',
        table: 'case',
        level: 'read',
        scope: 'all',
        principals: ['user'],
        source: 'imported',
      },
    ]);
    const back = parseAccessTestFile(toAccessTestFile(own.definitions));
    assert.deepEqual(back.definitions, own.definitions);
    const none = parseAccessTestFile({ definitions: { roles: [] } });
    assert.equal(none.definitions.personaGrants, undefined);
    assert.ok(!('personaGrants' in (toAccessTestFile(none.definitions).definitions as object)));
  });

  test('extend: a persona row replaces the built-in row of its id (source host) or is added', () => {
    const file = parseAccessTestFile(
      broken(['extend'], {
        personaGrants: [
          {
            id: 'customer_admin_account_cases',
            role: 'sn_customerservice.customer_admin',
            table: 'case',
            level: 'read',
            scope: 'account_tree',
            principals: ['contact'],
          },
          {
            id: 'x_viewer',
            role: 'sn_customerservice.case_viewer',
            table: 'case',
            level: 'read',
            scope: 'all',
            principals: ['contact'],
          },
        ],
      }),
    );
    const rows = file.definitions.personaGrants ?? [];
    assert.equal(rows.length, (BUILTIN_DEFINITIONS.personaGrants ?? []).length + 1);
    const replaced = rows.find((g) => g.id === 'customer_admin_account_cases');
    assert.deepEqual([replaced?.scope, replaced?.level, replaced?.source], ['account_tree', 'read', 'host']);
    assert.equal(rows.at(-1)?.id, 'x_viewer');
    const back = parseAccessTestFile(toAccessTestFile(file.definitions));
    assert.deepEqual(back.definitions.personaGrants, rows);
  });

  test('extend over definitions without persona rows extends the built-in rows', () => {
    const file = parseAccessTestFile({
      definitions: { roles: [{ name: 'boss' }] },
      extend: {
        personaGrants: [
          { id: 'boss_all', role: 'boss', table: 'case', level: 'read', scope: 'all', principals: ['user'] },
        ],
      },
    });
    const ids = (file.definitions.personaGrants ?? []).map((g) => g.id);
    assert.deepEqual(ids, [...(BUILTIN_DEFINITIONS.personaGrants ?? []).map((g) => g.id), 'boss_all']);
  });

  test('case partner fields round-trip', () => {
    const doc = broken(['facts', 'cases', 0], { id: 'cs1', partnerAccount: 'acme', partnerContact: 'ana' });
    const file = parseAccessTestFile(doc);
    assert.deepEqual(file.facts.cases[0], {
      id: 'cs1',
      number: 'cs1',
      partnerAccount: 'acme',
      partnerContact: 'ana',
    });
    assert.deepEqual(
      parseAccessTestFile(toAccessTestFile(file.definitions, { facts: file.facts })).facts,
      file.facts,
    );
  });

  test('keeps "no responsibility" on a type that defaults one', () => {
    const file = parseAccessTestFile(broken(['facts', 'relatedParties', 0, 'responsibility'], null));
    const doc = toAccessTestFile(file.definitions, { facts: file.facts });
    assert.equal(doc.facts?.relatedParties?.[0]?.responsibility, null);
    assert.ok(!('responsibility' in (parseAccessTestFile(doc).facts.relatedParties[0] ?? {})));
  });
});
