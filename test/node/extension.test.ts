/**
 * The browser extension's pure parts: which record a page URL shows, settings and origin patterns,
 * the content script's request checks, and the panel's bridge fetch. (The extension itself runs in
 * Chromium in test/e2e/extension.test.ts.)
 */
import { describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveTableMap } from '../../src/client/table-map.js';
import { recordFromUrl } from '../../extension/src/record.js';
import {
  isOriginPattern,
  normalizePollSeconds,
  parseOriginList,
  patternForInstance,
  readSettings,
} from '../../extension/src/settings.js';
import { checkRequest, RequestRelay } from '../../extension/src/relay.js';
import { BridgeFetch } from '../../extension/src/bridge-fetch.js';
import type { ContentToPanel, PanelToContent } from '../../extension/src/messages.js';
import { startPolling } from '../../extension/src/poll.js';

const ID = '57070000000000000000000000000a01';
const I = 'https://acme.service-now.com';

describe('recordFromUrl', () => {
  const cases: [string, string, string | undefined][] = [
    [
      'classic case form',
      `${I}/sn_customerservice_case.do?sys_id=${ID}`,
      `case sn_customerservice_case ${ID}`,
    ],
    [
      'classic sold product',
      `${I}/sn_install_base_sold_product.do?sys_id=${ID}&sysparm_view=x`,
      `sold_product sn_install_base_sold_product ${ID}`,
    ],
    [
      'classic install base item',
      `${I}/sn_install_base_item.do?sys_id=${ID.toUpperCase()}`,
      `install_base sn_install_base_item ${ID}`,
    ],
    [
      'nav_to.do wrapper',
      `${I}/nav_to.do?uri=${encodeURIComponent(`sn_customerservice_case.do?sys_id=${ID}`)}`,
      `case sn_customerservice_case ${ID}`,
    ],
    [
      'nav_to.do with a leading slash',
      `${I}/nav_to.do?uri=%2Fsn_customerservice_case.do%3Fsys_id%3D${ID}`,
      `case sn_customerservice_case ${ID}`,
    ],
    [
      'Next Experience classic wrapper',
      `${I}/now/nav/ui/classic/params/target/sn_customerservice_case.do%3Fsys_id%3D${ID}`,
      `case sn_customerservice_case ${ID}`,
    ],
    [
      'CSM workspace',
      `${I}/now/cwf/agent/record/sn_customerservice_case/${ID}`,
      `case sn_customerservice_case ${ID}`,
    ],
    [
      'service operations workspace',
      `${I}/now/sow/record/sn_install_base_item/${ID}`,
      `install_base sn_install_base_item ${ID}`,
    ],
    [
      'another workspace with params',
      `${I}/now/x_acme_ws/home/sub/record/sn_install_base_sold_product/${ID}/params/selected-tab-index/1`,
      `sold_product sn_install_base_sold_product ${ID}`,
    ],
    ['another table', `${I}/incident.do?sys_id=${ID}`, undefined],
    ['a workspace record of another table', `${I}/now/sow/record/incident/${ID}`, undefined],
    ['a new record', `${I}/sn_customerservice_case.do?sys_id=-1`, undefined],
    ['a list', `${I}/sn_customerservice_case_list.do`, undefined],
    ['a home page', `${I}/now/cwf/agent/home`, undefined],
    [
      'a wrapper pointing at another origin',
      `${I}/nav_to.do?uri=${encodeURIComponent(`https://evil.example/sn_customerservice_case.do?sys_id=${ID}`)}`,
      undefined,
    ],
    ['a broken escape', `${I}/now/nav/ui/classic/params/target/%E0%A4%A`, undefined],
    ['not a URL', 'not a url', undefined],
  ];
  for (const [name, url, expected] of cases) {
    test(name, () => {
      const record = recordFromUrl(url);
      assert.equal(record ? `${record.kind} ${record.table} ${record.sysId}` : undefined, expected);
    });
  }

  test('a mapped case table counts; the default one then does not', () => {
    const map = resolveTableMap({ case: { table: 'x_acme_case' } });
    assert.equal(recordFromUrl(`${I}/x_acme_case.do?sys_id=${ID}`, map)?.kind, 'case');
  });

  test('wrappers inside wrappers stop at a fixed depth', () => {
    let uri = `sn_customerservice_case.do?sys_id=${ID}`;
    for (let i = 0; i < 6; i++) uri = `nav_to.do?uri=${encodeURIComponent(uri)}`;
    assert.equal(recordFromUrl(`${I}/${uri}`), undefined);
  });
});

describe('settings and origins', () => {
  test('settings fall back to the defaults and clamp the poll interval', () => {
    assert.deepEqual(readSettings(undefined), { pollSeconds: 0, theme: 'auto' });
    assert.deepEqual(readSettings({ pollSeconds: 5, theme: 'dark' }), { pollSeconds: 15, theme: 'dark' });
    assert.deepEqual(readSettings({ pollSeconds: '90', theme: 'neon' }), { pollSeconds: 90, theme: 'auto' });
    assert.equal(normalizePollSeconds(99_999), 3600);
    assert.equal(normalizePollSeconds(-3), 0);
    assert.equal(normalizePollSeconds('abc'), 0);
  });

  test('only whole-origin patterns are accepted', () => {
    for (const ok of [
      'https://*.service-now.com/*',
      'http://127.0.0.1/*',
      'https://support.example.com:8443/*',
    ]) {
      assert.ok(isOriginPattern(ok), ok);
    }
    for (const bad of [
      '<all_urls>',
      '*://*/*',
      'https://*/*',
      'https://a.example.com/path/*',
      'ftp://a.example/*',
      'https://a.example.com',
    ]) {
      assert.ok(!isOriginPattern(bad), bad);
    }
    assert.deepEqual(parseOriginList(' http://127.0.0.1/* , https://x.example.com/*,'), [
      'http://127.0.0.1/*',
      'https://x.example.com/*',
    ]);
    assert.throws(() => parseOriginList('<all_urls>'), /not an origin match pattern/);
  });

  test('an instance address typed in the options becomes its https origin pattern', () => {
    assert.equal(patternForInstance('support.example.com'), 'https://support.example.com/*');
    assert.equal(
      patternForInstance(' https://Support.Example.com/nav_to.do?x=1 '),
      'https://support.example.com/*',
    );
    assert.equal(
      patternForInstance('https://support.example.com:8443'),
      'https://support.example.com:8443/*',
    );
    assert.equal(patternForInstance('http://support.example.com'), undefined);
    assert.equal(patternForInstance('https://user:pw@support.example.com'), undefined);
    assert.equal(patternForInstance(''), undefined);
    assert.equal(patternForInstance('not a url ::'), undefined);
  });
});

describe('the content script relays Table API requests only', () => {
  const request = (url: string, method = 'GET', headers: Record<string, string> = {}) =>
    ({ type: 'request', id: 1, method, url, headers }) as const;

  test('same-origin Table API requests pass with only Accept and Content-Type', () => {
    const checked = checkRequest(
      request(`${I}/api/now/table/sys_user_role?sysparm_limit=1`, 'post', {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        Authorization: 'Bearer stolen',
        'X-UserToken': 'forged',
        Cookie: 'x=1',
      }),
      I,
    );
    assert.deepEqual(checked, {
      url: `${I}/api/now/table/sys_user_role?sysparm_limit=1`,
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
    });
  });

  test('other origins, other APIs and other methods are refused', () => {
    for (const [url, method] of [
      ['https://evil.example/api/now/table/x', 'GET'],
      [`${I}/api/now/import/x`, 'GET'],
      [`${I}/sys_user.do`, 'GET'],
      [`${I}/api/now/table/x`, 'PUT'],
      [`${I}/api/now/table/../../x`, 'GET'],
      ['https://user:pw@acme.service-now.com/api/now/table/x', 'GET'],
    ] as const) {
      assert.ok('refused' in checkRequest(request(url, method), I), `${method} ${url}`);
    }
  });

  test('the relay adds the token, sends same-origin, and answers with the status, body and paging headers', async () => {
    const sent: { url: string; init: RequestInit }[] = [];
    const answers: ContentToPanel[] = [];
    const relay = new RequestRelay({
      origin: I,
      token: async () => 'page-token',
      fetch: async (url, init = {}) => {
        sent.push({ url: String(url), init });
        return new Response('{"result":[]}', {
          status: 200,
          headers: { 'Content-Type': 'application/json', 'X-Total-Count': '0', 'Set-Cookie': 'no=1' },
        });
      },
      post: (message) => answers.push(message),
    });
    relay.handle(request(`${I}/api/now/table/x`));
    relay.handle({ ...request(`https://evil.example/api/now/table/x`), id: 2 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(sent.length, 1);
    assert.deepEqual(sent[0]?.init.headers, { 'X-UserToken': 'page-token' });
    assert.equal(sent[0]?.init.credentials, 'same-origin');
    assert.deepEqual(
      answers.find((a) => a.type !== 'record' && a.id === 1),
      {
        type: 'response',
        id: 1,
        status: 200,
        headers: { 'content-type': 'application/json', 'x-total-count': '0' },
        body: '{"result":[]}',
      },
    );
    assert.deepEqual(
      answers.find((a) => a.type !== 'record' && a.id === 2),
      { type: 'failure', id: 2, message: 'refused: https://evil.example is not the instance' },
    );
  });
});

describe("the panel's bridge fetch", () => {
  test('a request goes out as a message; its answer comes back as a Response', async () => {
    const posted: PanelToContent[] = [];
    const bridge = new BridgeFetch((message) => posted.push(message));
    const pending = bridge.fetch(`${I}/api/now/table/x`, {
      method: 'PATCH',
      headers: { Accept: 'application/json' },
      body: '{"a":"1"}',
    });
    assert.deepEqual(posted, [
      {
        type: 'request',
        id: 1,
        method: 'PATCH',
        url: `${I}/api/now/table/x`,
        headers: { accept: 'application/json' },
        body: '{"a":"1"}',
      },
    ]);
    bridge.receive({
      type: 'response',
      id: 1,
      status: 201,
      headers: { link: '<x>; rel="next"' },
      body: '{"result":{}}',
    });
    const response = await pending;
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('link'), '<x>; rel="next"');
    assert.equal(await response.text(), '{"result":{}}');
  });

  test('a 204 has no body; a failure rejects; an abort tells the content script', async () => {
    const posted: PanelToContent[] = [];
    const bridge = new BridgeFetch((message) => posted.push(message));
    const deleted = bridge.fetch(`${I}/api/now/table/x/1`, { method: 'DELETE' });
    bridge.receive({ type: 'response', id: 1, status: 204, headers: {}, body: '' });
    assert.equal((await deleted).status, 204);

    const failing = bridge.fetch(`${I}/api/now/table/x`);
    bridge.receive({ type: 'failure', id: 2, message: 'network down' });
    await assert.rejects(failing, /network down/);

    const controller = new AbortController();
    const aborted = bridge.fetch(`${I}/api/now/table/x`, { signal: controller.signal });
    controller.abort();
    await assert.rejects(aborted, { name: 'AbortError' });
    assert.deepEqual(posted.at(-1), { type: 'abort', id: 3 });
    bridge.receive({ type: 'response', id: 3, status: 200, headers: {}, body: '' }); // late: ignored
  });
});

describe('polling the open record', () => {
  test('refreshes every interval while visible, never when off or hidden, and stops', () => {
    mock.timers.enable({ apis: ['setInterval'] });
    try {
      let visible = true;
      let refreshed = 0;
      const stop = startPolling({ seconds: 30, visible: () => visible, refresh: () => refreshed++ });
      mock.timers.tick(29_999);
      assert.equal(refreshed, 0);
      mock.timers.tick(1);
      assert.equal(refreshed, 1);
      visible = false;
      mock.timers.tick(30_000);
      assert.equal(refreshed, 1);
      visible = true;
      mock.timers.tick(30_000);
      assert.equal(refreshed, 2);
      stop();
      mock.timers.tick(90_000);
      assert.equal(refreshed, 2);

      const off = startPolling({ seconds: 0, visible: () => true, refresh: () => refreshed++ });
      mock.timers.tick(3_600_000);
      assert.equal(refreshed, 2);
      off();
    } finally {
      mock.timers.reset();
    }
  });
});
