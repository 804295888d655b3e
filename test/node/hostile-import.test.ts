/**
 * Hostile access-test files through the definitions service's `import()` (the path the inspector's
 * "Import" button takes): oversized, deeply nested, wrong types anywhere, prototype-pollution keys
 * anywhere. Each is refused with an AccessTestFileError (never another exception), leaves the
 * current definitions alone, and leaves Object.prototype clean.
 */
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AccessTestFileError, MAX_ACCESS_TEST_FILE_BYTES } from '../../src/access/test-file.js';
import type { TableClient } from '../../src/client/types.js';
import { DefinitionsService } from '../../src/service/definitions-service.js';

/** The import never reaches the server: a client that fails loudly if it is used. */
const noClient = new Proxy({} as TableClient, {
  get: () => () => {
    throw new Error('import must not call the server');
  },
});

function service(): DefinitionsService {
  return new DefinitionsService({ client: noClient, instance: 'https://acme.example', user: 'ana' });
}

/** A small valid document (the same world as the format tests). */
function world(): Record<string, unknown> {
  return {
    definitions: 'builtin',
    facts: {
      accounts: [{ id: 'acme' }],
      contacts: [{ id: 'ana', account: 'acme', roles: ['sn_customerservice.case_authorized_contact'] }],
      cases: [{ id: 'cs1', account: 'acme' }],
      relatedParties: [{ entity: 'case:cs1', party: 'contact:ana', type: 'Authorized Contact' }],
    },
    tests: [{ principal: 'contact:ana', entity: 'case:cs1', level: 'write' }],
  };
}

type Path = (string | number)[];

/** Every path to a value in `value` (the root excluded). */
function paths(value: unknown, at: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const here = [...at, Array.isArray(value) ? Number(key) : key];
    return [here, ...paths(child, here)];
  });
}

/** Paths to objects (not arrays), the root included: where a key can be added. */
function objectPaths(value: unknown, at: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const own = Array.isArray(value) ? [] : [at];
  return [
    ...own,
    ...Object.entries(value).flatMap(([key, child]) =>
      objectPaths(child, [...at, Array.isArray(value) ? Number(key) : key]),
    ),
  ];
}

function at(doc: unknown, path: Path): Record<string | number, unknown> {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], doc) as Record<
    string | number,
    unknown
  >;
}

function assertClean(): void {
  for (const probe of [{}, [], Object.create(null) as object, new Date()]) {
    assert.equal((probe as Record<string, unknown>).polluted, undefined);
  }
  assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
}

/** Imports `file`; returns the AccessTestFileError, or undefined when the file was accepted. */
async function refused(target: DefinitionsService, file: unknown): Promise<AccessTestFileError | undefined> {
  try {
    await target.import(file);
    return undefined;
  } catch (error) {
    assert.ok(error instanceof AccessTestFileError, `expected AccessTestFileError, got ${String(error)}`);
    return error;
  }
}

describe('hostile access-test files through DefinitionsService.import()', () => {
  afterEach(assertClean);

  test('the world is a valid file (the baseline the attacks start from)', async () => {
    const target = service();
    assert.equal(await refused(target, world()), undefined);
    assert.equal(target.current?.source, 'import');
  });

  test('more than 5 MB of text is refused before parsing, and the current definitions stay', async () => {
    const target = service();
    await target.import(world());
    const before = target.current;
    const huge = JSON.stringify({ ...world(), description: 'x'.repeat(MAX_ACCESS_TEST_FILE_BYTES) });
    const error = await refused(target, huge);
    assert.match(error?.message ?? '', /too large/);
    assert.equal(target.current, before);
  });

  test('100,000 levels of nesting are refused at once: no stack overflow, no quadratic scan', async () => {
    const depth = 100_000;
    const arrays = `{"definitions":"builtin","description":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const objects = `{"definitions":"builtin","facts":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
    for (const text of [arrays, objects]) {
      const start = performance.now();
      assert.ok(await refused(service(), text));
      // A 200 kB file must not freeze the page (a quadratic scan took minutes here).
      assert.ok(performance.now() - start < 5000, `took ${Math.round(performance.now() - start)} ms`);
    }
  });

  test('prototype-pollution keys at any depth are refused and pollute nothing', async () => {
    const doc = world();
    const places = objectPaths(doc);
    const keys = ['__proto__', 'constructor', 'prototype'];
    await fc.assert(
      fc.asyncProperty(
        fc.nat(places.length - 1),
        fc.constantFrom(...keys),
        fc.boolean(),
        async (i, key, asText) => {
          const copy = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
          const target = at(copy, places[i] as Path);
          // An own key, as JSON.parse makes "__proto__" when a file is read from disk.
          const payload = JSON.parse('{"polluted": true, "prototype": {"polluted": true}}') as unknown;
          Object.defineProperty(target, key, {
            value: payload,
            enumerable: true,
            configurable: true,
            writable: true,
          });
          const error = await refused(service(), asText ? JSON.stringify(copy) : copy);
          assert.match(error?.message ?? '', /forbidden key/);
          assertClean();
        },
      ),
      { numRuns: 300 },
    );
    for (const text of [
      '{"__proto__": {"polluted": true}, "definitions": "builtin"}',
      '{"definitions": "builtin", "constructor": {"prototype": {"polluted": true}}}',
      '{"definitions": {"roles": [{"name": "a", "__proto__": {"polluted": true}}]}}',
    ]) {
      assert.match((await refused(service(), text))?.message ?? '', /forbidden key/);
    }
  });

  test('a wrong type anywhere is refused with the place named, never another exception', async () => {
    const doc = world();
    const places = paths(doc);
    await fc.assert(
      fc.asyncProperty(fc.nat(places.length - 1), fc.jsonValue({ maxDepth: 2 }), async (i, value) => {
        const copy = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
        const path = places[i] as Path;
        at(copy, path.slice(0, -1))[path.at(-1) as string | number] = value;
        const target = service();
        const error = await refused(target, copy);
        if (error) {
          assert.doesNotMatch(error.message, /\n/);
          assert.equal(target.current, undefined, 'a refused file changes nothing');
        }
      }),
      { numRuns: 500 },
    );
  });

  test('arbitrary JSON as a whole file is refused or accepted, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        await refused(service(), value);
        await refused(service(), JSON.stringify(value));
      }),
      { numRuns: 300 },
    );
    for (const text of [
      '',
      'null',
      '"builtin"',
      '[]',
      '{',
      'NaN',
      '\u0000',
      '{"definitions":"builtin"}\u0000',
    ]) {
      assert.ok(await refused(service(), text), JSON.stringify(text));
    }
  });
});
