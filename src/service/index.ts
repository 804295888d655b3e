// definitions service
export { DefinitionsService } from './definitions-service.js';
export type {
  DefinitionsServiceOptions,
  DefinitionsStorageOptions,
  HostPersonaGrant,
} from './definitions-service.js';
export { DefinitionsUnavailableError } from './definitions-snapshot.js';
export type { DefinitionsListener, DefinitionsSnapshot } from './definitions-snapshot.js';
export {
  rowsToDefinitions,
  rolesFromRows,
  responsibilitiesFromRows,
  accessConfigsFromRows,
  relationshipTypesFromRows,
  entityKindIn,
  partyKindIn,
} from './definitions-rows.js';
export type { DefinitionRows, Converted } from './definitions-rows.js';
export { DEFINITION_KINDS } from './definitions-fetch.js';
export type { DefinitionKind } from './definitions-fetch.js';

// related parties, facts for the engine, access per entity
export { RelatedPartiesService, ConflictError, UnconfirmedWriteError } from './related-parties-service.js';
export type { PartyChangeInput } from './related-parties-service.js';
export { AccessFactsLoader } from './access-facts-loader.js';
export type { AccessFacts, AccessFactsOptions, IncompleteSource } from './access-facts-loader.js';
export { AccessService } from './access-service.js';
export type { EntityAccess, DefinitionsSource } from './access-service.js';
export { partyKindsOf, partyTable } from './party-rows.js';
export type { PartyRow } from './party-rows.js';

// live refresh
export { LiveFeed, DEFAULT_POLL_INTERVAL_S } from './live-feed.js';
export type { LiveFeedOptions, LiveStatus, PushSource, LiveAccessTarget } from './live-feed.js';
export { PartyChangeReader, diffStamps } from './change-feed.js';
export type { PartiesChange, PartyUpdate, PartyStamp, StampDiff } from './change-feed.js';
export { WebSocketPushSource } from './websocket-push-source.js';
export type { WebSocketPushSourceOptions } from './websocket-push-source.js';
export { DefinitionsRefresh, DEFAULT_DEFINITIONS_INTERVAL_MS } from './definitions-refresh.js';
export { browserEnvironment } from './live-environment.js';
export type { LiveEnvironment } from './live-environment.js';
