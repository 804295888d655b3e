// definitions service
export { DefinitionsService } from './definitions-service.js';
export type { DefinitionsServiceOptions, DefinitionsStorageOptions } from './definitions-service.js';
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
