import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { localized, msg } from '@lit/localize';
import {
  isAbortError,
  type EntityRef,
  type PartyChangeInput,
  type PartyKind,
  type PartyRef,
  type PartyRow,
} from '../../src/index.js';
import type { CamRelationshipTypePicker } from '../relationship-type-picker/cam-relationship-type-picker.component.js';
import type { CamServices } from '../context.js';
import { ServicesController, renderMissingProvider } from '../internal/services-controller.js';
import { CamPartyAddedEvent, CamPartySelectedEvent } from '../events.js';
import { AccessPreviewController } from './access-preview.js';
import { styles } from './cam-add-party-dialog.styles.js';
import { focusedElement } from './dialog-support.js';
import { PartySearchController } from './party-search.js';
import type { Proposal } from './preview.js';
import { saveErrorText } from './save-error.js';
import { renderSearch, type SearchHandlers } from './search-view.js';

/** What one click on Save sends. */
interface SaveRequest {
  readonly services: CamServices;
  readonly entity: EntityRef;
  readonly input: PartyChangeInput;
}

/**
 * A modal dialog that adds a related party to one entity: search a party on the server, pick a
 * relationship type, see who gains what access before saving, and save. The engine's validation
 * (duplicate, unique responsibility taken, type not applicable, non-root install base item…) keeps
 * Save disabled with the reasons listed, so such requests are never sent.
 *
 * @summary Adds a related party, previewing the access it grants.
 * @tagname cam-add-party-dialog
 * @fires cam-party-added - The party was saved ({@link CamPartyAddedEvent}, with the saved row).
 * @fires cam-party-selected - The user picked a party in the search ({@link CamPartySelectedEvent}).
 * @fires close - The dialog closed (saved, cancelled or Escape); does not bubble, as on `<dialog>`.
 * @csspart dialog - The native `<dialog>`.
 * @csspart title - The heading.
 * @csspart body - The scrolling content.
 * @csspart kind-select - The party kind `<select>`.
 * @csspart search - The search field with its results.
 * @csspart search-input - The combobox input.
 * @csspart search-status - "Searching…", "No matches", "refine your search".
 * @csspart search-loading - The skeleton shown while searching.
 * @csspart search-error - Refused search text, or a failed search with Retry.
 * @csspart results - The result listbox.
 * @csspart option - One result; `active-option` is added to the active one.
 * @csspart option-name - A result's name.
 * @csspart option-secondary - A result's email / account.
 * @csspart selected - The chosen party.
 * @csspart type-picker - The `<cam-relationship-type-picker>`.
 * @csspart type-picker-input - The picker's combobox input (its `input` part).
 * @csspart type-picker-listbox - The picker's popup list (its `listbox` part).
 * @csspart issues - Validation errors that keep Save disabled.
 * @csspart issue-warnings - Validation warnings.
 * @csspart preview - "Who gains what".
 * @csspart preview-loading - Shown while access is checked.
 * @csspart preview-error - Access could not be checked (with Retry).
 * @csspart gain - One before → after line.
 * @csspart level - An access level badge.
 * @csspart no-gain - "No one gains access".
 * @csspart warnings - Near misses (responsibility without the required role…).
 * @csspart warning - One near miss.
 * @csspart preview-note - What the preview could not see.
 * @csspart save-error - Why saving failed.
 * @csspart footer - The buttons.
 * @csspart cancel-button - Cancel.
 * @csspart save-button - Save.
 * @cssprop --cam-font-family - Font family (default system-ui).
 * @cssprop --cam-font-size - Base font size (default 0.875rem).
 * @cssprop --cam-color-text - Text colour.
 * @cssprop --cam-color-text-muted - Secondary text.
 * @cssprop --cam-color-surface - Dialog and input background.
 * @cssprop --cam-color-surface-hover - Background of a hovered button; the shine of the loading skeleton.
 * @cssprop --cam-color-border - Borders.
 * @cssprop --cam-radius - Corner radius (default 6px).
 * @cssprop --cam-color-primary - Background of the primary button.
 * @cssprop --cam-color-on-primary - Text of the primary button.
 * @cssprop --cam-color-danger - Errors and destructive actions.
 * @cssprop --cam-color-focus - Focus ring colour.
 * @cssprop --cam-focus-ring-width - Focus ring width (default 2px).
 * @cssprop --cam-dialog-width - Width of the dialog (default min(36rem, 100vw - 2rem)).
 * @cssprop --cam-dialog-backdrop - Backdrop colour.
 * @cssprop --cam-shadow-popup - Shadow of the dialog.
 * @cssprop --cam-heading-size - Font size of the title (default 1.1rem).
 * @cssprop --cam-color-option-active - Background of the active result.
 * @cssprop --cam-color-warning - Near-miss warnings.
 * @cssprop --cam-color-skeleton - Loading skeleton.
 * @cssprop --cam-listbox-max-height - Height of the result list before it scrolls (default 16rem).
 * @cssprop --cam-level-none-bg - Background of the none access level badge.
 * @cssprop --cam-level-none-fg - Text of the none access level badge.
 * @cssprop --cam-level-read-bg - Background of the read access level badge.
 * @cssprop --cam-level-read-fg - Text of the read access level badge.
 * @cssprop --cam-level-write-bg - Background of the write access level badge.
 * @cssprop --cam-level-write-fg - Text of the write access level badge.
 * @cssprop --cam-level-full-bg - Background of the full access level badge.
 * @cssprop --cam-level-full-fg - Text of the full access level badge.
 */
@localized()
export class CamAddPartyDialog extends LitElement {
  static override styles = styles;

  /** Table of the entity the party is added to, e.g. `sn_customerservice_case`. */
  @property({ attribute: 'entity-table' }) entityTable = '';

  /** sys_id of the entity. */
  @property({ attribute: 'entity-id' }) entityId = '';

  /** Whether the dialog is shown (modal). */
  @property({ type: Boolean, reflect: true }) open = false;

  private readonly ctx = new ServicesController(this);

  private get services(): CamServices | undefined {
    return this.ctx.services;
  }

  @state() private typeId = '';
  @state() private responsibility: string | undefined;
  @query('dialog') private dialog?: HTMLDialogElement;
  @query('#search') private searchInput?: HTMLInputElement;

  private opener: HTMLElement | undefined;
  private readonly search = new PartySearchController(this, () => this.services);
  private readonly preview = new AccessPreviewController(
    this,
    () => [this.services, this.entityTable, this.entityId, this.search.selected],
    (services, table, id) => services.parties.entityOf(table, id),
    (error) => this.report(error),
  );

  private readonly saveTask = new Task<[SaveRequest | undefined], PartyRow>(this, {
    autoRun: false,
    task: async ([request], { signal }) =>
      request ? request.services.parties.add(request.entity, request.input, { signal }) : initialState,
    onComplete: (row) => this.saved(row),
    onError: (error) => this.report(error),
  });

  private readonly searchHandlers: SearchHandlers = {
    kind: (kind) => {
      this.search.setKind(kind);
      this.typeId = '';
      this.resetSave();
    },
    input: (text) => {
      this.search.input(text);
      this.resetSave();
    },
    keydown: (event) => {
      const chosen = this.search.keydown(event);
      if (chosen) this.chosen(chosen.party, chosen.name);
    },
    choose: (index) => {
      const chosen = this.search.choose(index);
      if (chosen) this.chosen(chosen.party, chosen.name);
    },
  };

  /** Opens the dialog (modal), starting afresh. */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog; focus returns to where it was before opening. */
  close(): void {
    this.open = false;
  }

  private get entity(): EntityRef | undefined {
    return this.services?.parties.entityOf(this.entityTable, this.entityId);
  }

  private get busy(): boolean {
    return this.saveTask.status === TaskStatus.PENDING;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open') && this.open) {
      // The search (and the save) need the edits' code: fetch it while the agent types.
      this.services?.parties.prepareEdits();
      this.opener = focusedElement();
      this.search.setKind(this.kinds()[0] ?? 'contact');
      this.typeId = '';
      this.responsibility = undefined;
      this.resetSave();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.dialog;
    if (!changed.has('open') || !dialog) return;
    if (this.open && !dialog.open) {
      dialog.showModal();
      this.searchInput?.focus();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  private kinds(): PartyKind[] {
    const entity = this.entity;
    return entity && this.services ? this.services.parties.kindsOn(entity.kind) : [];
  }

  private report(error: unknown): void {
    if (!isAbortError(error)) this.services?.reportError(error);
  }

  /** Drops the last save error: the inputs changed, or the dialog opened again. */
  private resetSave(): void {
    if (this.saveTask.status === TaskStatus.ERROR) void this.saveTask.run([undefined]);
  }

  private chosen(party: PartyRef, name: string): void {
    this.resetSave();
    this.dispatchEvent(new CamPartySelectedEvent(party, name));
    // A click on an option, or the re-render that closes the listbox, can drop focus to the dialog
    // itself; the next Tab would then start from its top. Keep the agent on the search field, so Tab
    // moves on to the relationship type, whatever the browser does with a removed option.
    void this.updateComplete.then(() => {
      const input = this.searchInput;
      if (this.open && input && this.shadowRoot?.activeElement !== input) input.focus();
    });
  }

  private saved(row: PartyRow): void {
    this.dispatchEvent(new CamPartyAddedEvent(row));
    this.services?.access.invalidate(row.record.entity);
    this.close();
  }

  private onDialogClose(): void {
    this.open = false;
    const opener = this.opener;
    this.opener = undefined;
    if (opener?.isConnected) opener.focus();
    this.dispatchEvent(new Event('close'));
  }

  private onCancel(event: Event): void {
    // Escape while saving would hide the outcome of a write in flight.
    if (this.busy) event.preventDefault();
  }

  private onTypeChange(event: Event): void {
    const picker = event.target as CamRelationshipTypePicker;
    this.typeId = picker.value;
    this.responsibility = picker.responsibility;
    this.resetSave();
  }

  private proposal(): Proposal | undefined {
    const entity = this.entity;
    const party = this.search.selected?.party;
    if (!entity || !party || !this.typeId) return undefined;
    const responsibility = this.responsibility;
    return { entity, party, type: this.typeId, ...(responsibility ? { responsibility } : {}) };
  }

  private save(): void {
    const proposal = this.proposal();
    const services = this.services;
    if (!proposal || !services || this.busy || !this.preview.ready(proposal)) return;
    const { entity, party, type, responsibility } = proposal;
    void this.saveTask.run([{ services, entity, input: { party, type, responsibility } }]);
  }

  private renderForm(proposal: Proposal | undefined): TemplateResult {
    return html`${renderSearch(this.search, this.kinds(), this.searchHandlers)}
      <cam-relationship-type-picker
        part="type-picker"
        exportparts="input: type-picker-input, listbox: type-picker-listbox"
        applies-to=${this.entityTable}
        party-kind=${this.search.kind}
        .value=${this.typeId}
        @change=${this.onTypeChange}
      ></cam-relationship-type-picker>
      ${this.search.selected ? this.preview.render(proposal) : nothing}`;
  }

  protected override render(): TemplateResult {
    const proposal = this.proposal();
    const busy = this.busy;
    const blocked = !busy && !this.preview.ready(proposal);
    return html`<dialog
      part="dialog"
      aria-labelledby="title"
      @close=${this.onDialogClose}
      @cancel=${this.onCancel}
    >
      <h2 id="title" part="title">${msg('Add related party')}</h2>
      <div part="body" class="body" aria-busy=${busy ? 'true' : 'false'}>
        ${
          this.ctx.missing
            ? renderMissingProvider()
            : this.entity
              ? this.renderForm(proposal)
              : html`<p role="alert" class="error">
                  ${msg('No entity to add a party to: set entity-table and entity-id.')}
                </p>`
        }
        ${
          this.saveTask.status === TaskStatus.ERROR
            ? html`<p part="save-error" role="alert" class="error">${saveErrorText(this.saveTask.error)}</p>`
            : nothing
        }
      </div>
      <div part="footer" class="footer">
        ${
          blocked
            ? html`<p id="save-hint" class="muted">
                ${msg('Choose a party and a relationship type; Add party is enabled once the change is valid.')}
              </p>`
            : nothing
        }
        <button
          type="button"
          part="cancel-button"
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${() => !busy && this.close()}
        >
          ${msg('Cancel')}
        </button>
        <button
          type="button"
          part="save-button"
          class="primary"
          ?disabled=${blocked}
          aria-disabled=${busy ? 'true' : 'false'}
          aria-describedby=${blocked ? 'save-hint' : nothing}
          @click=${this.save}
        >
          ${busy ? msg('Saving…') : msg('Add party')}
        </button>
      </div>
    </dialog>`;
  }
}
