/**
 * The published package holds the self-contained bundle with every chunk it loads (lazy elements,
 * the review worker…): `npm pack --dry-run` lists each `dist/cam-elements.*.js` the build wrote.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ensureBundle } from './table-api-server.js';

describe('the published package', () => {
  it('includes the bundle and every chunk and worker beside it', async () => {
    await ensureBundle();
    const written = readdirSync('dist').filter((name) => /^cam-elements\..+\.js$/.test(name));
    assert.ok(written.length > 5, `the build wrote the bundle and its chunks (${written.length})`);
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }),
    ) as [{ files: { path: string }[] }];
    const files = new Set(packed.files.map((f) => f.path));
    const missing = written.filter((name) => !files.has(`dist/${name}`));
    assert.deepEqual(missing, [], 'chunks left out of the package');
    assert.ok(files.has('dist/cam-elements.bundle.js'));
  });
});
