import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_CLOSED_DAYS,
  csvField,
  neutralizeCell,
  pathOf,
  planChanges,
  reviewToCsv,
  reviewToJson,
  suggestedDecision,
} from '../../src/review/index.js';
import { describeFinding } from '../../components/access-review/finding-text.js';
import type { Finding } from '../../src/review/types.js';
import { AUTHORIZED_CONTACT, BASE, SOLD_PRODUCT_CONTACT, findings, review } from './access-review-world.js';

/** The sentences `describeFinding` writes for a finding (none for a missing one). */
function said(finding: Finding | undefined): { summary: string; evidence: readonly string[]; fix: string } {
  return finding ? describeFinding(finding) : { summary: '', evidence: [], fix: '' };
}

describe('access review rule: responsibility without the required role', () => {
  test('a contact with the responsibility but not the role is a high finding naming the role', () => {
    const found = findings(
      {
        ...BASE,
        contacts: [{ id: 'bea', name: 'Bea', account: 'acme', roles: ['sn_customerservice.customer'] }],
        relatedParties: [{ id: 'r1', entity: 'case:cs1', party: 'contact:bea', type: 'Authorized Contact' }],
      },
      'responsibility-without-role',
    );
    assert.equal(found.length, 1);
    assert.equal(found[0]?.severity, 'high');
    assert.equal(found[0]?.recordId, 'r1');
    assert.match(said(found[0]).summary, /sn_customerservice\.case_authorized_contact/);
    assert.deepEqual(found[0]?.principals, [{ kind: 'contact', id: 'bea' }]);
  });

  test('nothing when the role is held, or the type carries no responsibility', () => {
    const found = findings(
      {
        ...BASE,
        contacts: [
          { id: 'eve', account: 'acme', roles: AUTHORIZED_CONTACT },
          { id: 'carl', account: 'acme', roles: ['sn_customerservice.customer'] },
        ],
        relatedParties: [
          { entity: 'case:cs1', party: 'contact:eve', type: 'Authorized Contact' },
          { entity: 'case:cs1', party: 'contact:carl', type: 'Listed Contact' },
        ],
      },
      'responsibility-without-role',
    );
    assert.deepEqual(found, []);
  });

  test('an account party lists the members lacking the role, not those holding it', () => {
    const [found, ...rest] = findings(
      {
        ...BASE,
        contacts: [
          { id: 'eve', account: 'acme', roles: SOLD_PRODUCT_CONTACT },
          { id: 'bea', account: 'acme', roles: ['sn_customerservice.customer'] },
        ],
        soldProducts: [{ id: 'sp1', name: 'Router', account: 'acme' }],
        relatedParties: [
          { id: 'r1', entity: 'sold_product:sp1', party: 'account:acme', type: 'Authorized Account' },
        ],
      },
      'responsibility-without-role',
    );
    assert.equal(rest.length, 0);
    assert.deepEqual(found?.principals, [{ kind: 'contact', id: 'bea' }]);
    assert.match(said(found).summary, /1 of 2 members/);
  });
});

describe('access review rule: inactive persons and contacts outside the account', () => {
  const facts = {
    accounts: [
      { id: 'acme', name: 'Acme', restrictContactAccess: true },
      { id: 'acme-eu', name: 'Acme EU', parent: 'acme', restrictContactAccess: true },
      { id: 'other', name: 'Other Ltd', restrictContactAccess: true },
    ],
    cases: [{ id: 'cs1', number: 'CS1', account: 'acme' }],
    contacts: [
      { id: 'gone', name: 'Gone', account: 'acme', roles: AUTHORIZED_CONTACT, active: false },
      { id: 'moved', name: 'Moved', account: 'other', roles: AUTHORIZED_CONTACT },
      { id: 'child', name: 'Child', account: 'acme-eu', roles: AUTHORIZED_CONTACT },
      { id: 'home', name: 'Home', account: 'acme', roles: AUTHORIZED_CONTACT, active: true },
    ],
    relatedParties: [
      { id: 'r1', entity: 'case:cs1', party: 'contact:gone', type: 'Authorized Contact' },
      { id: 'r2', entity: 'case:cs1', party: 'contact:moved', type: 'Authorized Contact' },
      { id: 'r3', entity: 'case:cs1', party: 'contact:child', type: 'Authorized Contact' },
      { id: 'r4', entity: 'case:cs1', party: 'contact:home', type: 'Authorized Contact' },
    ],
  };

  test('an inactive person named with a responsibility is a high finding whose fix removes the record', () => {
    const found = findings(facts, 'inactive-person');
    assert.deepEqual(
      found.map((f) => [f.recordId, f.severity, f.fix.action]),
      [['r1', 'high', 'remove']],
    );
  });

  test('a contact of another account is flagged; one of a child account is not', () => {
    const found = findings(facts, 'outside-account');
    assert.deepEqual(
      found.map((f) => f.recordId),
      ['r2'],
    );
    assert.match(said(found[0]).evidence.join(' '), /Other Ltd/);
  });

  test('records without an account are never "outside" it', () => {
    const found = findings(
      {
        contacts: [{ id: 'att', account: 'other', roles: AUTHORIZED_CONTACT }],
        accounts: [{ id: 'other', name: 'Other' }],
        consumers: [{ id: 'ann', roles: ['sn_customerservice.consumer'] }],
        cases: [{ id: 'cs1', consumer: 'ann' }],
        relatedParties: [{ entity: 'case:cs1', party: 'contact:att', type: 'Authorized Contact' }],
      },
      'outside-account',
    );
    assert.deepEqual(found, []);
  });
});

describe('access review rule: the same person through several parties', () => {
  test('a person named directly and as a member of an account party; the fix removes a redundant record', () => {
    const found = findings(
      {
        ...BASE,
        contacts: [{ id: 'eve', account: 'acme', roles: SOLD_PRODUCT_CONTACT }],
        soldProducts: [{ id: 'sp1', name: 'Router', account: 'acme' }],
        relatedParties: [
          { id: 'r1', entity: 'sold_product:sp1', party: 'account:acme', type: 'Authorized Account' },
          { id: 'r2', entity: 'sold_product:sp1', party: 'contact:eve', type: 'Listed Contact' },
        ],
      },
      'duplicate-person',
    );
    assert.equal(found.length, 1);
    assert.deepEqual(found[0]?.principals, [{ kind: 'contact', id: 'eve' }]);
    assert.equal(found[0]?.fix.action, 'remove');
    assert.equal(found[0]?.fix.recordId, 'r2');
  });

  test('no removal is suggested when every record grants something the others do not', () => {
    const found = findings(
      {
        ...BASE,
        contacts: [{ id: 'eve', account: 'acme', roles: SOLD_PRODUCT_CONTACT }],
        soldProducts: [{ id: 'sp1', name: 'Router', account: 'acme' }],
        relatedParties: [
          { id: 'r1', entity: 'sold_product:sp1', party: 'contact:eve', type: 'Authorized Contact' },
          { id: 'r2', entity: 'sold_product:sp1', party: 'contact:eve', type: 'Authorized Contact' },
        ],
      },
      'duplicate-person',
    );
    // Two identical grants: removing either one lowers nobody, so one is suggested.
    assert.equal(found[0]?.fix.action, 'remove');
    const single = findings(
      {
        ...BASE,
        contacts: [{ id: 'eve', account: 'acme', roles: SOLD_PRODUCT_CONTACT }],
        soldProducts: [{ id: 'sp1', name: 'Router', account: 'acme' }],
        relatedParties: [{ entity: 'sold_product:sp1', party: 'contact:eve', type: 'Authorized Contact' }],
      },
      'duplicate-person',
    );
    assert.deepEqual(single, []);
  });
});

describe('access review rule: records open to every contact', () => {
  const contacts = ['a', 'b', 'c'].map((id) => ({
    id,
    account: 'acme',
    roles: SOLD_PRODUCT_CONTACT,
  }));

  test('an account party with a responsibility, with the number of contacts it opens the record to', () => {
    const found = findings(
      {
        ...BASE,
        contacts,
        soldProducts: [{ id: 'sp1', name: 'Router', account: 'acme' }],
        relatedParties: [
          { id: 'r1', entity: 'sold_product:sp1', party: 'account:acme', type: 'Authorized Account' },
        ],
      },
      'account-party',
    );
    assert.equal(found.length, 1);
    assert.equal(found[0]?.count, 3);
    assert.equal(found[0]?.severity, 'medium');
    assert.match(said(found[0]).evidence[1] ?? '', /^3 of them/);
  });

  test('one contact: the evidence says so in the singular', () => {
    const [found] = findings(
      {
        ...BASE,
        contacts: contacts.slice(0, 1),
        soldProducts: [{ id: 'sp1', name: 'Router', account: 'acme' }],
        relatedParties: [
          { id: 'r1', entity: 'sold_product:sp1', party: 'account:acme', type: 'Authorized Account' },
        ],
      },
      'account-party',
    );
    assert.equal(said(found).evidence[0], '1 contact of account Acme is reached by record r1');
  });

  test('a "Listed Account" party opens nothing and is not flagged', () => {
    const found = findings(
      {
        ...BASE,
        contacts,
        soldProducts: [{ id: 'sp1', account: 'acme' }],
        relatedParties: [{ entity: 'sold_product:sp1', party: 'account:acme', type: 'Listed Account' }],
      },
      'account-party',
    );
    assert.deepEqual(found, []);
  });

  test('an account without Restrict Contact Access, with its contacts and assets counted; none when it restricts', () => {
    const world = (restrict: boolean) => ({
      accounts: [{ id: 'acme', name: 'Acme', restrictContactAccess: restrict }],
      contacts,
      soldProducts: [{ id: 'sp1', name: 'Router', account: 'acme' }],
      installBase: [{ id: 'ib1', name: 'Router #1', account: 'acme', soldProduct: 'sp1' }],
    });
    const open = findings(world(false), 'open-account');
    assert.equal(open.length, 1);
    assert.equal(open[0]?.count, 3);
    assert.match(said(open[0]).summary, /all 3 of its contacts read its 2 sold products/);
    assert.equal(open[0]?.fix.action, 'keep');
    assert.deepEqual(findings(world(true), 'open-account'), []);
  });
});

describe('access review rule: a "Listed" type on a record the person works on', () => {
  test("the case's own contact named Listed Contact: change to Authorized Contact", () => {
    const found = findings(
      {
        ...BASE,
        contacts: [{ id: 'tom', account: 'acme', roles: AUTHORIZED_CONTACT }],
        soldProducts: [{ id: 'sp1', name: 'Router', account: 'acme' }],
        cases: [{ id: 'cs1', number: 'CS1', account: 'acme', contact: 'tom', soldProduct: 'sp1' }],
        relatedParties: [
          { id: 'r1', entity: 'sold_product:sp1', party: 'contact:tom', type: 'Listed Contact' },
        ],
      },
      'listed-on-worked-record',
    );
    assert.equal(found.length, 0, 'tom lacks the sold product role: an authorized type would not help');
    const helped = findings(
      {
        ...BASE,
        contacts: [{ id: 'tom', account: 'acme', roles: SOLD_PRODUCT_CONTACT }],
        soldProducts: [{ id: 'sp1', name: 'Router', account: 'acme' }],
        cases: [{ id: 'cs1', number: 'CS1', account: 'acme', contact: 'tom', soldProduct: 'sp1' }],
        relatedParties: [
          { id: 'r1', entity: 'sold_product:sp1', party: 'contact:tom', type: 'Listed Contact' },
        ],
      },
      'listed-on-worked-record',
    );
    assert.equal(helped.length, 1);
    assert.equal(helped[0]?.fix.action, 'change-type');
    assert.equal(helped[0]?.fix.type?.id, 'sold_product_authorized_contact');
    assert.match(said(helped[0]).evidence[0] ?? '', /contact of case CS1/);
  });

  test('a Listed party with no tie to the record is not flagged', () => {
    const found = findings(
      {
        ...BASE,
        contacts: [{ id: 'tom', account: 'acme', roles: SOLD_PRODUCT_CONTACT }],
        soldProducts: [{ id: 'sp1', name: 'Router', account: 'acme' }],
        relatedParties: [{ entity: 'sold_product:sp1', party: 'contact:tom', type: 'Listed Contact' }],
      },
      'listed-on-worked-record',
    );
    assert.deepEqual(found, []);
  });
});

describe('access review rule: parties of records closed long ago', () => {
  const facts = (closedAt?: string) => ({
    ...BASE,
    cases: [{ id: 'cs1', number: 'CS1', account: 'acme', ...(closedAt ? { closedAt } : {}) }],
    contacts: [{ id: 'eve', account: 'acme', roles: AUTHORIZED_CONTACT }],
    relatedParties: [{ id: 'r1', entity: 'case:cs1', party: 'contact:eve', type: 'Authorized Contact' }],
  });

  test(`closed more than ${DEFAULT_CLOSED_DAYS} days before now: flagged with the days, fix removes`, () => {
    const found = findings(facts('2026-01-01T00:00:00Z'), 'closed-record-party');
    assert.equal(found.length, 1);
    assert.match(said(found[0]).summary, /151 days ago/);
    assert.equal(found[0]?.fix.action, 'remove');
  });

  test('open cases, and cases closed within the limit, are not flagged; the limit is an option', () => {
    assert.deepEqual(findings(facts(), 'closed-record-party'), []);
    assert.deepEqual(findings(facts('2026-05-01T00:00:00Z'), 'closed-record-party'), []);
    assert.equal(findings(facts('2026-05-01T00:00:00Z'), 'closed-record-party', { closedDays: 7 }).length, 1);
    // Closed the day before, with no days allowed: one day, in the singular.
    const [yesterday] = findings(facts('2026-05-31T00:00:00Z'), 'closed-record-party', { closedDays: 0 });
    assert.match(said(yesterday).summary, /, closed 1 day ago$/);
    assert.equal(said(yesterday).evidence[0], 'case CS1 was closed on 2026-05-31 (1 day ago, limit 0)');
  });
});

describe('access review matrix', () => {
  test('rows give level and paths (party record, cascade, account default); near misses get a row of their own', () => {
    const result = review({
      accounts: [{ id: 'acme', name: 'Acme', restrictContactAccess: false }],
      contacts: [
        { id: 'eve', name: 'Eve', account: 'acme', roles: SOLD_PRODUCT_CONTACT },
        { id: 'bea', name: 'Bea', account: 'acme', roles: ['sn_customerservice.customer'] },
      ],
      soldProducts: [{ id: 'sp1', name: 'Router', account: 'acme' }],
      cases: [{ id: 'cs1', number: 'CS1', account: 'acme', soldProduct: 'sp1' }],
      relatedParties: [
        { id: 'r1', entity: 'sold_product:sp1', party: 'contact:eve', type: 'Authorized Contact' },
        { id: 'r2', entity: 'case:cs1', party: 'contact:bea', type: 'Authorized Contact' },
      ],
    });
    const eveCase = result.rows.find((r) => r.principal.id === 'eve' && r.entity.kind === 'case');
    assert.ok(eveCase);
    assert.ok(eveCase.paths.some((p) => p.kind === 'cascade' && p.recordId === 'r1'));
    const eveProduct = result.rows.find((r) => r.principal.id === 'eve' && r.entity.kind === 'sold_product');
    assert.deepEqual(eveProduct?.paths.map((p) => p.kind).sort(), [
      'account-default',
      'party-record',
      'persona-role',
    ]);
    const beaCase = result.rows.find((r) => r.principal.id === 'bea' && r.entity.kind === 'case');
    assert.equal(beaCase?.level, 'none');
    assert.match(beaCase?.nearMisses[0] ?? '', /lacks role/);
  });
});

describe('access review decisions', () => {
  const result = review({
    ...BASE,
    contacts: [{ id: 'gone', account: 'acme', roles: AUTHORIZED_CONTACT, active: false }],
    cases: [{ id: 'cs1', number: 'CS1', account: 'acme', closedAt: '2025-01-01T00:00:00Z' }],
    relatedParties: [{ id: 'r1', entity: 'case:cs1', party: 'contact:gone', type: 'Authorized Contact' }],
  });

  test('two findings removing the same record plan one removal', () => {
    const plan = planChanges(result.findings, result.findings.map(suggestedDecision));
    assert.deepEqual(
      plan.changes.map((c) => c.change),
      [{ op: 'remove', recordId: 'r1' }],
    );
    assert.equal(plan.changes[0]?.findingIds.length, 2);
    assert.deepEqual(plan.problems, []);
  });

  test('contradictory decisions on one record are refused, keep plans nothing', () => {
    const [a, b] = result.findings;
    assert.ok(a && b);
    const plan = planChanges(result.findings, [
      { findingId: a.id, action: 'remove' },
      { findingId: b.id, action: 'change-type', type: 'case_listed_contact' },
    ]);
    assert.deepEqual(plan.changes, []);
    assert.equal(plan.problems.length, 2);
    assert.deepEqual(planChanges(result.findings, [{ findingId: a.id, action: 'keep' }]).changes, []);
  });
});

describe('access review export', () => {
  const meta = {
    reviewer: 'Ann',
    instance: 'https://acme.example',
    exportedAt: '2026-06-01T00:00:00.000Z',
    scope: 'case:cs1',
  };

  test('cells a spreadsheet would run as formulas get a leading apostrophe', () => {
    for (const text of ['=1+1', '+cmd', '-2', '@SUM(A1)', '\tx', '\rx'])
      assert.ok(csvField(text).replace(/^"/, '').startsWith(`'${text[0]}`), JSON.stringify(text));
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a "quoted", text'), '"a ""quoted"", text"');
    assert.equal(neutralizeCell('a=b'), 'a=b');
  });

  test('CSV and JSON carry reviewer, instance, time, findings, decisions and the matrix', () => {
    const result = review({
      ...BASE,
      contacts: [
        {
          id: 'x',
          name: '=HYPERLINK("http://evil")',
          account: 'acme',
          roles: AUTHORIZED_CONTACT,
          active: false,
        },
      ],
      relatedParties: [{ id: 'r1', entity: 'case:cs1', party: 'contact:x', type: 'Authorized Contact' }],
    });
    const decisions = [{ findingId: 'inactive-person:r1', action: 'remove' as const }];
    const csv = reviewToCsv(result, decisions, meta, describeFinding);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    assert.match(lines[0] ?? '', /^section,severity,kind/);
    const finding = lines.find((l) => l.includes('inactive-person'));
    assert.ok(finding?.includes(',remove,Ann,https://acme.example,2026-06-01T00:00:00.000Z,case:cs1'));
    assert.ok(!/,=HYPERLINK/.test(csv) && !/,"=HYPERLINK/.test(csv), 'no cell starts with =');
    assert.ok(
      finding?.includes(`'=HYPERLINK(""http://evil"") is inactive but still Authorized Contact on case CS1`),
    );
    const json = JSON.parse(reviewToJson(result, decisions, meta, describeFinding)) as {
      reviewer: string;
      decisions: unknown;
      matrix: unknown[];
      findings: { summary: string; evidence: string[]; fix: { text: string }; detail: { code: string } }[];
    };
    assert.equal(json.reviewer, 'Ann');
    assert.deepEqual(json.decisions, decisions);
    assert.ok(Array.isArray(json.matrix));
    // Each finding: its sentences next to the data they are written from.
    const [inactive] = json.findings;
    assert.equal(
      inactive?.summary,
      '=HYPERLINK("http://evil") is inactive but still Authorized Contact on case CS1',
    );
    assert.equal(inactive?.fix.text, 'Remove =HYPERLINK("http://evil") from case CS1');
    assert.equal(inactive?.detail.code, 'inactive-person');
  });

  test('a grant path of a kind the review does not know keeps its kind and names', () => {
    const path = pathOf({
      source: 'persona-role',
      role: { role: 'sn_customerservice.customer_admin' },
      scope: 'account',
      level: 'write',
    } as never);
    assert.equal(path.kind, 'persona-role');
    assert.equal(path.level, 'write');
    assert.match(path.label, /customer_admin/);
    assert.match(path.label, /account/);
  });
});
