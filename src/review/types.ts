/**
 * The access review's vocabulary: the matrix of who reaches what (and how), and the findings the
 * rules raise over it. Pure data: no DOM, no I/O.
 */
import type { AccessLevel, EntityRef, PartyRef, PrincipalRef } from '../model/kinds.js';

/** How serious a finding is, lowest first. */
export const SEVERITIES = ['info', 'low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Compares two severities: positive when `a` is more serious than `b`. */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);
}

/** Parses a severity name; undefined for anything else. */
export function parseSeverity(text: string): Severity | undefined {
  return SEVERITIES.find((s) => s === text.toLowerCase());
}

/** The rules of the review (docs/access-review.md describes each). */
export const FINDING_KINDS = [
  'responsibility-without-role',
  'inactive-person',
  'outside-account',
  'duplicate-person',
  'account-party',
  'open-account',
  'listed-on-worked-record',
  'closed-record-party',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** What the reviewer can decide for a finding. */
export type DecisionAction = 'keep' | 'remove' | 'change-type';

/** The fix a rule suggests. */
export interface SuggestedFix {
  /** The decision that applies it; `keep` when the fix happens outside the related parties. */
  readonly action: DecisionAction;
  /** For `change-type`: the relationship type to switch to. */
  readonly type?: { readonly id: string; readonly name: string };
  /** For `remove` / `change-type`: the related-party record to change. */
  readonly recordId?: string;
  /** The fix in one sentence. */
  readonly text: string;
}

/** One thing that looks wrong, with what proves it and what to do about it. */
export interface Finding {
  /** Stable across runs over the same facts (kind + subject), so decisions can be kept. */
  readonly id: string;
  readonly kind: FindingKind;
  readonly severity: Severity;
  /** One sentence saying what is wrong. */
  readonly summary: string;
  /** The facts behind it, one sentence each. */
  readonly evidence: readonly string[];
  readonly fix: SuggestedFix;
  readonly entity?: EntityRef;
  readonly entityLabel?: string;
  /** The related-party record at fault, when there is one. */
  readonly recordId?: string;
  readonly party?: PartyRef;
  readonly partyLabel?: string;
  /** People concerned (those lacking a role, the duplicated person…). */
  readonly principals?: readonly PrincipalRef[];
  /** A count the rule is about (contacts an account opens records to…). */
  readonly count?: number;
}

/**
 * How a principal reaches an entity. `kind` is one of `party-record`, `account-party`,
 * `service-organization-party`, `household-party`, `cascade`, `owner`, `account-default`,
 * `global-role`, `persona-role`, or any other grant source the engine reports, unchanged.
 */
export interface AccessPath {
  readonly kind: string;
  /** The path in a few words, e.g. "Authorized Contact on sold product Fleet Telematics Suite". */
  readonly label: string;
  readonly level: AccessLevel;
  /** The related-party record the path starts from, when it starts from one. */
  readonly recordId?: string;
}

/** One cell of the matrix: a principal's access to an entity, with every path and near miss. */
export interface MatrixRow {
  readonly principal: PrincipalRef;
  readonly principalLabel: string;
  readonly entity: EntityRef;
  readonly entityLabel: string;
  readonly level: AccessLevel;
  readonly paths: readonly AccessPath[];
  /** Why paths that could grant do not (only for principals some party record reaches). */
  readonly nearMisses: readonly string[];
}

/** Options of the rules. */
export interface ReviewOptions {
  /** `closed-record-party`: parties of records closed longer than this many days (default 90). */
  readonly closedDays?: number;
  /** The time the review is made (ms since the epoch): the rules never read the clock. */
  readonly now: number;
}

/** Matrix and findings of one scope. */
export interface ReviewResult {
  readonly rows: readonly MatrixRow[];
  readonly findings: readonly Finding[];
}
