import { expect } from '@open-wc/testing';
import { AccessEngine, BUILTIN_DEFINITIONS, formatExplanation } from '../src/access/index.js';
import { EMPTY_FACTS, type Facts } from '../src/model/index.js';

const FACTS: Facts = {
  ...EMPTY_FACTS,
  accounts: [{ id: 'acme', name: 'Acme' }],
  contacts: [
    { id: 'ana', name: 'Ana', account: 'acme', roles: ['sn_customerservice.case_authorized_contact'] },
    { id: 'ben', name: 'Ben', account: 'acme', roles: [] },
  ],
  cases: [{ id: 'c1', number: 'CS001', account: 'acme' }],
  relatedParties: [
    {
      id: '12',
      entity: { kind: 'case', id: 'c1' },
      party: { kind: 'contact', id: 'ana' },
      type: 'case_authorized_contact',
      responsibility: 'authorized_representative',
    },
    {
      id: '13',
      entity: { kind: 'case', id: 'c1' },
      party: { kind: 'contact', id: 'ben' },
      type: 'case_authorized_contact',
      responsibility: 'authorized_representative',
    },
  ],
};

describe('AccessEngine in the browser', () => {
  it('answers check, explain and whatIf with the built-in definitions', () => {
    const engine = new AccessEngine(BUILTIN_DEFINITIONS, FACTS);
    expect(engine.problems).to.deep.equal([]);
    expect(engine.check({ kind: 'contact', id: 'ana' }, { kind: 'case', id: 'c1' }).level).to.equal('write');
    const ben = engine.explain({ kind: 'contact', id: 'ben' }, { kind: 'case', id: 'c1' });
    expect(ben.level).to.equal('none');
    expect(ben.nearMisses[0]?.reason).to.equal(
      'has responsibility Authorized Representative on case CS001 but lacks role sn_customerservice.case_authorized_contact',
    );
    expect(formatExplanation(ben)).to.contain('no path grants access');
    const changes = engine.whatIf({ op: 'remove', recordId: '12' });
    expect(changes.map((c) => `${c.principal.id} ${c.before}→${c.after}`)).to.deep.equal(['ana write→none']);
  });
});
