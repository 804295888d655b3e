/** `POST /api/now/table/:table`, `PATCH|PUT /api/now/table/:table/:sys_id`, `DELETE …/:sys_id`. */
import { HttpResponse } from 'msw';
import { getBackend } from '../db.js';
import { checkPartyWrite } from '../store/integrity.js';
import { StoreError, type WriteValues } from '../store/table-store.js';
import { formatRecord } from './format.js';
import type { TableRequest } from './guard.js';
import { readParams } from './params.js';
import { formatContext } from './read-routes.js';
import { errorResponse, resultResponse } from './responses.js';
import { badParams, unknownTable } from './route-errors.js';

/** A body the platform cannot read. */
class BodyError extends Error {}

/** The JSON object of a write; numbers and booleans become strings, null becomes empty. */
async function readBody(request: Request): Promise<WriteValues> {
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    throw new BodyError('The payload is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BodyError('The payload must be a JSON object of field values');
  }
  const values: Record<string, string> = {};
  for (const [field, value] of Object.entries(body)) {
    if (value === null) values[field] = '';
    else if (typeof value === 'string') values[field] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') values[field] = String(value);
    else throw new BodyError(`Invalid value for field ${field}: expected a string`);
  }
  return values;
}

function writeError(error: unknown): Response {
  if (error instanceof BodyError) return errorResponse(400, 'Exception while reading request', error.message);
  if (error instanceof StoreError) return errorResponse(400, 'Operation Failed', error.message);
  return badParams(error);
}

export async function createRecord(r: TableRequest): Promise<Response> {
  const { store, tableMap } = getBackend();
  if (!store.schema(r.table)) return unknownTable(r.table);
  try {
    const params = readParams(r.url);
    const values = store.normalize(r.table, await readBody(r.request));
    const refused = checkPartyWrite(store, tableMap, r.table, values);
    if (refused) return errorResponse(400, refused.message, refused.detail);
    const record = store.insert(r.table, values);
    const location = `${r.url.origin}/api/now/table/${r.table}/${record.sys_id ?? ''}`;
    return resultResponse(formatRecord(formatContext(r), record, params), 201, { Location: location });
  } catch (error) {
    return writeError(error);
  }
}

export async function updateRecord(r: TableRequest): Promise<Response> {
  const { store, tableMap } = getBackend();
  if (!store.schema(r.table)) return unknownTable(r.table);
  const sysId = r.sysId ?? '';
  const current = store.get(r.table, sysId);
  if (!current) return errorResponse(404);
  try {
    const params = readParams(r.url);
    const values = store.normalize(r.table, await readBody(r.request));
    const refused = checkPartyWrite(
      store,
      tableMap,
      r.table,
      { ...current, ...values, sys_id: sysId },
      sysId,
    );
    if (refused) return errorResponse(400, refused.message, refused.detail);
    const record = store.update(r.table, sysId, values);
    return record ? resultResponse(formatRecord(formatContext(r), record, params)) : errorResponse(404);
  } catch (error) {
    return writeError(error);
  }
}

export async function deleteRecord(r: TableRequest): Promise<Response> {
  const { store } = getBackend();
  if (!store.schema(r.table)) return unknownTable(r.table);
  if (!store.remove(r.table, r.sysId ?? '')) return errorResponse(404);
  return new HttpResponse(null, { status: 204 });
}
