import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The manifest and the README's element reference are generated from the elements' JSDoc; these
// tests fail when someone changes an element's contract without regenerating them.

test('custom-elements.json is up to date with the elements (npm run analyze)', () => {
  const outdir = join('.test-results', 'cem'); // relative: the analyzer joins it to the cwd
  const result = spawnSync(
    process.execPath,
    [
      'node_modules/@custom-elements-manifest/analyzer/cem.js',
      'analyze',
      '--config',
      'custom-elements-manifest.config.mjs',
    ],
    { env: { ...process.env, CEM_OUTDIR: outdir }, encoding: 'utf8' },
  );
  assert.equal(result.status, 0, result.stderr);
  const fresh = JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8'));
  const committed = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  assert.deepEqual(committed, fresh, 'custom-elements.json is stale: run `npm run analyze`');
});

test("the README's element reference matches custom-elements.json", () => {
  const result = spawnSync(process.execPath, ['scripts/readme-api.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
});
