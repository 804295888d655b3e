import type { AccessLevel, EntityKind, PartyKind, Permission, PrincipalKind } from './kinds.js';

/**
 * Definitions: the rules of an instance (role catalogue, responsibilities, access configurations,
 * relationship types). These, and only these, may be cached (they hold no personal data).
 */

export type RoleKind = 'functional' | 'granular' | 'base' | 'contributor' | 'other';

/** What a granular role permits on one table; data, not code. */
export type AccessTarget =
  | EntityKind
  | 'installed_product'
  | 'case_task'
  | 'case_related_party'
  | 'sold_product_related_party'
  | 'install_base_related_party';

export interface GranularGrant {
  readonly target: AccessTarget;
  readonly permission: Permission;
}

/** A `sys_user_role` row with its outgoing `sys_user_role_contains` edges. */
export interface RoleDef {
  /** Technical name, e.g. `sn_customerservice.case_authorized_contact`. */
  readonly name: string;
  /** Human title, e.g. "Case Authorized Contact". */
  readonly title: string;
  readonly description: string;
  /** Plugin id that installs the role, e.g. `com.sn_customerservice`. */
  readonly plugin: string;
  readonly kind: RoleKind;
  /** Names of the roles this role directly contains. */
  readonly contains: readonly string[];
  /** For granular roles: the permissions the role gives on which table. */
  readonly grants?: readonly GranularGrant[];
  /** Server sys_id when loaded from an instance. */
  readonly sysId?: string;
}

/** Party types a responsibility definition applies to (`none`: any). */
export type ResponsibilityPartyType = 'user' | 'contact' | 'consumer' | 'account' | 'none';

/** `sn_customerservice_responsibility_def`. */
export interface ResponsibilityDef {
  readonly id: string;
  readonly name: string;
  readonly partyType: ResponsibilityPartyType;
  /** At most one party per entity may carry it. */
  readonly unique: boolean;
  readonly description: string;
}

/** `sn_customerservice_responsibility_access_config`: what a responsibility grants, on which table. */
export interface AccessConfig {
  readonly id: string;
  /** Responsibility definition id. */
  readonly responsibility: string;
  readonly active: boolean;
  readonly level: Exclude<AccessLevel, 'none'>;
  /** The table access is granted on. */
  readonly table: EntityKind;
  /**
   * The kind of entity the related-party record sits on; absent means `table` itself. A record on
   * a sold product with a config `{table: 'case', through: 'sold_product'}` grants on the cases of
   * that sold product (the cascade).
   */
  readonly through?: EntityKind;
  /**
   * Only records whose party is of this kind use the config; absent means any. One responsibility
   * (e.g. "Authorized Representative") requires a different role per party kind: a contact needs
   * `case_authorized_contact`, a consumer `case_authorized_consumer`, a user `case_authorized_contributor`.
   */
  readonly partyType?: PartyKind;
  /** Role names the party must also hold. */
  readonly rolesRequired: readonly string[];
}

/** `sn_customerservice_related_party_configuration`: what an agent picks as the relationship type. */
export interface RelationshipType {
  readonly id: string;
  readonly name: string;
  /** Entity kind whose records it applies to. */
  readonly appliesTo: EntityKind;
  /** Party kind it applies to. */
  readonly partyType: PartyKind;
  /** Responsibility definition id it defaults; absent for "Listed" types (grant nothing). */
  readonly defaultResponsibility?: string;
  readonly defaultOrder?: number;
  readonly description?: string;
}

/** Tables a persona grant can apply to; case tasks are catalogue data (no entity of their own). */
export type PersonaTable = EntityKind | 'case_task';

/**
 * Which records of the table a persona grant reaches, relative to the principal:
 * - `own`: the record's own contact / consumer is the principal (for a consumer: the cases and sold
 *   products they purchased, i.e. whose `consumer` is them; install base through its sold product);
 * - `account`: records of the principal's account (a contact's `account`);
 * - `account_tree`: the principal's account and its child accounts, transitively (cycle-safe);
 * - `partner`: cases whose partner contact is the principal or whose partner account is the
 *   principal's account;
 * - `all`: every record of the table.
 */
export type PersonaScope = 'own' | 'account' | 'account_tree' | 'partner' | 'all';

/** Where a persona grant row comes from. */
export type PersonaSource = 'builtin' | 'host' | 'imported';

/**
 * A persona grant: a role held gives access to records of a table by scope, without a related-party
 * record (the platform's role-based ACLs, written as data because ACLs are not readable through the
 * Table API). A role containing `role` inherits the grant.
 */
export interface PersonaGrant {
  /** Stable id; a host row with the id of a built-in row replaces it. */
  readonly id: string;
  /** Role name that carries the grant, e.g. `sn_customerservice.customer_admin`. */
  readonly role: string;
  readonly table: PersonaTable;
  readonly level: Exclude<AccessLevel, 'none'>;
  readonly scope: PersonaScope;
  /** Principal kinds the row applies to (internal users, contacts, consumers): a visible choice. */
  readonly principals: readonly PrincipalKind[];
  readonly source: PersonaSource;
  /** False turns the row off (a host overriding a built-in row by id); absent means true. */
  readonly active?: boolean;
  /**
   * When true, a contact whose account restricts contact access
   * (`sn_csm_account_access.restrict_contact_access`) does not get this row's access.
   */
  readonly respectsRestrictContactAccess?: boolean;
  /** The sentence of the documents the row comes from, or why it was chosen. */
  readonly note?: string;
}

export interface Definitions {
  readonly roles: readonly RoleDef[];
  readonly responsibilities: readonly ResponsibilityDef[];
  readonly accessConfigs: readonly AccessConfig[];
  readonly relationshipTypes: readonly RelationshipType[];
  /** Role-based grants (persona roles); absent is read as none. */
  readonly personaGrants?: readonly PersonaGrant[];
}
