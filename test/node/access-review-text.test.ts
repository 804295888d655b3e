/**
 * The findings carry data (a code and parameters); `describeFinding` writes their sentences. Over
 * three worlds, every finding's summary, evidence and fix read exactly as the rules wrote them
 * before they returned data (test/node/fixtures/access-review-texts.json was captured from the
 * rules of that time), and every finding survives a structured clone (it crosses a worker
 * boundary) with the same text.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describeFinding } from '../../components/access-review/finding-text.js';
import { FINDING_KINDS, type Finding } from '../../src/review/index.js';
import { textWorlds } from './access-review-text-worlds.js';

type Texts = Record<string, Record<string, { summary: string; evidence: string[]; fix: string }>>;
const BEFORE = JSON.parse(readFileSync('test/node/fixtures/access-review-texts.json', 'utf8')) as Texts;

let worlds: Record<string, readonly Finding[]>;
before(async () => {
  worlds = await textWorlds();
});

describe('finding texts', () => {
  test('the worlds raise a finding of every kind, and the same findings as before', () => {
    const kinds = new Set(Object.values(worlds).flatMap((findings) => findings.map((f) => f.kind)));
    assert.deepEqual([...kinds].sort(), [...FINDING_KINDS].sort());
    for (const [name, findings] of Object.entries(worlds)) {
      assert.deepEqual(
        findings.map((f) => f.id).sort(),
        Object.keys(BEFORE[name] ?? {}).sort(),
        `${name}: the same findings`,
      );
    }
  });

  test('every sentence reads as the rules wrote it before', () => {
    let compared = 0;
    for (const [name, findings] of Object.entries(worlds)) {
      for (const finding of findings) {
        const text = describeFinding(finding);
        assert.deepEqual(
          { summary: text.summary, evidence: [...text.evidence], fix: text.fix },
          BEFORE[name]?.[finding.id],
          `${name}: ${finding.id}`,
        );
        compared += 1;
      }
    }
    assert.ok(compared > 100, `${compared} findings compared`);
  });

  test('a finding is plain data: it survives a structured clone, and its code is its kind', () => {
    for (const findings of Object.values(worlds)) {
      for (const finding of findings) {
        const copy = structuredClone(finding);
        assert.deepEqual(copy, finding);
        assert.deepEqual(describeFinding(copy), describeFinding(finding));
        assert.equal(finding.detail.code, finding.kind);
        assert.ok(!('summary' in finding) && !('text' in finding.fix), 'no sentence in the data');
      }
    }
  });
});
