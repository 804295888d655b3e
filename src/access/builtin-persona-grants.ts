import type { PersonaGrant } from '../model/index.js';

/*
 * Built-in persona grants: what a role gives by itself, without a related-party record (the
 * platform's role-based ACLs, which the Table API does not expose). One row per role × table, each
 * with the sentence of the reference documents it comes from (document 003, "Roles installed with
 * Customer Service Management", and its Customer Service Base Entities section). Where the sentence
 * is vague the choice is written after "Chosen:" and in docs/access-rules.md; a host overrides any
 * row by id (`withPersonaGrants`).
 *
 * Internal roles apply to internal users, external roles to contacts or consumers: document 003
 * separates them, and explicit roles may give internal roles to external users, which a host says
 * by listing more principal kinds on a row.
 *
 * Not rows: `case_viewer` and `case_task_viewer` already grant through their role grants (global
 * roles of internal users); roles whose description grants nothing on cases, sold products,
 * install base or case tasks (contact manager, project roles, proxy roles, the base `sn_esm_*`
 * roles whose descriptions are empty) have none.
 */

const AGENT = 'sn_customerservice_agent';
const MANAGER = 'sn_customerservice_manager';
const CONSUMER_AGENT = 'sn_customerservice.consumer_agent';
const CUSTOMER = 'sn_customerservice.customer';
const CUSTOMER_ADMIN = 'sn_customerservice.customer_admin';
const CASE_MANAGER = 'sn_customerservice.customer_case_manager';
const PARTNER = 'sn_customerservice.partner';
const PARTNER_ADMIN = 'sn_customerservice.partner_admin';
const CONSUMER = 'sn_customerservice.consumer';
const CASE_TASK_AGENT = 'sn_customerservice.case_task_agent';
const WORKSPACE_USER = 'sn_customerservice.csm_workspace_user';
const CSM_ADMIN = 'csm_admin';

const row = (grant: Omit<PersonaGrant, 'source'>): PersonaGrant => ({ ...grant, source: 'builtin' });

/** The built-in persona grant rows, in the order of document 003. */
export const BUILTIN_PERSONA_GRANTS: readonly PersonaGrant[] = [
  // "This user creates cases, views and edits cases, and works with customers and subject matter
  // experts to resolve cases." Chosen: every case (agents are not limited to an account).
  row({
    id: 'agent_cases',
    role: AGENT,
    table: 'case',
    level: 'full',
    scope: 'all',
    principals: ['user'],
    note: 'Customer service agent: "This user creates cases, views and edits cases, and works with customers and subject matter experts to resolve cases."',
  }),
  // "Customer service agent with the additional responsibility for managing agents or agent groups
  // and overriding agent actions." The seed role does not contain the agent role, so the row is
  // repeated.
  row({
    id: 'manager_cases',
    role: MANAGER,
    table: 'case',
    level: 'full',
    scope: 'all',
    principals: ['user'],
    note: 'Customer service manager: "Customer service agent with the additional responsibility for managing agents or agent groups and overriding agent actions."',
  }),
  // "This user creates, views, and edits cases and works with consumers to resolve cases."
  // Inherited by escalation_requester and deescalation_requester through containment.
  row({
    id: 'consumer_agent_cases',
    role: CONSUMER_AGENT,
    table: 'case',
    level: 'full',
    scope: 'all',
    principals: ['user'],
    note: 'Consumer service agent: "This user creates, views, and edits cases and works with consumers to resolve cases."',
  }),
  // "Customers can create cases and view and edit existing cases for themselves."
  row({
    id: 'customer_own_cases',
    role: CUSTOMER,
    table: 'case',
    level: 'write',
    scope: 'own',
    principals: ['contact'],
    note: 'Customer: "Customers can create cases and view and edit existing cases for themselves."',
  }),
  // "They can also view a list of assets belonging to their accounts." Assets are the account's
  // sold products and install base; Restrict Contact Access on the account turns it off.
  row({
    id: 'customer_account_sold_products',
    role: CUSTOMER,
    table: 'sold_product',
    level: 'read',
    scope: 'account',
    principals: ['contact'],
    respectsRestrictContactAccess: true,
    note: 'Customer: "They can also view a list of assets belonging to their accounts."',
  }),
  row({
    id: 'customer_account_install_base',
    role: CUSTOMER,
    table: 'install_base',
    level: 'read',
    scope: 'account',
    principals: ['contact'],
    respectsRestrictContactAccess: true,
    note: 'Customer: "They can also view a list of assets belonging to their accounts."',
  }),
  // "Administrator role for a customer account. This user has access to data within the account."
  // Chosen: full on the account's cases, read on its sold products and install base (assets are
  // maintained by the provider); not turned off by Restrict Contact Access (an administrator).
  row({
    id: 'customer_admin_account_cases',
    role: CUSTOMER_ADMIN,
    table: 'case',
    level: 'full',
    scope: 'account',
    principals: ['contact'],
    note: 'Customer administrator: "Administrator role for a customer account. This user has access to data within the account."',
  }),
  row({
    id: 'customer_admin_account_sold_products',
    role: CUSTOMER_ADMIN,
    table: 'sold_product',
    level: 'read',
    scope: 'account',
    principals: ['contact'],
    note: 'Customer administrator: "This user has access to data within the account."',
  }),
  row({
    id: 'customer_admin_account_install_base',
    role: CUSTOMER_ADMIN,
    table: 'install_base',
    level: 'read',
    scope: 'account',
    principals: ['contact'],
    note: 'Customer administrator: "This user has access to data within the account."',
  }),
  // "Customer role for managing the cases in an account and any related child accounts."
  // It contains the customer role, so it also inherits the customer rows.
  row({
    id: 'customer_case_manager_account_tree_cases',
    role: CASE_MANAGER,
    table: 'case',
    level: 'full',
    scope: 'account_tree',
    principals: ['contact'],
    note: 'Customer case manager: "Customer role for managing the cases in an account and any related child accounts."',
  }),
  // "A partner can view and edit all of the cases that they have created", and the note: partners
  // do not see historic cases "because the historic cases do not have the Partner or Partner
  // Contact fields populated". Chosen: the cases naming the partner as partner contact, or the
  // partner's account as partner account.
  row({
    id: 'partner_cases',
    role: PARTNER,
    table: 'case',
    level: 'write',
    scope: 'partner',
    principals: ['contact'],
    note: 'Partner: "A partner can view and edit all of the cases that they have created" (through the Partner and Partner Contact fields of the case).',
  }),
  // "Administrator role for a partner account." (its list of abilities is not in the document).
  // Chosen: full on the partner's cases.
  row({
    id: 'partner_admin_cases',
    role: PARTNER_ADMIN,
    table: 'case',
    level: 'full',
    scope: 'partner',
    principals: ['contact'],
    note: 'Partner administrator: "Administrator role for a partner account."',
  }),
  // "Consumers can create cases and view and edit existing cases for products that they have
  // purchased. They can also view a list of their products." Chosen: a consumer's cases are those
  // naming them as consumer; their products the sold products naming them as consumer.
  row({
    id: 'consumer_own_cases',
    role: CONSUMER,
    table: 'case',
    level: 'write',
    scope: 'own',
    principals: ['consumer'],
    note: 'Consumer: "Consumers can create cases and view and edit existing cases for products that they have purchased."',
  }),
  row({
    id: 'consumer_own_sold_products',
    role: CONSUMER,
    table: 'sold_product',
    level: 'read',
    scope: 'own',
    principals: ['consumer'],
    note: 'Consumer: "They can also view a list of their products."',
  }),
  // "This role provides access to case tasks and related case information." Chosen: write on case
  // tasks (catalogue data: case tasks are not an entity of the engine).
  row({
    id: 'case_task_agent_case_tasks',
    role: CASE_TASK_AGENT,
    table: 'case_task',
    level: 'write',
    scope: 'all',
    principals: ['user'],
    note: 'Case task agent: "This role provides access to case tasks and related case information."',
  }),
  // "This role provides access to case tasks from the following modules in CSM Agent Workspace".
  // Chosen: read.
  row({
    id: 'workspace_user_case_tasks',
    role: WORKSPACE_USER,
    table: 'case_task',
    level: 'read',
    scope: 'all',
    principals: ['user'],
    note: 'Workspace user: "This role provides access to case tasks from the following modules in CSM Agent Workspace".',
  }),
  // Base entities plugin: "Provides admin access to all CSM features and data."
  ...(['case', 'sold_product', 'install_base', 'case_task'] as const).map((table) =>
    row({
      id: `csm_admin_${table}`,
      role: CSM_ADMIN,
      table,
      level: 'full',
      scope: 'all',
      principals: ['user'],
      note: 'CSM admin: "Provides admin access to all CSM features and data."',
    }),
  ),
];

/**
 * The persona rows of definitions: its own list, or the built-in rows when it has none (definitions
 * read from an instance never have any: ACLs are not readable through the Table API).
 */
export function personaGrantsOf(definitions: {
  readonly personaGrants?: readonly PersonaGrant[];
}): readonly PersonaGrant[] {
  return definitions.personaGrants ?? BUILTIN_PERSONA_GRANTS;
}

/**
 * Definitions with host rows over their persona rows: a row whose id exists replaces it (give
 * `active: false` to turn a built-in row off), any other is added. The rows are the host's: their
 * source becomes `host` (`imported` rows stay `imported`).
 */
export function withPersonaGrants<D extends { readonly personaGrants?: readonly PersonaGrant[] }>(
  definitions: D,
  rows: readonly (Omit<PersonaGrant, 'source'> & { readonly source?: PersonaGrant['source'] })[],
): D & { readonly personaGrants: readonly PersonaGrant[] } {
  const merged = new Map(personaGrantsOf(definitions).map((grant) => [grant.id, grant]));
  for (const grant of rows)
    merged.set(grant.id, { ...grant, source: grant.source === 'imported' ? 'imported' : 'host' });
  return { ...definitions, personaGrants: [...merged.values()] };
}
