/** The REST Table API client: builder, client, errors, response schemas and the shared contract. */
export { TableApiClient } from './table-api-client.js';
export type { TableApiClientOptions, TableApiAuth } from './table-api-client.js';
export { EncodedQuery, q } from './encoded-query.js';
export { unsafeValueReason } from './query-safety.js';
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
} from './errors.js';
export type { CamErrorKind, QueryValueReason } from './errors.js';
export { ListBody, SingleBody, ErrorBody, parseBody, toRow } from './schemas.js';
export type { DisplayMode } from './schemas.js';
export type {
  FieldValue,
  Row,
  RequestOptions,
  ListOptions,
  ListPage,
  IterateOptions,
  WriteValues,
  TableClient,
} from './types.js';
export { DEFAULT_TABLE_MAP, resolveTableMap } from './table-map.js';
export type { TableMap, TableKey, TableMapOverrides } from './table-map.js';
