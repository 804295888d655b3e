export {
  ACCESS_LEVELS,
  compareLevels,
  maxLevel,
  LEVEL_PERMISSIONS,
  PARTY_KINDS,
  PRINCIPAL_KINDS,
  ENTITY_KINDS,
  formatRef,
  parseRef,
  isPrincipalKind,
  ENTITY_TABLES,
  entityKindOfTable,
  EMPTY_FACTS,
} from './model/index.js';
export type * from './model/index.js';
