/**
 * The public API of cam-elements for hosts: the services (and `createCamServices` to wire them),
 * the Table API client, the access engine and access-test files, the domain types and the errors a
 * host may catch. Everything is exported by name; schemas, row converters and IndexedDB internals
 * live in `src/internal/` and are not part of it (see docs/architecture.md, CHANGELOG.md).
 */

// domain model: kinds, levels, references, definitions and facts
export {
  ACCESS_LEVELS,
  compareLevels,
  maxLevel,
  LEVEL_PERMISSIONS,
  PERMISSIONS,
  PARTY_KINDS,
  PRINCIPAL_KINDS,
  ENTITY_KINDS,
  ROLE_KINDS,
  ACCESS_TARGETS,
  RESPONSIBILITY_PARTY_KINDS,
  PERSONA_TABLES,
  PERSONA_SCOPES,
  PERSONA_SOURCES,
  formatRef,
  parseRef,
  isPrincipalKind,
  ENTITY_TABLES,
  entityKindOfTable,
  EMPTY_FACTS,
  factsOfKind,
  entityName,
} from './model/index.js';
export type {
  AccessLevel,
  Permission,
  PartyKind,
  PrincipalKind,
  EntityKind,
  Ref,
  PartyRef,
  PrincipalRef,
  EntityRef,
  RoleKind,
  AccessTarget,
  GranularGrant,
  RoleDef,
  ResponsibilityPartyKind,
  ResponsibilityPartyType,
  ResponsibilityDef,
  AccessConfig,
  RelationshipType,
  PersonaTable,
  PersonaScope,
  PersonaSource,
  PersonaGrant,
  Definitions,
  Account,
  Contact,
  Consumer,
  User,
  ServiceOrganization,
  Household,
  SoldProduct,
  InstallBaseItem,
  Case,
  RelatedPartyRecord,
  Facts,
} from './model/index.js';

// services: what the elements use, and how a host creates them
export { createCamServices } from './service/create-services.js';
export type { CamServices, CamServicesOptions, OwnedCamServices } from './service/create-services.js';
export { DefinitionsService } from './service/definitions-service.js';
export type {
  DefinitionsServiceOptions,
  DefinitionsStorageOptions,
  HostPersonaGrant,
} from './service/definitions-service.js';
export { DefinitionsUnavailableError } from './service/definitions-snapshot.js';
export type { CacheOwner, DefinitionsListener, DefinitionsSnapshot } from './service/definitions-snapshot.js';
export {
  RelatedPartiesService,
  ConflictError,
  UnconfirmedWriteError,
  MEMBER_LIMIT,
  SEARCH_LIMIT,
} from './service/related-parties-service.js';
export type {
  PartyChangeInput,
  PartyMembers,
  PartySearchPage,
  UnconfirmedOutcome,
} from './service/related-parties-service.js';
export type { EntitySearchResult, PartySearchResult } from './service/party-search.js';
export type { PartyRow } from './service/party-rows.js';
export { AccessFactsLoader } from './service/access-facts-loader.js';
export type {
  AccessFacts,
  AccessFactsOptions,
  EarlyFacts,
  IncompleteSource,
} from './service/access-facts-loader.js';
export {
  AccessService,
  EntityNotFoundError,
  FactsUnavailableError,
  isOffline,
} from './service/access-service.js';
export type {
  DefinitionsSource,
  EntityAccess,
  ExplainResult,
  PartiesSource,
  PartyAccess,
  SnapshotLike,
} from './service/access-service.js';
export { clearAllDefinitionCaches } from './cache/definitions-cache.js';
export type { StorageStatus } from './cache/definitions-cache.js';
export type { IncompleteTable } from './cache/definitions-db.js';
export { CacheUnavailableError } from './cache/open-definitions-db.js';

// the Table API client
export { TableApiClient } from './client/table-api-client.js';
export type { TableApiClientOptions, TableApiAuth } from './client/table-api-client.js';
export { EncodedQuery, q } from './client/encoded-query.js';
export { unsafeValueReason } from './client/query-safety.js';
export {
  CamError,
  ApiError,
  AuthError,
  NetworkError,
  TimeoutError,
  ResponseFormatError,
  QueryValueError,
  QueryFieldError,
  QueryStructureError,
  isAbortError,
} from './client/errors.js';
export type { CamErrorKind, QueryValueReason } from './client/errors.js';
export type { DisplayMode } from './client/schemas.js';
export type {
  FieldValue,
  Row,
  RequestOptions,
  ListOptions,
  ListPage,
  IterateOptions,
  WriteValues,
  TableClient,
} from './client/types.js';
export { DEFAULT_TABLE_MAP, resolveTableMap } from './client/table-map.js';
export type { TableMap, TableKey, TableMapOverrides } from './client/table-map.js';

// live refresh (change feed, push sources, definitions schedule)
export { LiveFeed, DEFAULT_POLL_INTERVAL_S } from './service/live-feed.js';
export type { LiveFeedOptions, LiveStatus, PushSource, LiveAccessTarget } from './service/live-feed.js';
export { DeferredLiveFeed } from './service/deferred-live-feed.js';
export type { LiveUpdates } from './service/deferred-live-feed.js';
export { PartyChangeReader, diffStamps } from './service/change-feed.js';
export type { PartiesChange, PartyUpdate, PartyStamp, StampDiff } from './service/change-feed.js';
export { WebSocketPushSource } from './service/websocket-push-source.js';
export type { WebSocketPushSourceOptions } from './service/websocket-push-source.js';
export { DefinitionsRefresh } from './service/definitions-refresh.js';
export { DEFAULT_DEFINITIONS_INTERVAL_MS } from './service/definitions-options.js';
export { browserEnvironment } from './service/live-environment.js';
export type { LiveEnvironment } from './service/live-environment.js';

// the access engine, role catalogue and access-test files
export {
  AccessEngine,
  RoleCatalog,
  formatExplanation,
  formatNearMiss,
  DEFAULT_OWNER_ROLES,
  ROLE_SEED,
  BUILTIN_DEFINITIONS,
  BUILTIN_PERSONA_GRANTS,
  withPersonaGrants,
  personaGrantsOf,
  personaScopeText,
  parseAccessTestFile,
  parseAccessTestFileText,
  AccessTestFileError,
  toAccessTestFile,
  MAX_ACCESS_TEST_FILE_BYTES,
  runAccessTests,
  meetsExpectation,
  describeExpectation,
  describeTest,
} from './access/index.js';
export type {
  EngineOptions,
  RoleProblem,
  RoleRow,
  RoleContainsRow,
  OwnerRoles,
  AccessTestFile,
  AccessTest,
  AccessExpectation,
  AccessTestFileDocument,
  AccessTestFileExportOptions,
  AccessTestResult,
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
} from './access/index.js';
