/**
 * A row's relationship type editor: the picker, why the type cannot be saved, Save and Cancel.
 * Escape cancels. Loaded with the row actions (row-actions.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { PartyRow } from '../../src/service/party-rows.js';
import { partyName } from './labels.js';
import type { Editing } from './render-rows.js';

export interface EditorView {
  readonly entityTable: string;
  readonly onPick: (type: string) => void;
  readonly onSave: (row: PartyRow) => void;
  readonly onCancel: (row: PartyRow) => void;
}

/** Whether an expanded popup control (the picker's open list) is on the event's path. */
function fromExpandedControl(event: Event): boolean {
  return event
    .composedPath()
    .some((node) => node instanceof Element && node.getAttribute('aria-expanded') === 'true');
}

/**
 * One Escape cancels the edit. Listens in the capture phase, before the picker, which would
 * otherwise take a first Escape to clear its text; an open list still closes first.
 */
function cancelOnEscape(cancel: () => void): EventListenerObject & AddEventListenerOptions {
  return {
    capture: true,
    handleEvent(event: Event) {
      if (!(event instanceof KeyboardEvent) || event.key !== 'Escape' || fromExpandedControl(event)) return;
      event.preventDefault();
      event.stopPropagation();
      cancel();
    },
  };
}

export function renderEditor(row: PartyRow, editing: Editing, v: EditorView): TemplateResult {
  const name = partyName(row);
  return html`<div class="edit" @keydown=${cancelOnEscape(() => v.onCancel(row))}>
    <cam-relationship-type-picker
      part="type-picker"
      exportparts="input: type-picker-input, listbox: type-picker-listbox"
      applies-to=${v.entityTable}
      party-type=${row.record.party.kind}
      value=${editing.type}
      label=${msg(str`Relationship type of ${name}`)}
      @change=${(e: Event) => v.onPick((e.target as HTMLElement & { value: string }).value)}
    ></cam-relationship-type-picker>
    ${editing.problem ? html`<p class="error" role="alert">${editing.problem}</p>` : nothing}
    <span class="edit-actions">
      <button
        type="button"
        class="primary"
        ?disabled=${editing.type === row.record.type}
        @click=${() => v.onSave(row)}
      >
        ${msg('Save')}
      </button>
      <button type="button" @click=${() => v.onCancel(row)}>${msg('Cancel')}</button>
    </span>
  </div>`;
}
