import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AccessEngine,
  formatExplanation,
  type Explanation,
  type NearMissCode,
} from '../../src/access/index.js';
import { parseRef, ENTITY_KINDS, PRINCIPAL_KINDS, type RelatedPartyRecord } from '../../src/model/index.js';
import { DEFINITIONS, rec, world } from './engine-world.js';

function explain(records: RelatedPartyRecord[], who: string, what: string): Explanation {
  return new AccessEngine(DEFINITIONS, world(...records)).explain(
    parseRef(who, PRINCIPAL_KINDS),
    parseRef(what, ENTITY_KINDS),
  );
}

interface MissRow {
  readonly name: string;
  readonly records: RelatedPartyRecord[];
  readonly who: string;
  readonly what: string;
  readonly code: NearMissCode;
  readonly reason: string;
}

const MISSES: readonly MissRow[] = [
  {
    name: 'responsibility without the role',
    records: [rec('case:c1', 'contact:ben', 'co_borrower')],
    who: 'contact:ben',
    what: 'case:c1',
    code: 'missing-role',
    reason: 'has responsibility Authorized Representative on case CS001 but lacks role case_contact',
  },
  {
    name: 'a listed type',
    records: [rec('case:c1', 'contact:ana', 'listed_contact')],
    who: 'contact:ana',
    what: 'case:c1',
    code: 'no-responsibility',
    reason: 'relationship type Listed Contact carries no responsibility',
  },
  {
    name: 'capped by granular roles',
    records: [rec('case:c1', 'contact:kim', 'customer_contact')],
    who: 'contact:kim',
    what: 'case:c1',
    code: 'capped-by-granular',
    reason:
      'access configuration cust_case grants write on case CS001 but granular roles (case_read_granular) cap it to read',
  },
  {
    name: 'capped to nothing',
    records: [rec('case:c1', 'contact:lou', 'customer_contact')],
    who: 'contact:lou',
    what: 'case:c1',
    code: 'capped-by-granular',
    reason:
      'access configuration cust_case grants write on case CS001 but granular roles (no case granular role) cap it to none',
  },
  {
    name: 'an inactive configuration',
    records: [rec('case:c1', 'contact:ana', 'dormant_contact')],
    who: 'contact:ana',
    what: 'case:c1',
    code: 'inactive-config',
    reason: 'access configuration dormant_case (Dormant → case, write) is inactive',
  },
  {
    name: 'create blocked without a shared account',
    records: [rec('install_base:rack', 'account:globex', 'ib_account')],
    who: 'contact:gil',
    what: 'case:c3',
    code: 'create-blocked',
    reason:
      'create on case CS003 blocked because contact Gil and install base item Rack do not share an account',
  },
  {
    name: 'a parent account named on the case',
    records: [rec('case:c1', 'account:acme', 'case_account')],
    who: 'contact:eve',
    what: 'case:c1',
    code: 'parent-account',
    reason:
      "account Acme is named on case CS001, but a parent account's parties do not reach contacts of its child account Acme EU",
  },
  {
    name: 'restrict contact access',
    records: [],
    who: 'contact:gil',
    what: 'sold_product:sp2',
    code: 'restricted-contact-access',
    reason:
      'account Globex restricts contact access: its contacts read its sold products only through an authorized related party',
  },
  {
    name: 'the case contact without the customer role',
    records: [],
    who: 'contact:ben',
    what: 'case:c6',
    code: 'owner-missing-role',
    reason: "is the case's contact but lacks role sn_customerservice.customer",
  },
  {
    name: 'a configuration for another party kind',
    records: [rec('install_base:rack', 'user:uma', 'ib_user', { responsibility: 'org' })],
    who: 'user:uma',
    what: 'install_base:rack',
    code: 'party-type-mismatch',
    reason:
      'responsibility Authorized Service Organization grants on install base item only to service_organization parties, not to a user',
  },
  {
    name: 'a responsibility with no configuration for the table',
    records: [rec('sold_product:sp1', 'contact:max', 'sp_contact', { responsibility: 'hh' })],
    who: 'contact:max',
    what: 'sold_product:sp1',
    code: 'no-access-config',
    reason: 'responsibility Household Member on sold product Router grants nothing on sold products',
  },
  {
    name: 'an unknown responsibility',
    records: [rec('case:c1', 'contact:ana', 'co_borrower', { responsibility: 'ghost' })],
    who: 'contact:ana',
    what: 'case:c1',
    code: 'unknown-responsibility',
    reason: 'responsibility ghost on case CS001 is not defined',
  },
  {
    name: 'reached through an account, lacking the role',
    records: [rec('install_base:rack', 'account:acme', 'ib_account')],
    who: 'contact:ana',
    what: 'case:c3',
    code: 'missing-role',
    reason:
      'has responsibility Authorized Account on install base item Rack (through account Acme) but lacks role ib_account',
  },
];

describe('explain: near misses', () => {
  for (const row of MISSES) {
    test(row.name, () => {
      const explanation = explain(row.records, row.who, row.what);
      const miss = explanation.nearMisses.find((m) => m.code === row.code);
      assert.ok(miss, `no ${row.code} near miss in\n${formatExplanation(explanation)}`);
      assert.equal(miss.reason, row.reason);
    });
  }

  test('a missing role is listed by name', () => {
    const [miss] = explain(
      [rec('case:c1', 'contact:ben', 'co_borrower')],
      'contact:ben',
      'case:c1',
    ).nearMisses;
    assert.deepEqual(miss?.missingRoles, ['case_contact']);
  });

  test('near misses do not hide the grants of the same principal', () => {
    const explanation = explain(
      [rec('install_base:rack', 'account:globex', 'ib_account')],
      'contact:gil',
      'case:c3',
    );
    assert.equal(explanation.level, 'write');
    assert.equal(explanation.grants.length, 1);
  });
});

describe('explain: grant paths', () => {
  test('a direct related party: record, responsibility, config, role, granular roles', () => {
    const explanation = explain(
      [rec('case:c1', 'contact:ana', 'co_borrower', { id: '12' })],
      'contact:ana',
      'case:c1',
    );
    assert.equal(explanation.level, 'write');
    assert.deepEqual(explanation.nearMisses, []);
    const [path] = explanation.grants;
    assert.ok(path?.source === 'related-party');
    assert.deepEqual(path.record, {
      id: '12',
      entity: { kind: 'case', id: 'c1' },
      entityLabel: 'CS001',
      party: { kind: 'contact', id: 'ana' },
      partyLabel: 'Ana',
      type: 'co_borrower',
      typeName: 'Co Borrower',
    });
    assert.deepEqual(path.reach, { via: 'direct' });
    assert.equal(path.cascade, undefined);
    assert.deepEqual(path.responsibility, { id: 'rep', name: 'Authorized Representative' });
    assert.deepEqual(path.config, { id: 'rep_case', table: 'case', level: 'write' });
    assert.equal(path.roles[0]?.role, 'case_contact');
    assert.equal(path.roles[0]?.held, true);
    assert.deepEqual(path.roles[0]?.via, ['case_contact']);
    assert.deepEqual(
      path.granular.roles.map((r) => [r.role, r.permissions.join('+'), r.via.join('>')]).sort(),
      [
        ['case_create_granular', 'create', 'case_contact>case_write_granular>case_create_granular'],
        ['case_read_granular', 'read', 'case_contact>case_write_granular>case_read_granular'],
        ['case_write_granular', 'write', 'case_contact>case_write_granular'],
      ],
    );
    assert.equal(path.granular.level, 'full');
    assert.equal(path.level, 'write');
  });

  test('a required role held through containment names the chain', () => {
    const [path] = explain([rec('case:c1', 'contact:ned', 'co_borrower')], 'contact:ned', 'case:c1').grants;
    assert.ok(path?.source === 'related-party');
    assert.deepEqual(path.roles[0]?.via, ['customer_admin', 'case_contact']);
  });

  test('account, service organization and household reach', () => {
    const account = explain([rec('case:c1', 'account:acme', 'case_account')], 'contact:ana', 'case:c1')
      .grants[0];
    assert.deepEqual(account?.source === 'related-party' && account.reach, {
      via: 'account',
      account: 'acme',
      accountName: 'Acme',
    });
    const org = explain(
      [rec('install_base:rack', 'service_organization:so1', 'ib_org')],
      'user:uma',
      'install_base:rack',
    ).grants[0];
    assert.deepEqual(org?.source === 'related-party' && org.reach, {
      via: 'service_organization',
      organization: 'so1',
      organizationName: 'FixIt',
    });
    const household = explain([rec('case:c1', 'household:h1', 'case_household')], 'consumer:cora', 'case:c1')
      .grants[0];
    assert.deepEqual(household?.source === 'related-party' && household.reach, {
      via: 'household',
      household: 'h1',
      householdName: 'The Smiths',
    });
  });

  test('a cascade names the entity it comes from', () => {
    const [path] = explain(
      [rec('sold_product:sp1', 'contact:sam', 'sp_contact')],
      'contact:sam',
      'case:c2',
    ).grants;
    assert.ok(path?.source === 'related-party');
    assert.deepEqual(path.cascade, { from: { kind: 'sold_product', id: 'sp1' }, fromLabel: 'Router' });
    assert.deepEqual(path.config, {
      id: 'rep_sp_case',
      table: 'case',
      level: 'full',
      through: 'sold_product',
    });
    assert.equal(path.level, 'full');
  });

  test('create blocked is marked on the path', () => {
    const [path] = explain(
      [rec('install_base:rack', 'account:globex', 'ib_account')],
      'contact:gil',
      'case:c3',
    ).grants;
    assert.ok(path?.source === 'related-party');
    assert.equal(path.createBlocked, true);
    assert.deepEqual(path.permissions, ['read', 'write']);
  });

  test('a near miss carries its parameters as data (code, record, responsibility, place, reach, roles)', () => {
    const [miss] = explain(
      [rec('case:c1', 'account:acme', 'case_account', { id: 'rx' })],
      'contact:ben',
      'case:c1',
    ).nearMisses;
    assert.deepEqual(miss?.detail, {
      code: 'missing-role',
      responsibility: 'Authorized Representative',
      on: { kind: 'case', label: 'CS001' },
      reach: { via: 'account', account: 'acme', accountName: 'Acme' },
      missingRoles: ['case_contact'],
    });
    assert.equal(miss?.recordId, 'rx');
    assert.equal(
      miss?.reason,
      'has responsibility Authorized Representative on case CS001 (through account Acme) but lacks role case_contact',
    );
  });

  test('own persona row (the case owner), account default and global role paths', () => {
    assert.deepEqual(
      explain([], 'contact:ida', 'case:c4').grants.map((g) => [
        g.source,
        g.source === 'persona' ? g.grant.id : '',
        g.level,
      ]),
      [['persona', 'customer_own_cases', 'write']],
    );
    const [defaultPath] = explain([], 'contact:max', 'sold_product:sp1').grants;
    assert.ok(defaultPath?.source === 'account-default');
    assert.equal(defaultPath.accountName, 'Acme');
    const [globalPath] = explain([], 'user:vic', 'case:c2').grants;
    assert.ok(globalPath?.source === 'global-role');
    assert.equal(globalPath.role.role, 'case_viewer');
    assert.equal(globalPath.level, 'read');
  });

  test('unknown principal or entity: none, with the reason in incomplete', () => {
    const explanation = explain([], 'contact:nobody', 'case:zz');
    assert.equal(explanation.level, 'none');
    assert.deepEqual(explanation.incomplete, [
      'contact:nobody is not in the facts',
      'case:zz is not in the facts',
    ]);
  });

  test('a record with an unknown type is reported as incomplete', () => {
    const explanation = explain(
      [rec('case:c1', 'contact:ana', 'mystery', { id: 'x9', responsibility: 'rep' })],
      'contact:ana',
      'case:c1',
    );
    assert.equal(explanation.level, 'write');
    assert.deepEqual(explanation.incomplete, ['record x9 has unknown relationship type mystery']);
  });
});

describe('formatExplanation', () => {
  test('prints the reasons tree (containment chains in catalogue order)', () => {
    const text = formatExplanation(
      explain([rec('case:c1', 'contact:ana', 'co_borrower', { id: '12' })], 'contact:ana', 'case:c1'),
    );
    assert.equal(
      text,
      [
        'contact Ana → case CS001: write (read, write)',
        '  contact Ana → party record #12 on case CS001 (type "Co Borrower")',
        '    → responsibility "Authorized Representative" → access config: case, write',
        '    → requires role case_contact — held ✓',
        '    → contains case_write_granular → contains case_create_granular',
        '    → contains case_write_granular → contains case_read_granular',
        '    → granular roles on case allow full ⇒ write (read, write)',
      ].join('\n'),
    );
  });

  test('prints reach, cascade, near misses', () => {
    const text = formatExplanation(
      explain(
        [
          rec('install_base:rack', 'account:globex', 'ib_account', { id: '7' }),
          rec('case:c3', 'contact:gil', 'listed_contact'),
        ],
        'contact:gil',
        'case:c3',
      ),
    );
    assert.match(text, /^contact Gil → case CS003: write \(read, write\)$/m);
    assert.match(
      text,
      /contact Gil → contact of account Globex → party record #7 on install base item Rack \(type "Ib Account"\) → cascades to this case/,
    );
    assert.match(text, /access config: case through install_base, full/);
    assert.match(text, /create blocked \(no shared account\) ⇒ write/);
    assert.match(text, /near misses:\n {4}✗ /);
    assert.match(
      text,
      /✗ create on case CS003 blocked because contact Gil and install base item Rack do not share an account/,
    );
    assert.match(text, /✗ relationship type Listed Contact carries no responsibility/);
  });

  test('says so when nothing grants', () => {
    const text = formatExplanation(
      explain([rec('case:c1', 'contact:ben', 'co_borrower')], 'contact:ben', 'case:c1'),
    );
    assert.match(text, /: none\n {2}no path grants access\n {2}near misses:\n {4}✗ has responsibility/);
  });
});
