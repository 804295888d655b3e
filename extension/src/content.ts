/**
 * The content script (isolated world) on instance pages: finds the record the page shows, offers a
 * toggle for it and, when opened, a panel — an extension page in an iframe inside a closed shadow
 * root — whose Table API requests it sends same-origin with the page's session.
 *
 * Frames: the top window acts; a `gsft_main` frame acts only when the top window is not readable
 * (another origin), otherwise the top window reads the frame's location.
 */
/// <reference types="chrome" />
import {
  CONNECT_PANEL,
  isPanelToContent,
  type ContentToPanel,
  type PageSession,
  type PanelInit,
} from './messages.js';
import { readPageSession } from './page-session.js';
import { recordFromUrl, sameRecord, type PageRecord } from './record.js';
import { RequestRelay } from './relay.js';
import { TOGGLE_CSS } from './toggle-styles.js';

function topIsReadable(): boolean {
  try {
    return window.top !== null && typeof window.top.location.href === 'string';
  } catch {
    return false;
  }
}

const acts = window === window.top || (window.name === 'gsft_main' && !topIsReadable());

/** The record shown: the classic content frame's when there is one, else this window's URL. */
function currentRecord(): PageRecord | undefined {
  const frame = document.querySelector<HTMLIFrameElement>('iframe[name="gsft_main"]');
  if (frame) {
    try {
      const href = frame.contentWindow?.location.href;
      if (href && href !== 'about:blank') return recordFromUrl(href);
    } catch {
      // Another origin: fall back to the top URL.
    }
  }
  return recordFromUrl(location.href);
}

interface OpenPanel {
  readonly frame: HTMLIFrameElement;
  port?: MessagePort;
  relay?: RequestRelay;
}

class PageUi {
  private record?: PageRecord;
  private host?: HTMLElement;
  private toggle?: HTMLButtonElement;
  private panel?: OpenPanel;
  private session?: Promise<PageSession>;

  /** Re-reads the record; shows, updates or removes the UI. */
  check(): void {
    const record = currentRecord();
    if (sameRecord(record, this.record)) return;
    this.record = record;
    if (!record) {
      this.remove();
      return;
    }
    this.ensureHost();
    this.send({ type: 'record', record });
  }

  private ensureHost(): void {
    if (this.host?.isConnected) return;
    const host = document.createElement('div');
    host.setAttribute('data-cam-extension', '');
    const root = host.attachShadow({ mode: 'closed' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(TOGGLE_CSS);
    root.adoptedStyleSheets = [sheet];
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'toggle';
    toggle.textContent = 'Related parties';
    toggle.setAttribute('aria-expanded', 'false');
    toggle.addEventListener('click', () => (this.panel ? this.closePanel() : this.openPanel(root)));
    root.append(toggle);
    document.documentElement.append(host);
    this.host = host;
    this.toggle = toggle;
  }

  private openPanel(root: ShadowRoot): void {
    const frame = document.createElement('iframe');
    frame.className = 'panel';
    frame.title = 'Customer access: related parties';
    frame.src = chrome.runtime.getURL('panel.html');
    const panel: OpenPanel = { frame };
    this.panel = panel;
    this.session = readPageSession();
    frame.addEventListener('load', () => void this.connect(panel), { once: true });
    root.append(frame);
    this.toggle?.setAttribute('aria-expanded', 'true');
  }

  private async connect(panel: OpenPanel): Promise<void> {
    let session: PageSession;
    try {
      session = await (this.session ?? readPageSession());
    } catch {
      session = { type: 'session', token: '', userId: '' };
    }
    if (this.panel !== panel || !panel.frame.contentWindow) return;
    const channel = new MessageChannel();
    const port = channel.port1;
    const relay = new RequestRelay({
      origin: location.origin,
      token: async () => session.token,
      fetch: (input, init) => fetch(input, init),
      post: (message) => port.postMessage(message),
    });
    port.onmessage = (event: MessageEvent) => {
      const message: unknown = event.data;
      if (!isPanelToContent(message)) return;
      if (message.type === 'close') this.closePanel();
      else if (message.type === 'reload') location.reload();
      else relay.handle(message);
    };
    panel.port = port;
    panel.relay = relay;
    const init: PanelInit = {
      type: CONNECT_PANEL,
      instance: location.origin,
      userId: session.token ? session.userId : '',
      record: this.record ?? null,
    };
    // The frame is loaded through the per-session dynamic URL but runs at the extension's own origin:
    // only a document of that origin receives the port (not one a page script navigated the frame to).
    panel.frame.contentWindow.postMessage(init, `chrome-extension://${chrome.runtime.id}`, [channel.port2]);
  }

  private send(message: ContentToPanel): void {
    this.panel?.port?.postMessage(message);
  }

  private closePanel(): void {
    const panel = this.panel;
    this.panel = undefined;
    this.session = undefined;
    panel?.relay?.dispose();
    panel?.port?.close();
    panel?.frame.remove();
    this.toggle?.setAttribute('aria-expanded', 'false');
    this.toggle?.focus();
  }

  private remove(): void {
    this.closePanel();
    this.host?.remove();
    this.host = undefined;
    this.toggle = undefined;
  }
}

if (acts) {
  const ui = new PageUi();
  const check = () => ui.check();
  // In-app navigation: pushState/replaceState (Navigation API), back/forward, hash routes.
  const navigation = (window as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', check);
  window.addEventListener('popstate', check);
  window.addEventListener('hashchange', check);
  // The classic content frame loading another form (load events do not bubble: capture them).
  document.addEventListener(
    'load',
    (event) => {
      if (event.target instanceof HTMLIFrameElement && event.target.name === 'gsft_main') check();
    },
    true,
  );
  check();
}
