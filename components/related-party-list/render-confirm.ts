/**
 * The confirmation step of a removal, shown inside the row (a full-width cell): who loses what
 * access, or why the platform does not allow the removal. Escape cancels.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { PartyRow } from '../../src/service/party-rows.js';
import { partyName } from './labels.js';

export interface ConfirmView {
  readonly row: PartyRow;
  /** Why the removal is not allowed; undefined = allowed. */
  readonly blocked?: string;
  /** One line per person whose access the removal lowers. */
  readonly impact: readonly string[];
  /** The access picture is not in yet (`pending`: Remove waits for it) or could not be loaded. */
  readonly checking?: 'pending' | 'failed';
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

export function renderConfirm(v: ConfirmView): TemplateResult {
  const name = partyName(v.row);
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    v.onCancel();
  };
  if (v.blocked) {
    return html`<div role="cell" part="confirm" class="confirm blocked" @keydown=${onKey}>
      <div role="group" aria-labelledby="confirm-title">
        <p id="confirm-title"><strong>${msg(str`${name} cannot be removed.`)}</strong> ${v.blocked}</p>
        <button type="button" data-confirm="cancel" @click=${v.onCancel}>${msg('OK')}</button>
      </div>
    </div>`;
  }
  return html`<div role="cell" part="confirm" class="confirm" @keydown=${onKey}>
    <div role="group" aria-labelledby="confirm-title">
      <p id="confirm-title"><strong>${msg(str`Remove ${name} from the related parties?`)}</strong></p>
      ${
        v.impact.length > 0
          ? html`<ul class="impact">
              ${v.impact.map((line) => html`<li>${line}</li>`)}
            </ul>`
          : nothing
      }
      ${
        v.checking === 'pending'
          ? html`<p class="muted" role="status">${msg('Checking whose access this removal lowers…')}</p>`
          : v.checking === 'failed'
            ? html`<p class="muted">${msg('Whose access this removal lowers could not be checked.')}</p>`
            : nothing
      }
      <button
        type="button"
        class="danger"
        data-confirm="remove"
        ?disabled=${v.checking === 'pending'}
        @click=${v.onConfirm}
      >
        ${msg(str`Remove ${name}`)}
      </button>
      <button type="button" data-confirm="cancel" @click=${v.onCancel}>${msg('Cancel')}</button>
    </div>
  </div>`;
}
