/**
 * Persona grants, rule by rule: every scope and every built-in row, each test named after the
 * sentence of the reference documents the row comes from (the row's `note`).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AccessEngine,
  BUILTIN_DEFINITIONS,
  BUILTIN_PERSONA_GRANTS,
  formatExplanation,
  withPersonaGrants,
} from '../../src/access/index.js';
import {
  EMPTY_FACTS,
  parseRef,
  ENTITY_KINDS,
  PRINCIPAL_KINDS,
  type Definitions,
  type Facts,
  type PersonaGrant,
} from '../../src/model/index.js';

const ADMIN = 'sn_customerservice.customer_admin';
const CASE_MANAGER = 'sn_customerservice.customer_case_manager';
const CUSTOMER = 'sn_customerservice.customer';

/**
 * Acme ⊃ Acme EU ⊃ Acme EU Lab (an account tree); Globex restricts contact access; Partner Co
 * serves customers; Loop A and Loop B are each other's parent (a cycle).
 */
const FACTS: Facts = {
  ...EMPTY_FACTS,
  accounts: [
    { id: 'acme', name: 'Acme' },
    { id: 'acme_eu', name: 'Acme EU', parent: 'acme' },
    { id: 'acme_lab', name: 'Acme EU Lab', parent: 'acme_eu' },
    { id: 'globex', name: 'Globex', restrictContactAccess: true },
    { id: 'partnerco', name: 'Partner Co' },
    { id: 'loop_a', name: 'Loop A', parent: 'loop_b' },
    { id: 'loop_b', name: 'Loop B', parent: 'loop_a' },
  ],
  contacts: [
    { id: 'ada', name: 'Ada', account: 'acme', roles: [ADMIN] },
    { id: 'cal', name: 'Cal', account: 'acme', roles: [CASE_MANAGER] },
    { id: 'cue', name: 'Cue', account: 'acme', roles: [CUSTOMER] },
    { id: 'rex', name: 'Rex', account: 'globex', roles: [CUSTOMER] },
    { id: 'gus', name: 'Gus', account: 'globex', roles: [ADMIN] },
    { id: 'pat', name: 'Pat', account: 'partnerco', roles: ['sn_customerservice.partner'] },
    { id: 'pam', name: 'Pam', account: 'partnerco', roles: ['sn_customerservice.partner_admin'] },
    { id: 'lia', name: 'Lia', account: 'loop_a', roles: [CASE_MANAGER] },
    { id: 'nat', name: 'Nat', roles: [ADMIN] },
    // An internal role given to an external user (explicit roles).
    { id: 'xena', name: 'Xena', account: 'acme', roles: ['sn_customerservice_agent'] },
  ],
  consumers: [
    { id: 'con', name: 'Con', roles: ['sn_customerservice.consumer'] },
    { id: 'ola', name: 'Ola', roles: [] },
  ],
  users: [
    { id: 'agent', name: 'Agent', roles: ['sn_customerservice_agent'] },
    { id: 'mgr', name: 'Manager', roles: ['sn_customerservice_manager'] },
    { id: 'cag', name: 'Consumer agent', roles: ['sn_customerservice.consumer_agent'] },
    { id: 'esc', name: 'Escalator', roles: ['sn_customerservice.escalation_requester'] },
    { id: 'desc', name: 'De-escalator', roles: ['sn_customerservice.deescalation_requester'] },
    { id: 'adm', name: 'Admin', roles: ['csm_admin'] },
    { id: 'tasker', name: 'Tasker', roles: ['sn_customerservice.case_task_agent'] },
    { id: 'nob', name: 'Nobody', roles: [] },
  ],
  soldProducts: [
    { id: 'sp_acme', name: 'Acme router', account: 'acme' },
    { id: 'sp_globex', name: 'Globex router', account: 'globex' },
    { id: 'sp_con', name: 'Con phone', consumer: 'con' },
  ],
  installBase: [
    { id: 'ib_acme', name: 'Acme rack', account: 'acme' },
    { id: 'ib_globex', name: 'Globex rack', account: 'globex' },
  ],
  cases: [
    { id: 'c_acme', number: 'CS-ACME', account: 'acme', contact: 'cue' },
    { id: 'c_eu', number: 'CS-EU', account: 'acme_eu' },
    { id: 'c_lab', number: 'CS-LAB', account: 'acme_lab' },
    { id: 'c_globex', number: 'CS-GLOBEX', account: 'globex', contact: 'rex' },
    { id: 'c_partner', number: 'CS-PARTNER', account: 'globex', partnerContact: 'pat' },
    { id: 'c_partner_acct', number: 'CS-PARTNER-ACCT', account: 'acme', partnerAccount: 'partnerco' },
    { id: 'c_loop', number: 'CS-LOOP', account: 'loop_b' },
    { id: 'c_con', number: 'CS-CON', consumer: 'con' },
    { id: 'c_ola', number: 'CS-OLA', consumer: 'ola' },
  ],
};

const engine = new AccessEngine(BUILTIN_DEFINITIONS, FACTS);

function level(e: AccessEngine, triple: string): [string, string] {
  const [p, x] = triple.split(' ') as [string, string];
  const principal = parseRef(p, PRINCIPAL_KINDS);
  const entity = parseRef(x, ENTITY_KINDS);
  return [e.check(principal, entity).level, formatExplanation(e.explain(principal, entity))];
}

function expectAll(e: AccessEngine, expectations: readonly string[]): void {
  for (const line of expectations) {
    const [p, x, want] = line.split(' ') as [string, string, string];
    const [got, why] = level(e, `${p} ${x}`);
    assert.equal(got, want, `${p} ${x}: expected ${want}, got ${got}\n${why}`);
  }
}

function explain(e: AccessEngine, p: string, x: string) {
  return e.explain(parseRef(p, PRINCIPAL_KINDS), parseRef(x, ENTITY_KINDS));
}

/** Per built-in row: what it grants in this world, and what stays outside its scope. */
const BUILTIN_ROWS: Readonly<Record<string, readonly string[]>> = {
  agent_cases: [
    'user:agent case:c_globex full',
    'user:agent case:c_con full',
    'user:agent sold_product:sp_acme none',
  ],
  manager_cases: ['user:mgr case:c_acme full', 'user:mgr install_base:ib_acme none'],
  consumer_agent_cases: [
    'user:cag case:c_con full',
    'user:cag case:c_acme full',
    'user:cag sold_product:sp_con none',
  ],
  customer_own_cases: [
    'contact:cue case:c_acme write',
    'contact:cue case:c_eu none',
    'contact:rex case:c_globex write',
  ],
  customer_account_sold_products: [
    'contact:cue sold_product:sp_acme read',
    'contact:cue sold_product:sp_globex none',
    'contact:rex sold_product:sp_globex none',
  ],
  customer_account_install_base: [
    'contact:cue install_base:ib_acme read',
    'contact:rex install_base:ib_globex none',
  ],
  customer_admin_account_cases: [
    'contact:ada case:c_acme full',
    'contact:ada case:c_partner_acct full',
    'contact:ada case:c_globex none',
    'contact:ada case:c_eu none',
    'contact:nat case:c_acme none',
  ],
  customer_admin_account_sold_products: [
    'contact:ada sold_product:sp_acme read',
    'contact:gus sold_product:sp_globex read',
  ],
  customer_admin_account_install_base: [
    'contact:ada install_base:ib_acme read',
    'contact:gus install_base:ib_globex read',
  ],
  customer_case_manager_account_tree_cases: [
    'contact:cal case:c_acme full',
    'contact:cal case:c_eu full',
    'contact:cal case:c_lab full',
    'contact:cal case:c_globex none',
    'contact:lia case:c_loop full',
    'contact:lia case:c_acme none',
  ],
  partner_cases: [
    'contact:pat case:c_partner write',
    'contact:pat case:c_partner_acct write',
    'contact:pat case:c_acme none',
  ],
  partner_admin_cases: [
    'contact:pam case:c_partner_acct full',
    'contact:pam case:c_partner none',
    'contact:pam sold_product:sp_acme none',
  ],
  consumer_own_cases: [
    'consumer:con case:c_con write',
    'consumer:con case:c_ola none',
    'consumer:ola case:c_ola none',
  ],
  consumer_own_sold_products: [
    'consumer:con sold_product:sp_con read',
    'consumer:con sold_product:sp_acme none',
  ],
  // Case tasks are not an entity of the engine: the rows are catalogue data, nothing changes.
  case_task_agent_case_tasks: ['user:tasker case:c_acme none'],
  workspace_user_case_tasks: ['user:tasker sold_product:sp_acme none'],
  csm_admin_case: ['user:adm case:c_lab full'],
  csm_admin_sold_product: ['user:adm sold_product:sp_con full'],
  csm_admin_install_base: ['user:adm install_base:ib_globex full'],
  csm_admin_case_task: ['user:adm case:c_acme full'],
};

describe('persona grants: every built-in row', () => {
  test('every built-in row has expectations here, and the built-in definitions have no problem', () => {
    assert.deepEqual(BUILTIN_PERSONA_GRANTS.map((g) => g.id).sort(), Object.keys(BUILTIN_ROWS).sort());
    assert.deepEqual(engine.problems, []);
  });

  test('built-in rows have unique ids and name roles of the built-in catalogue', () => {
    const ids = BUILTIN_PERSONA_GRANTS.map((g) => g.id);
    assert.equal(new Set(ids).size, ids.length);
    const roles = new Set(BUILTIN_DEFINITIONS.roles.map((r) => r.name));
    for (const grant of BUILTIN_PERSONA_GRANTS)
      assert.ok(roles.has(grant.role), `${grant.id}: ${grant.role}`);
  });

  for (const grant of BUILTIN_PERSONA_GRANTS) {
    test(`${grant.id} (${grant.role} → ${grant.table}, ${grant.scope}, ${grant.level}): ${grant.note ?? ''}`, () => {
      assert.ok(grant.note?.includes('"'), 'each built-in row quotes its source sentence');
      assert.equal(grant.source, 'builtin');
      expectAll(engine, BUILTIN_ROWS[grant.id] ?? []);
    });
  }

  test('an evaluated row is a grant path naming the row; case task rows never are', () => {
    for (const grant of BUILTIN_PERSONA_GRANTS) {
      const [first] = BUILTIN_ROWS[grant.id] ?? [];
      const [p, x] = (first ?? '').split(' ') as [string, string];
      const ids = explain(engine, p, x).grants.flatMap((g) => (g.source === 'persona' ? [g.grant.id] : []));
      if (grant.table === 'case_task') assert.ok(!ids.includes(grant.id));
      else assert.ok(ids.includes(grant.id), `${grant.id} explains ${p} ${x}: ${ids.join(', ')}`);
    }
  });
});

describe('persona grants: scopes', () => {
  test('own: the case contact (customer) or consumer (consumer); a consumer also reads their sold products', () => {
    expectAll(engine, [
      'contact:cue case:c_acme write',
      'consumer:con case:c_con write',
      'consumer:con sold_product:sp_con read',
      'contact:cue case:c_globex none',
    ]);
  });

  test("account: records of the contact's account only; a contact without an account gets nothing", () => {
    expectAll(engine, [
      'contact:ada case:c_acme full',
      'contact:ada case:c_eu none',
      'contact:nat case:c_acme none',
    ]);
    const reasons = explain(engine, 'contact:nat', 'case:c_acme').nearMisses.map((m) => m.reason);
    assert.ok(
      reasons.some((r) => /belongs to no account/.test(r)),
      reasons.join('\n'),
    );
  });

  test('account_tree: the account and its child accounts, transitively', () => {
    expectAll(engine, [
      'contact:cal case:c_acme full',
      'contact:cal case:c_eu full',
      'contact:cal case:c_lab full',
    ]);
    const [path] = explain(engine, 'contact:cal', 'case:c_lab').grants.filter((g) => g.source === 'persona');
    assert.ok(path?.source === 'persona' && path.match.scope === 'account_tree');
    assert.deepEqual(path.match.chain, ['Acme EU Lab', 'Acme EU', 'Acme']);
  });

  test('account_tree: an account cycle terminates (cycle-safe)', () => {
    expectAll(engine, ['contact:lia case:c_loop full', 'contact:lia case:c_acme none']);
    assert.ok(engine.accessFor({ kind: 'contact', id: 'lia' }).some((a) => a.entity.id === 'c_loop'));
  });

  test('partner: the partner contact, or the partner account of the principal', () => {
    const [byContact] = explain(engine, 'contact:pat', 'case:c_partner').grants;
    assert.ok(byContact?.source === 'persona' && byContact.match.scope === 'partner');
    assert.equal(byContact.match.via, 'partner_contact');
    const [byAccount] = explain(engine, 'contact:pat', 'case:c_partner_acct').grants;
    assert.ok(byAccount?.source === 'persona' && byAccount.match.scope === 'partner');
    assert.deepEqual([byAccount.match.via, byAccount.match.accountName], ['partner_account', 'Partner Co']);
  });

  test('all: every record of the table, for the principal kinds of the row', () => {
    const cases = FACTS.cases.length;
    assert.equal(engine.accessFor({ kind: 'user', id: 'agent' }).length, cases);
    assert.equal(
      engine.accessFor({ kind: 'user', id: 'adm' }).length,
      cases + FACTS.soldProducts.length + FACTS.installBase.length,
    );
    expectAll(engine, ['user:nob case:c_acme none']);
  });
});

describe('persona grants: containment, principal kinds, Restrict Contact Access', () => {
  test('a role containing a persona role inherits its grants (escalation_requester → consumer_agent)', () => {
    expectAll(engine, ['user:esc case:c_acme full', 'user:desc case:c_con full']);
    const [path] = explain(engine, 'user:desc', 'case:c_acme').grants;
    assert.ok(path?.source === 'persona');
    assert.deepEqual(path.role.via, [
      'sn_customerservice.deescalation_requester',
      'sn_customerservice.escalation_requester',
      'sn_customerservice.consumer_agent',
    ]);
    assert.match(
      formatExplanation(explain(engine, 'user:desc', 'case:c_acme')),
      /holds sn_customerservice\.consumer_agent \(through sn_customerservice\.deescalation_requester → sn_customerservice\.escalation_requester\) → every case/,
    );
  });

  test('the customer case manager inherits the customer rows (it contains the customer role)', () => {
    expectAll(engine, ['contact:cal sold_product:sp_acme read', 'contact:cal install_base:ib_acme read']);
  });

  test('an internal role held by a contact grants nothing until a row lists contacts (explicit roles)', () => {
    expectAll(engine, ['contact:xena case:c_acme none']);
    const misses = explain(engine, 'contact:xena', 'case:c_acme').nearMisses;
    assert.ok(misses.some((m) => m.code === 'persona-principal-kind' && /internal users/.test(m.reason)));
    const agent = BUILTIN_PERSONA_GRANTS.find((g) => g.id === 'agent_cases') as PersonaGrant;
    const widened = new AccessEngine(
      withPersonaGrants(BUILTIN_DEFINITIONS, [{ ...agent, principals: ['user', 'contact'] }]),
      FACTS,
    );
    expectAll(widened, ['contact:xena case:c_acme full']);
  });

  test("Restrict Contact Access turns off the customer's account assets, not the administrator's", () => {
    expectAll(engine, ['contact:rex sold_product:sp_globex none', 'contact:gus sold_product:sp_globex read']);
    const misses = explain(engine, 'contact:rex', 'sold_product:sp_globex').nearMisses;
    assert.ok(
      misses.some(
        (m) =>
          m.code === 'restricted-contact-access' && /account Globex restricts contact access/.test(m.reason),
      ),
    );
  });

  test('persona grants are not capped by granular roles (a customer holds no granular role)', () => {
    expectAll(engine, ['contact:cue sold_product:sp_acme read']);
  });
});

describe('persona grants: explanations', () => {
  test('a grant path reads "holds <role> → every case of account <name>"', () => {
    const text = formatExplanation(explain(engine, 'contact:ada', 'case:c_acme'));
    assert.match(text, /contact Ada → holds sn_customerservice\.customer_admin → every case of account Acme/);
    assert.match(text, /persona grant customer_admin_account_cases \(builtin\): case, account, full ⇒ full/);
  });

  test('a near miss names what is missing: the account the case belongs to', () => {
    const misses = explain(engine, 'contact:ada', 'case:c_globex').nearMisses;
    assert.deepEqual(
      misses.map((m) => [m.code, m.reason]),
      [
        [
          'persona-out-of-scope',
          'holds sn_customerservice.customer_admin of account Acme, but case CS-GLOBEX belongs to account Globex',
        ],
      ],
    );
  });

  test('the near miss as data: role, scope, entity, principal and both accounts by name', () => {
    const [miss] = explain(engine, 'contact:ada', 'case:c_globex').nearMisses;
    assert.deepEqual(miss?.detail, {
      code: 'persona-out-of-scope',
      role: ADMIN,
      scope: 'account',
      entity: { kind: 'case', label: 'CS-GLOBEX' },
      principal: { kind: 'contact', name: 'Ada' },
      principalAccount: 'Acme',
      entityAccount: 'Globex',
    });
  });

  test('a near miss for the account tree and the partner scope', () => {
    const tree = explain(engine, 'contact:cal', 'case:c_globex').nearMisses.map((m) => m.reason);
    assert.ok(
      tree.includes(
        `holds ${CASE_MANAGER} of account Acme and its child accounts, but case CS-GLOBEX belongs to account Globex, outside them`,
      ),
      tree.join('\n'),
    );
    const partner = explain(engine, 'contact:pam', 'case:c_partner').nearMisses.map((m) => m.reason);
    assert.ok(
      partner.includes(
        'holds sn_customerservice.partner_admin, but case CS-PARTNER names neither contact Pam as partner contact nor account Partner Co as partner account',
      ),
      partner.join('\n'),
    );
  });

  test('the case\'s own consumer without the consumer role: "is the case\'s consumer but lacks role"', () => {
    const misses = explain(engine, 'consumer:ola', 'case:c_ola').nearMisses;
    assert.deepEqual(
      misses.map((m) => m.reason),
      ["is the case's consumer but lacks role sn_customerservice.consumer"],
    );
  });
});

describe('persona grants: host overrides and the other entry points', () => {
  test('a host row with the id of a built-in row replaces it; active: false turns it off', () => {
    const admin = BUILTIN_PERSONA_GRANTS.find((g) => g.id === 'customer_admin_account_cases') as PersonaGrant;
    const off = new AccessEngine(
      withPersonaGrants(BUILTIN_DEFINITIONS, [{ ...admin, active: false }]),
      FACTS,
    );
    expectAll(off, ['contact:ada case:c_acme none']);
    const tree = new AccessEngine(
      withPersonaGrants(BUILTIN_DEFINITIONS, [{ ...admin, scope: 'account_tree', level: 'read' }]),
      FACTS,
    );
    expectAll(tree, ['contact:ada case:c_eu read', 'contact:ada case:c_acme read']);
    const [path] = explain(tree, 'contact:ada', 'case:c_eu').grants;
    assert.ok(path?.source === 'persona');
    assert.equal(path.grant.source, 'host');
  });

  test('definitions without persona rows follow the built-in rows; an empty list turns them all off', () => {
    const { personaGrants: _rows, ...withoutRows } = BUILTIN_DEFINITIONS;
    expectAll(new AccessEngine(withoutRows as Definitions, FACTS), ['contact:ada case:c_acme full']);
    expectAll(new AccessEngine({ ...BUILTIN_DEFINITIONS, personaGrants: [] }, FACTS), [
      'contact:ada case:c_acme none',
      'contact:cue case:c_acme none',
    ]);
  });

  test('a host row naming an unknown role or table is a definition problem; the rest still answers', () => {
    const bad = new AccessEngine(
      withPersonaGrants(BUILTIN_DEFINITIONS, [
        {
          id: 'typo',
          role: 'sn_customerservice.custmer_admin',
          table: 'case',
          level: 'read',
          scope: 'all',
          principals: ['contact'],
        },
      ]),
      FACTS,
    );
    assert.deepEqual(
      bad.problems.map((p) => [p.code, p.subject]),
      [['persona-unknown-role', 'typo']],
    );
    expectAll(bad, ['contact:ada case:c_acme full']);
  });

  test('accessFor lists the persona scope, and whatIf keeps persona levels on both sides', () => {
    assert.deepEqual(
      engine
        .accessFor({ kind: 'contact', id: 'ada' })
        .map((a) => `${a.entity.kind}:${a.entity.id} ${a.level}`)
        .sort(),
      [
        'case:c_acme full',
        'case:c_partner_acct full',
        'install_base:ib_acme read',
        'sold_product:sp_acme read',
      ],
    );
    const results = engine.whatIf({
      op: 'add',
      record: {
        id: 'new',
        entity: { kind: 'case', id: 'c_acme' },
        party: { kind: 'contact', id: 'ada' },
        type: 'case_listed_contact',
      },
    });
    assert.deepEqual(
      results.map((r) => [r.principal.id, r.entity.id, r.before, r.after]),
      [['ada', 'c_acme', 'full', 'full']],
    );
  });
});
