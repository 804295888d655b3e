import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import {
  EntityNotFoundError,
  entityName,
  type EntityAccess,
  type EntityRef,
  type PartyKind,
  type PartiesChange,
  type PartyRow,
} from '../../src/index.js';
import type { PartyRowsProgress } from '../../src/service/party-pages.js';
import type { LiveStatus } from '../../src/service/live-feed.js';
import type { CamServices } from '../context.js';
import {
  MissingProviderError,
  ServicesController,
  concerns,
  renderMissingProvider,
} from '../internal/services-controller.js';
import { CamAddPartyRequestEvent, CamPartiesRefreshedEvent, CamPartyAddedEvent } from '../events.js';
import { loadElement } from '../internal/lazy-elements.js';
import { onDemand } from '../../src/internal/on-demand.js';
import { loadVirtualizer, PLAIN_ROW_LIMIT, renderRows } from '../internal/virtual-rows.js';
import type { LiveUpdatesController } from './live-updates.js';
import { liveStyles, renderLive } from './live-view.js';
import { columnText, partyName } from './labels.js';
import { entityWord } from '../internal/labels.js';
import { UnknownEntityTableError, describeError } from './list-errors.js';
import { nextSort, visibleRows, type ListQuery, type SortKey } from './list-view.js';
import { PartyChangesController } from './party-changes.js';
import type { ConfirmView } from './render-confirm.js';
import { renderHeader, renderRow, type Editing, type RowsView } from './render-rows.js';
import {
  renderEmpty,
  renderFailure,
  renderIncomplete,
  renderLoadError,
  renderSkeleton,
  renderToolbar,
} from './render-toolbar.js';
import { styles } from './cam-related-party-list.styles.js';

type RowActions = typeof import('./row-actions.js');
type LiveUpdates = typeof import('./live-updates.js');

/**
 * What a row's actions need once chosen (the removal confirmation, the retype check, sending the
 * changes): loaded when a row's menu first opens, or when an action runs before that.
 */
const rowActions = onDemand<RowActions>(() => import('./row-actions.js'));

/** Live refresh's side of the list: loaded once the list has shown its rows. */
const liveUpdates = onDemand(() => import('./live-updates.js'));

const PICKER = 'cam-relationship-type-picker';

/**
 * The related parties of one case, sold product or install base item: who they are, their
 * relationship type and responsibility, and the access each gets. Agents change a party's type,
 * remove parties (with a confirmation; removals the platform forbids say why) and add parties.
 * Changes show at once and roll back visibly when the server refuses them. Large lists (10,000
 * parties) are virtualised: only the rows in view are in the DOM.
 *
 * @summary Lists, sorts, filters and edits the related parties of an entity.
 * @tagname cam-related-party-list
 *
 * @fires cam-party-changed - A party's relationship type was changed on the server (`CamPartyChangedEvent`).
 * @fires cam-party-removed - A party was removed on the server (`CamPartyRemovedEvent`).
 * @fires cam-party-added - Bubbles out of the add dialog once the server saved a party (`CamPartyAddedEvent`).
 * @fires cam-add-party-request - The Add button was pressed; cancel it to show your own dialog (`CamAddPartyRequestEvent`).
 * @fires cam-parties-refreshed - Changes made elsewhere were applied (by live refresh, or found by a re-read): rows added, changed, removed and by whom when known (`CamPartiesRefreshedEvent`).
 *
 * @csspart toolbar - Search, kind filter, count and Add button.
 * @csspart search - The text filter input.
 * @csspart kind-filter - The party kind select.
 * @csspart count - "12 parties" / "3 of 12 shown".
 * @csspart add-button - The Add button (toolbar and empty state).
 * @csspart table - The table (role=table).
 * @csspart header - The header row group.
 * @csspart header-cell - A column header.
 * @csspart sort-button - The button in a sortable column header.
 * @csspart body - The scrolling area holding the rows.
 * @csspart row - A party row.
 * @csspart cell - A cell of a party row.
 * @csspart name-cell - The party name cell.
 * @csspart actions - The cell with a row's actions.
 * @csspart action - The actions button of a row (also `menu-button`).
 * @csspart menu-button - The button that opens a row's actions menu.
 * @csspart menu - A row's actions menu (role menu, a popover).
 * @csspart menu-item - An item of a row's actions menu (Change type, Remove).
 * @csspart badge - The effective-access badge of a row (the `<cam-effective-access-badge>` host).
 * @csspart row-badge - The badge button inside a row's badge (its `badge` part).
 * @csspart row-badge-popover - The explanation popover of a row's badge (its `popover` part).
 * @csspart row-badge-tree - The explanation tree of a row's badge (its `tree` part).
 * @csspart type-picker - The relationship type picker in edit mode.
 * @csspart type-picker-input - The picker's combobox input (its `input` part).
 * @csspart type-picker-listbox - The picker's popup list (its `listbox` part).
 * @csspart confirm - The removal confirmation inside a row.
 * @csspart banner - The live region of a refused change.
 * @csspart partial-note - The note that access was computed without some tables.
 * @csspart live - Live refresh: the paused status, a conflict with another agent's change, the announcements.
 * @csspart live-status - "Live updates paused…" and why (offline, hidden, failing, off).
 * @csspart live-region - The polite live region saying what others changed and who.
 * @csspart live-conflict - A row being edited or removed here was changed or removed by someone else.
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The empty state.
 * @csspart error - The load error state.
 * @csspart retry-button - Retry in the error state.
 *
 * @cssprop --cam-font-family - Font family (default system-ui).
 * @cssprop --cam-font-size - Base font size (default 0.875rem).
 * @cssprop --cam-color-text - Text colour.
 * @cssprop --cam-color-text-muted - Secondary text.
 * @cssprop --cam-color-surface - Background of buttons and inputs.
 * @cssprop --cam-color-surface-hover - Background of a hovered button.
 * @cssprop --cam-color-border - Borders of the table, inputs and buttons.
 * @cssprop --cam-radius - Corner radius (default 6px).
 * @cssprop --cam-color-primary - Background of the primary button.
 * @cssprop --cam-color-on-primary - Text of the primary button.
 * @cssprop --cam-color-danger - Errors and destructive actions.
 * @cssprop --cam-color-focus - Focus ring colour.
 * @cssprop --cam-focus-ring-width - Focus ring width (default 2px).
 * @cssprop --cam-space - Spacing between toolbar items and blocks (default 0.5rem).
 * @cssprop --cam-color-surface-muted - Background of the removal confirmation.
 * @cssprop --cam-color-warning - The note that access was computed without some tables.
 * @cssprop --cam-color-skeleton - Colour of the loading placeholder bars.
 * @cssprop --cam-related-party-list-max-height - Height of the scrolling rows area (default 28rem).
 * @cssprop --cam-related-party-list-row-height - Minimum row height (default 2.75rem).
 * @cssprop --cam-related-party-list-columns - Grid template of the six columns when the list is wide (from 48rem); narrower, each row stacks name, access and actions over type, kind and responsibility.
 * @cssprop --cam-related-party-list-header-bg - Header background.
 * @cssprop --cam-related-party-list-row-border - Row separator colour.
 * @cssprop --cam-related-party-list-banner-bg - Background of the refused-change banner.
 * @cssprop --cam-color-warning-bg - Background of the paused live-updates status.
 * @cssprop --cam-color-live-highlight - Outline of a row another agent just added or changed.
 * @cssprop --cam-color-live-highlight-bg - Background of a row another agent just changed (fades out unless reduced motion is asked for).
 */
@localized()
export class CamRelatedPartyList extends LitElement {
  static override styles = [styles, liveStyles];

  /** Table of the entity: `sn_customerservice_case`, `sn_install_base_sold_product` or `sn_install_base_item` (as mapped). */
  @property({ attribute: 'entity-table' }) entityTable = '';

  /** sys_id of the entity. */
  @property({ attribute: 'entity-id' }) entityId = '';

  /** Re-reads when anyone changes this entity's parties (or the definitions): badges do the same. */
  private readonly ctx = new ServicesController(this, {
    onAccessChanged: (entity) => this.onInvalidated(entity),
  });

  private get services(): CamServices | undefined {
    return this.ctx.services;
  }

  @state() private query: ListQuery = { text: '', kind: '', sort: 'name', direction: 'ascending' };
  @state() private editing?: Editing;
  @state() private confirming?: PartyRow;
  @state() private adding = false;
  /** A row being edited or confirmed here was changed or removed by someone else. */
  @state() private liveConflict?: string;

  private readonly changes = new PartyChangesController(this, () => ({
    services: this.services,
    // From the attributes, not the loaded picture: after a failed re-read there is none to take it from.
    entity: this.entity,
    nameOf: partyName,
  }));

  /** Live refresh (live-updates.ts), from when the rows are first shown. */
  private live?: LiveUpdatesController;
  /** Live refresh's code could not be loaded: live updates are off. */
  @state() private liveFailed = false;

  /**
   * The rows: the entity's related parties as the access service reads them (one read for the
   * rows and the badges' facts). The first page shows as soon as it arrives (`early`); the value
   * is every row. A re-read keeps the rows shown until it is complete.
   */
  private readonly load = new Task(this, {
    args: () => [this.services, this.entityTable, this.entityId] as const,
    task: async ([services, table, id], { signal }) => {
      if (!services) throw new MissingProviderError();
      const entity = services.parties.entityOf(table, id);
      if (!entity) {
        if (services.parties.entityKindOf(table)) throw new EntityNotFoundError(table, id);
        throw new UnknownEntityTableError(table);
      }
      const reread = this.rowsOf(entity) !== undefined;
      if (reread) this.touched = new Set();
      const rows = await services.access.partyRows(entity, {
        signal,
        onProgress: (progress) => void this.showEarly(entity, progress, signal),
      });
      // A long list renders through the virtualizer, loaded on demand: have it before the first render.
      if (rows.length > PLAIN_ROW_LIMIT) await loadVirtualizer();
      return { entity, rows, reread };
    },
    onComplete: ({ entity, rows, reread }) => {
      const before = reread ? this.changes.serverRows : undefined;
      const touched = this.touched;
      this.early = undefined;
      this.changes.setServerRows(rows);
      this.touched = undefined;
      this.withLive((live, code) => {
        // What a re-read shows that nobody announced: changes made elsewhere that came with it
        // (after an invalidation) rather than through live refresh, announced and fired like live
        // ones. Records live refresh changed meanwhile (`touched`) and records with a change of this
        // page pending are left out: the re-read may predate them.
        const skip = (id: string) => touched?.has(id) === true || this.changes.isPending(id);
        const unseen = before && code.unseenChange(entity, before, rows, skip);
        if (unseen) this.showRemote(unseen, live, code);
        live.loaded(entity, rows);
      });
    },
    onError: (error) => this.services?.reportError(error),
  });

  /**
   * The access picture (removal preview, retype check, the entity's name, the "incomplete" note):
   * the same load the badges wait for, so it never holds the rows back. An entity that does not
   * exist is found out here.
   */
  private readonly picture = new Task(this, {
    args: () => [this.services, this.entityTable, this.entityId] as const,
    task: async ([services, table, id], { signal }) => {
      const entity = services?.parties.entityOf(table, id);
      if (!services || !entity) return undefined;
      return services.access.withParties(entity, { signal });
    },
    onError: (error) => this.services?.reportError(error),
  });

  /** Records live refresh changed while a re-read was on its way (its rows may be older). */
  private touched?: Set<string>;

  /**
   * Runs `use` with live refresh's side of the list: at once once its code is there, else when it
   * has loaded (in call order, so the last rows given are the ones watched). A failed load turns
   * live updates off, as a failed load of the feed itself does.
   */
  private withLive(use: (live: LiveUpdatesController, code: LiveUpdates) => void): void {
    const loaded = liveUpdates.loaded;
    if (this.live && loaded) return use(this.live, loaded);
    liveUpdates.load().then(
      (code) => {
        this.live ??= new code.LiveUpdatesController(
          this,
          () => ({ live: this.services?.live }),
          (change) => this.onRemoteChange(change, code),
        );
        use(this.live, code);
      },
      (error: unknown) => {
        this.liveFailed = true;
        console.error(
          `Live updates could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
        );
      },
    );
  }

  /**
   * Live updates' state (paused, off…) once the rows are complete: the feed's own until
   * live-updates.ts has loaded and follows it.
   */
  private liveStatus(complete: boolean): LiveStatus | undefined {
    if (this.liveFailed) return { state: 'off' };
    if (this.live) return this.live.status;
    return complete ? this.services?.live?.status : undefined;
  }

  /**
   * Runs `use` with the row actions' code, and once `elements` are defined: at once when they
   * are, else once loaded. A failed load is reported and the action does nothing.
   */
  private withRowActions(use: (actions: RowActions) => void, elements: readonly string[] = []): void {
    const loaded = rowActions.loaded;
    if (loaded && elements.every((tag) => customElements.get(tag) !== undefined)) return use(loaded);
    Promise.all([rowActions.load(), ...elements.map((tag) => loadElement(tag))]).then(
      ([actions]) => use(actions),
      (error: unknown) => this.services?.reportError(error),
    );
  }

  /** Rows of a first read still in progress (pages so far, and how many the server has). */
  @state() private early?: { entity: EntityRef; rows: readonly PartyRow[]; total?: number };

  /** Shows the pages of a first read as they arrive (not those of a re-read: the rows stay put). */
  private async showEarly(
    entity: EntityRef,
    progress: PartyRowsProgress,
    signal: AbortSignal,
  ): Promise<void> {
    if (progress.complete || this.rowsOf(entity) !== undefined) return;
    // More to come than a plain list holds: fetch the virtualizer's code now, while the first
    // rows (no more than a plain list holds) show without it.
    const needed = Math.max(progress.rows.length, progress.total ?? 0) > PLAIN_ROW_LIMIT;
    const virtualizer = needed
      ? loadVirtualizer().then(
          () => true,
          () => false,
        )
      : undefined;
    if (virtualizer && progress.rows.length > PLAIN_ROW_LIMIT && !(await virtualizer)) return;
    if (signal.aborted || (this.early && this.early.rows.length >= progress.rows.length)) return;
    if (this.load.status !== TaskStatus.PENDING) return;
    this.early = { entity, rows: progress.rows, total: progress.total };
    this.changes.setServerRows(progress.rows);
  }

  /** The complete rows when they are for `entity` (a finished read, not one of another entity). */
  private rowsOf(entity: EntityRef): readonly PartyRow[] | undefined {
    const value = this.load.value;
    return value && sameEntity(value.entity, entity) ? value.rows : undefined;
  }

  private view: { source?: readonly PartyRow[]; query?: ListQuery; rows: PartyRow[] } = { rows: [] };

  /** The entity the attributes name (undefined when unknown). */
  private get entity(): EntityRef | undefined {
    return this.services?.parties.entityOf(this.entityTable, this.entityId);
  }

  /** The rows are loaded (completely, or a first page) for the current entity. */
  private get shown(): { entity: EntityRef; complete: boolean; total?: number } | undefined {
    const entity = this.entity;
    if (!entity) return undefined;
    if (this.rowsOf(entity)) return { entity, complete: true };
    const early = this.early;
    return early && sameEntity(early.entity, entity)
      ? { entity, complete: false, total: early.total }
      : undefined;
  }

  /** The access picture when it is loaded for the current entity. */
  private get access(): EntityAccess | undefined {
    const value = this.picture.value;
    const entity = this.entity;
    return value && entity && sameEntity(value.entity, entity) ? value : undefined;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const source = this.changes.rows;
    if (source !== this.view.source || this.query !== this.view.query) {
      this.view = { source, query: this.query, rows: visibleRows(source, this.query, columnText) };
    }
  }

  private onInvalidated(entity: EntityRef | undefined): void {
    if (!concerns(entity, this.entity)) return;
    void this.load.run();
    void this.picture.run();
  }

  protected override render() {
    if (this.ctx.missing) return renderMissingProvider();
    const shown = this.shown;
    const error = this.loadError();
    // A refused change stays explained even when the re-read after it fails too. It was sent by
    // the row actions' code, so that is there.
    const refused = this.changes.failure;
    const actions = rowActions.loaded;
    const failure = renderFailure(
      refused && actions
        ? actions.renderFailureBanner(refused, {
            onRetry: () => void actions.retryFailure(this.changes),
            onDismiss: () => this.changes.dismissFailure(),
          })
        : nothing,
    );
    if (error !== undefined) {
      return html`${failure}${renderLoadError(describeError(error), () => this.reload())}`;
    }
    // No rows: whether the entity exists at all is known with its facts; no "empty" before that.
    const undecided =
      this.changes.rows.length === 0 && !this.access && this.picture.status === TaskStatus.PENDING;
    if (!shown || !this.services || undecided) return renderSkeleton();
    const all = this.changes.rows;
    const kinds = this.services.parties.kindsOn(shown.entity.kind);
    const access = this.access;
    return html`
      ${renderToolbar({
        text: this.query.text,
        kind: this.query.kind,
        kinds,
        shown: this.view.rows.length,
        total: all.length,
        expected: shown.complete ? undefined : shown.total,
        busy: this.load.status === TaskStatus.PENDING,
        onText: (text) => (this.query = { ...this.query, text }),
        onKind: (kind: PartyKind | '') => (this.query = { ...this.query, kind }),
        onAdd: () => this.requestAdd(),
      })}
      ${renderLive({
        status: this.liveStatus(shown.complete),
        announcement: this.live?.announcement ?? '',
        conflict: this.liveConflict,
        onDismiss: () => (this.liveConflict = undefined),
      })}
      ${failure} ${renderIncomplete(access?.incomplete ?? [])}
      ${
        all.length === 0
          ? shown.complete
            ? renderEmpty(() => this.requestAdd())
            : nothing
          : this.renderTable(shown.entity, access)
      }
      ${
        this.adding
          ? html`<cam-add-party-dialog
              entity-table=${this.entityTable}
              entity-id=${this.entityId}
              open
              @cam-party-added=${(e: CamPartyAddedEvent) => this.changes.added(e.party)}
              @close=${() => (this.adding = false)}
            ></cam-add-party-dialog>`
          : nothing
      }
    `;
  }

  /** Why the list cannot show: its rows failed, or the entity does not exist. */
  private loadError(): unknown {
    if (this.load.status === TaskStatus.ERROR) return this.load.error ?? new Error('unknown error');
    const picture = this.picture.status === TaskStatus.ERROR ? this.picture.error : undefined;
    return picture instanceof EntityNotFoundError ? picture : undefined;
  }

  private renderTable(entity: EntityRef, access: EntityAccess | undefined) {
    const rows = this.view.rows;
    const actions = rowActions.loaded;
    const v: RowsView = {
      entityTable: this.entityTable,
      entityId: this.entityId,
      editing: this.editing,
      // Confirming starts once the row actions' code is there (openConfirm).
      confirm:
        this.confirming && actions
          ? {
              row: this.confirming,
              content: actions.renderConfirm(this.confirmView(actions, access, this.confirming)),
            }
          : undefined,
      // Editing starts once the row actions' code is there (openEdit).
      editor: actions
        ? (row, editing) =>
            actions.renderEditor(row, editing, {
              entityTable: this.entityTable,
              onPick: (type) => this.editing && (this.editing = { id: this.editing.id, type }),
              onSave: (row) => void this.saveType(row),
              onCancel: (row) => this.closeRowMode(row, 'edit'),
            })
        : undefined,
      isPending: (id) => this.changes.isPending(id),
      onEdit: (row) => this.openEdit(row),
      onAskRemove: (row) => this.openConfirm(row),
      onMenuOpen: () => {
        rowActions.warm();
        // A retype or removal may follow: its write's code too.
        this.services?.parties.prepareEdits();
      },
      isRecent: (id) => this.live?.isRecent(id) ?? false,
    };
    const label = access
      ? msg(str`Related parties of ${entityName(access.facts, entity)}`)
      : msg(str`Related parties of this ${entityWord(entity.kind)}`);
    return html`<div role="table" part="table" aria-label=${label} aria-rowcount=${rows.length + 1}>
      ${renderHeader(this.query, (column: SortKey) => (this.query = { ...this.query, ...nextSort(this.query, column) }))}
      <div class="body" part="body">
        ${rows.length === 0 ? html`<p class="muted no-match">${msg('No party matches the filter.')}</p>` : this.renderRowGroup(rows, v)}
      </div>
    </div>`;
  }

  /**
   * The rows, in a container of their own when virtualised: a list that grew past the plain limit
   * (its first page shown plain) gets a fresh element for the virtualizer to manage.
   */
  private renderRowGroup(rows: PartyRow[], v: RowsView) {
    const body = renderRows(
      rows,
      (row) => row.record.id,
      (row, i) => renderRow(row, i, v),
      (error) => (error === undefined ? this.requestUpdate() : this.services?.reportError(error)),
    );
    return rows.length > PLAIN_ROW_LIMIT
      ? html`<div role="rowgroup" class="rows" data-virtual>${body}</div>`
      : html`<div role="rowgroup" class="rows">${body}</div>`;
  }

  private confirmView(actions: RowActions, access: EntityAccess | undefined, row: PartyRow): ConfirmView {
    const pictureFailed = this.picture.status === TaskStatus.ERROR;
    return {
      row,
      ...(access
        ? actions.removalPreview(access, row)
        : { impact: [], checking: pictureFailed ? 'failed' : 'pending' }),
      onConfirm: () => {
        this.confirming = undefined;
        void actions.remove(this.changes, row);
        this.focusLater('input[part="search"]');
      },
      onCancel: () => this.closeRowMode(row, 'remove'),
    };
  }

  /** Another agent's changes: applied in place, announced, and never lost under an open edit. */
  private onRemoteChange(change: PartiesChange, code: LiveUpdates): void {
    const applied = this.changes.applyRemote(change);
    for (const row of [...change.added, ...change.removed]) this.touched?.add(row.record.id);
    for (const { row } of change.changed) this.touched?.add(row.record.id);
    if (this.live && !code.isEmptyChange(applied)) this.showRemote(applied, this.live, code);
  }

  /**
   * Changes made elsewhere, now shown: announced and fired. A row being retyped or confirmed for
   * removal here that they touched leaves that mode with a clear message, so nothing is saved
   * over them.
   */
  private showRemote(change: PartiesChange, live: LiveUpdatesController, code: LiveUpdates): void {
    const open = this.editing?.id ?? this.confirming?.record.id;
    const conflict =
      open === undefined ? undefined : code.rowConflict(change, open, this.editing !== undefined);
    if (open !== undefined && conflict) {
      this.liveConflict = conflict.message;
      this.focusLater(
        conflict.removed ? 'input[part="search"]' : `[data-record="${CSS.escape(open)}"] .menu-button`,
      );
      this.editing = undefined;
      this.confirming = undefined;
    }
    live.announce(change);
    this.dispatchEvent(new CamPartiesRefreshedEvent(change));
  }

  /** Opens the row's type editor once the picker and the retype check are loaded. */
  private openEdit(row: PartyRow): void {
    this.withRowActions(() => {
      this.confirming = undefined;
      this.editing = { id: row.record.id, type: row.record.type };
      void this.focusPicker(row.record.id);
    }, [PICKER]);
  }

  /**
   * Focuses the row's type picker once it can take focus: its field waits for the definitions,
   * which may still be on their way when the rows came first.
   */
  private async focusPicker(id: string): Promise<void> {
    await this.services?.definitions.load().catch(() => undefined);
    await this.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const selector = `[data-record="${CSS.escape(id)}"] ${PICKER}`;
    const picker = this.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(
      selector,
    );
    await picker?.updateComplete;
    if (this.editing?.id === id) picker?.focus();
  }

  /** Asks to confirm the removal once the confirmation's code is loaded. */
  private openConfirm(row: PartyRow): void {
    this.withRowActions(() => {
      this.editing = undefined;
      this.confirming = row;
      this.focusLater(`[data-record="${CSS.escape(row.record.id)}"] [data-confirm="cancel"]`);
    });
  }

  /** Leaves edit or confirm mode; focus returns to the row's actions button. */
  private closeRowMode(row: PartyRow, action: 'edit' | 'remove'): void {
    if (action === 'edit') this.editing = undefined;
    else this.confirming = undefined;
    this.focusLater(`[data-record="${CSS.escape(row.record.id)}"] .menu-button`);
  }

  private async saveType(row: PartyRow): Promise<void> {
    const picked = this.editing?.type ?? row.record.type;
    const services = this.services;
    const entity = this.entity;
    // The editor opened once the row actions' code was there (openEdit).
    const actions = rowActions.loaded;
    if (!services || !entity || !actions) return;
    let access: EntityAccess;
    try {
      // The check needs the access picture: wait for it when the rows came first.
      access = this.access ?? (await services.access.withParties(entity));
    } catch (error) {
      const problem = msg(str`The change cannot be checked: ${describeError(error)}`);
      if (this.editing?.id === row.record.id) this.editing = { id: row.record.id, type: picked, problem };
      return;
    }
    if (this.editing?.id !== row.record.id) return;
    const plan = actions.planRetype(access, row, picked);
    if (!plan.ok) {
      this.editing = { id: row.record.id, type: picked, problem: plan.problem };
      return;
    }
    this.closeRowMode(row, 'edit');
    await actions.retype(this.changes, row, plan.type, plan.responsibilityName);
  }

  /**
   * Reads the entity again after a failed load: through the access service, so the row badges
   * (which failed with the same load) answer again too.
   */
  private reload(): void {
    const entity = this.entity;
    if (this.services && entity) this.services.access.invalidate(entity);
    else void this.load.run();
  }

  private requestAdd(): void {
    const entity = this.shown?.entity;
    if (!entity) return;
    const request = new CamAddPartyRequestEvent(entity);
    if (!this.dispatchEvent(request)) return;
    this.adding = true;
    // The dialog may be defined on demand (a chunk of its own in the bundle): load it now.
    loadElement('cam-add-party-dialog').catch((error: unknown) => {
      this.adding = false;
      this.services?.reportError(error);
    });
  }

  /** Focuses an element of the next render (rows render in the virtualizer's own pass). */
  private focusLater(selector: string): void {
    void this.updateComplete.then(() =>
      requestAnimationFrame(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus()),
    );
  }
}

function sameEntity(a: EntityRef, b: EntityRef): boolean {
  return a.kind === b.kind && a.id === b.id;
}
