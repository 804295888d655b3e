import type { EntityKind, EntityRef, PartyKind, PartyRef, PrincipalRef } from './kinds.js';

/**
 * Facts: the customer world (parties, entities, related-party records, roles held). Personal and
 * case data: never cached.
 */

export interface Account {
  readonly id: string;
  readonly name: string;
  readonly parent?: string;
  /** `sn_csm_account_access.restrict_contact_access`; false (default) lets every contact read the account's sold products and install base. */
  readonly restrictContactAccess?: boolean;
}

export interface Contact {
  readonly id: string;
  readonly name: string;
  readonly email?: string;
  readonly account?: string;
  /** Role names held (`sys_user_has_role`). */
  readonly roles: readonly string[];
  /** False when the person can no longer sign in (`active`); absent = unknown, taken as active. */
  readonly active?: boolean;
}

export interface Consumer {
  readonly id: string;
  readonly name: string;
  readonly email?: string;
  readonly household?: string;
  readonly roles: readonly string[];
  /** False when the person can no longer sign in (`active`); absent = unknown, taken as active. */
  readonly active?: boolean;
}

/** An internal user (agent, contributor). */
export interface User {
  readonly id: string;
  readonly name: string;
  readonly email?: string;
  readonly roles: readonly string[];
  /** False when the person can no longer sign in (`active`); absent = unknown, taken as active. */
  readonly active?: boolean;
}

export interface ServiceOrganization {
  readonly id: string;
  readonly name: string;
  /** Members (`sn_customer_service_organization_member`). */
  readonly members: readonly PrincipalRef[];
}

export interface Household {
  readonly id: string;
  readonly name: string;
}

export interface SoldProduct {
  readonly id: string;
  readonly name: string;
  readonly account?: string;
  readonly consumer?: string;
}

export interface InstallBaseItem {
  readonly id: string;
  readonly name: string;
  readonly account?: string;
  readonly parent?: string;
  readonly soldProduct?: string;
}

export interface Case {
  readonly id: string;
  readonly number: string;
  readonly shortDescription?: string;
  readonly account?: string;
  readonly contact?: string;
  readonly consumer?: string;
  readonly soldProduct?: string;
  /** Install base item (`asset`). */
  readonly installBase?: string;
  /** `case.partner`: the partner account serving the case (an account id). */
  readonly partnerAccount?: string;
  /** `case.partner_contact`: the partner's contact on the case (a contact id). */
  readonly partnerContact?: string;
  /** When the case was closed (ISO 8601, `closed_at`); absent while open. Used by the access review. */
  readonly closedAt?: string;
}

/** A related-party record: entity × party × relationship type × responsibility. */
export interface RelatedPartyRecord {
  readonly id: string;
  readonly entity: EntityRef;
  readonly party: PartyRef;
  /** Relationship type id. */
  readonly type: string;
  /** Responsibility definition id; absent = none (grants nothing). */
  readonly responsibility?: string;
  readonly order?: number;
}

export interface Facts {
  readonly accounts: readonly Account[];
  readonly contacts: readonly Contact[];
  readonly consumers: readonly Consumer[];
  readonly users: readonly User[];
  readonly serviceOrganizations: readonly ServiceOrganization[];
  readonly households: readonly Household[];
  readonly soldProducts: readonly SoldProduct[];
  readonly installBase: readonly InstallBaseItem[];
  readonly cases: readonly Case[];
  readonly relatedParties: readonly RelatedPartyRecord[];
}

/** An empty world, to extend with spread. */
export const EMPTY_FACTS: Facts = {
  accounts: [],
  contacts: [],
  consumers: [],
  users: [],
  serviceOrganizations: [],
  households: [],
  soldProducts: [],
  installBase: [],
  cases: [],
  relatedParties: [],
};

/** The list of the facts holding each kind of party and entity. */
export const FACTS_LIST_OF_KIND = {
  contact: 'contacts',
  consumer: 'consumers',
  user: 'users',
  account: 'accounts',
  service_organization: 'serviceOrganizations',
  household: 'households',
  case: 'cases',
  sold_product: 'soldProducts',
  install_base: 'installBase',
} as const satisfies Readonly<Record<PartyKind | EntityKind, keyof Facts>>;

/** The facts of one kind of party or entity (`contact` → `facts.contacts`). */
export function factsOfKind<K extends PartyKind | EntityKind>(
  facts: Facts,
  kind: K,
): Facts[(typeof FACTS_LIST_OF_KIND)[K]] {
  return facts[FACTS_LIST_OF_KIND[kind]];
}

/** How an entity is known to people: a case's number, a sold product's or item's name (else its id). */
export function entityName(facts: Facts, entity: EntityRef): string {
  if (entity.kind === 'case') return facts.cases.find((c) => c.id === entity.id)?.number ?? entity.id;
  return factsOfKind(facts, entity.kind).find((item) => item.id === entity.id)?.name ?? entity.id;
}
