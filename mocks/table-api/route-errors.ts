/** The 400/404 answers the routes share. */
import { QueryParseError } from '../store/encoded-query.js';
import { ParamError } from './params.js';
import { errorResponse } from './responses.js';

/** 404 for a table the instance does not have. */
export function unknownTable(table: string): Response {
  return errorResponse(404, `Invalid table ${table}`, 'The table does not exist or is not accessible');
}

/** 400 for a bad `sysparm_*` parameter or encoded query; rethrows anything else. */
export function badParams(error: unknown): Response {
  if (error instanceof QueryParseError) return errorResponse(400, 'Invalid encoded query', error.message);
  if (error instanceof ParamError) return errorResponse(400, 'Invalid parameter', error.message);
  throw error;
}
