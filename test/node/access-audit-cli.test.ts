import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { FINDING_KINDS } from '../../src/review/index.js';

const EXAMPLE = 'examples/access-review/audit.json';
const NOW = ['--now', '2026-06-01T00:00:00Z'];

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `cli/access.ts` the way `npm run access` does. */
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/access.ts', ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('access audit (CLI)', () => {
  test('the example gives a finding of every kind, each with its fix; exit 0 without --fail-on', async () => {
    const run = await cli('audit', EXAMPLE, ...NOW);
    assert.equal(run.code, 0, run.stderr);
    const kinds = new Set([...run.stdout.matchAll(/^[A-Z]+ +([a-z-]+):/gm)].map((m) => m[1]));
    for (const kind of FINDING_KINDS) assert.ok(kinds.has(kind), `${kind} in\n${run.stdout}`);
    assert.match(run.stdout, /fix: Remove Owen Price/);
    assert.match(run.stdout, /audit\.json: \d+ findings \([1-9]\d* high/);
  });

  test('--fail-on: exit 1 when a finding at or above the severity exists, 0 otherwise', async () => {
    assert.equal((await cli('audit', EXAMPLE, ...NOW, '--fail-on', 'high')).code, 1);
    const clean = await cli('audit', 'examples/access-tests/global-roles.json', ...NOW, '--fail-on', 'low');
    assert.equal(clean.code, 0, clean.stdout);
  });

  test('--json gives findings and matrix; --csv a neutralised table', async () => {
    const json = await cli('audit', EXAMPLE, ...NOW, '--json');
    const document = JSON.parse(json.stdout) as {
      findings: { kind: string }[];
      matrix: unknown[];
      exportedAt: string;
    };
    assert.equal(document.exportedAt, '2026-06-01T00:00:00.000Z');
    assert.ok(document.findings.length >= FINDING_KINDS.length);
    assert.ok(document.matrix.length > 0);
    const csv = await cli('audit', EXAMPLE, ...NOW, '--csv');
    assert.match(csv.stdout, /^\uFEFFsection,severity,kind/);
  });

  test('bad options are usage errors (exit 2)', async () => {
    for (const args of [
      ['--fail-on', 'urgent'],
      ['--json', '--csv'],
      ['--closed-days', 'many'],
      ['--now', 'soon'],
    ]) {
      const run = await cli('audit', EXAMPLE, ...args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, /^access: /);
    }
    assert.equal((await cli('audit', 'missing.json')).code, 2);
  });
});
