/**
 * The thin REST Table API client (`/api/now/table/{table}`). Framework-free; knows tables by name
 * only (the table map is the services' business). Every verb goes through one `request()`.
 *
 * Decisions: `sysparm_exclude_reference_link=true` is sent on every request unless a read asks for
 * `referenceLinks` (the library works with sys_ids; links are bytes nobody reads). GETs are retried
 * on 429/502/503/504 and network errors and shared while in flight; writes are sent exactly once.
 * The timeout applies to each attempt and is not retried.
 */
import type { AuthError } from './errors.js';
import { ResponseFormatError } from './errors.js';
import { parseNextOffset, parseTotal } from './http.js';
import { InflightRequests } from './inflight.js';
import { followingOffset, listParams, readParams, type LinkedPage } from './params.js';
import { assertSysId, assertTable } from './query-safety.js';
import { ListBody, parseBody, SingleBody, toRow } from './schemas.js';
import { send, type HttpMethod, type HttpResult, type TransportConfig } from './transport.js';
import type {
  IterateOptions,
  ListOptions,
  ListPage,
  RequestOptions,
  Row,
  TableClient,
  WriteValues,
} from './types.js';

/** How the client authenticates: an OAuth bearer token, or the session cookie plus its user token. */
export type TableApiAuth =
  | { readonly type: 'bearer'; readonly token: string | (() => string | Promise<string>) }
  | { readonly type: 'session'; readonly userToken: string };

export interface TableApiClientOptions {
  /** Instance origin or path prefix; default '' (same origin). */
  readonly baseUrl?: string;
  readonly auth?: TableApiAuth;
  /** A fetch to use instead of the global one. */
  readonly fetch?: typeof fetch;
  /** Per-attempt timeout in ms (default 30000). */
  readonly timeoutMs?: number;
  /** GET retries: `retries` (default 3), `baseDelayMs` (300), `maxDelayMs` (10000), `maxRetryAfterMs` (60000). */
  readonly retry?: {
    readonly retries?: number;
    readonly baseDelayMs?: number;
    readonly maxDelayMs?: number;
    readonly maxRetryAfterMs?: number;
  };
  /** `sysparm_limit` when a list call gives none, and `iterate`'s page size (default 500). */
  readonly defaultPageSize?: number;
  /** Called with every 401 before the `AuthError` is thrown (e.g. to show a sign-in prompt). */
  readonly onAuthRequired?: (error: AuthError) => void;
}

interface Call extends RequestOptions {
  readonly sysId?: string;
  readonly params?: URLSearchParams;
  readonly body?: WriteValues;
}

type Exchange = HttpResult & { readonly what: string };

/** `TableClient` over the REST Table API. */
export class TableApiClient implements TableClient {
  private readonly baseUrl: string;
  private readonly auth: TableApiAuth | undefined;
  private readonly timeoutMs: number;
  private readonly defaultPageSize: number | undefined;
  private readonly transport: TransportConfig;
  private readonly inflight = new InflightRequests<Exchange>();

  constructor(options: TableApiClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
    this.auth = options.auth;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.defaultPageSize = options.defaultPageSize;
    this.transport = {
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      retries: options.retry?.retries ?? 3,
      baseDelayMs: options.retry?.baseDelayMs ?? 300,
      maxDelayMs: options.retry?.maxDelayMs ?? 10_000,
      maxRetryAfterMs: options.retry?.maxRetryAfterMs ?? 60_000,
      onAuthRequired: options.onAuthRequired,
    };
  }

  /** One page of records; `nextOffset` comes from the `Link` rel=next header. */
  async list(table: string, options: ListOptions = {}): Promise<ListPage> {
    const { rows, total, nextOffset } = await this.page(table, options);
    return { rows, total, nextOffset };
  }

  /** Every record, page after page (`pageSize` records per request, default 500). */
  async *iterate(table: string, options: IterateOptions = {}): AsyncGenerator<Row, void, undefined> {
    const pageSize = options.pageSize ?? this.defaultPageSize ?? 500;
    let offset = options.offset ?? 0;
    for (;;) {
      const page = await this.page(table, { ...options, limit: pageSize, offset });
      yield* page.rows;
      const next = followingOffset(page, offset, pageSize);
      if (next === undefined) return;
      if (next <= offset)
        throw new ResponseFormatError(`pagination of ${table} did not advance past ${offset}`);
      offset = next;
    }
  }

  /** One record by sys_id (`query`, `limit` and `offset` do not apply). */
  async get(table: string, sysId: string, options: ListOptions = {}): Promise<Row> {
    const params = readParams({
      fields: options.fields,
      displayValue: options.displayValue,
      referenceLinks: options.referenceLinks,
    });
    const exchange = await this.request('GET', table, { ...options, sysId: assertSysId(sysId), params });
    return toRow(parseBody(SingleBody, exchange.json, exchange).result, options.displayValue ?? false);
  }

  /** POST: creates a record and returns it as stored (201). Never retried. */
  async create(table: string, values: WriteValues, options: RequestOptions = {}): Promise<Row> {
    const exchange = await this.request('POST', table, { ...options, params: readParams({}), body: values });
    return toRow(parseBody(SingleBody, exchange.json, exchange).result);
  }

  /** PATCH: updates the given fields and returns the record. Never retried. */
  async update(
    table: string,
    sysId: string,
    values: WriteValues,
    options: RequestOptions = {},
  ): Promise<Row> {
    const call = { ...options, sysId: assertSysId(sysId), params: readParams({}), body: values };
    const exchange = await this.request('PATCH', table, call);
    return toRow(parseBody(SingleBody, exchange.json, exchange).result);
  }

  /** DELETE (204). Never retried. */
  async remove(table: string, sysId: string, options: RequestOptions = {}): Promise<void> {
    await this.request('DELETE', table, { ...options, sysId: assertSysId(sysId) });
  }

  private async page(table: string, options: ListOptions): Promise<LinkedPage> {
    const params = listParams(options, this.defaultPageSize);
    const exchange = await this.request('GET', table, { ...options, params });
    const body = parseBody(ListBody, exchange.json, exchange);
    const link = exchange.headers.get('link');
    return {
      rows: body.result.map((record) => toRow(record, options.displayValue ?? false)),
      total: parseTotal(exchange.headers.get('x-total-count')),
      nextOffset: parseNextOffset(link),
      linked: link !== null,
    };
  }

  /** The one path of every verb: URL, auth, sharing of identical GETs, then the transport. */
  private async request(method: HttpMethod, table: string, call: Call): Promise<Exchange> {
    const path = `/api/now/table/${assertTable(table)}${call.sysId ? `/${call.sysId}` : ''}`;
    const search = call.params?.toString() ?? '';
    const url = `${this.baseUrl}${path}${search ? `?${search}` : ''}`;
    const what = `${method} ${path}`;
    call.signal?.throwIfAborted();
    const auth = await this.authorise();
    call.signal?.throwIfAborted();
    const headers: Record<string, string> = { Accept: 'application/json', ...auth.headers };
    if (call.body) headers['Content-Type'] = 'application/json';
    const timeoutMs = call.timeoutMs ?? this.timeoutMs;
    const request = { method, url, what, table, headers, credentials: auth.credentials, timeoutMs };
    const exchange = async (signal?: AbortSignal): Promise<Exchange> => {
      const body = call.body ? JSON.stringify(call.body) : undefined;
      return { ...(await send(this.transport, { ...request, body }, signal)), what };
    };
    if (method !== 'GET') return exchange(call.signal);
    return this.inflight.run(`${url}\n${auth.key}\n${timeoutMs}`, exchange, call.signal);
  }

  private async authorise(): Promise<{
    headers: Record<string, string>;
    credentials?: RequestCredentials;
    key: string;
  }> {
    const auth = this.auth;
    if (!auth) return { headers: {}, key: '' };
    if (auth.type === 'session') {
      return {
        headers: { 'X-UserToken': auth.userToken },
        credentials: 'include',
        key: `session ${auth.userToken}`,
      };
    }
    const token = typeof auth.token === 'function' ? await auth.token() : auth.token;
    return { headers: { Authorization: `Bearer ${token}` }, key: `bearer ${token}` };
  }
}
