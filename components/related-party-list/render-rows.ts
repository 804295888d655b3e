/**
 * The table's header and rows. Rows are ARIA `row`s with `aria-rowindex` (the header is row 1) so
 * assistive technology knows each row's place while only a window of them is in the DOM.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { PartyRow } from '../../src/service/party-rows.js';
import { partyKindLabel } from '../internal/labels.js';
import { columnText, isDangling, partyName } from './labels.js';
import type { ListQuery, SortKey } from './list-view.js';
import { renderRowMenu } from './row-menu.js';

/** The row in edit mode: the type being picked, and why it cannot be saved (if so). */
export interface Editing {
  readonly id: string;
  readonly type: string;
  readonly problem?: string;
}

export interface RowsView {
  readonly entityTable: string;
  readonly entityId: string;
  readonly editing?: Editing;
  /** The row whose removal is being confirmed, and the confirmation (render-confirm.ts). */
  readonly confirm?: { readonly row: PartyRow; readonly content: TemplateResult };
  /** The type editor of the row being edited (render-editor.ts). */
  readonly editor?: (row: PartyRow, editing: Editing) => TemplateResult;
  readonly isPending: (recordId: string) => boolean;
  readonly onEdit: (row: PartyRow) => void;
  readonly onAskRemove: (row: PartyRow) => void;
  /** A row's actions menu opened. */
  readonly onMenuOpen?: () => void;
  /** True for a row another agent just added or changed (live refresh marks it briefly). */
  readonly isRecent?: (recordId: string) => boolean;
}

function headerLabel(column: SortKey): string {
  switch (column) {
    case 'name':
      return msg('Party');
    case 'kind':
      return msg('Kind');
    case 'type':
      return msg('Relationship type');
    case 'responsibility':
      return msg('Responsibility');
  }
}

const COLUMNS: readonly SortKey[] = ['name', 'kind', 'type', 'responsibility'];

export function renderHeader(query: ListQuery, onSort: (column: SortKey) => void): TemplateResult {
  const header = (column: SortKey) => {
    const sorted = query.sort === column ? query.direction : 'none';
    return html`<div role="columnheader" part="header-cell" aria-sort=${sorted}>
      <button type="button" class="sort" part="sort-button" @click=${() => onSort(column)}>
        ${headerLabel(column)}<span class="sort-mark" aria-hidden="true"
          >${sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}</span
        >
      </button>
    </div>`;
  };
  return html`<div role="rowgroup" part="header">
    <div role="row" class="row header-row" aria-rowindex="1">
      ${COLUMNS.map(header)}
      <div role="columnheader" part="header-cell">${msg('Access')}</div>
      <div role="columnheader" part="header-cell"><span class="visually-hidden">${msg('Actions')}</span></div>
    </div>
  </div>`;
}

function renderAccess(row: PartyRow, v: RowsView): TemplateResult {
  // A deleted party has nobody to evaluate; asking would only reload the facts for nothing.
  if (isDangling(row)) return html`<span class="muted">—</span>`;
  const { kind, id } = row.record.party;
  const principal = kind === 'contact' || kind === 'consumer' || kind === 'user';
  return html`<cam-effective-access-badge
    part="badge"
    exportparts="badge: row-badge, popover: row-badge-popover, tree: row-badge-tree"
    entity-table=${v.entityTable}
    entity-id=${v.entityId}
    principal-type=${principal ? kind : nothing}
    principal-id=${principal ? id : nothing}
    party-type=${principal ? nothing : kind}
    party-id=${principal ? nothing : id}
  ></cam-effective-access-badge>`;
}

function renderType(row: PartyRow, v: RowsView): TemplateResult {
  const editing = v.editing?.id === row.record.id ? v.editing : undefined;
  return editing && v.editor ? v.editor(row, editing) : html`${columnText(row, 'type')}`;
}

function renderResponsibility(row: PartyRow): TemplateResult {
  const name = columnText(row, 'responsibility');
  if (name !== '') return html`${name}`;
  return html`<span class="none">—</span> <span class="muted hint">${msg('no access')}</span>`;
}

export function renderRow(row: PartyRow, index: number, v: RowsView): TemplateResult {
  const id = row.record.id;
  const name = partyName(row);
  const pending = v.isPending(id);
  const busy = pending || v.editing?.id === id || v.confirm?.row.record.id === id;
  return html`<div
    role="row"
    part="row"
    class="row"
    aria-rowindex=${index + 2}
    aria-busy=${pending ? 'true' : 'false'}
    data-record=${id}
    ?data-dangling=${isDangling(row)}
    ?data-live-changed=${v.isRecent?.(id) ?? false}
  >
    <div role="cell" part="cell name-cell" class=${isDangling(row) ? 'name dangling' : 'name'}>${name}</div>
    <div role="cell" part="cell" class="kind">${partyKindLabel(row.record.party.kind)}</div>
    <div role="cell" part="cell" class="type">${renderType(row, v)}</div>
    <div role="cell" part="cell" class="responsibility">${renderResponsibility(row)}</div>
    <div role="cell" part="cell" class="access">${renderAccess(row, v)}</div>
    <div role="cell" part="cell actions" class="actions">
      ${pending ? html`<span class="muted">${msg('Saving…')}</span>` : nothing}
      ${renderRowMenu({
        id,
        name,
        disabled: busy,
        onOpen: v.onMenuOpen,
        items: [
          { action: 'edit', label: msg('Change type'), run: () => v.onEdit(row) },
          { action: 'remove', label: msg('Remove'), danger: true, run: () => v.onAskRemove(row) },
        ],
      })}
    </div>
    ${v.confirm?.row.record.id === id ? v.confirm.content : nothing}
  </div>`;
}
