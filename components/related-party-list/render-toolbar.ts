/** The toolbar (text filter, kind filter, count, Add) and the list's states (loading, empty, error…). */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { PartyKind } from '../../src/model/kinds.js';
import type { IncompleteSource } from '../../src/service/access-facts-loader.js';
import { partyKindLabel } from '../internal/labels.js';

export interface ToolbarView {
  readonly text: string;
  readonly kind: PartyKind | '';
  /** Kinds the entity's party table can hold. */
  readonly kinds: readonly PartyKind[];
  readonly shown: number;
  readonly total: number;
  /** Parties on the server while the first read is still coming in (more than `total`). */
  readonly expected?: number;
  readonly busy: boolean;
  readonly onText: (text: string) => void;
  readonly onKind: (kind: PartyKind | '') => void;
  readonly onAdd: () => void;
}

function count(shown: number, total: number, expected?: number): string {
  if (expected !== undefined && expected > total) {
    return msg(str`${total.toLocaleString()} of ${expected.toLocaleString()} parties loaded…`);
  }
  const all = total.toLocaleString();
  if (shown === total) return total === 1 ? msg('1 party') : msg(str`${all} parties`);
  return msg(str`${shown.toLocaleString()} of ${all} shown`);
}

export function renderToolbar(v: ToolbarView): TemplateResult {
  const select = (event: Event) => v.onKind((event.target as HTMLSelectElement).value as PartyKind | '');
  return html`<div part="toolbar" class="toolbar">
    <label class="field">
      <span>${msg('Search')}</span>
      <input
        type="search"
        part="search"
        .value=${v.text}
        placeholder=${msg('Name, type or responsibility')}
        @input=${(event: Event) => v.onText((event.target as HTMLInputElement).value)}
      />
    </label>
    <label class="field">
      <span>${msg('Kind')}</span>
      <select part="kind-filter" .value=${v.kind} @change=${select}>
        <option value="" ?selected=${v.kind === ''}>${msg('All kinds')}</option>
        ${v.kinds.map((kind) => html`<option value=${kind} ?selected=${v.kind === kind}>${partyKindLabel(kind)}</option>`)}
      </select>
    </label>
    <span part="count" class="count" role="status" aria-live="polite" aria-busy=${v.busy ? 'true' : 'false'}
      >${count(v.shown, v.total, v.expected)}</span
    >
    <button type="button" class="primary" part="add-button" @click=${v.onAdd}>${msg('Add party')}</button>
  </div>`;
}

export function renderSkeleton(): TemplateResult {
  return html`<div part="skeleton" class="skeleton" role="status" aria-live="polite">
    <span class="visually-hidden">${msg('Loading related parties…')}</span>
    ${[0, 1, 2].map(() => html`<div class="skeleton-row" aria-hidden="true"></div>`)}
  </div>`;
}

export function renderEmpty(onAdd: () => void): TemplateResult {
  return html`<div part="empty" class="empty">
    <p>${msg('No related parties yet.')}</p>
    <button type="button" class="primary" part="add-button" @click=${onAdd}>${msg('Add party')}</button>
  </div>`;
}

export function renderLoadError(message: string, onRetry: () => void): TemplateResult {
  return html`<div part="error" class="error-state" role="alert">
    <p>${msg('The related parties could not be loaded.')} ${message}</p>
    <button type="button" part="retry-button" @click=${onRetry}>${msg('Retry')}</button>
  </div>`;
}

/**
 * Where the banner of a refused change goes (render-failure.ts, with the row actions). The live
 * region stays in the DOM so the message is announced when it appears.
 */
export function renderFailure(banner: TemplateResult | typeof nothing): TemplateResult {
  return html`<div role="alert" part="banner">${banner}</div>`;
}

/** Access is computed without some tables: say so, and which. */
export function renderIncomplete(incomplete: readonly IncompleteSource[]): TemplateResult | typeof nothing {
  if (incomplete.length === 0) return nothing;
  const tables = incomplete.map((source) => source.table).join(', ');
  return html`<p part="partial-note" class="note">
    ${msg(str`Access shown may be incomplete: you may not read ${tables}.`)}
  </p>`;
}
