export { AccessEngine, type EngineOptions } from './engine.js';
export { RoleCatalog, type RoleProblem, type RoleRow, type RoleContainsRow } from './role-catalog.js';
export { formatExplanation } from './explain-format.js';
export { DEFAULT_OWNER_ROLES, type OwnerRoles } from './principals.js';
export { ROLE_SEED } from './role-seed.js';
export { BUILTIN_DEFINITIONS } from './builtin-definitions.js';
export type {
  AccessEntry,
  AccessResult,
  AccountDefaultPath,
  EngineProblem,
  EngineProblemCode,
  Explanation,
  GlobalRolePath,
  GrantPath,
  GranularCap,
  GranularInForce,
  NearMiss,
  NearMissCode,
  OwnerPath,
  PartyChange,
  Reach,
  RecordSummary,
  RelatedPartyPath,
  RoleHeld,
  ValidationCode,
  ValidationIssue,
  WhatIfResult,
} from './types.js';
