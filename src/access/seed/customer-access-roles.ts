import type { RoleDef } from '../../model/index.js';

/**
 * Functional and granular roles of "Roles installed with customer access management" (reference
 * document 002). Where the document's table lost a "Contains roles" cell, the edges come from the
 * platform documentation and are marked *(platform)*. Some releases also add
 * `case_related_party_write_granular` to `case_authorized_contributor`; the base seed does not.
 */

const CS = 'com.sn_customerservice';
const IB = 'com.snc.install_base';

const CASE_READ = 'sn_customerservice.case_read_granular';
const CASE_CREATE = 'sn_customerservice.case_create_granular';
const CASE_WRITE = 'sn_customerservice.case_write_granular';
const SP_READ = 'sn_install_base.sold_product_read_granular';
const SP_CONTACT_READ = 'sn_install_base.sold_product_contact_read_granular';
const SP_CONSUMER_READ = 'sn_install_base.sold_product_consumer_read_granular';
const IB_READ = 'sn_install_base.install_base_read_granular';
const IB_RP_READ = 'sn_install_base.install_base_related_party_read_granular';
const IB_RP_WRITE = 'sn_install_base.install_base_related_party_write_granular';
const IP_READ = 'sn_install_base.installed_product_read_granular';

const CASE_AUTHORIZED =
  'This role provides access to add additional comments and attachments, accept or reject a solution, receive notifications on case updates, close a case, and update case tasks.';

/** What every install base authorized role contains *(platform)*. */
const INSTALL_BASE_AUTHORIZED_CONTAINS = [CASE_WRITE, IB_RP_WRITE, SP_READ, IB_READ, IP_READ];

/** The eleven functional roles (document 002, first table). */
export const FUNCTIONAL_ROLES: readonly RoleDef[] = [
  {
    name: 'sn_customerservice.case_authorized_contact',
    title: 'Case Authorized Contact',
    plugin: CS,
    kind: 'functional',
    description: CASE_AUTHORIZED,
    contains: [CASE_WRITE],
  },
  {
    name: 'sn_customerservice.case_authorized_consumer',
    title: 'Case Authorized Consumer',
    plugin: CS,
    kind: 'functional',
    description: CASE_AUTHORIZED,
    contains: [CASE_WRITE],
  },
  {
    name: 'sn_customerservice.case_authorized_contributor',
    title: 'Case Authorized Contributor',
    plugin: CS,
    kind: 'functional',
    description: CASE_AUTHORIZED,
    contains: [CASE_WRITE],
  },
  {
    name: 'sn_install_base.sold_product_authorized_contact',
    title: 'Sold Product Authorized Contact',
    plugin: IB,
    kind: 'functional',
    description:
      'This role provides access to view sold product and associated install base items, create cases, and access cases that are related to the sold product. Also, this role provides access to sold product related parties, affected install base items, and manage service catalog requests from the sold product.',
    // (platform): the document's cell is empty.
    contains: ['sn_customerservice.case_authorized_contact', SP_READ, SP_CONTACT_READ, IB_READ, IP_READ],
  },
  {
    name: 'sn_install_base.sold_product_authorized_consumer',
    title: 'Sold Product Authorized Consumer',
    plugin: IB,
    kind: 'functional',
    description:
      'This role provides access to view sold product and associated install base items, create cases, and access cases related to the sold product. Also, this role provides access to sold product related parties, affected install base items, and manage service catalog requests from the sold product.',
    // (platform): the document's cell is empty.
    contains: ['sn_customerservice.case_authorized_consumer', SP_READ, SP_CONSUMER_READ, IB_READ, IP_READ],
  },
  {
    name: 'sn_install_base.install_base_authorized_contact',
    title: 'Install Base Authorized Contact',
    plugin: IB,
    kind: 'functional',
    description:
      'This role provides the contact access to view the install base and its associated sold products when added as a related party. Additionally, it enables the contact to create and manage cases for the related install base records. Creation of case is only allowed if the contact and install base belong to the same account.',
    contains: INSTALL_BASE_AUTHORIZED_CONTAINS,
  },
  {
    name: 'sn_install_base.install_base_authorized_consumer',
    title: 'Install Base Authorized Consumer',
    plugin: IB,
    kind: 'functional',
    description:
      'This role provides the consumer access to view the install base and its associated sold products when added as a related party. Additionally, it enables the user to create and manage cases for the related install base records.',
    contains: INSTALL_BASE_AUTHORIZED_CONTAINS,
  },
  {
    name: 'sn_install_base.install_base_authorized_contributor',
    title: 'Install Base Authorized Contributor',
    plugin: IB,
    kind: 'functional',
    description:
      'This role provides the internal user to view the install base and its associated sold products when added as a related party. Additionally, it enables the user to create and manage cases for the related install base records.',
    contains: INSTALL_BASE_AUTHORIZED_CONTAINS,
  },
  {
    name: 'sn_install_base.install_base_authorized_member',
    title: 'Install Base Authorized Member',
    plugin: IB,
    kind: 'functional',
    description:
      'This role provides the service organization member to view the install base and its associated sold products when added as a related party. Additionally, it enables the user to create and manage cases for the related install base records.',
    contains: INSTALL_BASE_AUTHORIZED_CONTAINS,
  },
  {
    // The document lost this row's [name]; the name follows the platform's naming of its siblings.
    name: 'sn_install_base.install_base_authorized_account',
    title: 'Install Base Authorized Account',
    plugin: IB,
    kind: 'functional',
    description:
      'Provides access to all the contacts of the account to view the install base and its associated sold products when added as a related party. Additionally, it enables the contact to create and manage cases for the related install base records. Creation of case is only allowed if contact and install base belongs to same account.',
    contains: INSTALL_BASE_AUTHORIZED_CONTAINS,
  },
  {
    // The document lost this row's [name] (its title reads "Install Base Service Organization").
    name: 'sn_install_base.install_base_authorized_service_organization',
    title: 'Install Base Service Organization',
    plugin: IB,
    kind: 'functional',
    description:
      'Provides access to all the members of service organization to view the install base and its associated sold products when added as a related party. Additionally, it enables the users to manage cases for the related install base records.',
    contains: INSTALL_BASE_AUTHORIZED_CONTAINS,
  },
];

/** The thirteen granular roles (document 002, second table), with what each permits. */
export const GRANULAR_ROLES: readonly RoleDef[] = [
  {
    name: SP_READ,
    title: 'Sold Product Read',
    plugin: IB,
    kind: 'granular',
    description: 'This role provides granular read access to the sold product.',
    contains: [],
    grants: [{ target: 'sold_product', permission: 'read' }],
  },
  {
    name: SP_CONTACT_READ,
    title: 'Sold Product Contact Read',
    plugin: IB,
    kind: 'granular',
    description: 'This role provides granular read access to related parties of the sold product.',
    contains: [],
    grants: [{ target: 'sold_product_related_party', permission: 'read' }],
  },
  {
    name: 'sn_install_base.sold_product_contact_write_granular',
    title: 'Sold Product Contact Write',
    plugin: IB,
    kind: 'granular',
    description: 'This role provides granular write access to related parties of the sold product.',
    contains: [SP_CONTACT_READ],
    grants: [{ target: 'sold_product_related_party', permission: 'write' }],
  },
  {
    name: SP_CONSUMER_READ,
    title: 'Sold Product Consumer Read',
    plugin: IB,
    kind: 'granular',
    description:
      'This role provides granular read access to additional consumers of the sold product and sold product-related parties.',
    contains: [],
    grants: [{ target: 'sold_product_related_party', permission: 'read' }],
  },
  {
    name: 'sn_install_base.sold_product_consumer_write_granular',
    title: 'Sold Product Consumer Write',
    plugin: IB,
    kind: 'granular',
    description:
      'This role provides granular write access to additional consumers of the sold product and sold product-related parties.',
    contains: [SP_CONSUMER_READ],
    grants: [{ target: 'sold_product_related_party', permission: 'write' }],
  },
  {
    name: CASE_READ,
    title: 'Case Read',
    plugin: CS,
    kind: 'granular',
    description: 'This role provides granular read access to the case.',
    contains: [],
    grants: [{ target: 'case', permission: 'read' }],
  },
  {
    name: CASE_CREATE,
    title: 'Case Create',
    plugin: CS,
    kind: 'granular',
    description: 'This role provides granular create access to the case.',
    contains: [CASE_READ],
    grants: [{ target: 'case', permission: 'create' }],
  },
  {
    name: CASE_WRITE,
    title: 'Case Write',
    plugin: CS,
    kind: 'granular',
    description: 'This role provides granular write access to the case.',
    // (platform): the document's cell is empty.
    contains: [CASE_READ, CASE_CREATE],
    grants: [{ target: 'case', permission: 'write' }],
  },
  {
    name: 'sn_customerservice.case_related_party_write_granular',
    title: 'Case Related Party Write',
    plugin: CS,
    kind: 'granular',
    description: 'This role provides granular write access to case-related parties.',
    contains: [],
    grants: [{ target: 'case_related_party', permission: 'write' }],
  },
  {
    name: IB_READ,
    title: 'Install Base Read',
    plugin: IB,
    kind: 'granular',
    description: 'This role provides granular read access to the install base.',
    contains: [],
    grants: [{ target: 'install_base', permission: 'read' }],
  },
  {
    name: IB_RP_READ,
    title: 'Install Base Related Party Read',
    plugin: IB,
    kind: 'granular',
    description: 'This role provides granular read access to install base related party records.',
    contains: [],
    grants: [{ target: 'install_base_related_party', permission: 'read' }],
  },
  {
    name: IB_RP_WRITE,
    title: 'Install Base Related Party Write',
    plugin: IB,
    kind: 'granular',
    description: 'This role provides granular write access to install base related party records.',
    contains: [IB_RP_READ],
    grants: [{ target: 'install_base_related_party', permission: 'write' }],
  },
  {
    name: IP_READ,
    title: 'Installed Product Read',
    plugin: IB,
    kind: 'granular',
    description: 'This role provides granular read access to the installed product.',
    contains: [],
    grants: [{ target: 'installed_product', permission: 'read' }],
  },
];
