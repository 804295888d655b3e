import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AccessEngine, formatExplanation } from '../../src/access/index.js';
import {
  parseRef,
  ENTITY_KINDS,
  PRINCIPAL_KINDS,
  type AccessLevel,
  type RelatedPartyRecord,
} from '../../src/model/index.js';
import { DEFINITIONS, rec, world } from './engine-world.js';

interface Row {
  readonly name: string;
  readonly records: readonly RelatedPartyRecord[];
  /** `principal entity level` triples, e.g. `contact:ana case:c1 write`. */
  readonly expect: readonly string[];
}

/** Each rule of docs/access-rules.md, row by row; every row is one engine over the shared world. */
const RULES: Readonly<Record<string, readonly Row[]>> = {
  'rule 1: a related party grants only with a responsibility and the required role': [
    {
      name: 'responsibility and role held',
      records: [rec('case:c1', 'contact:ana', 'co_borrower')],
      expect: ['contact:ana case:c1 write'],
    },
    {
      name: 'a listed type carries no responsibility',
      records: [rec('case:c1', 'contact:ana', 'listed_contact')],
      expect: ['contact:ana case:c1 none'],
    },
    {
      name: 'responsibility without the role',
      records: [rec('case:c1', 'contact:ben', 'co_borrower')],
      expect: ['contact:ben case:c1 none'],
    },
    {
      name: 'a record on another case',
      records: [rec('case:c2', 'contact:ana', 'co_borrower')],
      expect: ['contact:ana case:c1 none'],
    },
    {
      name: 'an inactive access configuration',
      records: [rec('case:c1', 'contact:ana', 'dormant_contact')],
      expect: ['contact:ana case:c1 none'],
    },
    {
      name: 'an internal user named directly',
      records: [rec('case:c1', 'user:walt', 'case_user')],
      expect: ['user:walt case:c1 write'],
    },
    {
      name: 'a consumer without the role',
      records: [rec('case:c1', 'consumer:dan', 'case_consumer')],
      expect: ['consumer:dan case:c1 none'],
    },
    {
      name: 'paths combine: the highest level wins',
      records: [
        rec('case:c1', 'contact:ana', 'co_borrower'),
        rec('case:c1', 'contact:ana', 'primary_contact'),
      ],
      expect: ['contact:ana case:c1 full'],
    },
    {
      name: 'someone else named on the case',
      records: [rec('case:c1', 'contact:ana', 'co_borrower')],
      expect: ['contact:ben case:c1 none'],
    },
  ],
  'rule 2: role containment is transitive, granular roles cap': [
    {
      name: 'required role held through another role',
      records: [rec('case:c1', 'contact:ned', 'co_borrower')],
      expect: ['contact:ned case:c1 write'],
    },
    {
      name: 'config write capped to granular read',
      records: [rec('case:c1', 'contact:kim', 'customer_contact')],
      expect: ['contact:kim case:c1 read'],
    },
    {
      name: 'no granular role for the table caps to none',
      records: [rec('case:c1', 'contact:lou', 'customer_contact')],
      expect: ['contact:lou case:c1 none'],
    },
  ],
  'rule 3: account, service organization and household parties': [
    {
      name: 'an account party reaches every contact of the account holding the role',
      records: [rec('case:c1', 'account:acme', 'case_account')],
      expect: [
        'contact:ana case:c1 write',
        'contact:ben case:c1 none',
        'contact:ida case:c1 none',
        'user:walt case:c1 none',
      ],
    },
    {
      name: "a parent account's party does not reach a child account's contacts",
      records: [rec('case:c1', 'account:acme', 'case_account')],
      expect: ['contact:eve case:c1 none'],
    },
    {
      name: 'a service organization party reaches its members',
      records: [rec('install_base:rack', 'service_organization:so1', 'ib_org')],
      expect: [
        'user:uma install_base:rack read',
        'user:uma case:c3 write',
        'user:walt install_base:rack none',
        'user:vic install_base:rack none',
      ],
    },
    {
      name: 'a household party reaches its members',
      records: [rec('case:c1', 'household:h1', 'case_household')],
      expect: ['consumer:cora case:c1 read', 'consumer:dan case:c1 none'],
    },
  ],
  'rule 4: cascades from sold products and install base': [
    {
      name: 'a sold product party reaches the cases and items of the sold product',
      records: [rec('sold_product:sp1', 'contact:sam', 'sp_contact')],
      expect: [
        'contact:sam sold_product:sp1 read',
        'contact:sam case:c2 full',
        'contact:sam install_base:blade read',
        'contact:sam install_base:rack none',
        'contact:sam case:c1 none',
        'contact:sam case:c3 none',
      ],
    },
    {
      name: "an install base party reaches the item's subtree, its sold products and their cases",
      records: [rec('install_base:rack', 'account:globex', 'ib_account')],
      expect: [
        'contact:gil install_base:rack read',
        'contact:gil install_base:blade read',
        'contact:gil install_base:fan read',
        'contact:gil sold_product:sp1 read',
        'contact:gil case:c2 none',
        'contact:gil install_base:hub none',
      ],
    },
    {
      name: 'a party on a child item reaches down, not up',
      records: [rec('install_base:blade', 'account:globex', 'ib_account')],
      expect: ['contact:gil install_base:fan read', 'contact:gil install_base:rack none'],
    },
  ],
  'rule 5: create on install base cases needs a shared account': [
    {
      name: 'contact of another account: write, not full',
      records: [rec('install_base:rack', 'account:globex', 'ib_account')],
      expect: ['contact:gil case:c3 write'],
    },
    {
      name: "contact of the item's account: full",
      records: [rec('install_base:rack', 'account:acme', 'ib_account')],
      expect: ['contact:ida case:c3 full'],
    },
    {
      name: 'internal users are not limited',
      records: [rec('install_base:rack', 'user:yul', 'ib_user')],
      expect: ['user:yul case:c3 full'],
    },
  ],
  'rule 6: restrict contact access': [
    {
      name: "open account: a contact with the read granular reads the account's sold products",
      records: [],
      expect: ['contact:max sold_product:sp1 read'],
    },
    {
      name: 'open account: without the install base read granular, no items',
      records: [],
      expect: ['contact:max install_base:rack none'],
    },
    {
      name: 'open account: without any granular role, nothing',
      records: [],
      expect: ['contact:ben sold_product:sp1 none'],
    },
    {
      name: "another account's sold products stay hidden",
      records: [],
      expect: ['contact:max sold_product:sp2 none', 'contact:eve sold_product:sp1 none'],
    },
    {
      name: 'restricted account: nothing by default',
      records: [],
      expect: ['contact:gil sold_product:sp2 none', 'contact:gil install_base:hub none'],
    },
    {
      name: 'restricted account: an authorized related party still grants',
      records: [rec('sold_product:sp2', 'contact:gil', 'sp_contact')],
      expect: ['contact:gil sold_product:sp2 read'],
    },
    { name: 'cases are not part of the default', records: [], expect: ['contact:max case:c2 none'] },
  ],
  'rule 7: global roles of internal users': [
    {
      name: 'case viewer reads every case',
      records: [],
      expect: ['user:vic case:c1 read', 'user:vic case:c5 read', 'user:vic sold_product:sp1 none'],
    },
    {
      name: 'a global role held by a contact does not count',
      records: [],
      expect: ['contact:zed case:c1 none'],
    },
  ],
  "owner: the case's own contact or consumer": [
    {
      name: 'contact with the customer role',
      records: [],
      expect: ['contact:ida case:c4 write', 'consumer:cora case:c4 write'],
    },
    { name: 'contact without the customer role', records: [], expect: ['contact:ben case:c6 none'] },
    {
      name: 'a customer who is not the case contact',
      records: [],
      expect: ['contact:ned case:c4 none', 'consumer:dan case:c4 none'],
    },
    {
      name: 'a consumer reads the sold product it owns',
      records: [],
      expect: ['consumer:cora sold_product:sp3 read'],
    },
  ],
  'unknown principals and entities': [
    {
      name: 'answer none',
      records: [rec('case:c1', 'contact:ana', 'co_borrower')],
      expect: ['contact:nobody case:c1 none', 'contact:ana case:nothing none'],
    },
  ],
};

for (const [rule, rows] of Object.entries(RULES)) {
  describe(rule, () => {
    for (const row of rows) {
      test(row.name, () => {
        const engine = new AccessEngine(DEFINITIONS, world(...row.records));
        for (const line of row.expect) {
          const [who, what, level] = line.split(' ') as [string, string, AccessLevel];
          const principal = parseRef(who, PRINCIPAL_KINDS);
          const entity = parseRef(what, ENTITY_KINDS);
          const actual = engine.check(principal, entity).level;
          assert.equal(
            actual,
            level,
            `${line}: got ${actual}\n${formatExplanation(engine.explain(principal, entity))}`,
          );
          assert.equal(engine.explain(principal, entity).level, level, `explain agrees for ${line}`);
        }
      });
    }
  });
}

describe('check answers', () => {
  test('permissions follow the level and results are shared, frozen objects', () => {
    const engine = new AccessEngine(
      DEFINITIONS,
      world(rec('case:c1', 'contact:ana', 'co_borrower'), rec('case:c1', 'contact:ana', 'primary_contact')),
    );
    const full = engine.check({ kind: 'contact', id: 'ana' }, { kind: 'case', id: 'c1' });
    assert.deepEqual(full, { level: 'full', permissions: ['read', 'write', 'create'] });
    assert.ok(Object.isFrozen(full) && Object.isFrozen(full.permissions));
    const none = engine.check({ kind: 'contact', id: 'ben' }, { kind: 'case', id: 'c1' });
    assert.deepEqual(none, { level: 'none', permissions: [] });
    assert.equal(
      engine.check({ kind: 'contact', id: 'ana' }, { kind: 'case', id: 'c1' }),
      full,
      'no allocation per call',
    );
  });

  test('the definitions have no problems', () => {
    assert.deepEqual(new AccessEngine(DEFINITIONS, world()).problems, []);
  });
});
