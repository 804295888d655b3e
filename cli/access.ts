/**
 * `npm run access -- check FILE [--json]`, `npm run access -- explain FILE PRINCIPAL ENTITY` and
 * `npm run access -- personas FILE [--json]`: runs the tests of an access-test file
 * (docs/access-test-files.md) against the engine, explains one principal's access to one entity, or
 * lists the persona grant rows in force. Exit codes: 0 all pass, 1 a test fails, 2 unusable input.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { EntityRef, PrincipalRef } from '../src/model/index.js';
import { ENTITY_KINDS, PRINCIPAL_KINDS, formatRef, parseRef } from '../src/model/index.js';
import { AccessEngine } from '../src/access/engine.js';
import { personaGrantsOf } from '../src/access/builtin-persona-grants.js';
import { formatExplanation } from '../src/access/explain-format.js';
import {
  AccessTestFileError,
  MAX_ACCESS_TEST_FILE_BYTES,
  parseAccessTestFileText,
  type AccessTestFile,
} from '../src/access/test-file.js';
import { describeExpectation, describeTest, runAccessTests } from '../src/access/test-run.js';
import { audit, AUDIT_USAGE } from './audit.js';

const USAGE = `Usage:
  npm run access -- check FILE [--json]
      Run the tests of an access-test file. Prints each test passed or failed, with the
      explanation of each failure; --json prints [{principal, entity, level, expected, pass}].
  npm run access -- explain FILE PRINCIPAL ENTITY
      Print why PRINCIPAL (e.g. contact:ana) has its access to ENTITY (e.g. case:cs1).
${AUDIT_USAGE.replace(/^Usage:\n/, '')}
  npm run access -- personas FILE [--json]
      List the persona grant rows the file's definitions use (built-in, host or imported):
      role → table, scope, level, for which principal kinds.

Exit status: 0 every test passes, 1 a test fails, 2 the input cannot be used.
File format: docs/access-test-files.md`;

/** Input the CLI cannot use; printed on one line, exit 2. */
class UsageError extends Error {}

function load(file: string): AccessTestFile {
  let text: string;
  try {
    if (statSync(file).size > MAX_ACCESS_TEST_FILE_BYTES) {
      throw new AccessTestFileError('', `too large (the limit is ${MAX_ACCESS_TEST_FILE_BYTES} bytes)`, file);
    }
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof AccessTestFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: cannot read (${code ?? (error as Error).message})`);
  }
  return parseAccessTestFileText(text, file);
}

function indent(text: string, prefix = '    '): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

function check(file: string, json: boolean): number {
  const parsed = load(file);
  const engine = new AccessEngine(parsed.definitions, parsed.facts);
  for (const problem of engine.problems) console.error(`access: warning: ${file}: ${problem.message}`);
  const results = runAccessTests(parsed, engine);
  if (json) {
    const rows = results.map((r) => ({
      principal: formatRef(r.test.principal),
      entity: formatRef(r.test.entity),
      level: r.level,
      expected: describeExpectation(r.test.expect),
      pass: r.pass,
    }));
    console.log(JSON.stringify(rows, null, 2));
  } else {
    for (const r of results) {
      const note = r.test.note ? ` (${r.test.note})` : '';
      if (r.pass) {
        console.log(`pass  ${describeTest(r.test)}: ${describeExpectation(r.test.expect)}${note}`);
      } else {
        console.log(
          `FAIL  ${describeTest(r.test)}: expected ${describeExpectation(r.test.expect)}, got ${r.level}${note}`,
        );
        console.log(indent(formatExplanation(engine.explain(r.test.principal, r.test.entity))));
      }
    }
    const failed = results.filter((r) => !r.pass).length;
    console.log(`${file}: ${results.length - failed} passed, ${failed} failed`);
  }
  return results.every((r) => r.pass) ? 0 : 1;
}

function ref<K extends string>(
  text: string,
  kinds: readonly K[],
  what: string,
  exists: (ref: { kind: K; id: string }) => boolean,
): { kind: K; id: string } {
  let parsed: { kind: K; id: string };
  try {
    parsed = parseRef(text, kinds);
  } catch (error) {
    throw new UsageError(`${what}: ${(error as Error).message}`);
  }
  if (!exists(parsed))
    throw new UsageError(`${what}: unknown ${parsed.kind.replace('_', ' ')} "${parsed.id}"`);
  return parsed;
}

function explain(file: string, principalText: string, entityText: string): number {
  const parsed = load(file);
  const { facts } = parsed;
  const principals = { contact: facts.contacts, consumer: facts.consumers, user: facts.users };
  const entities = { case: facts.cases, sold_product: facts.soldProducts, install_base: facts.installBase };
  const principal: PrincipalRef = ref(principalText, PRINCIPAL_KINDS, 'PRINCIPAL', (r) =>
    principals[r.kind].some((p) => p.id === r.id),
  );
  const entity: EntityRef = ref(entityText, ENTITY_KINDS, 'ENTITY', (r) =>
    entities[r.kind].some((e) => e.id === r.id),
  );
  const engine = new AccessEngine(parsed.definitions, parsed.facts);
  console.log(formatExplanation(engine.explain(principal, entity)));
  return 0;
}

function personas(file: string, json: boolean): number {
  const rows = personaGrantsOf(load(file).definitions);
  if (json) {
    console.log(JSON.stringify(rows, null, 2));
    return 0;
  }
  for (const g of rows) {
    const off = g.active === false ? ' (off)' : '';
    const restrict =
      g.respectsRestrictContactAccess === true ? ', unless the account restricts contact access' : '';
    console.log(
      `${g.id}${off}: ${g.role} → ${g.table}, ${g.scope}, ${g.level}; for ${g.principals.join(', ')}${restrict} [${g.source}]`,
    );
  }
  return 0;
}

function main(argv: readonly string[]): number {
  if (argv[0] === 'audit') return audit(argv.slice(1));
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  if (command === 'check' && rest.length === 1 && rest[0]) return check(rest[0], values.json === true);
  if (command === 'personas' && rest.length === 1 && rest[0]) return personas(rest[0], values.json === true);
  if (command === 'explain' && rest.length === 3 && !values.json) {
    const [file = '', principal = '', entity = ''] = rest;
    return explain(file, principal, entity);
  }
  throw new UsageError(`unknown command or wrong arguments: ${positionals.join(' ')} (see --help)`);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // parseArgs reports an unknown option with a TypeError whose code starts ERR_PARSE_ARGS.
  const argsError =
    error instanceof Error && String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
  if (error instanceof AccessTestFileError || error instanceof UsageError || argsError) {
    console.error(`access: ${error.message.split('\n')[0]}`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
