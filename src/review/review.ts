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

/** Every rule's findings, most serious first. */
export function findingsOf(world: ReviewWorld, options: ReviewOptions): Finding[] {
  const findings = [
    ...responsibilityWithoutRole(world),
    ...stalePersons(world),
    ...duplicatePersons(world),
    ...accountParties(world),
    ...openAccounts(world),
    ...listedOnWorkedRecords(world),
    ...closedRecordParties(world, options.now, options.closedDays),
  ];
  return findings.sort(
    (a, b) =>
      compareSeverity(b.severity, a.severity) ||
      FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind) ||
      (a.entityLabel ?? '').localeCompare(b.entityLabel ?? '') ||
      a.id.localeCompare(b.id),
  );
}

/**
 * Reviews the entities of `scope` (every entity of the facts when omitted): who reaches each and
 * how, and what looks wrong.
 */
export function reviewAccess(
  engine: AccessEngine,
  options: ReviewOptions & { readonly scope?: readonly EntityRef[] },
): ReviewResult {
  const facts = engine.facts;
  const scope = options.scope ?? [
    ...facts.cases.map((c) => ({ kind: 'case' as const, id: c.id })),
    ...facts.soldProducts.map((s) => ({ kind: 'sold_product' as const, id: s.id })),
    ...facts.installBase.map((i) => ({ kind: 'install_base' as const, id: i.id })),
  ];
  const world = new ReviewWorld(engine, scope);
  return { rows: buildMatrix(world), findings: findingsOf(world, options) };
}
