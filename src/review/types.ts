/**
 * The access review's vocabulary: the matrix of who reaches what (and how), and the findings the
 * rules raise over it. Pure data: no DOM, no I/O.
 */
import type { EntityMention, NearMissDetail } from '../access/types.js';
import type { AccessLevel, EntityRef, PartyKind, PartyRef, PrincipalRef } from '../model/kinds.js';

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
}

/** A party named in a finding: its kind and display name. */
export interface PartyMention {
  readonly kind: PartyKind;
  readonly label: string;
}

/**
 * What a finding says, as data: `code` (the finding's kind) and the parameters of its sentences —
 * display names, counts, levels, never sentences. `describeFinding`
 * (components/access-review/finding-text.ts) writes the summary, the evidence and the fix from it,
 * for the element, the exports and the CLI alike. Plain data (structured-clone safe).
 */
export type FindingDetail =
  | {
      readonly code: 'responsibility-without-role';
      /** The record's relationship type (its name). */
      readonly typeName: string;
      readonly on: EntityMention;
      readonly party: PartyMention;
      /** For a group party (account, service organization, household): how many members it has. */
      readonly members?: number;
      /** Every role someone lacks. */
      readonly roles: readonly string[];
      /** How many people lack a role. */
      readonly lackingCount: number;
      /** The first of them (at most 10), each with the engine's near miss. */
      readonly lacking: readonly { readonly name: string; readonly miss: NearMissDetail }[];
    }
  | {
      readonly code: 'inactive-person';
      readonly personKind: 'contact' | 'consumer' | 'user';
      readonly person: string;
      readonly typeName: string;
      readonly on: EntityMention;
      readonly recordId: string;
    }
  | {
      readonly code: 'outside-account';
      readonly person: string;
      readonly typeName: string;
      readonly on: EntityMention;
      /** The account the record belongs to (its name). */
      readonly account: string;
      /** The contact's own account (its name); absent when they belong to none. */
      readonly personAccount?: string;
    }
  | {
      readonly code: 'duplicate-person';
      readonly person: string;
      readonly on: EntityMention;
      /** Each party record that reaches them: named directly, or as a member of a group party. */
      readonly records: readonly {
        readonly recordId: string;
        readonly typeName: string;
        /** The group party they are a member of; absent when they are named themselves. */
        readonly memberOf?: PartyMention;
      }[];
      /** The record whose removal lowers nobody's access, when there is one. */
      readonly redundant?: { readonly recordId: string; readonly typeName: string };
    }
  | {
      readonly code: 'account-party';
      readonly account: string;
      readonly typeName: string;
      readonly on: EntityMention;
      readonly recordId: string;
      /** Contacts of the account. */
      readonly contacts: number;
      /** Contacts who get access only through this record. */
      readonly onlyThrough: number;
    }
  | {
      readonly code: 'open-account';
      readonly account: string;
      readonly contacts: number;
      /** How many sold products and install base items of the account are in scope. */
      readonly itemCount: number;
      /** The first of them (at most 5). */
      readonly items: readonly EntityMention[];
    }
  | {
      readonly code: 'listed-on-worked-record';
      readonly person: string;
      readonly typeName: string;
      readonly on: EntityMention;
      /** Why they work on it: they are the contact or consumer of `of` (a case about it, or itself). */
      readonly work: {
        readonly person: string;
        readonly as: 'contact' | 'consumer';
        readonly of: EntityMention;
        /** The number of the case about `of`, when it is not `of` itself. */
        readonly caseNumber?: string;
      };
      /** The authorized type that would help, and where it raises their level. */
      readonly betterType: string;
      readonly gain: {
        readonly on: EntityMention;
        readonly before: AccessLevel;
        readonly after: AccessLevel;
      };
    }
  | {
      readonly code: 'closed-record-party';
      readonly party: string;
      readonly typeName: string;
      readonly on: EntityMention;
      /** The day it was closed (YYYY-MM-DD). */
      readonly closedOn: string;
      readonly days: number;
      readonly limit: number;
    };

/** One thing that looks wrong, with what proves it and what to do about it. */
export interface Finding {
  /** Stable across runs over the same facts (kind + subject), so decisions can be kept. */
  readonly id: string;
  readonly kind: FindingKind;
  readonly severity: Severity;
  /** What is wrong, the evidence and the fix, as data (`describeFinding` writes the sentences). */
  readonly detail: FindingDetail;
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

/** A finding's sentences, as `describeFinding` writes them. */
export interface FindingText {
  /** One sentence saying what is wrong. */
  readonly summary: string;
  /** The facts behind it, one sentence each. */
  readonly evidence: readonly string[];
  /** The suggested fix in one sentence. */
  readonly fix: string;
}

/** Writes a finding's sentences (the one formatter: components/access-review/finding-text.ts). */
export type DescribeFinding = (finding: Finding) => FindingText;

/** Matrix and findings of one scope. */
export interface ReviewResult {
  readonly rows: readonly MatrixRow[];
  readonly findings: readonly Finding[];
}
