/**
 * The panel: an extension page (default MV3 CSP, its own origin and IndexedDB) framed by the content
 * script. It renders the library's own elements; their Table API client sends every request over
 * the bridge to the content script, which adds the page's session. The panel never holds the token.
 */
/// <reference types="chrome" />
import { html, nothing, render } from 'lit';
import '../../components/index.js';
import type { CamProvider } from '../../components/index.js';
import { TableApiClient } from '../../src/client/table-api-client.js';
import type { EntityKind } from '../../src/model/kinds.js';
import { BridgeFetch } from './bridge-fetch.js';
import { isContentToPanel, isPanelInit, type PanelInit, type PanelToContent } from './messages.js';
import type { PageRecord } from './record.js';
import { applyTheme } from './apply-theme.js';
import { startPolling } from './poll.js';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings.js';

const KIND_LABEL: Record<EntityKind, string> = {
  case: 'Case',
  sold_product: 'Sold product',
  install_base: 'Install base item',
};

interface PanelState {
  readonly init: PanelInit;
  record: PageRecord | null;
  sessionEnded: boolean;
  settings: Settings;
}

function start(init: PanelInit, port: MessagePort): void {
  const post = (message: PanelToContent) => port.postMessage(message);
  const bridge = new BridgeFetch(post);
  const state: PanelState = { init, record: init.record, sessionEnded: false, settings: DEFAULT_SETTINGS };
  const client = new TableApiClient({
    baseUrl: init.instance,
    fetch: bridge.fetch,
    onAuthRequired: () => {
      // The session ended (signed out, expired): keep every cache, ask for a reload.
      state.sessionEnded = true;
      update();
    },
  });
  let stopPolling = () => {};

  const provider = (): CamProvider | null => document.querySelector('cam-provider');

  const schedulePoll = () => {
    stopPolling();
    stopPolling = startPolling({
      seconds: state.settings.pollSeconds,
      visible: () => document.visibilityState === 'visible',
      refresh: () => {
        const record = state.record;
        if (record && !state.sessionEnded) {
          provider()?.current?.access.invalidate({ kind: record.kind, id: record.sysId });
        }
      },
    });
  };

  const content = () => {
    if (!init.userId) {
      return html`<div class="notice" role="alert">
        <p>The page did not give its session (the <code>g_ck</code> token and the signed-in user).</p>
        <p>Reload the page once it has finished signing in.</p>
        <button type="button" @click=${() => post({ type: 'reload' })}>Reload page</button>
      </div>`;
    }
    const record = state.record;
    return html`
      ${
        state.sessionEnded
          ? html`<div class="notice" role="alert">
              <p>Your session on this instance has ended. Reload the page to sign in again.</p>
              <button type="button" @click=${() => post({ type: 'reload' })}>Reload page</button>
            </div>`
          : nothing
      }
      <cam-provider .client=${client} base-url=${init.instance} user-id=${init.userId}>
        <main>
          <section aria-labelledby="parties-heading">
            <h2 id="parties-heading">Related parties</h2>
            ${
              record
                ? html`<cam-related-party-list
                    entity-table=${record.table}
                    entity-id=${record.sysId}
                  ></cam-related-party-list>`
                : html`<p>This page shows no case, sold product or install base item.</p>`
            }
          </section>
          <details>
            <summary>Access inspector</summary>
            <cam-access-inspector></cam-access-inspector>
          </details>
        </main>
      </cam-provider>
    `;
  };

  function update(): void {
    const record = state.record;
    render(
      html`<header class="bar">
          <h1>Customer access</h1>
          <p class="record">
            ${record ? html`${KIND_LABEL[record.kind]} <span class="id">${record.sysId}</span>` : nothing}
          </p>
          <button type="button" @click=${() => post({ type: 'close' })}>Close</button>
        </header>
        ${content()}`,
      document.body,
    );
  }

  port.onmessage = (event: MessageEvent) => {
    const message: unknown = event.data;
    if (!isContentToPanel(message)) return;
    if (message.type === 'record') {
      state.record = message.record;
      update();
    } else {
      bridge.receive(message);
    }
  };
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented && document.activeElement === document.body) {
      post({ type: 'close' });
    }
  });

  const loadSettings = (stored: unknown) => {
    state.settings = readSettings(stored);
    applyTheme(state.settings.theme);
    schedulePoll();
  };
  void chrome.storage.sync.get(['pollSeconds', 'theme']).then(loadSettings);
  chrome.storage.onChanged.addListener((_changes, area) => {
    if (area === 'sync') void chrome.storage.sync.get(['pollSeconds', 'theme']).then(loadSettings);
  });

  document.body.replaceChildren();
  update();
}

applyTheme(DEFAULT_SETTINGS.theme);
const onConnect = (event: MessageEvent) => {
  if (event.source !== window.parent || event.ports.length !== 1 || !isPanelInit(event.data)) return;
  window.removeEventListener('message', onConnect);
  start(event.data, event.ports[0] as MessagePort);
};
window.addEventListener('message', onConnect);
