import type { RoleDef } from '../model/index.js';
import { FUNCTIONAL_ROLES, GRANULAR_ROLES } from './seed/customer-access-roles.js';
import { BASE_ENTITY_ROLES, CSM_OTHER_ROLES, CSM_PRIMARY_ROLES, NAMED_ONLY_ROLES } from './seed/csm-roles.js';
import { CONTRIBUTOR_PLUGIN_ROLES, CUSTOMER_SERVICE_CONTRIBUTOR_ROLES } from './seed/contributor-roles.js';

/**
 * The role catalogue of the reference documents (002 customer access management, 003 Customer
 * Service Management, 004 contributor roles): every role they name, once, with its direct
 * containment edges. Transcribed once; test/node/role-seed.test.ts checks it against an
 * independent row-by-row transcription.
 */
export const ROLE_SEED: readonly RoleDef[] = [
  ...FUNCTIONAL_ROLES,
  ...GRANULAR_ROLES,
  ...CSM_PRIMARY_ROLES,
  ...CSM_OTHER_ROLES,
  ...CUSTOMER_SERVICE_CONTRIBUTOR_ROLES,
  ...CONTRIBUTOR_PLUGIN_ROLES,
  ...BASE_ENTITY_ROLES,
  ...NAMED_ONLY_ROLES,
];
