/** The picker's template: label, combobox input, toggle, grouped listbox, summary and messages. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { RelationshipType } from '../../src/model/definitions.js';
import type { PickerModel, ValidityProblem } from './picker-model.js';
import { optionId, renderListbox, renderSummary } from './type-render.js';
import { warmFloating } from '../internal/floating.js';

export interface PickerView {
  readonly model: PickerModel;
  readonly label: string;
  readonly required: boolean;
  readonly loading: boolean;
  /** The load failure, when the definitions could not be had. */
  readonly error: unknown;
  /** The input cannot be used (disabled, not loaded, nothing applies). */
  readonly inert: boolean;
  readonly expanded: boolean;
  readonly open: boolean;
  readonly activeIndex: number;
  readonly value: string;
  readonly query: string | undefined;
  readonly problem: ValidityProblem | undefined;
  readonly on: {
    readonly input: (event: Event) => void;
    readonly keydown: (event: KeyboardEvent) => void;
    readonly blur: () => void;
    readonly inputClick: () => void;
    readonly toggle: () => void;
    readonly pick: (type: RelationshipType) => void;
    readonly retry: () => void;
  };
}

function renderMessage(view: PickerView): TemplateResult | typeof nothing {
  const { model } = view;
  if (view.loading) return html`<p role="status" class="muted">${msg('Loading relationship types…')}</p>`;
  if (view.error !== undefined) {
    const reason = view.error instanceof Error ? view.error.message : String(view.error);
    return html`<p role="alert">${msg(str`Relationship types could not be loaded: ${reason}`)}</p>
      <button type="button" @click=${view.on.retry}>${msg('Retry')}</button>`;
  }
  const notes: TemplateResult[] = [];
  if (model.configProblem) notes.push(html`<p role="alert">${model.configProblem}</p>`);
  else if (model.types.length === 0) notes.push(html`<p role="status">${model.emptyText}</p>`);
  if (view.problem?.flags.customError) notes.push(html`<p role="alert">${view.problem.message}</p>`);
  if (view.open && model.types.length > 0 && model.visible.length === 0) {
    notes.push(html`<p role="status">${msg(str`No relationship type matches “${view.query ?? ''}”.`)}</p>`);
  }
  return notes.length > 0 ? html`${notes}` : nothing;
}

/** The whole shadow content of the picker. */
export function renderPicker(view: PickerView): TemplateResult {
  const { model, on } = view;
  const loaded = model.definitions !== undefined;
  const text = view.query ?? (loaded ? (model.selected?.name ?? view.value) : '');
  return html`
    <label id="label" for="input" part="label"
      >${view.label}${view.required ? html`<span aria-hidden="true"> *</span>` : nothing}</label
    >
    <div
      class="field"
      part="field"
      aria-busy=${view.loading ? 'true' : 'false'}
      @pointerenter=${warmFloating}
      @focusin=${warmFloating}
    >
      <input
        id="input"
        part="input"
        type="text"
        role="combobox"
        aria-labelledby="label"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded=${view.expanded ? 'true' : 'false'}
        aria-controls="listbox"
        aria-activedescendant=${view.expanded && view.activeIndex >= 0 ? optionId(view.activeIndex) : nothing}
        aria-describedby="summary message"
        aria-required=${view.required ? 'true' : 'false'}
        aria-invalid=${view.problem?.flags.customError ? 'true' : 'false'}
        placeholder=${view.loading ? msg('Loading…') : msg('Search relationship types')}
        .value=${live(text)}
        ?disabled=${view.inert}
        @input=${on.input}
        @keydown=${on.keydown}
        @blur=${on.blur}
        @click=${on.inputClick}
      />
      <button
        type="button"
        part="toggle"
        tabindex="-1"
        aria-label=${msg('Show relationship types')}
        ?disabled=${view.inert}
        @mousedown=${(event: Event) => event.preventDefault()}
        @click=${on.toggle}
      >
        <span aria-hidden="true">▾</span>
      </button>
      <div class="popup" popover="manual" ?hidden=${!view.expanded}>
        ${renderListbox({
          id: 'listbox',
          label: view.label,
          groups: model.groups,
          activeIndex: view.activeIndex,
          selectedId: view.value,
          showPartyType: model.party === undefined,
          responsibilityName: (type) => model.responsibilityName(type),
          onPick: on.pick,
        })}
      </div>
    </div>
    <div id="summary" part="summary" aria-live="polite">
      ${model.selected && model.definitions ? renderSummary(model.selected, model.summary) : nothing}
    </div>
    <div id="message" part="message">${renderMessage(view)}</div>
  `;
}
