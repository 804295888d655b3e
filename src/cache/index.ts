export { DefinitionsCache, clearAllDefinitionCaches } from './definitions-cache.js';
export type { CachedDefinitions, DefinitionsCacheOptions, StorageStatus } from './definitions-cache.js';
export {
  DEFINITIONS_DB_VERSION,
  DEFINITIONS_DB_PREFIX,
  definitionsDatabaseName,
  instanceOrigin,
} from './definitions-db.js';
export type {
  CacheMeta,
  DefinitionsDB,
  IncompleteTable,
  OpenDefinitionsDB,
  TableStamp,
} from './definitions-db.js';
export { CacheUnavailableError } from './open-definitions-db.js';
