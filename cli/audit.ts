/**
 * `npm run -s access -- audit FILE [--json | --csv] [--fail-on SEVERITY] [--closed-days N] [--now TIME]`:
 * the access review's findings for an access-test file or an inspector export (same format). Exit
 * 1 when a finding at or above `--fail-on` exists, 2 on unusable input, else 0.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AccessEngine } from '../src/access/engine.js';
import {
  AccessTestFileError,
  MAX_ACCESS_TEST_FILE_BYTES,
  parseAccessTestFileText,
} from '../src/access/test-file.js';
import {
  DEFAULT_CLOSED_DAYS,
  SEVERITIES,
  compareSeverity,
  parseSeverity,
  reviewAccess,
  reviewToCsv,
  reviewToJson,
  type Finding,
  type Severity,
} from '../src/review/index.js';
import { describeFinding } from '../components/access-review/finding-text.js';

export const AUDIT_USAGE = `Usage:
  npm run -s access -- audit FILE [--json | --csv] [--fail-on SEVERITY] [--closed-days N] [--now TIME]
      The access review of every case, sold product and install base item of the file's facts:
      findings with severity, evidence and suggested fix. --json / --csv print the findings and
      the access matrix (CSV cells that could run as formulas are neutralised).
      --fail-on ${SEVERITIES.join('|')}: exit 1 when a finding at or above it exists.
      --closed-days N: parties of cases closed longer than N days (default ${DEFAULT_CLOSED_DAYS}).
      --now TIME: the review's time (ISO 8601; default now).`;

function fail(message: string): number {
  console.error(`access: ${message}`);
  return 2;
}

function readText(file: string): string {
  try {
    if (statSync(file).size > MAX_ACCESS_TEST_FILE_BYTES)
      throw new AccessTestFileError('', `too large (the limit is ${MAX_ACCESS_TEST_FILE_BYTES} bytes)`, file);
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof AccessTestFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new AccessTestFileError('', `cannot read (${code ?? (error as Error).message})`, file);
  }
}

function printText(file: string, findings: readonly Finding[]): void {
  for (const f of findings) {
    const text = describeFinding(f);
    console.log(`${f.severity.toUpperCase().padEnd(6)} ${f.kind}: ${text.summary}`);
    for (const line of text.evidence) console.log(`         - ${line}`);
    console.log(`         fix: ${text.fix}`);
  }
  const counts = SEVERITIES.map((s) => `${findings.filter((f) => f.severity === s).length} ${s}`).reverse();
  console.log(
    `${file}: ${findings.length} finding${findings.length === 1 ? '' : 's'} (${counts.join(', ')})`,
  );
}

/** Runs the audit command; returns the exit status. */
export function audit(argv: readonly string[]): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      'fail-on': { type: 'string' },
      'closed-days': { type: 'string' },
      now: { type: 'string' },
    },
    allowPositionals: true,
  });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) return fail(`audit takes one FILE\n${AUDIT_USAGE}`);
  if (values.json && values.csv) return fail('choose --json or --csv, not both');
  let threshold: Severity | undefined;
  if (values['fail-on'] !== undefined) {
    threshold = parseSeverity(values['fail-on']);
    if (!threshold) return fail(`--fail-on must be one of ${SEVERITIES.join(', ')}`);
  }
  const closedDays =
    values['closed-days'] === undefined ? DEFAULT_CLOSED_DAYS : Number(values['closed-days']);
  if (!Number.isInteger(closedDays) || closedDays < 0)
    return fail('--closed-days must be a whole number of days');
  const now = values.now === undefined ? Date.now() : Date.parse(values.now);
  if (!Number.isFinite(now)) return fail('--now must be an ISO 8601 time');

  const parsed = parseAccessTestFileText(readText(file), file);
  const engine = new AccessEngine(parsed.definitions, parsed.facts);
  for (const problem of engine.problems) console.error(`access: warning: ${file}: ${problem.message}`);
  const result = reviewAccess(engine, { now, closedDays });
  const meta = {
    reviewer: 'access audit (CLI)',
    instance: file,
    exportedAt: new Date(now).toISOString(),
    scope: file,
  };
  if (values.json) process.stdout.write(reviewToJson(result, [], meta, describeFinding));
  else if (values.csv) process.stdout.write(reviewToCsv(result, [], meta, describeFinding));
  else printText(file, result.findings);
  const failing = threshold && result.findings.some((f) => compareSeverity(f.severity, threshold) >= 0);
  return failing ? 1 : 0;
}
