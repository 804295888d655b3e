import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const EXAMPLES = 'examples/access-tests';
const exampleFiles = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => join(EXAMPLES, f));

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

/** The one-line error of an unusable input. */
function assertUsageError(run: Run, message: RegExp): void {
  assert.equal(run.code, 2, run.stdout + run.stderr);
  assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  assert.match(run.stderr, message);
}

let dir = '';
/** Writes a JSON file in a temporary directory and returns its path. */
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** The rule-1 example with one expectation turned wrong (Bea lacks the role, so "write" fails). */
function failingExample(): unknown {
  const doc = JSON.parse(readFileSync(join(EXAMPLES, 'responsibility-without-role.json'), 'utf8')) as {
    tests: { principal: string; level?: string }[];
  };
  const bea = doc.tests.find((t) => t.principal === 'contact:bea');
  assert.ok(bea);
  bea.level = 'write';
  return doc;
}

describe('cli/access.ts', () => {
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'access-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('prints usage on no arguments (exit 2) and on --help (exit 0)', async () => {
    const bare = await cli();
    assert.equal(bare.code, 2);
    assert.match(bare.stdout, /Usage:[\s\S]*check FILE[\s\S]*explain FILE PRINCIPAL ENTITY/);
    const help = await cli('--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage:/);
  });

  for (const path of exampleFiles) {
    test(`check ${path}: every test passes, exit 0`, async () => {
      const run = await cli('check', path);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.doesNotMatch(run.stdout, /FAIL/);
      assert.equal(run.stderr, '', 'no warnings about the definitions');
      assert.match(run.stdout, /: \d+ passed, 0 failed\n$/);
    });
  }

  test('check prints a failure with its explanation and exits 1', async () => {
    const run = await cli('check', file('failing.json', failingExample()));
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /FAIL {2}contact:bea → case:cs1: expected write, got none/);
    // The explanation of the near miss names the missing role.
    const failure = run.stdout.slice(run.stdout.indexOf('FAIL'));
    assert.match(failure, /^ {4}.*\n[\s\S]*sn_customerservice\.case_authorized_contact/m);
    assert.match(run.stdout, /: 5 passed, 1 failed\n$/);
  });

  test('check --json prints [{principal, entity, level, expected, pass}]', async () => {
    const run = await cli('check', file('failing-json.json', failingExample()), '--json');
    assert.equal(run.code, 1);
    const rows = JSON.parse(run.stdout) as Record<string, unknown>[];
    assert.equal(rows.length, 6);
    for (const row of rows)
      assert.deepEqual(Object.keys(row).sort(), ['entity', 'expected', 'level', 'pass', 'principal']);
    assert.deepEqual(rows[1], {
      principal: 'contact:bea',
      entity: 'case:cs1',
      level: 'none',
      expected: 'write',
      pass: false,
    });
    assert.equal(rows.filter((r) => r.pass === true).length, 5);
  });

  test('check --json on a passing file exits 0 and reports "can" expectations', async () => {
    const run = await cli('check', join(EXAMPLES, 'sold-product-cascade.json'), '--json');
    assert.equal(run.code, 0);
    const rows = JSON.parse(run.stdout) as { expected: string; level: string; pass: boolean }[];
    assert.ok(rows.some((r) => r.expected === 'can create' && r.level === 'full' && r.pass));
  });

  test('explain prints the reasons tree', async () => {
    const run = await cli('explain', join(EXAMPLES, 'housing-loan.json'), 'consumer:omar', 'case:loan1');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /write/);
    assert.match(run.stdout, /Co-borrower/);
    assert.match(run.stdout, /x_bank\.loan_party/);
    assert.match(run.stdout, /case_write_granular/);
  });

  test('an unreadable file: one line, exit 2', async () => {
    assertUsageError(
      await cli('check', join(dir, 'missing.json')),
      /^access: .*missing\.json: cannot read \(ENOENT\)/,
    );
  });

  test('a file that is not JSON: one line, exit 2', async () => {
    assertUsageError(await cli('check', file('bad.json', '{"definitions": ')), /bad\.json: not valid JSON/);
  });

  test('a bad reference: one line naming the place, exit 2', async () => {
    const doc = failingExample() as { facts: { relatedParties: { party: string }[] } };
    const first = doc.facts.relatedParties[0];
    assert.ok(first);
    first.party = 'contakt:eve';
    assertUsageError(
      await cli('check', file('ref.json', doc)),
      /ref\.json: facts\.relatedParties\[0\]\.party: "contakt:eve"/,
    );
  });

  test('personas lists the persona rows in force with their source; --json prints them', async () => {
    const run = await cli('personas', join(EXAMPLES, 'persona-agents.json'));
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /^agent_cases: sn_customerservice_agent → case, all, full; for user, contact \[host\]$/m,
    );
    assert.match(
      run.stdout,
      /^customer_account_sold_products: sn_customerservice\.customer → sold_product, account, read; for contact, unless the account restricts contact access \[builtin\]$/m,
    );
    const json = await cli('personas', join(EXAMPLES, 'persona-agents.json'), '--json');
    const rows = JSON.parse(json.stdout) as { id: string; source: string }[];
    assert.deepEqual(
      rows.filter((r) => r.source === 'host').map((r) => r.id),
      ['agent_cases'],
    );
  });

  test('a role that does not exist (held, or in a persona row): one line naming the place, exit 2', async () => {
    const held = {
      definitions: 'builtin',
      facts: { contacts: [{ id: 'ada', roles: ['sn_customerservice.custmer_admin'] }] },
    };
    assertUsageError(
      await cli('check', file('held.json', held)),
      /held\.json: facts\.contacts\[0\]\.roles\[0\]: unknown role "sn_customerservice\.custmer_admin"/,
    );
    const row = {
      definitions: 'builtin',
      extend: {
        personaGrants: [
          { id: 'x', role: 'csm_admn', table: 'case', level: 'read', scope: 'all', principals: ['user'] },
        ],
      },
    };
    assertUsageError(
      await cli('check', file('row.json', row)),
      /row\.json: extend\.personaGrants\[0\]\.role: unknown role "csm_admn"/,
    );
  });

  test('a bad field: one line naming the place, exit 2', async () => {
    assertUsageError(
      await cli(
        'check',
        file('field.json', {
          definitions: 'builtin',
          tests: [{ principal: 'contact:x', entity: 'case:y', levle: 'read' }],
        }),
      ),
      /field\.json: tests\[0\]\.levle: unknown field/,
    );
  });

  test('explain with an unknown principal or entity: one line, exit 2', async () => {
    const path = join(EXAMPLES, 'housing-loan.json');
    assertUsageError(
      await cli('explain', path, 'consumer:nobody', 'case:loan1'),
      /PRINCIPAL: unknown consumer "nobody"/,
    );
    assertUsageError(await cli('explain', path, 'consumer:omar', 'case:nope'), /ENTITY: unknown case "nope"/);
    assertUsageError(await cli('explain', path, 'account:x', 'case:loan1'), /PRINCIPAL: "account:x" is not/);
  });

  test('wrong arguments and unknown options: one line, exit 2', async () => {
    assertUsageError(await cli('check'), /wrong arguments/);
    assertUsageError(await cli('frobnicate', 'x'), /unknown command/);
    assertUsageError(await cli('check', 'x.json', '--bogus'), /--bogus/);
  });
});
