/** Runs the review over one engine and scope: the matrix and every rule's findings. Pure. */
import type { AccessEngine } from '../access/engine.js';
import type { EntityRef } from '../model/kinds.js';
import { buildMatrix } from './matrix.js';
import { closedRecordParties } from './rules/closed-record-party.js';
import { duplicatePersons } from './rules/duplicate-person.js';
import { listedOnWorkedRecords } from './rules/listed-on-worked-record.js';
import { accountParties, openAccounts } from './rules/open-to-contacts.js';
import { responsibilityWithoutRole } from './rules/responsibility-without-role.js';
import { stalePersons } from './rules/stale-person.js';
import {
  compareSeverity,
  FINDING_KINDS,
  type Finding,
  type ReviewOptions,
  type ReviewResult,
} from './types.js';
import { ReviewWorld } from './world.js';

/** The rules about records: any slice of the scope can be reviewed on its own. */
export function recordFindings(world: ReviewWorld, options: ReviewOptions): Finding[] {
  return [
    ...responsibilityWithoutRole(world),
    ...stalePersons(world),
    ...duplicatePersons(world),
    ...accountParties(world),
    ...listedOnWorkedRecords(world),
    ...closedRecordParties(world, options.now, options.closedDays),
  ];
}

/** The rules about the accounts of the scope: run once on the whole scope. */
export function accountFindings(world: ReviewWorld): Finding[] {
  return openAccounts(world);
}

/** Most serious first, then by rule, record and id. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      compareSeverity(b.severity, a.severity) ||
      FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind) ||
      (a.entityLabel ?? '').localeCompare(b.entityLabel ?? '') ||
      a.id.localeCompare(b.id),
  );
}

/** Every rule's findings, most serious first. */
export function findingsOf(world: ReviewWorld, options: ReviewOptions): Finding[] {
  return sortFindings([...recordFindings(world, options), ...accountFindings(world)]);
}

/** Every entity of the facts (cases, sold products, install base items). */
export function allEntities(engine: AccessEngine): EntityRef[] {
  const facts = engine.facts;
  return [
    ...facts.cases.map((c) => ({ kind: 'case' as const, id: c.id })),
    ...facts.soldProducts.map((s) => ({ kind: 'sold_product' as const, id: s.id })),
    ...facts.installBase.map((i) => ({ kind: 'install_base' as const, id: i.id })),
  ];
}

/**
 * Reviews the entities of `scope` (every entity of the facts when omitted): who reaches each and
 * how, and what looks wrong.
 */
export function reviewAccess(
  engine: AccessEngine,
  options: ReviewOptions & { readonly scope?: readonly EntityRef[] },
): ReviewResult {
  const scope = options.scope ?? allEntities(engine);
  const world = new ReviewWorld(engine, scope);
  return { rows: buildMatrix(world), findings: findingsOf(world, options) };
}
