import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { highlightParts, MatchRank, rankHits, rankOf } from '../../components/add-party-dialog/ranking.js';

describe('party search ranking', () => {
  it('ranks a name prefix, then a word start, then a match inside a word, then other fields', () => {
    assert.equal(rankOf('Maya Lindqvist', 'ma'), MatchRank.NamePrefix);
    assert.equal(rankOf('Elena Marquez', 'ma'), MatchRank.NameWordStart);
    assert.equal(rankOf('Thomas Becker', 'ma'), MatchRank.NameContains);
    assert.equal(rankOf('Tom Becker', 'ma'), MatchRank.Other);
    assert.equal(rankOf('Anne-Marie Lobo', 'ma'), MatchRank.NameWordStart);
  });

  it('orders hits best first and keeps the server order among equals', () => {
    const hits = [
      'Tom Becker',
      'Thomas Riley',
      'Elena Marquez',
      'Maya Lindqvist',
      'Daniel Marquez',
      'Mark Ode',
    ];
    const ranked = rankHits(
      hits.map((name) => ({ name })),
      'ma',
    ).map((h) => h.name);
    assert.deepEqual(ranked, [
      'Maya Lindqvist',
      'Mark Ode',
      'Elena Marquez',
      'Daniel Marquez',
      'Thomas Riley',
      'Tom Becker',
    ]);
  });

  it('splits a name into text parts around the match, preferring a word start, case kept', () => {
    assert.deepEqual(highlightParts('Thomas Mann', 'MA'), [
      { text: 'Thomas ', match: false },
      { text: 'Ma', match: true },
      { text: 'nn', match: false },
    ]);
    assert.deepEqual(highlightParts('Maya', ' ma '), [
      { text: 'Ma', match: true },
      { text: 'ya', match: false },
    ]);
    assert.deepEqual(highlightParts('Tom', 'ma'), [{ text: 'Tom', match: false }]);
    assert.deepEqual(highlightParts('<b>ma</b>', 'ma'), [
      { text: '<b>', match: false },
      { text: 'ma', match: true },
      { text: '</b>', match: false },
    ]);
  });
});
