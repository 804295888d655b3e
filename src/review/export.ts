/**
 * Export of a review: CSV (one table a spreadsheet opens cleanly, formula injection neutralised) and
 * JSON (the matrix, the findings and the decisions), each with reviewer, instance and time. Pure.
 * The findings' sentences come from the caller's `describe` (the element and the CLI pass the one
 * formatter, `describeFinding`): the review itself returns data only.
 */
import { formatRef } from '../model/kinds.js';
import type { Decision } from './decisions.js';
import type { DescribeFinding, Finding, MatrixRow, ReviewResult } from './types.js';

export interface ReviewExportMeta {
  readonly reviewer: string;
  readonly instance: string;
  /** ISO 8601 time of the export. */
  readonly exportedAt: string;
  /** What was reviewed, e.g. `account:…` or `case:…`. */
  readonly scope: string;
}

/**
 * A cell a spreadsheet will not run as a formula: text starting with `=`, `+`, `-`, `@`, a tab or
 * a carriage return gets a leading apostrophe (OWASP's advice for CSV injection).
 */
export function neutralizeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV field: neutralised, quoted when it holds a quote, comma, line break or edge space. */
export function csvField(value: string | number | undefined): string {
  const text = neutralizeCell(value === undefined ? '' : String(value));
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const COLUMNS = [
  'section',
  'severity',
  'kind',
  'principal',
  'entity',
  'level',
  'paths',
  'record',
  'summary',
  'evidence',
  'suggested fix',
  'decision',
  'reviewer',
  'instance',
  'exported at',
  'scope',
] as const;

function decisionText(decisions: ReadonlyMap<string, Decision>, finding: Finding): string {
  const decision = decisions.get(finding.id);
  if (!decision) return '';
  return decision.action === 'change-type'
    ? `change type to ${decision.type ?? finding.fix.type?.id ?? '?'}`
    : decision.action;
}

/** The review as CSV (CRLF line ends, UTF-8 byte order mark for spreadsheets). */
export function reviewToCsv(
  result: ReviewResult,
  decisions: Iterable<Decision>,
  meta: ReviewExportMeta,
  describe: DescribeFinding,
): string {
  const decided = new Map([...decisions].map((d) => [d.findingId, d]));
  const common = [meta.reviewer, meta.instance, meta.exportedAt, meta.scope];
  const lines: (string | number | undefined)[][] = [[...COLUMNS]];
  for (const f of result.findings) {
    const text = describe(f);
    lines.push([
      'finding',
      f.severity,
      f.kind,
      f.principals?.map((p) => formatRef(p)).join(' '),
      f.entity ? `${formatRef(f.entity)} ${f.entityLabel ?? ''}`.trim() : f.partyLabel,
      '',
      '',
      f.recordId,
      text.summary,
      text.evidence.join('; '),
      text.fix,
      decisionText(decided, f),
      ...common,
    ]);
  }
  for (const r of result.rows) {
    lines.push([
      'access',
      '',
      '',
      `${formatRef(r.principal)} ${r.principalLabel}`,
      `${formatRef(r.entity)} ${r.entityLabel}`,
      r.level,
      r.paths.map((p) => `${p.kind}: ${p.label}`).join('; '),
      '',
      '',
      r.nearMisses.join('; '),
      '',
      '',
      ...common,
    ]);
  }
  return `\uFEFF${lines.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * The review as a JSON document. Each finding carries its sentences (`summary`, `evidence`,
 * `fix.text`) next to its data (`detail`: the code and the parameters they are written from).
 */
export function reviewToJson(
  result: ReviewResult,
  decisions: Iterable<Decision>,
  meta: ReviewExportMeta,
  describe: DescribeFinding,
): string {
  const document = {
    format: 'cam-access-review',
    version: 1,
    ...meta,
    findings: result.findings.map((f) => {
      const text = describe(f);
      const { id, kind, severity, fix, ...rest } = f;
      return {
        id,
        kind,
        severity,
        summary: text.summary,
        evidence: text.evidence,
        fix: { ...fix, text: text.fix },
        ...rest,
      };
    }),
    decisions: [...decisions],
    matrix: result.rows.map((r: MatrixRow) => ({
      ...r,
      principal: formatRef(r.principal),
      entity: formatRef(r.entity),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
