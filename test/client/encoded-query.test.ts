import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { EncodedQuery, q } from '../../src/client/encoded-query.js';
import { QueryFieldError, QueryStructureError, QueryValueError } from '../../src/client/errors.js';
import { unsafeValueReason } from '../../src/client/query-safety.js';

function valueError(action: () => unknown): QueryValueError {
  try {
    action();
  } catch (error) {
    expect(error).to.be.instanceOf(QueryValueError);
    return error as QueryValueError;
  }
  expect.fail('expected a QueryValueError');
}

describe('encoded-query builder', () => {
  it('writes every operator in the Table API syntax', () => {
    expect(q.eq('active', 'true').toString()).to.equal('active=true');
    expect(q.ne('state', '7').toString()).to.equal('state!=7');
    expect(q.in('sys_id', ['a', 'b', 'c']).toString()).to.equal('sys_idINa,b,c');
    expect(q.notIn('type', ['x', 'y']).toString()).to.equal('typeNOT INx,y');
    expect(q.startsWith('number', 'CS00').toString()).to.equal('numberSTARTSWITHCS00');
    expect(q.like('short_description', 'printer').toString()).to.equal('short_descriptionLIKEprinter');
    expect(q.isEmpty('parent').toString()).to.equal('parentISEMPTY');
    expect(q.isNotEmpty('account').toString()).to.equal('accountISNOTEMPTY');
    expect(q.orderBy('name').toString()).to.equal('ORDERBYname');
    expect(q.orderByDesc('sys_updated_on').toString()).to.equal('ORDERBYDESCsys_updated_on');
  });

  it('joins with ^ by default or with .and(), ^OR after .or(), and puts orders last', () => {
    const query = q.eq('a', '1').orderBy('name').and().eq('b', '2').or().eq('c', '3').orderByDesc('d');
    expect(query.toString()).to.equal('a=1^b=2^ORc=3^ORDERBYname^ORDERBYDESCd');
    expect(query.clauseCount).to.equal(5);
    expect(q.toString()).to.equal('');
    expect(q.clauseCount).to.equal(0);
  });

  it('accepts dot-walks in field names, up to three levels', () => {
    expect(q.eq('case.account', 'x').toString()).to.equal('case.account=x');
    expect(q.eq('case.account.parent', 'x').toString()).to.equal('case.account.parent=x');
  });

  it('is immutable: every call returns a new query and leaves the old one as it was', () => {
    const base = q.eq('a', '1');
    const withB = base.eq('b', '2');
    const withC = base.or().eq('c', '3');
    expect(base.toString()).to.equal('a=1');
    expect(withB.toString()).to.equal('a=1^b=2');
    expect(withC.toString()).to.equal('a=1^ORc=3');
    expect(q.toString()).to.equal('');
    expect(Object.isFrozen(base)).to.equal(true);
    expect(base).to.be.instanceOf(EncodedQuery);
  });

  const hostile: ReadonlyArray<[string, string, string]> = [
    ['caret', 'a^b', 'caret'],
    ['^OR injection', 'x^ORactive=false', 'caret'],
    ['^NQ injection', 'x^NQsys_id!=y', 'caret'],
    ['equals', 'a=b', 'equals'],
    ['newline', 'a\nb', 'control-character'],
    ['carriage return', 'a\rb', 'control-character'],
    ['NUL', 'a\0b', 'control-character'],
    ['tab', 'a\tb', 'control-character'],
    ['escape', 'a\u001bb', 'control-character'],
    ['DEL', 'a\u007fb', 'control-character'],
    ['C1 next line', 'a\u0085b', 'control-character'],
    ['line separator', 'a\u2028b', 'control-character'],
    ['fullwidth circumflex U+FF3E', 'a\uff3eORb', 'look-alike'],
    ['modifier circumflex U+02C6', 'a\u02c6b', 'look-alike'],
    ['modifier up arrowhead U+02C4', 'a\u02c4b', 'look-alike'],
    ['caret U+2038', 'a\u2038b', 'look-alike'],
    ['up arrowhead U+2303', 'a\u2303b', 'look-alike'],
    ['fullwidth equals U+FF1D', 'a\uff1db', 'look-alike'],
    ['small equals U+FE66', 'a\ufe66b', 'look-alike'],
    ['superscript equals U+207C', 'a\u207cb', 'look-alike'],
    ['modifier short equals U+A78A', 'a\ua78ab', 'look-alike'],
    ['unpaired high surrogate', 'a\ud800b', 'unpaired-surrogate'],
    ['unpaired low surrogate', 'a\udc00', 'unpaired-surrogate'],
    ['empty string', '', 'empty'],
  ];

  for (const [label, value, reason] of hostile) {
    it(`rejects a value with ${label} in every value operator`, () => {
      const operators: Array<() => unknown> = [
        () => q.eq('name', value),
        () => q.ne('name', value),
        () => q.startsWith('name', value),
        () => q.like('name', value),
        () => q.in('name', ['ok', value]),
        () => q.notIn('name', [value]),
      ];
      for (const operator of operators) {
        const error = valueError(operator);
        expect(error.reason).to.equal(reason);
        expect(error.field).to.equal('name');
        expect(error.value).to.equal(value);
        expect(error.kind).to.equal('query-value');
      }
    });
  }

  it('rejects commas and their look-alikes inside IN values, but not in single values', () => {
    expect(valueError(() => q.in('name', ['a,b'])).reason).to.equal('comma-in-list');
    expect(valueError(() => q.notIn('name', ['a,b'])).reason).to.equal('comma-in-list');
    expect(valueError(() => q.in('name', ['a\uff0cb'])).reason).to.equal('look-alike');
    expect(valueError(() => q.in('name', ['a\ufe50b'])).reason).to.equal('look-alike');
    expect(q.eq('name', 'Smith, Ana').toString()).to.equal('name=Smith, Ana');
  });

  it('keeps legitimate Unicode: accents (composed and decomposed), CJK, emoji', () => {
    for (const value of ['Zoë', 'Rene\u0301', 'e\u0302tre', '東京', 'Ana 👩🏽‍💼', "O'Brien & Co (NL)"]) {
      expect(q.eq('name', value).toString()).to.equal(`name=${value}`);
    }
  });

  it('throws a typed error for an empty IN or NOT IN list (callers must short-circuit)', () => {
    const error = valueError(() => q.in('sys_id', []));
    expect(error.reason).to.equal('empty-list');
    expect(valueError(() => q.notIn('sys_id', [])).reason).to.equal('empty-list');
  });

  it('validates field names: lowercase identifiers dot-walked at most twice', () => {
    const bad = [
      '',
      'Name',
      '1st',
      'a-b',
      'a b',
      'a.b.c.d',
      'a.',
      '.a',
      'a^b',
      'a=b',
      'naïve',
      'a\nb',
      'nameSTARTSWITH',
    ];
    for (const field of bad) {
      for (const build of [
        () => q.eq(field, 'x'),
        () => q.isEmpty(field),
        () => q.isNotEmpty(field),
        () => q.in(field, ['x']),
        () => q.orderBy(field),
        () => q.orderByDesc(field),
      ]) {
        expect(build, JSON.stringify(field)).to.throw(QueryFieldError);
      }
    }
  });

  it('rejects misplaced .or() and .and() with QueryStructureError', () => {
    expect(() => q.or()).to.throw(QueryStructureError);
    expect(() => q.and()).to.throw(QueryStructureError);
    expect(() => q.eq('a', '1').or().or()).to.throw(QueryStructureError);
    expect(() => q.eq('a', '1').or().orderBy('a')).to.throw(QueryStructureError);
    expect(() => q.eq('a', '1').or().toString()).to.throw(QueryStructureError);
  });

  it('property: any string is either rejected, or round-trips with exactly the expected clauses', () => {
    const pieces = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 4 }),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
      fc.constantFrom(
        '^',
        '=',
        ',',
        'OR',
        'NQ',
        '\n',
        '\uff3e',
        '\u02c6',
        '\uff1d',
        '\ufe50',
        '\u2038',
        '\ud800',
      ),
    );
    const values = fc.array(pieces, { maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(values, (value) => {
        let text: string;
        try {
          text = q.eq('a', value).or().like('b', value).in('c', [value, 'x']).orderBy('d').toString();
        } catch (error) {
          expect(error).to.be.instanceOf(QueryValueError);
          expect(unsafeValueReason(value, true)).to.not.equal(undefined);
          return;
        }
        const clauses = text.split('^');
        expect(clauses).to.have.length(4);
        expect(clauses[0]).to.equal(`a=${value}`);
        expect(clauses[1]).to.equal(`ORbLIKE${value}`);
        expect(clauses[2]?.slice('cIN'.length).split(',')).to.deep.equal([value, 'x']);
        expect(clauses[3]).to.equal('ORDERBYd');
        // A server that normalises Unicode (NFKC) still sees the same clauses.
        expect(text.normalize('NFKC').split('^')).to.have.length(4);
        // The value survives the trip through the URL.
        const params = new URLSearchParams({ sysparm_query: text });
        expect(new URLSearchParams(params.toString()).get('sysparm_query')).to.equal(text);
      }),
      { numRuns: 2000 },
    );
  });
});
