/** `GET /api/now/table/:table` (query, pagination) and `GET /api/now/table/:table/:sys_id`. */
import { faults } from '../faults.js';
import { getBackend } from '../db.js';
import { runQuery } from '../store/query-eval.js';
import { formatRecord, type FormatContext } from './format.js';
import type { TableRequest } from './guard.js';
import { readParams } from './params.js';
import { errorResponse, resultResponse } from './responses.js';
import { badParams, unknownTable } from './route-errors.js';

/** The format context of a request. */
export function formatContext(r: TableRequest): FormatContext {
  return {
    store: getBackend().store,
    table: r.table,
    origin: r.url.origin,
    omitted: faults.omittedFields(r.table),
    omittedIn: (table) => faults.omittedFields(table),
    forbidden: (table) => faults.config.forbiddenTables?.includes(table) ?? false,
  };
}

export async function listRecords(r: TableRequest): Promise<Response> {
  const { store } = getBackend();
  if (!store.schema(r.table)) return unknownTable(r.table);
  let params;
  try {
    params = readParams(r.url);
  } catch (error) {
    return badParams(error);
  }
  const { records, ignoredFields } = runQuery(store, r.table, params.query);
  const page = records.slice(params.offset, params.offset + params.limit);
  const context = formatContext(r);
  const headers: Record<string, string> = {
    'X-Total-Count': String(records.length),
    Link: linkHeader(r.url, params.offset, params.limit, records.length),
  };
  // Not a platform header: the platform drops unknown fields silently; this helps debugging.
  if (ignoredFields.length > 0) headers['X-Mock-Ignored-Fields'] = ignoredFields.join(',');
  return resultResponse(
    page.map((record) => formatRecord(context, record, params)),
    200,
    headers,
  );
}

export async function getRecord(r: TableRequest): Promise<Response> {
  const { store } = getBackend();
  if (!store.schema(r.table)) return unknownTable(r.table);
  const record = store.get(r.table, r.sysId ?? '');
  if (!record) return errorResponse(404);
  let params;
  try {
    params = readParams(r.url);
  } catch (error) {
    return badParams(error);
  }
  return resultResponse(formatRecord(formatContext(r), record, params));
}

/** `Link` with first, prev, next, last: absolute URLs with the request's other parameters. */
export function linkHeader(url: URL, offset: number, limit: number, total: number): string {
  const at = (rel: string, pageOffset: number): string => {
    const target = new URL(url);
    target.searchParams.set('sysparm_limit', String(limit));
    target.searchParams.set('sysparm_offset', String(pageOffset));
    return `<${target.href}>;rel="${rel}"`;
  };
  const links = [at('first', 0)];
  if (limit > 0 && offset > 0) links.push(at('prev', Math.max(0, offset - limit)));
  if (limit > 0 && offset + limit < total) links.push(at('next', offset + limit));
  links.push(at('last', limit > 0 && total > 0 ? Math.floor((total - 1) / limit) * limit : 0));
  return links.join(',');
}
