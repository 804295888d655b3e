import type { RoleDef } from '../../model/index.js';

/**
 * Roles of "Roles installed with Customer Service Management" (reference document 003) that are
 * not contributor roles (those are in `contributor-roles.ts`). The document gives no plugin id for
 * most of them (plugin ''). "…" marks a list the source lost. "Hinweis:" notes read "Note:".
 */

/** CSM primary roles (B2B / B2C, internal and external). */
export const CSM_PRIMARY_ROLES: readonly RoleDef[] = [
  {
    name: 'sn_customerservice_agent',
    title: 'Customer service agent',
    plugin: '',
    kind: 'other',
    description:
      'An agent who assists customers and partners with questions, issues, and problems. This user creates cases, views and edits cases, and works with customers and subject matter experts to resolve cases. A customer service agent typically supports a specific set of products across one or more communication channels. An agent can belong to one or more agent groups.',
    // The cell lost its list; its note ("The sn_esm_agent role contains the cmdb_read role.")
    // only makes sense if this role contains sn_esm_agent, as it does on the platform.
    contains: ['sn_esm_agent'],
  },
  {
    name: 'sn_customerservice_manager',
    title: 'Customer service manager',
    plugin: '',
    kind: 'other',
    description:
      'Customer service agent with the additional responsibility for managing agents or agent groups and overriding agent actions.',
    contains: [],
  },
  {
    name: 'sn_customerservice.consumer_agent',
    title: 'Consumer service agent',
    plugin: '',
    kind: 'other',
    description:
      'An agent who assists consumers with questions, issues, and problems. This user creates, views, and edits cases and works with consumers to resolve cases. An agent typically supports a specific set of products across one or more communication channels. An agent can belong to one or more agent groups.',
    contains: [],
  },
  {
    name: 'sn_customerservice.customer',
    title: 'Customer',
    plugin: '',
    kind: 'other',
    description:
      'Customer role for researching questions, issues, or problems. Customers can create cases and view and edit existing cases for themselves. They can also view a list of assets belonging to their accounts.',
    contains: [],
  },
  {
    name: 'sn_customerservice.customer_admin',
    title: 'Customer administrator',
    plugin: '',
    kind: 'other',
    description:
      'Administrator role for a customer account. This user has access to data within the account.',
    contains: [],
  },
  {
    name: 'sn_customerservice.customer_case_manager',
    title: 'Customer case manager',
    plugin: '',
    kind: 'other',
    description:
      'Customer role for managing the cases in an account and any related child accounts. The customer case manager role includes the privileges of the customer role and adds the following privileges: … Note: The customer case manager role is not automatically added to the sn_customerservice.contact_role_assignment system property. To expose this role to customer and partner administrators, navigate to and add it to this property.',
    contains: ['sn_customerservice.customer'],
  },
  {
    name: 'sn_customerservice.partner',
    title: 'Partner',
    plugin: '',
    kind: 'other',
    description:
      'Partner who is serving customer accounts. A partner can create a case for their own account or on behalf of a customer account. A partner can view and edit all of the cases that they have created: … Note: If you are establishing a new relationship between a partner and a customer, the partner or partner admin does not have access to historic cases created for the customer. This is because the historic cases do not have the Partner or Partner Contact fields populated on the Case form.',
    contains: [],
  },
  {
    name: 'sn_customerservice.partner_admin',
    title: 'Partner administrator',
    plugin: '',
    kind: 'other',
    description:
      'Administrator role for a partner account. The partner administrator can do the following: …',
    contains: [],
  },
  {
    name: 'sn_customerservice.consumer',
    title: 'Consumer',
    plugin: '',
    kind: 'other',
    description:
      'Consumer role for researching questions, issues, or problems. Consumers can create cases and view and edit existing cases for products that they have purchased. They can also view a list of their products.',
    contains: [],
  },
];

/** The other CSM roles of document 003's second table (and 004's "Additional roles"). */
export const CSM_OTHER_ROLES: readonly RoleDef[] = [
  {
    name: 'sn_customerservice.contact_manager',
    title: 'Contact manager',
    plugin: '',
    kind: 'other',
    description: 'User who can manage contacts.',
    contains: [],
  },
  {
    name: 'sn_customerservice.projectmanager',
    title: 'Customer project manager',
    plugin: 'com.snc.csm_ppm',
    kind: 'other',
    description:
      'A user who creates and manages projects for customer accounts. Note: This role is added with the Customer Project Management plugin (com.snc.csm_ppm)',
    contains: ['sn_customerservice.customer_data_viewer'],
  },
  {
    name: 'sn_customerservice.projectstakeholder',
    title: 'Customer project stakeholder',
    plugin: 'com.snc.csm_ppm',
    kind: 'other',
    description:
      'A user who is responsible for activities that require viewing customer project details and project tasks. Note: This role is added with the Customer Project Management plugin (com.snc.csm_ppm)',
    contains: [],
  },
  {
    name: 'sn_customerservice.customer_data_viewer',
    title: 'Customer data viewer',
    plugin: '',
    kind: 'other',
    // Document 004's wording (003's lost its lists).
    description:
      'This role provides read access to customer data, including account, consumer, and household data, and the information included in the related lists.',
    contains: [],
  },
  {
    name: 'sn_customerservice.deescalation_requester',
    title: 'De-escalation requester',
    plugin: '',
    kind: 'other',
    description: 'User who can deescalate a case or account when the cause of the escalation is resolved.',
    contains: ['sn_customerservice.escalation_requester'],
  },
  {
    name: 'sn_customerservice.escalation_requester',
    title: 'Escalation requester',
    plugin: '',
    kind: 'other',
    description: 'User who can request an escalation for a case or account.',
    contains: ['sn_customerservice.consumer_agent'],
  },
  {
    name: 'sn_customerservice.proxy_case_creator',
    title: 'Proxy case creator',
    plugin: '',
    kind: 'other',
    description:
      'Users with the proxy case creator role can create customer service cases directly from community questions created by contacts or consumers',
    contains: [],
  },
  {
    name: 'sn_customerservice.proxy_contact',
    title: 'Proxy contact',
    plugin: 'com.snc.csm_proxy_contacts',
    kind: 'other',
    description:
      'Role that enables employees to create cases for customer accounts and contacts. Employees can also be proxy case contacts on behalf of customers. Assign this role to employees in your company who are not fulfillers or do not have other CSM-specific roles. Users with this role can: … Note: The CSM Extension for Proxy Contacts (com.snc.csm_proxy_contacts) plugin adds this role.',
    contains: [],
  },
  {
    name: 'sn_customerservice.csm_workspace_user',
    title: 'Workspace user',
    plugin: '',
    kind: 'other',
    description:
      'This role provides access to case tasks from the following modules in the CSM workspaces: … You can also: … Note: By default, this role is added to the case task agent role (sn_customerservice.case_task_agent).',
    contains: [],
  },
];

/**
 * "Roles installed with the Customer Service Base Entities plugin". The table lost its description
 * column for most rows and shifted "Contains roles" into it: `sn_esm_user` under sn_esm_partner and
 * sn_esm_user_admin, "None" under sn_esm_admin are read as contained roles. No plugin id is given.
 */
export const BASE_ENTITY_ROLES: readonly RoleDef[] = [
  {
    name: 'csm_admin',
    title: 'CSM admin',
    plugin: '',
    kind: 'base',
    description: 'Provides admin access to all CSM features and data.',
    contains: [],
  },
  {
    name: 'sn_esm_agent',
    title: 'Service management agent',
    plugin: '',
    kind: 'base',
    description: '',
    // From the note in document 003: "The sn_esm_agent role contains the cmdb_read role."
    contains: ['cmdb_read'],
  },
  {
    name: 'sn_esm_partner',
    title: 'Service management partner',
    plugin: '',
    kind: 'base',
    description: '',
    contains: ['sn_esm_user'],
  },
  {
    name: 'sn_esm_user_admin',
    title: 'Service management user admin',
    plugin: '',
    kind: 'base',
    description: '',
    contains: ['sn_esm_user'],
  },
  {
    name: 'sn_esm_admin',
    title: 'Service management admin',
    plugin: '',
    kind: 'base',
    description: '',
    contains: [],
  },
  {
    name: 'sn_esm_user',
    title: 'Service management user',
    plugin: '',
    kind: 'base',
    description: '',
    contains: [],
  },
  {
    name: 'sn_esm_partner_admin',
    title: 'Service management partner admin',
    plugin: '',
    kind: 'base',
    description: '',
    contains: [],
  },
  {
    name: 'csm_ws_integration',
    title: 'Role for REST APIs related to CSM web services',
    plugin: '',
    kind: 'base',
    description: '',
    contains: ['snc_internal'],
  },
];

/** Roles the documents only name inside "Contains roles" cells or notes. */
export const NAMED_ONLY_ROLES: readonly RoleDef[] = [
  {
    name: 'snc_internal',
    title: 'snc_internal',
    plugin: '',
    kind: 'base',
    description:
      'Named in "Roles installed with the Customer Service Base Entities plugin" as contained by csm_ws_integration (the platform role that marks internal users).',
    contains: [],
  },
  {
    name: 'cmdb_read',
    title: 'cmdb_read',
    plugin: '',
    kind: 'other',
    description: 'Named in a note of "CSM roles and descriptions" as contained by sn_esm_agent.',
    contains: [],
  },
];
