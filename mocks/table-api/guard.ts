/**
 * Wraps every Table API resolver with the request log and the fault controller: latency, network
 * failure, 401/429/5xx/403 instead of an answer, and malformed bodies after it.
 */
import { delay, HttpResponse, type HttpResponseResolver } from 'msw';
import { faults, type MalformedKind } from '../faults.js';
import { requestLog } from '../request-log.js';
import { errorResponse, LOGIN_PAGE_HTML } from './responses.js';

/** What a Table API resolver receives. */
export interface TableRequest {
  readonly request: Request;
  readonly url: URL;
  readonly table: string;
  readonly sysId?: string;
}

export type TableParams = { table: string; sys_id?: string };

/** True when the request carries credentials the platform accepts (token, basic, or session token). */
function authenticated(request: Request): boolean {
  const authorization = request.headers.get('Authorization') ?? '';
  return /^(Bearer|Basic) \S/.test(authorization) || request.headers.has('X-UserToken');
}

/** The resolver with logging and faults around it. */
export function guarded(resolve: (r: TableRequest) => Promise<Response>): HttpResponseResolver<TableParams> {
  return async ({ request, params }) => {
    const { method } = request;
    const table = params.table;
    const sysId = params.sys_id;
    const done = requestLog.start({
      method,
      url: request.url,
      table,
      time: Date.now(),
      ...(sysId ? { sysId } : {}),
    });
    const latency = faults.latency(method, table);
    if (latency > 0) await delay(latency);
    const fault = faults.before(method, table, authenticated(request));
    if (fault?.kind === 'offline') {
      done(0);
      return HttpResponse.error();
    }
    let response: Response;
    if (fault) {
      const retry = fault.retryAfterSeconds;
      const headers: Record<string, string> = retry === undefined ? {} : { 'Retry-After': String(retry) };
      response = errorResponse(fault.status, undefined, undefined, headers);
    } else {
      response = await resolve({ request, url: new URL(request.url), table, ...(sysId ? { sysId } : {}) });
      const kind = response.ok && response.status !== 204 ? faults.takeMalformed(method, table) : undefined;
      if (kind) response = await malform(response, kind);
    }
    done(response.status);
    return response;
  };
}

/** A successful answer spoiled the way proxies, expired sessions or buggy scripts spoil them. */
async function malform(response: Response, kind: MalformedKind): Promise<Response> {
  const text = await response.text();
  const init = { status: response.status, headers: new Headers(response.headers) };
  if (kind === 'html') {
    init.headers.set('Content-Type', 'text/html;charset=UTF-8');
    return new HttpResponse(LOGIN_PAGE_HTML, init);
  }
  if (kind === 'json') return new HttpResponse(text.slice(0, Math.max(1, Math.floor(text.length / 2))), init);
  // 'shape': valid JSON, but the records are not under `result`.
  const body = JSON.parse(text) as { result?: unknown };
  return new HttpResponse(JSON.stringify({ records: body.result }), init);
}
