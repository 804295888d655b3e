/**
 * The reviewer's decisions → the party changes to send. One change per record: two findings about
 * the same record with the same decision merge; contradictory ones are refused. Pure.
 */
import type { PartyChange } from '../access/types.js';
import type { DecisionAction, Finding } from './types.js';

export interface Decision {
  readonly findingId: string;
  readonly action: DecisionAction;
  /** The relationship type id, for `change-type` (default: the finding's suggested type). */
  readonly type?: string;
}

/** One change to one related-party record, and the findings it settles. */
export interface PlannedChange {
  readonly recordId: string;
  readonly change: Extract<PartyChange, { op: 'remove' | 'retype' }>;
  readonly findingIds: readonly string[];
}

/** A decision that cannot be applied, and why. */
export interface DecisionProblem {
  readonly findingId: string;
  readonly message: string;
}

export interface ChangePlan {
  readonly changes: readonly PlannedChange[];
  readonly problems: readonly DecisionProblem[];
}

/** The decision a reviewer starts from for a finding: its suggested fix when it is a record change. */
export function suggestedDecision(finding: Finding): Decision {
  const { fix } = finding;
  if (fix.action === 'change-type' && fix.type)
    return { findingId: finding.id, action: 'change-type', type: fix.type.id };
  return { findingId: finding.id, action: fix.action };
}

export function planChanges(findings: readonly Finding[], decisions: Iterable<Decision>): ChangePlan {
  const byId = new Map(findings.map((f) => [f.id, f]));
  const problems: DecisionProblem[] = [];
  const planned = new Map<string, { change: PlannedChange['change']; findingIds: string[] }>();
  const refused = new Set<string>();
  for (const decision of decisions) {
    if (decision.action === 'keep') continue;
    const finding = byId.get(decision.findingId);
    if (!finding) {
      problems.push({ findingId: decision.findingId, message: 'The finding is no longer in the review.' });
      continue;
    }
    const recordId = finding.fix.recordId ?? finding.recordId;
    if (recordId === undefined) {
      problems.push({
        findingId: finding.id,
        message: 'This finding is not about a party record: fix it where the fix says.',
      });
      continue;
    }
    let change: PlannedChange['change'];
    if (decision.action === 'remove') change = { op: 'remove', recordId };
    else {
      const type = decision.type ?? finding.fix.type?.id;
      if (!type) {
        problems.push({ findingId: finding.id, message: 'Pick the relationship type to change to.' });
        continue;
      }
      change = { op: 'retype', recordId, type };
    }
    const existing = planned.get(recordId);
    if (refused.has(recordId)) {
      problems.push({
        findingId: finding.id,
        message: `Other decisions about record ${recordId} contradict this one.`,
      });
    } else if (!existing) {
      planned.set(recordId, { change, findingIds: [finding.id] });
    } else if (sameChange(existing.change, change)) {
      existing.findingIds.push(finding.id);
    } else {
      planned.delete(recordId);
      refused.add(recordId);
      for (const id of [...existing.findingIds, finding.id])
        problems.push({
          findingId: id,
          message: `Decisions about record ${recordId} contradict each other: choose one.`,
        });
    }
  }
  return {
    changes: [...planned].map(([recordId, { change, findingIds }]) => ({ recordId, change, findingIds })),
    problems,
  };
}

function sameChange(a: PlannedChange['change'], b: PlannedChange['change']): boolean {
  if (a.op === 'remove' || b.op === 'remove') return a.op === b.op;
  return a.type === b.type;
}
