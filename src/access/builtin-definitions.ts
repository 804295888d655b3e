import type { AccessConfig, Definitions, RelationshipType, ResponsibilityDef } from '../model/index.js';
import { BUILTIN_PERSONA_GRANTS } from './builtin-persona-grants.js';
import { ROLE_SEED } from './role-seed.js';

/*
 * The platform's default customer access configuration (data only).
 *
 * Relationship types default a responsibility; "Listed" types default none and grant nothing.
 * Access configurations make each functional role mean what its description says:
 * - Authorized Representative on a case → write on the case, for a contact holding
 *   case_authorized_contact, a consumer holding case_authorized_consumer, a user holding
 *   case_authorized_contributor (one config per party kind, since the required role differs).
 * - Authorized Representative on a sold product → read the sold product and its install base items,
 *   full access to the cases of the sold product; role sold_product_authorized_contact / _consumer.
 * - Authorized Account on a sold product → the same for every contact of the account; role
 *   sold_product_authorized_contact.
 * - Each install base responsibility (representative for contacts, consumers and contributors;
 *   account; member; service organization) → read the item (the engine extends it to the children),
 *   read its sold products, full access to its cases (write only for service organizations, whose
 *   role "enables the users to manage cases"); role install_base_authorized_<party>.
 * Create on an install base's cases is further limited by the engine to contacts sharing the
 * item's account (rule 5).
 */

/** Responsibility definitions (`sn_customerservice_responsibility_def`). */
const RESPONSIBILITIES: readonly ResponsibilityDef[] = [
  {
    id: 'authorized_representative',
    name: 'Authorized Representative',
    partyType: 'none',
    unique: false,
    description:
      'A contact, consumer or internal user who acts for the customer on the record; grants access with the matching authorized role.',
  },
  {
    id: 'authorized_account',
    name: 'Authorized Account',
    partyType: 'account',
    unique: false,
    description: 'Every contact of the account; grants access with the matching authorized role.',
  },
  {
    id: 'authorized_member',
    name: 'Authorized Member',
    partyType: 'user',
    unique: false,
    description:
      'A service organization member added by name; grants access with install_base_authorized_member.',
  },
  {
    id: 'authorized_service_organization',
    name: 'Authorized Service Organization',
    // The responsibility party types have no service organization value: 'none' (any).
    partyType: 'none',
    unique: false,
    description:
      'Every member of the service organization; grants access with install_base_authorized_service_organization.',
  },
];

const REP = 'authorized_representative';
const CASE_CONTACT = 'sn_customerservice.case_authorized_contact';
const CASE_CONSUMER = 'sn_customerservice.case_authorized_consumer';
const CASE_CONTRIBUTOR = 'sn_customerservice.case_authorized_contributor';
const SP_CONTACT = 'sn_install_base.sold_product_authorized_contact';
const SP_CONSUMER = 'sn_install_base.sold_product_authorized_consumer';
const IB_CONTACT = 'sn_install_base.install_base_authorized_contact';
const IB_CONSUMER = 'sn_install_base.install_base_authorized_consumer';
const IB_CONTRIBUTOR = 'sn_install_base.install_base_authorized_contributor';
const IB_MEMBER = 'sn_install_base.install_base_authorized_member';
const IB_ACCOUNT = 'sn_install_base.install_base_authorized_account';
const IB_SERVICE_ORG = 'sn_install_base.install_base_authorized_service_organization';

/** Access configurations (`sn_customerservice_responsibility_access_config`), one row each. */
// prettier-ignore
const ACCESS_CONFIGS: readonly AccessConfig[] = [
  // Case records.
  { id: 'ac_case_representative_contact', responsibility: REP, active: true, level: 'write', table: 'case', partyType: 'contact', rolesRequired: [CASE_CONTACT] },
  { id: 'ac_case_representative_consumer', responsibility: REP, active: true, level: 'write', table: 'case', partyType: 'consumer', rolesRequired: [CASE_CONSUMER] },
  { id: 'ac_case_representative_user', responsibility: REP, active: true, level: 'write', table: 'case', partyType: 'user', rolesRequired: [CASE_CONTRIBUTOR] },

  // Sold product records: the product, its install base items, and its cases.
  { id: 'ac_sold_product_representative_contact', responsibility: REP, active: true, level: 'read', table: 'sold_product', partyType: 'contact', rolesRequired: [SP_CONTACT] },
  { id: 'ac_sold_product_representative_contact_install_base', responsibility: REP, active: true, level: 'read', table: 'install_base', through: 'sold_product', partyType: 'contact', rolesRequired: [SP_CONTACT] },
  { id: 'ac_sold_product_representative_contact_cases', responsibility: REP, active: true, level: 'full', table: 'case', through: 'sold_product', partyType: 'contact', rolesRequired: [SP_CONTACT] },
  { id: 'ac_sold_product_representative_consumer', responsibility: REP, active: true, level: 'read', table: 'sold_product', partyType: 'consumer', rolesRequired: [SP_CONSUMER] },
  { id: 'ac_sold_product_representative_consumer_install_base', responsibility: REP, active: true, level: 'read', table: 'install_base', through: 'sold_product', partyType: 'consumer', rolesRequired: [SP_CONSUMER] },
  { id: 'ac_sold_product_representative_consumer_cases', responsibility: REP, active: true, level: 'full', table: 'case', through: 'sold_product', partyType: 'consumer', rolesRequired: [SP_CONSUMER] },
  { id: 'ac_sold_product_account', responsibility: 'authorized_account', active: true, level: 'read', table: 'sold_product', partyType: 'account', rolesRequired: [SP_CONTACT] },
  { id: 'ac_sold_product_account_install_base', responsibility: 'authorized_account', active: true, level: 'read', table: 'install_base', through: 'sold_product', partyType: 'account', rolesRequired: [SP_CONTACT] },
  { id: 'ac_sold_product_account_cases', responsibility: 'authorized_account', active: true, level: 'full', table: 'case', through: 'sold_product', partyType: 'account', rolesRequired: [SP_CONTACT] },

  // Install base records: the item (and its children), its sold products, its cases.
  { id: 'ac_install_base_representative_contact', responsibility: REP, active: true, level: 'read', table: 'install_base', partyType: 'contact', rolesRequired: [IB_CONTACT] },
  { id: 'ac_install_base_representative_contact_sold_products', responsibility: REP, active: true, level: 'read', table: 'sold_product', through: 'install_base', partyType: 'contact', rolesRequired: [IB_CONTACT] },
  { id: 'ac_install_base_representative_contact_cases', responsibility: REP, active: true, level: 'full', table: 'case', through: 'install_base', partyType: 'contact', rolesRequired: [IB_CONTACT] },
  { id: 'ac_install_base_representative_consumer', responsibility: REP, active: true, level: 'read', table: 'install_base', partyType: 'consumer', rolesRequired: [IB_CONSUMER] },
  { id: 'ac_install_base_representative_consumer_sold_products', responsibility: REP, active: true, level: 'read', table: 'sold_product', through: 'install_base', partyType: 'consumer', rolesRequired: [IB_CONSUMER] },
  { id: 'ac_install_base_representative_consumer_cases', responsibility: REP, active: true, level: 'full', table: 'case', through: 'install_base', partyType: 'consumer', rolesRequired: [IB_CONSUMER] },
  { id: 'ac_install_base_representative_user', responsibility: REP, active: true, level: 'read', table: 'install_base', partyType: 'user', rolesRequired: [IB_CONTRIBUTOR] },
  { id: 'ac_install_base_representative_user_sold_products', responsibility: REP, active: true, level: 'read', table: 'sold_product', through: 'install_base', partyType: 'user', rolesRequired: [IB_CONTRIBUTOR] },
  { id: 'ac_install_base_representative_user_cases', responsibility: REP, active: true, level: 'full', table: 'case', through: 'install_base', partyType: 'user', rolesRequired: [IB_CONTRIBUTOR] },
  { id: 'ac_install_base_account', responsibility: 'authorized_account', active: true, level: 'read', table: 'install_base', partyType: 'account', rolesRequired: [IB_ACCOUNT] },
  { id: 'ac_install_base_account_sold_products', responsibility: 'authorized_account', active: true, level: 'read', table: 'sold_product', through: 'install_base', partyType: 'account', rolesRequired: [IB_ACCOUNT] },
  { id: 'ac_install_base_account_cases', responsibility: 'authorized_account', active: true, level: 'full', table: 'case', through: 'install_base', partyType: 'account', rolesRequired: [IB_ACCOUNT] },
  { id: 'ac_install_base_member', responsibility: 'authorized_member', active: true, level: 'read', table: 'install_base', partyType: 'user', rolesRequired: [IB_MEMBER] },
  { id: 'ac_install_base_member_sold_products', responsibility: 'authorized_member', active: true, level: 'read', table: 'sold_product', through: 'install_base', partyType: 'user', rolesRequired: [IB_MEMBER] },
  { id: 'ac_install_base_member_cases', responsibility: 'authorized_member', active: true, level: 'full', table: 'case', through: 'install_base', partyType: 'user', rolesRequired: [IB_MEMBER] },
  { id: 'ac_install_base_service_organization', responsibility: 'authorized_service_organization', active: true, level: 'read', table: 'install_base', partyType: 'service_organization', rolesRequired: [IB_SERVICE_ORG] },
  { id: 'ac_install_base_service_organization_sold_products', responsibility: 'authorized_service_organization', active: true, level: 'read', table: 'sold_product', through: 'install_base', partyType: 'service_organization', rolesRequired: [IB_SERVICE_ORG] },
  { id: 'ac_install_base_service_organization_cases', responsibility: 'authorized_service_organization', active: true, level: 'write', table: 'case', through: 'install_base', partyType: 'service_organization', rolesRequired: [IB_SERVICE_ORG] },
];

const LISTED = 'Names the party on the record for information only; grants nothing.';

/** Relationship types (`sn_customerservice_related_party_configuration`), per table, one row each. */
// prettier-ignore
const RELATIONSHIP_TYPES: readonly RelationshipType[] = [
  { id: 'case_authorized_contact', name: 'Authorized Contact', appliesTo: 'case', partyType: 'contact', defaultResponsibility: REP },
  { id: 'case_authorized_consumer', name: 'Authorized Consumer', appliesTo: 'case', partyType: 'consumer', defaultResponsibility: REP },
  { id: 'case_authorized_contributor', name: 'Authorized Contributor', appliesTo: 'case', partyType: 'user', defaultResponsibility: REP },
  { id: 'case_listed_contact', name: 'Listed Contact', appliesTo: 'case', partyType: 'contact', description: LISTED },
  { id: 'case_listed_consumer', name: 'Listed Consumer', appliesTo: 'case', partyType: 'consumer', description: LISTED },

  { id: 'sold_product_authorized_account', name: 'Authorized Account', appliesTo: 'sold_product', partyType: 'account', defaultResponsibility: 'authorized_account' },
  { id: 'sold_product_authorized_contact', name: 'Authorized Contact', appliesTo: 'sold_product', partyType: 'contact', defaultResponsibility: REP },
  { id: 'sold_product_authorized_consumer', name: 'Authorized Consumer', appliesTo: 'sold_product', partyType: 'consumer', defaultResponsibility: REP },
  { id: 'sold_product_listed_account', name: 'Listed Account', appliesTo: 'sold_product', partyType: 'account', description: LISTED },
  { id: 'sold_product_listed_contact', name: 'Listed Contact', appliesTo: 'sold_product', partyType: 'contact', description: LISTED },
  { id: 'sold_product_listed_consumer', name: 'Listed Consumer', appliesTo: 'sold_product', partyType: 'consumer', description: LISTED },

  { id: 'install_base_authorized_account', name: 'Authorized Account', appliesTo: 'install_base', partyType: 'account', defaultResponsibility: 'authorized_account' },
  { id: 'install_base_authorized_contact', name: 'Authorized Contact', appliesTo: 'install_base', partyType: 'contact', defaultResponsibility: REP },
  { id: 'install_base_authorized_consumer', name: 'Authorized Consumer', appliesTo: 'install_base', partyType: 'consumer', defaultResponsibility: REP },
  { id: 'install_base_authorized_contributor', name: 'Authorized Contributor', appliesTo: 'install_base', partyType: 'user', defaultResponsibility: REP },
  { id: 'install_base_authorized_member', name: 'Authorized Member', appliesTo: 'install_base', partyType: 'user', defaultResponsibility: 'authorized_member' },
  { id: 'install_base_authorized_service_organization', name: 'Authorized Service Organization', appliesTo: 'install_base', partyType: 'service_organization', defaultResponsibility: 'authorized_service_organization' },
  { id: 'install_base_listed_account', name: 'Listed Account', appliesTo: 'install_base', partyType: 'account', description: LISTED },
  { id: 'install_base_listed_contact', name: 'Listed Contact', appliesTo: 'install_base', partyType: 'contact', description: LISTED },
  { id: 'install_base_listed_consumer', name: 'Listed Consumer', appliesTo: 'install_base', partyType: 'consumer', description: LISTED },
];

/** The built-in base configuration: the seed role catalogue plus the platform's defaults. */
export const BUILTIN_DEFINITIONS: Definitions = {
  roles: ROLE_SEED,
  responsibilities: RESPONSIBILITIES,
  accessConfigs: ACCESS_CONFIGS,
  relationshipTypes: RELATIONSHIP_TYPES,
  personaGrants: BUILTIN_PERSONA_GRANTS,
};
