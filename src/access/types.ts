import type {
  AccessLevel,
  EntityKind,
  EntityRef,
  PartyKind,
  PartyRef,
  Permission,
  PersonaScope,
  PersonaSource,
  PrincipalKind,
  PrincipalRef,
  RelatedPartyRecord,
} from '../model/index.js';

/** The answer of `check`: a level and the individual permissions behind it. */
export interface AccessResult {
  readonly level: AccessLevel;
  readonly permissions: readonly Permission[];
}

/** How a principal reaches the party named on a related-party record. */
export type Reach =
  | { readonly via: 'direct' }
  | { readonly via: 'account'; readonly account: string; readonly accountName: string }
  | { readonly via: 'service_organization'; readonly organization: string; readonly organizationName: string }
  | { readonly via: 'household'; readonly household: string; readonly householdName: string };

/** A role the path requires, and how the principal holds it. */
export interface RoleHeld {
  readonly role: string;
  readonly held: boolean;
  /** Containment chain from a directly held role down to `role` (`[role]` when held directly). */
  readonly via: readonly string[];
  /** For required roles: chains from `role` down to each granular role in force on the table. */
  readonly contains?: readonly (readonly string[])[];
}

/** A granular role in force on a table, and how the principal holds it. */
export interface GranularInForce {
  readonly role: string;
  readonly permissions: readonly Permission[];
  /** Containment chain from a directly held role down to this granular role. */
  readonly via: readonly string[];
}

/** What the granular roles allow on one table. */
export interface GranularCap {
  readonly table: EntityKind;
  readonly roles: readonly GranularInForce[];
  /** The most they allow. */
  readonly level: AccessLevel;
}

/** The related-party record at the start of a path, with display names. */
export interface RecordSummary {
  readonly id: string;
  readonly entity: EntityRef;
  readonly entityLabel: string;
  readonly party: PartyRef;
  readonly partyLabel: string;
  readonly type: string;
  readonly typeName: string;
}

/** A related-party path: record → reach → (cascade) → responsibility → access config → roles. */
export interface RelatedPartyPath {
  readonly source: 'related-party';
  readonly record: RecordSummary;
  readonly reach: Reach;
  /** Present when the record sits on another entity and access cascades to this one. */
  readonly cascade?: { readonly from: EntityRef; readonly fromLabel: string };
  readonly responsibility: { readonly id: string; readonly name: string };
  readonly config: {
    readonly id: string;
    readonly table: EntityKind;
    readonly level: Exclude<AccessLevel, 'none'>;
    readonly through?: EntityKind;
  };
  readonly roles: readonly RoleHeld[];
  readonly granular: GranularCap;
  /** Create removed: the contact and the install base item do not share an account. */
  readonly createBlocked: boolean;
  readonly level: AccessLevel;
  readonly permissions: readonly Permission[];
}

/** The case's own contact or consumer, holding the customer (consumer) role. */
export interface OwnerPath {
  readonly source: 'owner';
  readonly field: 'contact' | 'consumer';
  readonly role: RoleHeld;
  readonly level: AccessLevel;
  readonly permissions: readonly Permission[];
}

/** Restrict Contact Access off: every contact reads the account's sold products and install base. */
export interface AccountDefaultPath {
  readonly source: 'account-default';
  readonly account: string;
  readonly accountName: string;
  readonly granular: GranularCap;
  readonly level: AccessLevel;
  readonly permissions: readonly Permission[];
}

/** A global role of an internal user, e.g. `sn_customerservice.case_viewer` reads every case. */
export interface GlobalRolePath {
  readonly source: 'global-role';
  readonly role: RoleHeld;
  readonly level: AccessLevel;
  readonly permissions: readonly Permission[];
}

/** A persona grant row, as explanations name it. */
export interface PersonaGrantSummary {
  readonly id: string;
  readonly role: string;
  readonly table: EntityKind;
  readonly level: Exclude<AccessLevel, 'none'>;
  readonly scope: PersonaScope;
  readonly source: PersonaSource;
  readonly note?: string;
}

/** How the entity falls within a persona row's scope. */
export type PersonaScopeMatch =
  | { readonly scope: 'own'; readonly field: 'contact' | 'consumer' }
  | { readonly scope: 'account'; readonly account: string; readonly accountName: string }
  | {
      readonly scope: 'account_tree';
      readonly account: string;
      readonly accountName: string;
      /** Account names from the entity's account up to the principal's account. */
      readonly chain: readonly string[];
    }
  | {
      readonly scope: 'partner';
      readonly via: 'partner_contact' | 'partner_account';
      readonly accountName?: string;
    }
  | { readonly scope: 'all' };

/** A persona role: the role held gives the entity by scope (no related-party record). */
export interface PersonaPath {
  readonly source: 'persona';
  readonly grant: PersonaGrantSummary;
  /** How the principal holds the row's role (the containment chain). */
  readonly role: RoleHeld;
  readonly match: PersonaScopeMatch;
  readonly level: AccessLevel;
  readonly permissions: readonly Permission[];
}

/** One reason the principal has access. */
export type GrantPath = RelatedPartyPath | OwnerPath | AccountDefaultPath | GlobalRolePath | PersonaPath;

/** Why a path that could grant does not (or grants less). */
export type NearMissCode =
  | 'no-responsibility'
  | 'unknown-responsibility'
  | 'no-access-config'
  | 'inactive-config'
  | 'party-type-mismatch'
  | 'missing-role'
  | 'capped-by-granular'
  | 'create-blocked'
  | 'restricted-contact-access'
  | 'parent-account'
  | 'owner-missing-role'
  | 'persona-out-of-scope'
  | 'persona-principal-kind';

/** An entity named in an explanation: its kind and display label (a case number, a name). */
export interface EntityMention {
  readonly kind: EntityKind;
  readonly label: string;
}

/**
 * A near miss as data: its code and the parameters of its sentence (display names, not ids, where
 * the sentence names something). `formatNearMiss` (explain-format.ts) writes the English.
 */
export type NearMissDetail =
  | {
      readonly code: 'no-responsibility';
      readonly typeName: string;
      /** The entity the record sits on, when it is not the entity explained (a cascade). */
      readonly on?: EntityMention;
    }
  | { readonly code: 'unknown-responsibility'; readonly responsibility: string; readonly on: EntityMention }
  | {
      readonly code: 'no-access-config';
      readonly responsibility: string;
      readonly on: EntityMention;
      readonly table: EntityKind;
    }
  | {
      readonly code: 'inactive-config';
      readonly config: string;
      readonly responsibility: string;
      readonly table: EntityKind;
      readonly level: AccessLevel;
    }
  | {
      readonly code: 'party-type-mismatch';
      readonly responsibility: string;
      readonly table: EntityKind;
      readonly partyKinds: readonly PartyKind[];
      readonly partyKind: PartyKind;
    }
  | {
      readonly code: 'missing-role';
      readonly responsibility: string;
      readonly on: EntityMention;
      readonly reach: Reach;
      readonly missingRoles: readonly string[];
    }
  | {
      readonly code: 'create-blocked';
      readonly entity: EntityMention;
      readonly contact: string;
      readonly on: EntityMention;
    }
  | {
      readonly code: 'capped-by-granular';
      readonly via: 'config';
      readonly config: string;
      readonly entity: EntityMention;
      readonly level: AccessLevel;
      /** The granular roles in force on the table (none: empty). */
      readonly granular: readonly string[];
      readonly capped: AccessLevel;
    }
  | {
      readonly code: 'capped-by-granular';
      readonly via: 'account-default';
      readonly account: string;
      readonly table: EntityKind;
      readonly contact: string;
    }
  | {
      readonly code: 'restricted-contact-access';
      readonly via: 'account-default';
      readonly account: string;
      readonly table: EntityKind;
    }
  | {
      readonly code: 'restricted-contact-access';
      readonly via: 'persona';
      readonly account: string;
      readonly role: string;
      readonly grant: string;
      readonly table: EntityKind;
    }
  | {
      readonly code: 'parent-account';
      readonly parent: string;
      readonly on: EntityMention;
      readonly child: string;
    }
  | {
      readonly code: 'owner-missing-role';
      readonly table: EntityKind;
      readonly field: 'contact' | 'consumer';
      readonly role: string;
    }
  | {
      readonly code: 'persona-principal-kind';
      readonly role: string;
      readonly grant: string;
      readonly kinds: readonly PrincipalKind[];
      readonly principalKind: PrincipalKind;
    }
  | {
      readonly code: 'persona-out-of-scope';
      readonly role: string;
      readonly scope: PersonaScope;
      readonly entity: EntityMention;
      readonly principal: { readonly kind: PrincipalKind; readonly name: string };
      /** Display names; absent: no account. */
      readonly principalAccount?: string;
      readonly entityAccount?: string;
    };

export interface NearMiss {
  readonly code: NearMissCode;
  /** A sentence for people, e.g. "has responsibility X on case CS001 but lacks role Y". */
  readonly reason: string;
  /** The same as data: the code and the parameters the sentence is written from. */
  readonly detail: NearMissDetail;
  readonly recordId?: string;
  readonly missingRoles?: readonly string[];
}

/** `explain`: the level, every granting path and every near miss. */
export interface Explanation {
  readonly principal: PrincipalRef;
  readonly principalLabel: string;
  readonly entity: EntityRef;
  readonly entityLabel: string;
  readonly level: AccessLevel;
  readonly permissions: readonly Permission[];
  readonly grants: readonly GrantPath[];
  readonly nearMisses: readonly NearMiss[];
  /** Facts the answer could not use (unknown principal or entity, records on unknown types…). */
  readonly incomplete?: readonly string[];
}

/** A proposed change to the related parties. */
export type PartyChange =
  | { readonly op: 'add'; readonly record: RelatedPartyRecord }
  | { readonly op: 'remove'; readonly recordId: string }
  | {
      readonly op: 'retype';
      readonly recordId: string;
      readonly type: string;
      /** Absent: the new type's default; null: none. */
      readonly responsibility?: string | null;
    };

/** Access of one principal to one entity before and after a proposed change. */
export interface WhatIfResult {
  readonly principal: PrincipalRef;
  readonly entity: EntityRef;
  readonly before: AccessLevel;
  readonly after: AccessLevel;
}

/** One entity a principal reaches. */
export interface AccessEntry {
  readonly entity: EntityRef;
  readonly level: AccessLevel;
}

export type ValidationCode =
  | 'unknown-record'
  | 'unknown-entity'
  | 'unknown-party'
  | 'unknown-type'
  | 'type-not-applicable-entity'
  | 'type-not-applicable-party'
  | 'unknown-responsibility'
  | 'responsibility-party-mismatch'
  | 'unique-responsibility-taken'
  | 'install-base-not-root'
  | 'duplicate-party'
  | 'duplicate-record-id';

/** A reason a proposed change should not be saved (`error`) or deserves a look (`warning`). */
export interface ValidationIssue {
  readonly code: ValidationCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export type EngineProblemCode =
  | 'role-cycle'
  | 'unknown-role'
  | 'duplicate-role'
  | 'config-unknown-responsibility'
  | 'config-unknown-role'
  | 'config-unknown-level'
  | 'config-unknown-table'
  | 'config-unknown-party'
  | 'config-unsupported-cascade'
  | 'type-unknown-table'
  | 'type-unknown-party'
  | 'type-unknown-responsibility'
  | 'persona-unknown-role'
  | 'persona-invalid';

/** A defect of the definitions; the engine still answers for everything else. */
export interface EngineProblem {
  readonly code: EngineProblemCode;
  readonly message: string;
  /** Id or name of the definition at fault. */
  readonly subject: string;
}
