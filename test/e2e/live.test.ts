/**
 * Live refresh end to end: the built demo in two browser contexts (two agents, each with its own
 * storage and definitions cache) over one Table API served by Node (the mock routes over the seeded
 * store), `poll-interval` set to 1 s. What one agent does in the console — and what a third does
 * through the Table API — shows in the other's open case without a reload, announced with who.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { getStore } from '../../mocks/db.js';
import { STORY } from '../../mocks/seed/story.js';
import { launchBrowser } from './support/browser.js';
import { buildDemo, DEMO_DIR } from './support/build.js';
import { DemoPage } from './support/demo-page.js';
import { waitForCount, waitForText } from './support/wait.js';
import { tableApi } from './table-api-server.js';

const BASE = '/console/';
const loan = STORY.housingLoan;
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The demo under BASE and the mock Table API at /api/now/table, on one origin. */
async function serve(): Promise<{ origin: string; close: () => Promise<void> }> {
  const root = resolve(DEMO_DIR);
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/now/table/')) {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const answer = await tableApi(request, url, Buffer.concat(chunks).toString('utf8'));
      response.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
      response.end(Buffer.from(await answer.arrayBuffer()));
      return;
    }
    const rest = url.pathname.startsWith(BASE) ? url.pathname.slice(BASE.length) || 'index.html' : '';
    const path = resolve(root, normalize(decodeURIComponent(rest)));
    const info = rest && path.startsWith(root + sep) ? await stat(path).catch(() => undefined) : undefined;
    if (!info?.isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
    response.end(await readFile(join(path)));
  };
  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end(String(error));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

describe('live refresh: two agents on the demo', { timeout: 150_000 }, () => {
  let server: { origin: string; close: () => Promise<void> };
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  async function agent(query = '?mock=off&poll=1'): Promise<{ page: Page; demo: DemoPage }> {
    const context = await browser.newContext({
      viewport: { width: 1360, height: 900 },
      reducedMotion: 'reduce',
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    const demo = new DemoPage(page, `${server.origin}${BASE}${query}`);
    await demo.open(`#/case/${loan.caseId}`);
    await waitForCount(demo.partyList.locator('[part~=row]'), 3);
    return { page, demo };
  }

  before(async () => {
    await buildDemo();
    server = await serve();
    browser = await launchBrowser();
  });

  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('a removal in one console and a change on the instance appear in the other, announced', async () => {
    const a = await agent();
    const b = await agent();
    const liveRegion = (demo: DemoPage) => demo.partyList.locator('[part~=live-region]');

    // Agent A removes the guarantor in the console.
    await a.demo.rowAction(loan.guarantor.name, 'Remove');
    await a.demo.partyList.locator('[data-confirm=remove]').click();
    await waitForCount(a.demo.partyList.locator('[part~=row]'), 2);
    // Agent B sees it go without reloading.
    await waitForCount(b.demo.partyList.locator('[part~=row]'), 2);
    await waitForText(liveRegion(b.demo), /Rosa Delgado was removed\./);

    // Dana Ruiz changes the co-borrower’s type on the instance (her own console, another system).
    const store = getStore();
    store.userName = STORY.agents.colleague.userName;
    store.update('sn_customerservice_related_party', loan.parties.coBorrower, {
      type: loan.relationshipTypes.guarantor.id,
    });
    store.userName = 'admin';
    for (const { demo } of [a, b]) {
      await waitForText(liveRegion(demo), /Dana Ruiz changed Daniel Marquez to Guarantor\./);
      await waitForText(demo.partyRow(loan.coBorrower.name), /Guarantor/);
    }
    assert.deepEqual(errors, []);
  });

  for (const [how, query] of [
    ['polling every second', '?poll=1'],
    ['told by the mock instance over a WebSocket, no polling', '?push=1&poll=0'],
  ] as const) {
    it(`the demo toolbar acts as another agent on the open case (${how})`, async () => {
      await toolbarAgent(query);
    });
  }

  async function toolbarAgent(query: string): Promise<void> {
    const { page, demo } = await agent(query);
    const rows = demo.partyList.locator('[part~=row]');
    const before = await rows.count();
    const group = page.getByRole('group', { name: 'Act as Dana Ruiz' });
    await group.getByRole('button', { name: 'Add a party' }).click();
    await waitForText(group.getByRole('status'), /Dana Ruiz added .+ as .+\./);
    await waitForCount(rows, before + 1);
    await waitForText(demo.partyList.locator('[part~=live-region]'), /^Dana Ruiz added .+ as .+\.$/);
    await group.getByRole('button', { name: 'Remove a party' }).click();
    await waitForCount(rows, before);
    await waitForText(demo.partyList.locator('[part~=live-region]'), /was removed\.$/);
    assert.deepEqual(errors, []);
  }
});
