/**
 * The what-if assessment of a party about to be added (pure): the engine's validation issues,
 * who gains what (levels before → after on the entity and everything it cascades to), and near
 * misses on the hypothetical state ("will have the responsibility but no access: lacks role …").
 */
import { AccessEngine } from '../../src/access/engine.js';
import type { PartyChange, ValidationIssue } from '../../src/access/types.js';
import type { RelatedPartyRecord } from '../../src/model/facts.js';
import type { AccessLevel, EntityRef, PartyRef, PrincipalRef } from '../../src/model/kinds.js';
import { compareLevels, formatRef } from '../../src/model/kinds.js';

/** The id of the hypothetical record (never sent). */
export const PREVIEW_ID = 'preview';

/** Principals whose near misses are looked for, at most (an account may have hundreds). */
const EXPLAIN_LIMIT = 25;

/** What the user is about to save. */
export interface Proposal {
  readonly entity: EntityRef;
  readonly party: PartyRef;
  /** Relationship type id. */
  readonly type: string;
  readonly responsibility?: string;
}

/** One principal's access to one entity before and after. */
export interface Gain {
  readonly principal: PrincipalRef;
  readonly principalName: string;
  readonly entity: EntityRef;
  readonly entityLabel: string;
  readonly before: AccessLevel;
  readonly after: AccessLevel;
}

/** Why someone the party stands for will get less than the type suggests. */
export interface PreviewWarning {
  readonly principalName: string;
  /** Roles the principal lacks, when that is the reason. */
  readonly missingRoles?: readonly string[];
  readonly reason: string;
}

export interface Assessment {
  /** Validation errors (block saving) and warnings. */
  readonly issues: readonly ValidationIssue[];
  /** Level changes; empty when no one gains access. Not computed when there are errors. */
  readonly gains: readonly Gain[];
  readonly warnings: readonly PreviewWarning[];
}

/** The hypothetical record of a proposal. */
export function proposedRecord(proposal: Proposal): RelatedPartyRecord {
  const { entity, party, type, responsibility } = proposal;
  return { id: PREVIEW_ID, entity, party, type, ...(responsibility ? { responsibility } : {}) };
}

/** True when an issue blocks saving. */
export function isBlocking(issue: ValidationIssue): boolean {
  return issue.severity === 'error';
}

/** Validates the proposal and, when it is valid, previews its effect. */
export function assess(engine: AccessEngine, proposal: Proposal): Assessment {
  const record = proposedRecord(proposal);
  const change: PartyChange = { op: 'add', record };
  const issues = engine.validate(change);
  if (issues.some(isBlocking)) return { issues, gains: [], warnings: [] };
  const results = engine.whatIf(change);
  const labels = labelsOf(engine);
  const gains = results
    .filter((r) => compareLevels(r.after, r.before) !== 0)
    .map((r) => ({
      ...r,
      principalName: labels.get(formatRef(r.principal)) ?? r.principal.id,
      entityLabel: labels.get(formatRef(r.entity)) ?? r.entity.id,
    }));
  const onEntity = results.filter(
    (r) => r.entity.kind === proposal.entity.kind && r.entity.id === proposal.entity.id,
  );
  return {
    issues,
    gains,
    warnings: nearMisses(
      engine,
      record,
      onEntity.map((r) => r.principal),
    ),
  };
}

/** Near misses of the hypothetical record, on an engine that holds it (the shared one is not touched). */
function nearMisses(
  engine: AccessEngine,
  record: RelatedPartyRecord,
  principals: readonly PrincipalRef[],
): PreviewWarning[] {
  if (principals.length === 0) return [];
  const hypothetical = new AccessEngine(engine.definitions, {
    ...engine.facts,
    relatedParties: [...engine.records, record],
  });
  return principals.slice(0, EXPLAIN_LIMIT).flatMap((principal) => {
    const explanation = hypothetical.explain(principal, record.entity);
    return explanation.nearMisses
      .filter((miss) => miss.recordId === PREVIEW_ID && miss.code !== 'no-responsibility')
      .map((miss) => ({
        principalName: explanation.principalLabel,
        reason: miss.reason,
        ...(miss.missingRoles?.length ? { missingRoles: miss.missingRoles } : {}),
      }));
  });
}

/** Display names of principals and entities, by `kind:id`. */
function labelsOf(engine: AccessEngine): Map<string, string> {
  const facts = engine.facts;
  const labels = new Map<string, string>();
  for (const c of facts.contacts) labels.set(`contact:${c.id}`, c.name);
  for (const c of facts.consumers) labels.set(`consumer:${c.id}`, c.name);
  for (const u of facts.users) labels.set(`user:${u.id}`, u.name);
  for (const c of facts.cases) labels.set(`case:${c.id}`, c.number);
  for (const p of facts.soldProducts) labels.set(`sold_product:${p.id}`, p.name);
  for (const i of facts.installBase) labels.set(`install_base:${i.id}`, i.name);
  return labels;
}
