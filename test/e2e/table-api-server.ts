/**
 * A real HTTP server for end-to-end checks and benchmarks: one HTML page (with the headers asked
 * for), scripts from `dist/` (the built bundle and its chunks), extra files, and the mock Table
 * API's own routes (mocks/table-api) over the seeded store of mocks/db.ts, run in Node.
 */
import { buildLibrary } from './support/build.js';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TableRequest } from '../../mocks/table-api/guard.js';
import { getRecord, listRecords } from '../../mocks/table-api/read-routes.js';
import { createRecord, deleteRecord, updateRecord } from '../../mocks/table-api/write-routes.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(ROOT, 'dist');
export const BUNDLE = join(DIST, 'cam-elements.bundle.js');

/** Builds `dist/` (`node scripts/build.mjs`) when the bundle is missing; throws when the build fails. */
/** Builds the library once per test run (shared with the other e2e files), so the bundle is fresh. */
export async function ensureBundle(): Promise<void> {
  await buildLibrary();
  if (!existsSync(BUNDLE)) throw new Error('node scripts/build.mjs did not write the bundle');
}

export interface PageServerOptions {
  /** The HTML served at `/`. */
  readonly page: string;
  /** Headers of the page (e.g. a Content-Security-Policy). */
  readonly pageHeaders?: Readonly<Record<string, string>>;
  /** Extra scripts by path (`/watch.js` → source). */
  readonly scripts?: Readonly<Record<string, string>>;
  /** Delay before each Table API response, in ms (emulated network latency; default 0). */
  readonly latencyMs?: number;
}

export interface PageServer {
  readonly origin: string;
  /** Table API requests answered, in order (`GET sn_customerservice_related_party`). */
  readonly apiRequests: string[];
  close(): Promise<void>;
}

/** Answers one Table API request with the mock routes. */
export async function tableApi(request: IncomingMessage, url: URL, body: string): Promise<Response> {
  const [, table = '', sysId] = /^\/api\/now\/table\/([^/]+)(?:\/([^/]+))?$/.exec(url.pathname) ?? [];
  const init: RequestInit = {
    method: request.method ?? 'GET',
    headers: { 'Content-Type': 'application/json' },
  };
  if (body !== '') init.body = body;
  const r: TableRequest = { request: new Request(url, init), url, table, ...(sysId ? { sysId } : {}) };
  switch (request.method) {
    case 'GET':
      return sysId ? getRecord(r) : listRecords(r);
    case 'POST':
      return createRecord(r);
    case 'PATCH':
    case 'PUT':
      return updateRecord(r);
    case 'DELETE':
      return deleteRecord(r);
    default:
      return new Response(null, { status: 405 });
  }
}

/** Starts the server on a free port of 127.0.0.1. */
export async function startPageServer(options: PageServerOptions): Promise<PageServer> {
  const apiRequests: string[] = [];
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (
      status: number,
      type: string,
      body: string | Buffer,
      headers: Record<string, string> = {},
    ) => {
      response.writeHead(status, { 'Content-Type': type, ...headers });
      response.end(body);
    };
    if (url.pathname === '/') return send(200, 'text/html', options.page, { ...options.pageHeaders });
    // A full Chromium asks for an icon (the headless shell does not): none, without a 404 in the console.
    if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
    const script = options.scripts?.[url.pathname];
    if (script !== undefined) return send(200, 'text/javascript', script);
    if (url.pathname.startsWith('/api/now/table/')) {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const table = url.pathname.split('/')[4] ?? '';
      apiRequests.push(`${request.method ?? 'GET'} ${table}`);
      const latency = options.latencyMs ?? 0;
      if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
      const answer = await tableApi(request, url, Buffer.concat(chunks).toString('utf8'));
      const headers = Object.fromEntries(answer.headers.entries());
      const body = Buffer.from(await answer.arrayBuffer());
      return send(answer.status, headers['content-type'] ?? 'application/json', body, headers);
    }
    // Only plain file names directly under dist/ (the bundle, its chunks and source maps).
    const file = join(DIST, url.pathname.slice(1));
    if (/^\/[\w.-]+\.js(\.map)?$/.test(url.pathname) && existsSync(file)) {
      return send(200, 'text/javascript', readFileSync(file));
    }
    send(404, 'text/plain', 'not found');
  };
  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    apiRequests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
