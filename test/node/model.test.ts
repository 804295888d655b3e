import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maxLevel } from '../../src/index.js';

test('the pure core loads in Node', () => {
  assert.equal(maxLevel('none', 'full'), 'full');
});
