import { expect } from '@open-wc/testing';
import { useElementFixtures } from '../support/fixtures.js';
import { getStore } from '../../mocks/db.js';
import { STORY } from '../../mocks/seed/index.js';
import { loan, makeServices, map } from './support.js';

/** Puts definitions an instance admin could get wrong into the mock instance's tables. */
function seedBrokenDefinitions(): { loopA: string; loopB: string } {
  const store = getStore();
  const role = (name: string) => store.insert(map.role.table, { name, description: 'broken on purpose' });
  const loopA = role('x_acme.loop_a').sys_id ?? '';
  const loopB = role('x_acme.loop_b').sys_id ?? '';
  // loop_a contains loop_b contains loop_a: containment must terminate and be reported.
  store.insert(map.roleContains.table, { role: loopA, contains: loopB });
  store.insert(map.roleContains.table, { role: loopB, contains: loopA });
  const responsibility = store.all(map.responsibility.table)[0]?.sys_id ?? '';
  const config = (values: Record<string, string>) =>
    store.insert(map.accessConfig.table, {
      responsibility,
      active: 'true',
      access_level: 'read',
      accessible_table: map.case.table,
      roles_required: '',
      ...values,
    });
  config({ access_level: 'admin' });
  config({ accessible_table: 'incident' });
  config({ roles_required: 'x_acme.role_nobody_has_defined' });
  store.insert(map.relationshipType.table, {
    name: 'Incident watcher',
    applies_to: 'incident',
    entity_type: map.contact.table,
  });
  store.insert(map.relationshipType.table, {
    name: 'Orphan type',
    applies_to: map.case.table,
    entity_type: map.contact.table,
    default_responsibility: 'f'.repeat(32),
  });
  return { loopA, loopB };
}

describe('reliability: definitions that are wrong on the instance', () => {
  useElementFixtures();

  it('each defect is reported, and access is still answered for everything else', async () => {
    seedBrokenDefinitions();
    const { access } = makeServices();
    const result = await access.forEntity(loan);

    // Rows the converter cannot use are skipped and named.
    const skipped = result.definitions.problems.join('\n');
    expect(skipped).to.match(/unknown access level "admin"/);
    expect(skipped).to.match(/unknown accessible table "incident"/);
    expect(skipped).to.match(/unknown applies-to table "incident"/);

    // Definitions that convert but do not fit together are reported by the engine.
    const codes = result.engine.problems.map((p) => `${p.code} ${p.subject}`);
    expect(codes.some((c) => c.startsWith('role-cycle') && c.includes('x_acme.loop_a'))).to.equal(true);
    expect(codes.some((c) => c.startsWith('config-unknown-role'))).to.equal(true);
    expect(codes.some((c) => c.startsWith('type-unknown-responsibility'))).to.equal(true);

    // The stories still get their answers.
    const check = (kind: 'consumer' | 'contact', id: string) => result.engine.check({ kind, id }, loan).level;
    expect(check('consumer', STORY.housingLoan.coBorrower.id)).to.equal('write');
    expect(check('consumer', STORY.housingLoan.guarantor.id)).to.equal('write');
    expect(check('contact', STORY.housingLoan.attorney.id)).to.equal('write');
  });

  it('a principal who holds a role in a containment cycle gets an answer, not a hang', async () => {
    const { loopA } = seedBrokenDefinitions();
    getStore().insert(map.userHasRole.table, { user: STORY.nearMiss.contact.id, role: loopA });
    const { access } = makeServices();
    const result = await access.forEntity(loan, {
      principal: { kind: 'contact', id: STORY.nearMiss.contact.id },
    });
    const explained = result.engine.explain({ kind: 'contact', id: STORY.nearMiss.contact.id }, loan);
    expect(explained.level).to.equal('none');
  });
});
