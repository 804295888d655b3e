/**
 * The demo agent console: header with the demo toolbar, navigation, the current screen inside
 * <cam-provider>, a live region announcing what the library's elements report (their events). The
 * notification sits in the page's flow under the header (it covers nothing), can be dismissed, and
 * goes away on its own after NOTICE_MS unless the pointer or focus is on it.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import {
  CamAuthRequiredEvent,
  CamPartyAddedEvent,
  CamPartyChangedEvent,
  CamPartyRemovedEvent,
} from '../components/events.js';
import { applyFaults, resetData } from './mock-backend.js';
import { HashRouter, routeHref, type Route } from './router.js';
import { loadSettings, saveSettings, type DemoSettings } from './settings.js';
import { AGENTS, type DemoResetEvent, type DemoSettingsChangeEvent } from './views/demo-toolbar.js';
import './views/demo-toolbar.js';
import './views/another-agent.js';
import type { EntityRef } from '../src/model/kinds.js';
import { WebSocketPushSource } from '../src/service/websocket-push-source.js';
import { LIVE_PUSH_PATH } from '../mocks/live-push.js';
import './views/request-log-panel.js';
import './views/home-view.js';
import './views/case-list-view.js';
import './views/case-view.js';
import './views/sold-product-view.js';
import './views/install-base-view.js';
import './views/inspector-view.js';
import './views/review-view.js';

const APP_NAME = 'Acme Support';

/** How long a notification stays, in ms. */
export const NOTICE_MS = 8000;

const TITLES: Record<Route['name'], string> = {
  home: 'Home',
  cases: 'Cases',
  case: 'Case',
  'sold-product': 'Sold product',
  'install-base': 'Install base item',
  inspector: 'Access inspector',
  review: 'Access review',
  'not-found': 'Not found',
};

const params = new URLSearchParams(location.search);
/** Live refresh: seconds between checks of the open record (`?poll=2`); 10 s so the demo shows it soon. */
const POLL_INTERVAL = Number(params.get('poll') ?? '10');
/** `?mock=off`: the Table API of the page's origin instead of the in-page mock (no "another agent"). */
const MOCKED = params.get('mock') !== 'off';
/** `?push=1`: live refresh told by the mock instance's WebSocket push server instead of polling. */
const PUSH = MOCKED && params.get('push') === '1' ? new WebSocketPushSource(liveSocketUrl()) : undefined;

function liveSocketUrl(): string {
  const url = new URL(`.${LIVE_PUSH_PATH}`, location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/** The record a screen shows, for the "another agent" buttons. */
function entityOf(route: Route): EntityRef | undefined {
  if (route.name === 'case') return { kind: 'case', id: route.id };
  if (route.name === 'sold-product') return { kind: 'sold_product', id: route.id };
  if (route.name === 'install-base') return { kind: 'install_base', id: route.id };
  return undefined;
}

function screenKey(route: Route): string {
  return 'id' in route ? `${route.name}/${route.id}` : route.name;
}

export class DemoApp extends LitElement {
  @state() private settings: DemoSettings = loadSettings(AGENTS[0]?.id ?? '');
  @state() private announcement = '';
  readonly #router = new HashRouter(this);
  #shownScreen = '';

  protected override createRenderRoot(): HTMLElement {
    this.replaceChildren(); // the "Starting…" placeholder of index.html
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(CamPartyAddedEvent.eventName, this.#onPartyAdded);
    this.addEventListener(CamPartyRemovedEvent.eventName, this.#onPartyRemoved);
    this.addEventListener(CamPartyChangedEvent.eventName, this.#onPartyChanged);
    this.addEventListener(CamAuthRequiredEvent.eventName, this.#onAuthRequired);
  }

  readonly #onPartyAdded = (e: CamPartyAddedEvent): void =>
    this.#announce(
      `${e.party.partyName ?? 'The party'} was added as ${e.party.typeName ?? 'a related party'}.`,
    );
  readonly #onPartyRemoved = (e: CamPartyRemovedEvent): void =>
    this.#announce(`${e.party.partyName ?? 'The party'} was removed.`);
  readonly #onPartyChanged = (e: CamPartyChangedEvent): void =>
    this.#announce(`${e.party.partyName ?? 'The party'} is now ${e.party.typeName ?? 'of another type'}.`);
  readonly #onAuthRequired = (): void => this.#announce('The session expired: sign in again.');

  #noticeTimer: ReturnType<typeof setTimeout> | undefined;
  #noticeHeld = false;

  #announce(text: string): void {
    this.announcement = text;
    this.#scheduleHide();
  }

  #scheduleHide(): void {
    clearTimeout(this.#noticeTimer);
    this.#noticeTimer = undefined;
    if (this.announcement && !this.#noticeHeld)
      this.#noticeTimer = setTimeout(() => this.#dismiss(), NOTICE_MS);
  }

  /** The pointer or focus is on the notification: it stays until they leave. */
  #hold(held: boolean): void {
    this.#noticeHeld = held;
    this.#scheduleHide();
  }

  #dismiss(): void {
    clearTimeout(this.#noticeTimer);
    this.#noticeTimer = undefined;
    this.#noticeHeld = false;
    const hadFocus = this.querySelector('.notice')?.contains(document.activeElement) ?? false;
    this.announcement = '';
    if (hadFocus) this.querySelector<HTMLElement>('#main')?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#noticeTimer);
  }

  #onSettings(event: DemoSettingsChangeEvent): void {
    this.settings = event.settings;
    saveSettings(this.settings);
    applyFaults(this.settings);
    const agent = AGENTS.find((a) => a.id === this.settings.userId);
    this.#announce(
      this.settings.offline
        ? 'The mock instance is offline.'
        : `Mock instance: ${this.settings.latencyMs} ms latency, ${Math.round(this.settings.errorRate * 100)}% errors, signed in as ${agent?.name ?? 'unknown'}.`,
    );
  }

  #onReset(_event: DemoResetEvent): void {
    resetData();
    location.reload();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const key = screenKey(this.#router.route);
    document.title = `${TITLES[this.#router.route.name]} — ${APP_NAME} agent workspace`;
    if (key === this.#shownScreen) return;
    const first = this.#shownScreen === '';
    this.#shownScreen = key;
    // Move focus to the new screen's heading (not on the first load: the page starts at the top).
    if (!first) void this.#focusHeading();
  }

  async #focusHeading(): Promise<void> {
    const view = this.querySelector<LitElement>('#main > *');
    await view?.updateComplete;
    this.querySelector<HTMLElement>('#main h1')?.focus({ preventScroll: false });
  }

  #nav(name: Route['name'], label: string, href: string) {
    const current =
      this.#router.route.name === name || (name === 'cases' && this.#router.route.name === 'case');
    return html`<li><a href=${href} aria-current=${current ? 'page' : 'false'}>${label}</a></li>`;
  }

  #screen(route: Route) {
    switch (route.name) {
      case 'home':
        return html`<demo-home-view></demo-home-view>`;
      case 'cases':
        return html`<demo-case-list .search=${route.search} .page=${route.page}></demo-case-list>`;
      case 'case':
        return html`<demo-case-view .recordId=${route.id}></demo-case-view>`;
      case 'sold-product':
        return html`<demo-sold-product-view .recordId=${route.id}></demo-sold-product-view>`;
      case 'install-base':
        return html`<demo-install-base-view .recordId=${route.id}></demo-install-base-view>`;
      case 'inspector':
        return html`<demo-inspector-view
          .principal=${route.principal}
          .entity=${route.entity}
        ></demo-inspector-view>`;
      case 'review':
        return html`<demo-review-view
          .account=${route.account}
          .reviewer=${AGENTS.find((a) => a.id === this.settings.userId)?.name ?? ''}
        ></demo-review-view>`;
      case 'not-found':
        return html`<div>
          <h1 tabindex="-1">Page not found</h1>
          <p>
            Nothing lives at “${route.path}”.
            <a href=${routeHref({ name: 'home' })}>Back to the workspace</a>.
          </p>
        </div>`;
    }
  }

  protected override render() {
    const route = this.#router.route;
    return html`
      <a class="skip-link" href="#main">Skip to content</a>
      <header class="app-header">
        <div class="app-header-bar">
          <div class="brand">
            <span class="logo" aria-hidden="true">◆</span>
            <span class="brand-name">${APP_NAME}</span>
            <span class="brand-sub">Agent workspace</span>
          </div>
          <demo-toolbar
            .settings=${this.settings}
            @demo-settings-change=${this.#onSettings}
            @demo-reset=${this.#onReset}
          ></demo-toolbar>
          ${MOCKED ? html`<demo-another-agent .entity=${entityOf(route)}></demo-another-agent>` : nothing}
        </div>
        ${
          this.settings.offline
            ? html`<p class="offline-banner">
                The mock instance is offline: the elements answer from what this device cached.
              </p>`
            : nothing
        }
      </header>
      <div
        class="notice"
        ?data-empty=${!this.announcement}
        @mouseenter=${() => this.#hold(true)}
        @mouseleave=${() => this.#hold(false)}
        @focusin=${() => this.#hold(true)}
        @focusout=${() => this.#hold(false)}
      >
        <p class="announcer" role="status" aria-live="polite">${this.announcement}</p>
        ${
          this.announcement
            ? html`<button
                type="button"
                class="notice-close"
                aria-label="Dismiss notification"
                @click=${() => this.#dismiss()}
              >
                <span aria-hidden="true">×</span>
              </button>`
            : nothing
        }
      </div>
      <div class="app-body">
        <nav class="app-nav" aria-label="Workspace">
          <ul>
            ${this.#nav('home', 'Home', routeHref({ name: 'home' }))}
            ${this.#nav('cases', 'Cases', routeHref({ name: 'cases', search: '', page: 1 }))}
            ${this.#nav('inspector', 'Access inspector', routeHref({ name: 'inspector' }))}
            ${this.#nav('review', 'Access review', routeHref({ name: 'review' }))}
          </ul>
        </nav>
        <cam-provider user-id=${this.settings.userId} poll-interval=${POLL_INTERVAL} .pushSource=${PUSH}>
          <main id="main" tabindex="-1">${this.#screen(route)}</main>
        </cam-provider>
      </div>
      <footer class="app-footer">
        <demo-request-log></demo-request-log>
        <p class="muted">Demo data lives in this browser until you press “Reset data”.</p>
      </footer>
    `;
  }
}

customElements.define('demo-app', DemoApp);

declare global {
  interface HTMLElementTagNameMap {
    'demo-app': DemoApp;
  }
}
