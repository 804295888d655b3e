/**
 * The demo's "another agent": buttons that change the open case (or sold product, install base
 * item) as a colleague, as if she worked it in her own browser. The list does not reload: live
 * refresh finds the change at its next check and applies it in place, saying who did what.
 */
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { EntityRef } from '../../src/model/kinds.js';
import type { AnotherAgentAction } from '../../mocks/another-agent.js';
import { actAsColleague, COLLEAGUE } from '../mock-backend.js';

const ACTIONS: readonly { readonly action: AnotherAgentAction; readonly label: string }[] = [
  { action: 'add', label: 'Add a party' },
  { action: 'retype', label: 'Change a type' },
  { action: 'remove', label: 'Remove a party' },
];

export class DemoAnotherAgent extends LitElement {
  /** The entity on screen; nothing is shown without one. */
  @property({ attribute: false }) entity?: EntityRef;
  @state() private done = '';

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  #act(action: AnotherAgentAction): void {
    if (!this.entity) return;
    this.done =
      actAsColleague(this.entity, action) ?? `${COLLEAGUE.name} found nothing to change for that action.`;
  }

  protected override render() {
    if (!this.entity) return nothing;
    return html`<div class="toolbar another-agent" role="group" aria-label=${`Act as ${COLLEAGUE.name}`}>
      <span class="toolbar-title">As ${COLLEAGUE.name}</span>
      ${ACTIONS.map(
        ({ action, label }) =>
          html`<button type="button" data-another-agent=${action} @click=${() => this.#act(action)}>
            ${label}
          </button>`,
      )}
      <span class="muted" role="status">${this.done}</span>
    </div>`;
  }
}

customElements.define('demo-another-agent', DemoAnotherAgent);

declare global {
  interface HTMLElementTagNameMap {
    'demo-another-agent': DemoAnotherAgent;
  }
}
