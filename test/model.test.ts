import { expect } from '@open-wc/testing';
import { compareLevels, maxLevel, parseRef, formatRef, PRINCIPAL_KINDS } from '../src/index.js';

describe('model: access levels and references', () => {
  it('orders levels none < read < write < full', () => {
    expect(compareLevels('none', 'read')).to.be.below(0);
    expect(compareLevels('full', 'write')).to.be.above(0);
    expect(maxLevel('read', 'write')).to.equal('write');
  });

  it('parses and formats kind:id references, rejecting unknown kinds', () => {
    const ref = parseRef('contact:ana:x', PRINCIPAL_KINDS);
    expect(ref).to.deep.equal({ kind: 'contact', id: 'ana:x' });
    expect(formatRef(ref)).to.equal('contact:ana:x');
    expect(() => parseRef('case:cs1', PRINCIPAL_KINDS)).to.throw(/kind one of contact, consumer, user/);
    expect(() => parseRef('contact:', PRINCIPAL_KINDS)).to.throw();
  });
});
