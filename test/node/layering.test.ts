/**
 * The layers hold (docs/architecture.md): elements reach the backend only through the services, the
 * lint rule that says so really fires, and the repository cites only its own documents.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => ext.test(f) && !f.split(/[\\/]/).includes('node_modules'))
    .map((f) => join(dir, f));
}

const FORBIDDEN = /from\s+['"](?:\.\.\/)+src\/(?:client|cache)(?:\/|['"])/;

test('no module under components/ imports src/client or src/cache', () => {
  const offenders = files('components', /\.ts$/).filter((file) => FORBIDDEN.test(readFileSync(file, 'utf8')));
  assert.deepEqual(offenders, []);
});

test('the lint rule refuses a component that imports the client or the cache', async () => {
  const eslint = new ESLint();
  const source = [
    "import { TableApiClient } from '../../src/client/table-api-client.js';",
    "import type { CacheMeta } from '../../src/cache/definitions-db.js';",
    "import { AccessService } from '../../src/index.js';",
    'export const used: unknown[] = [TableApiClient, AccessService];',
    'export type Used = CacheMeta;',
    '',
  ].join('\n');
  const [inComponents] = await eslint.lintText(source, { filePath: 'components/some-element/bad.ts' });
  const refused = inComponents?.messages.filter((m) => m.ruleId === 'no-restricted-imports') ?? [];
  assert.deepEqual(
    refused.map((m) => m.line),
    [1, 2],
    'both the client and the cache import are refused, the public API import is not',
  );
  // The services themselves may use the client.
  const [inServices] = await eslint.lintText(source, { filePath: 'src/service/fine.ts' });
  assert.deepEqual(
    inServices?.messages.filter((m) => m.ruleId === 'no-restricted-imports'),
    [],
  );
});

test('no file of the project sends a reader to documents outside the repository', () => {
  const roots = ['README.md', 'SECURITY.md', 'CHANGELOG.md'];
  const scanned = [
    ...roots,
    ...[
      'src',
      'components',
      'cli',
      'docs',
      'test',
      'mocks',
      'demo',
      'bench',
      'scripts',
      'examples',
      'extension',
    ].flatMap((dir) => files(dir, /\.(ts|tsx|mjs|js|md|html|json)$/)),
  ];
  // Built from parts so this file does not match itself.
  const outside = new RegExp(['DESIGN', '\\.md|STYLE', '\\.md|\\.\\./shared/'].join(''));
  const offenders = scanned.filter((file) => outside.test(readFileSync(file, 'utf8')));
  assert.deepEqual(offenders, []);
});

test('src/ and components/ have no import cycles', () => {
  const graph = new Map<string, string[]>();
  for (const file of [...files('src', /\.ts$/), ...files('components', /(?<!\.test)\.ts$/)]) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)\.js['"]/g)].map((m) =>
      join(dirname(file), `${m[1]}.ts`),
    );
    graph.set(file, targets);
  }
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, path: string[]): void => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
      return;
    }
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) if (graph.has(next)) visit(next, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
  assert.deepEqual(cycles, []);
});
