/**
 * A stand-in instance for the extension's end-to-end tests, on 127.0.0.1: a session cookie set by
 * every page, the page token `g_ck` in the pages' globals, and the mock Table API's own routes over
 * the seeded store (run in Node) behind a session check — a request without the cookie or without
 * the page's token as `X-UserToken` gets a 401, as on an instance.
 *
 * Pages: a classic form (`/<table>.do?sys_id=…`), the classic frame set (`/nav_to.do?uri=…` with a
 * `gsft_main` frame), a workspace-like single-page app under `/now/` that changes records through
 * `history.pushState`, and a list page (`/home.do`).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TableRequest } from '../../../mocks/table-api/guard.js';
import { getRecord, listRecords } from '../../../mocks/table-api/read-routes.js';
import { createRecord, deleteRecord, updateRecord } from '../../../mocks/table-api/write-routes.js';
import { resetStore } from '../../../mocks/db.js';

/** The signed-in agent's sys_id on the stand-in (any 32-hex id). */
export const AGENT_ID = '5707000000000000000000000000' + '0d01';

export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  /** The `X-UserToken` header ('' when absent). */
  readonly token: string;
  readonly hasSessionCookie: boolean;
  readonly status: number;
}

export interface StandIn {
  readonly origin: string;
  /** The page token every page of this session carries. */
  readonly token: string;
  /** Every Table API request, in order. */
  readonly apiRequests: ApiRequest[];
  /** Ends the session: from now on the Table API answers 401. */
  endSession(): void;
  close(): Promise<void>;
}

const COOKIE = 'glide_session_store';

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sessionScript(token: string, style: 'classic' | 'workspace'): string {
  // Classic pages expose NOW.user_id and g_user; workspaces NOW.user.userID.
  const user =
    style === 'classic'
      ? `window.NOW = { user_id: '${AGENT_ID}' }; window.g_user = { userID: '${AGENT_ID}' };`
      : `window.NOW = { user: { userID: '${AGENT_ID}' } };`;
  return `<script>var g_ck = '${token}'; ${user}</script>`;
}

function page(title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>${escapeText(title)}</title>${head}
    <style>body { font: 15px system-ui, sans-serif; margin: 0; } header { background: #293e40; color: #fff; padding: 12px 16px; }
    main { padding: 16px; } iframe { border: 0; width: 100%; height: 70vh; } nav a { margin-right: 12px; }</style>
  </head>
  <body>${body}</body>
</html>`;
}

function classicForm(token: string, table: string, sysId: string): string {
  return page(
    `${table} form`,
    sessionScript(token, 'classic'),
    `<header>Classic form</header><main><h1>${escapeText(table)}</h1>
     <form><label>sys_id <input name="sys_id" value="${escapeText(sysId)}" readonly /></label></form>
     <p><a id="next" href="/sn_customerservice_case.do?sys_id=${'5707' + '0'.repeat(24) + '0c01'}">Another case</a></p></main>`,
  );
}

function frameSet(token: string, uri: string): string {
  return page(
    'Service Management',
    sessionScript(token, 'classic'),
    `<header>Navigator</header><main><iframe name="gsft_main" title="Content" src="${escapeText(uri)}"></iframe></main>`,
  );
}

/** The workspace-like app: renders the route, and its links change it with pushState. */
const WORKSPACE_APP = `
const render = () => {
  const match = /\\/record\\/([^/]+)\\/([^/]+)/.exec(location.pathname);
  document.querySelector('#view').textContent = match ? 'Record ' + match[1] + ' ' + match[2] : 'Workspace home';
};
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-route]');
  if (!link) return;
  event.preventDefault();
  history.pushState({}, '', link.getAttribute('href'));
  render();
});
window.addEventListener('popstate', render);
render();
`;

function workspace(token: string, links: Readonly<Record<string, string>>): string {
  const nav = Object.entries(links)
    .map(([label, href]) => `<a data-route href="${escapeText(href)}">${escapeText(label)}</a>`)
    .join('');
  return page(
    'Agent Workspace',
    sessionScript(token, 'workspace'),
    `<header>Agent Workspace</header><nav>${nav}</nav><main><h1 id="view"></h1></main><script src="/workspace.js"></script>`,
  );
}

async function tableApi(request: IncomingMessage, url: URL, body: string): Promise<Response> {
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
      return updateRecord(r);
    case 'DELETE':
      return deleteRecord(r);
    default:
      return new Response(null, { status: 405 });
  }
}

export interface StandInOptions {
  /** Links of the workspace app's navigation (label → path). */
  readonly workspaceLinks: Readonly<Record<string, string>>;
}

/** Starts the stand-in on a free port of 127.0.0.1 (the mock store reset to its seeded world). */
export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  resetStore();
  const token = randomBytes(24).toString('hex');
  const session = randomBytes(16).toString('hex');
  let sessionEnded = false;
  const apiRequests: ApiRequest[] = [];

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const html = (text: string) => {
      response.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Set-Cookie': `${COOKIE}=${session}; Path=/; HttpOnly; SameSite=Lax`,
      });
      response.end(text);
    };
    if (url.pathname.startsWith('/api/now/table/')) {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const cookies = request.headers.cookie ?? '';
      const hasSessionCookie = cookies.split(/;\s*/).includes(`${COOKIE}=${session}`);
      const sent = request.headers['x-usertoken'];
      const given = typeof sent === 'string' ? sent : '';
      const record = (status: number) =>
        apiRequests.push({
          method: request.method ?? 'GET',
          path: url.pathname,
          token: given,
          hasSessionCookie,
          status,
        });
      if (sessionEnded || !hasSessionCookie || given !== token) {
        record(401);
        response.writeHead(401, { 'Content-Type': 'application/json' });
        response.end(
          JSON.stringify({
            error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' },
            status: 'failure',
          }),
        );
        return;
      }
      const answer = await tableApi(request, url, Buffer.concat(chunks).toString('utf8'));
      record(answer.status);
      const headers = Object.fromEntries(answer.headers.entries());
      response.writeHead(answer.status, headers);
      response.end(Buffer.from(await answer.arrayBuffer()));
      return;
    }
    if (url.pathname === '/workspace.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' });
      response.end(WORKSPACE_APP);
      return;
    }
    if (url.pathname === '/nav_to.do')
      return html(frameSet(token, url.searchParams.get('uri') ?? '/home.do'));
    if (url.pathname.startsWith('/now/')) return html(workspace(token, options.workspaceLinks));
    if (url.pathname === '/home.do') {
      return html(
        page('Home', sessionScript(token, 'classic'), '<header>Home</header><main><h1>Overview</h1></main>'),
      );
    }
    const form = /^\/([a-z_]+)\.do$/.exec(url.pathname);
    if (form) return html(classicForm(token, form[1] ?? '', url.searchParams.get('sys_id') ?? ''));
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('not found');
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token,
    apiRequests,
    endSession: () => {
      sessionEnded = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
