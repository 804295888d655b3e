import type { RoleDef } from '../../model/index.js';

/**
 * "Contributor user roles" (reference document 004; the first five also appear in 003). "…" marks
 * a list the source lost; "注:" notes read "Note:". The document writes the creator role as
 * `case_contributor_creator` in its own row but `sn_customerservice.case_contributor_creator` in
 * every "Contains roles" cell: the seed uses the namespaced name throughout.
 */

const CS = 'com.sn_customerservice';
const CONTRIBUTOR_USER = 'com.snc.csm_contributor_user';
const CREATOR = 'sn_customerservice.case_contributor_creator';

/** Roles included with the Customer Service plugin. */
export const CUSTOMER_SERVICE_CONTRIBUTOR_ROLES: readonly RoleDef[] = [
  {
    name: 'sn_customerservice.case_task_agent',
    title: 'Case task agent',
    plugin: CS,
    kind: 'contributor',
    description:
      'This role provides access to case tasks and related case information. A user with this role can work on the following case tasks: … With this role, the user can: … With this role, users have read-only access to customer information for the case: …',
    // From the Workspace user note: "By default, this role is added to the case task agent role".
    contains: ['sn_customerservice.csm_workspace_user'],
  },
  {
    name: 'sn_customerservice.case_task_viewer',
    title: 'Case task viewer',
    plugin: CS,
    kind: 'contributor',
    description:
      'This role provides read-only access to all case tasks. Note: When combined with the case viewer role (sn_customerservice.case_viewer), a user can access all customer service cases and all case tasks.',
    contains: [],
    // A global read role (rule 7): it reads every case task, so it carries its grant like a granular role.
    grants: [{ target: 'case_task', permission: 'read' }],
  },
  {
    name: 'sn_customerservice.case_viewer',
    title: 'Case viewer',
    plugin: CS,
    kind: 'contributor',
    description: 'This role provides read-only access to all cases.',
    contains: [],
    // A global read role (rule 7): it reads every case, with no related party needed.
    grants: [{ target: 'case', permission: 'read' }],
  },
  {
    name: 'sn_customerservice.case_contributor_editor',
    title: 'Case contributor editor',
    plugin: CS,
    kind: 'contributor',
    description:
      'This role provides limited write access to some of the fields on the Case form if the user has read access to the case through another role. Limited write access is available for the following fields: …',
    contains: [],
  },
  {
    name: 'sn_customerservice.case_contributor_viewer',
    title: 'Case contributor viewer',
    plugin: CS,
    kind: 'contributor',
    description:
      'This role provides read access to all tables associated with a case if the user has read access to the case through another role. The user can access the All tasks I participate in module in CSM Agent Workspace.',
    contains: [],
  },
];

/** Roles of the CSM Contributor User, Business Location and CSM Base Extension Entities plugins. */
export const CONTRIBUTOR_PLUGIN_ROLES: readonly RoleDef[] = [
  {
    name: 'sn_customerservice.account_contributor',
    title: 'Account contributor',
    plugin: CONTRIBUTOR_USER,
    kind: 'contributor',
    description: 'This role enables users to create cases for any account.',
    contains: [CREATOR],
  },
  {
    name: 'sn_customerservice.consumer_contributor',
    title: 'Consumer contributor',
    plugin: CONTRIBUTOR_USER,
    kind: 'contributor',
    description: 'This role enables users to create cases for any consumer.',
    contains: [CREATOR],
  },
  {
    name: 'sn_customerservice.self_contributor',
    title: 'Self-contributor',
    plugin: CONTRIBUTOR_USER,
    kind: 'contributor',
    description: 'This role enables users with snc_internal role to create cases for themselves.',
    contains: [CREATOR],
  },
  {
    name: CREATOR,
    title: 'Case contributor creator',
    plugin: CONTRIBUTOR_USER,
    kind: 'contributor',
    description:
      'This role enables users to create cases and is included in the top-level contributor roles.',
    contains: [],
  },
  {
    name: 'sn_customerservice.service_organization_contributor',
    title: 'Service organization contributor',
    plugin: 'com.snc.business_location',
    kind: 'contributor',
    description:
      'This role enables you to create cases for their service organization (business location). Note: A service organization contributor must be a member of a service organization to create cases on its behalf.',
    contains: [CREATOR],
  },
  {
    name: 'sn_customerservice.relationship_contributor',
    title: 'Relationship contributor',
    plugin: 'com.snc.cs_base_extension',
    kind: 'contributor',
    description:
      'This role enables you to create cases for customers with which they have an established relationship.',
    contains: [CREATOR],
  },
];
