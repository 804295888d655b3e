/**
 * Hostile input against the encoded-query builder, the client's URLs and the party search: no
 * value — search text, an id, a table name — can add a clause, a parameter or a path segment.
 * The "server" is the mock backend's own parser (mocks/store/encoded-query.ts), not our builder.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { q, type EncodedQuery } from '../../src/client/encoded-query.js';
import { QueryFieldError, QueryValueError } from '../../src/client/errors.js';
import { unsafeValueReason } from '../../src/client/query-safety.js';
import { TableApiClient } from '../../src/client/table-api-client.js';
import { DEFAULT_TABLE_MAP } from '../../src/client/table-map.js';
import { parseEncodedQuery, type Condition } from '../../mocks/store/encoded-query.js';
import { partySearchRequest } from '../../src/service/party-search.js';
import type { PartyKind } from '../../src/model/kinds.js';

/** Pieces attackers use: separators, operators, encodings, look-alikes, line breaks, bidi marks. */
const PIECES = [
  '^',
  '^OR',
  '^NQ',
  '^ORDERBYname',
  '=',
  '!=',
  'IN',
  'LIKE',
  'ISEMPTY',
  ',',
  '\n',
  '\r\n',
  '\u2028',
  '\u0085',
  '\0',
  '\uff3e', // fullwidth circumflex
  '\uff1d', // fullwidth equals
  '\u02c6',
  '\u2038',
  '\ufe66',
  '\u207c',
  '\ud800',
  '%5E',
  '%3D',
  '&sysparm_limit=1',
  '#',
  '?',
  '/',
  '../',
  '\u202e', // right-to-left override
  '\u200b', // zero-width space
  'javascript:',
  '<img src=x onerror=alert(1)>',
  ' ',
  'Ana',
];

const hostile: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES),
      fc.string({ unit: 'binary', maxLength: 4 }),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

const RUNS = { numRuns: 3000 };

/** Builds with `build`; returns undefined when the builder refused the value (as it must, typed). */
function built(value: string, build: () => EncodedQuery, inList = false): string | undefined {
  try {
    return build().toString();
  } catch (error) {
    assert.ok(error instanceof QueryValueError, `unexpected ${String(error)}`);
    assert.notEqual(unsafeValueReason(value, inList), undefined, 'refused a value it calls safe');
    return undefined;
  }
}

const cond = (field: string, operator: Condition['operator'], value: string): Condition => ({
  field,
  operator,
  value,
});

describe('hostile values never add a clause (the mock server parses what we send)', () => {
  test('AND, OR and ORDER clauses stay exactly as built, for every value operator', () => {
    const operators = [
      ['eq', '='],
      ['ne', '!='],
      ['startsWith', 'STARTSWITH'],
      ['like', 'LIKE'],
    ] as const;
    fc.assert(
      fc.property(hostile, fc.constantFrom(...operators), (value, [method, operator]) => {
        const text = built(value, () =>
          q.eq('active', 'true')[method]('name', value).or()[method]('email', value).orderBy('name'),
        );
        if (text === undefined) return;
        const expected = {
          groups: [
            [[cond('active', '=', 'true')], [cond('name', operator, value), cond('email', operator, value)]],
          ],
          orderBy: [{ field: 'name', descending: false }],
        };
        assert.deepEqual(parseEncodedQuery(text), expected);
        // A server or proxy that normalises Unicode (NFKC) sees the same number of clauses.
        const folded = parseEncodedQuery(text.normalize('NFKC'));
        assert.equal(folded.groups.length, 1);
        assert.equal(folded.groups[0]?.length, 2);
        assert.equal(folded.groups[0]?.[1]?.length, 2);
      }),
      RUNS,
    );
  });

  test('IN lists keep their values apart and cannot grow', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 4 }), (values) => {
        let text: string | undefined;
        try {
          text = q.in('sys_id', values).orderByDesc('sys_updated_on').toString();
        } catch (error) {
          assert.ok(error instanceof QueryValueError);
          assert.ok(values.some((v) => unsafeValueReason(v, true) !== undefined));
          return;
        }
        const parsed = parseEncodedQuery(text);
        assert.equal(parsed.groups.length, 1);
        assert.equal(parsed.groups[0]?.length, 1);
        const [only] = parsed.groups[0]?.[0] ?? [];
        assert.equal(only?.operator, 'IN');
        assert.deepEqual(only?.value.split(','), values);
        assert.deepEqual(parsed.orderBy, [{ field: 'sys_updated_on', descending: true }]);
      }),
      RUNS,
    );
  });

  test('the party search text of the add-party dialog cannot add a clause, for every party kind', () => {
    const kinds: PartyKind[] = ['contact', 'consumer', 'user', 'account', 'service_organization'];
    fc.assert(
      fc.property(hostile, fc.constantFrom(...kinds), (text, kind) => {
        let request: ReturnType<typeof partySearchRequest>;
        try {
          request = partySearchRequest(kind, text, DEFAULT_TABLE_MAP);
        } catch (error) {
          assert.ok(error instanceof QueryValueError);
          assert.notEqual(unsafeValueReason(text), undefined);
          return;
        }
        const query = request?.options.query;
        assert.ok(query, `no query for ${kind}`);
        const parsed = parseEncodedQuery(query.toString());
        assert.equal(parsed.groups.length, 1);
        assert.equal(parsed.groups[0]?.length, 1, 'one OR clause: name STARTSWITH [OR email LIKE]');
        for (const condition of parsed.groups[0]?.[0] ?? []) assert.equal(condition.value, text);
        assert.equal(parsed.orderBy.length, 1);
      }),
      RUNS,
    );
  });
});

/** A client whose fetch records the URLs it is asked for and answers an empty list. */
function recordingClient(): { client: TableApiClient; urls: URL[] } {
  const urls: URL[] = [];
  const fetch = async (input: RequestInfo | URL): Promise<Response> => {
    urls.push(new URL(String(input)));
    return new Response(JSON.stringify({ result: input.toString().match(/\/[0-9a-f]{32}\?/) ? {} : [] }), {
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return {
    client: new TableApiClient({ baseUrl: 'https://acme.example', fetch, retry: { retries: 0 } }),
    urls,
  };
}

describe('hostile values never change the URL beyond their own parameter', () => {
  test('search text travels only inside sysparm_query, intact', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (text) => {
        const { client, urls } = recordingClient();
        let query: EncodedQuery;
        try {
          query = q.startsWith('name', text);
        } catch {
          return;
        }
        await client.list('customer_contact', { query, fields: ['sys_id', 'name'], limit: 5 });
        const [url] = urls;
        assert.ok(url);
        assert.equal(url.pathname, '/api/now/table/customer_contact');
        assert.equal(url.searchParams.get('sysparm_query'), `nameSTARTSWITH${text}`);
        assert.deepEqual([...new Set(url.searchParams.keys())].sort(), [
          'sysparm_exclude_reference_link',
          'sysparm_fields',
          'sysparm_limit',
          'sysparm_query',
        ]);
        assert.equal(url.searchParams.get('sysparm_limit'), '5');
        assert.equal(url.hash, '');
      }),
      { numRuns: 500 },
    );
  });

  test('an id or a table name that is not one is refused before any request', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (id, table) => {
        const { client, urls } = recordingClient();
        const sysId = /^[0-9a-f]{32}$/i.test(id);
        const tableOk = /^[a-z_][a-z0-9_]*$/.test(table);
        try {
          await client.get(table, id);
        } catch (error) {
          assert.ok(error instanceof QueryValueError || error instanceof QueryFieldError, String(error));
          assert.ok(!sysId || !tableOk);
          assert.equal(urls.length, 0);
          return;
        }
        assert.ok(sysId && tableOk);
        assert.equal(urls[0]?.pathname, `/api/now/table/${table}/${id}`);
      }),
      { numRuns: 500 },
    );
    const { client, urls } = recordingClient();
    for (const id of [
      '../sys_user',
      `${'a'.repeat(32)}/../x`,
      `${'a'.repeat(32)}?sysparm_query=x`,
      'a'.repeat(31),
    ]) {
      await assert.rejects(client.get('customer_contact', id), QueryValueError);
      await assert.rejects(client.remove('customer_contact', id), QueryValueError);
      await assert.rejects(client.update('customer_contact', id, { name: 'x' }), QueryValueError);
    }
    await assert.rejects(client.list('customer_contact/../sys_user'), QueryFieldError);
    assert.equal(urls.length, 0);
  });

  test('field names are identifiers: nothing else reaches sysparm_fields or the query', () => {
    fc.assert(
      fc.property(hostile, (field) => {
        const ok = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/.test(field);
        try {
          q.eq(field, 'x');
          q.orderBy(field);
          assert.ok(ok, JSON.stringify(field));
        } catch (error) {
          assert.ok(error instanceof QueryFieldError);
          assert.ok(!ok);
        }
      }),
      RUNS,
    );
  });
});
