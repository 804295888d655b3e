/**
 * The demo toolbar: how the mock instance behaves (latency, injected 500s, offline), who is signed
 * in (changes the provider's `user-id`, hence the definitions cache), and resetting the data.
 */
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { STORY } from '../../mocks/seed/story.js';
import type { DemoSettings } from '../settings.js';

/** The toolbar changed a setting; `settings` is the whole new set. */
export class DemoSettingsChangeEvent extends Event {
  static readonly eventName = 'demo-settings-change';
  constructor(readonly settings: DemoSettings) {
    super(DemoSettingsChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The toolbar asks for the seeded data back. */
export class DemoResetEvent extends Event {
  static readonly eventName = 'demo-reset';
  constructor() {
    super(DemoResetEvent.eventName, { bubbles: true, composed: true });
  }
}

/** The agents one can sign in as. */
export const AGENTS: readonly { readonly id: string; readonly name: string; readonly note: string }[] = [
  { id: STORY.agents.agent.id, name: STORY.agents.agent.name, note: 'agent' },
  { id: STORY.agents.caseViewer.id, name: STORY.agents.caseViewer.name, note: 'case viewer' },
];

const LATENCIES = [
  { value: 0, label: 'None' },
  { value: 300, label: '300 ms' },
  { value: 1000, label: '1 s' },
  { value: 3000, label: '3 s' },
];

const ERROR_RATES = [
  { value: 0, label: 'None' },
  { value: 0.1, label: '10% of requests' },
  { value: 0.3, label: '30% of requests' },
  { value: 1, label: 'Every request' },
];

export class DemoToolbar extends LitElement {
  /** The settings in force. */
  @property({ attribute: false }) settings!: DemoSettings;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  #change(patch: Partial<DemoSettings>): void {
    this.dispatchEvent(new DemoSettingsChangeEvent({ ...this.settings, ...patch }));
  }

  protected override render() {
    const s = this.settings;
    const number = (event: Event) => Number((event.target as HTMLSelectElement).value);
    return html`<div class="toolbar" role="group" aria-label="Demo controls">
      <span class="toolbar-title" aria-hidden="true">Demo</span>
      <label>
        <span>Latency</span>
        <select @change=${(e: Event) => this.#change({ latencyMs: number(e) })}>
          ${LATENCIES.map((o) => html`<option value=${o.value} ?selected=${o.value === s.latencyMs}>${o.label}</option>`)}
        </select>
      </label>
      <label>
        <span>Inject 500s</span>
        <select @change=${(e: Event) => this.#change({ errorRate: number(e) })}>
          ${ERROR_RATES.map((o) => html`<option value=${o.value} ?selected=${o.value === s.errorRate}>${o.label}</option>`)}
        </select>
      </label>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          aria-checked=${s.offline ? 'true' : 'false'}
          .checked=${s.offline}
          @change=${(e: Event) => this.#change({ offline: (e.target as HTMLInputElement).checked })}
        />
        <span>Offline</span>
      </label>
      <label>
        <span>Signed in as</span>
        <select @change=${(e: Event) => this.#change({ userId: (e.target as HTMLSelectElement).value })}>
          ${AGENTS.map((a) => html`<option value=${a.id} ?selected=${a.id === s.userId}>${a.name} (${a.note})</option>`)}
        </select>
      </label>
      <button type="button" class="danger" @click=${() => this.dispatchEvent(new DemoResetEvent())}>
        Reset data
      </button>
    </div>`;
  }
}

customElements.define('demo-toolbar', DemoToolbar);

declare global {
  interface HTMLElementTagNameMap {
    'demo-toolbar': DemoToolbar;
  }
  interface GlobalEventHandlersEventMap {
    'demo-settings-change': DemoSettingsChangeEvent;
    'demo-reset': DemoResetEvent;
  }
}
