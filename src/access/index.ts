export { AccessEngine, type EngineOptions } from './engine.js';
export { RoleCatalog, type RoleProblem, type RoleRow, type RoleContainsRow } from './role-catalog.js';
export { formatExplanation } from './explain-format.js';
export { DEFAULT_OWNER_ROLES, type OwnerRoles } from './principals.js';
export { ROLE_SEED } from './role-seed.js';
export { BUILTIN_DEFINITIONS } from './builtin-definitions.js';
export { BUILTIN_PERSONA_GRANTS, personaGrantsOf, withPersonaGrants } from './builtin-persona-grants.js';
export { formatNearMiss, personaScopeText } from './explain-format.js';
export {
  parseAccessTestFile,
  parseAccessTestFileText,
  AccessTestFileError,
  toAccessTestFile,
  MAX_ACCESS_TEST_FILE_BYTES,
  type AccessTestFile,
  type AccessTest,
  type AccessExpectation,
  type AccessTestFileDocument,
  type AccessTestFileExportOptions,
} from './test-file.js';
export {
  runAccessTests,
  meetsExpectation,
  describeExpectation,
  describeTest,
  type AccessTestResult,
} from './test-run.js';
export type {
  AccessEntry,
  AccessResult,
  AccountDefaultPath,
  EntityMention,
  EngineProblem,
  EngineProblemCode,
  Explanation,
  GlobalRolePath,
  GrantPath,
  GranularCap,
  GranularInForce,
  NearMiss,
  NearMissCode,
  NearMissDetail,
  OwnerPath,
  PersonaGrantSummary,
  PersonaPath,
  PersonaScopeMatch,
  PartyChange,
  Reach,
  RecordSummary,
  RelatedPartyPath,
  RoleHeld,
  ValidationCode,
  ValidationIssue,
  WhatIfResult,
} from './types.js';
