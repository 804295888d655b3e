/**
 * The "who can access what" table: toolbar (filter, level, grouping), sortable headers, and the
 * rows (group headers and principal × entity rows with level, paths and near misses), virtualised
 * when there are many (the virtualizer is loaded on demand, as the related-party list loads it).
 * ARIA table semantics with `aria-rowindex`, so only a window of rows needs to be in the DOM.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { entityWord, levelLabel } from '../internal/labels.js';
import { ACCESS_LEVELS } from '../../src/model/kinds.js';
import type { MatrixRow } from '../../src/review/types.js';
import type { GroupBy, LevelFilter, MatrixItem, MatrixQuery, MatrixSort } from './matrix-model.js';
import { renderRows } from '../internal/virtual-rows.js';
import { pathKindLabel } from './labels.js';

export interface MatrixView {
  readonly items: readonly MatrixItem[];
  readonly total: number;
  readonly query: MatrixQuery;
  /** One record: the entity column is left out. */
  readonly single: boolean;
  readonly onQuery: (query: Partial<MatrixQuery>) => void;
  readonly onSort: (column: MatrixSort) => void;
  /** The virtualizer has loaded (re-render), or could not be loaded (the error). */
  readonly onReady: (error?: unknown) => void;
}

function columns(single: boolean): MatrixSort[] {
  return single ? ['principal', 'level', 'path'] : ['principal', 'entity', 'level', 'path'];
}

function columnLabel(column: MatrixSort): string {
  const labels: Record<MatrixSort, string> = {
    principal: msg('Who'),
    entity: msg('Record'),
    level: msg('Level'),
    path: msg('How'),
  };
  return labels[column];
}

function renderToolbar(v: MatrixView): TemplateResult {
  const rows = v.items.filter((i) => i.kind === 'row').length;
  return html`<div class="toolbar" part="matrix-toolbar">
    <label class="field"
      >${msg('Filter')}
      <input
        type="search"
        part="matrix-filter"
        .value=${v.query.text}
        @input=${(e: Event) => v.onQuery({ text: (e.target as HTMLInputElement).value })}
    /></label>
    <label class="field"
      >${msg('Level')}
      <select
        part="matrix-level"
        @change=${(e: Event) => v.onQuery({ level: (e.target as HTMLSelectElement).value as LevelFilter })}
      >
        <option value="all" ?selected=${v.query.level === 'all'}>${msg('Any')}</option>
        ${ACCESS_LEVELS.map(
          (level) =>
            html`<option value=${level} ?selected=${v.query.level === level}>${levelLabel(level)}</option>`,
        )}
        <option value="near-miss" ?selected=${v.query.level === 'near-miss'}>
          ${msg('With near misses')}
        </option>
      </select></label
    >
    ${
      v.single
        ? nothing
        : html`<label class="field"
            >${msg('Group by')}
            <select
              part="matrix-group"
              @change=${(e: Event) => v.onQuery({ groupBy: (e.target as HTMLSelectElement).value as GroupBy })}
            >
              <option value="principal" ?selected=${v.query.groupBy === 'principal'}>${msg('Person')}</option>
              <option value="entity" ?selected=${v.query.groupBy === 'entity'}>${msg('Record')}</option>
            </select></label
          >`
    }
    <span class="count" role="status">${msg(str`${rows} of ${v.total} rows`)}</span>
  </div>`;
}

function renderHeader(v: MatrixView): TemplateResult {
  const header = (column: MatrixSort) => {
    const sorted = v.query.sort === column ? v.query.direction : 'none';
    return html`<div role="columnheader" aria-sort=${sorted}>
      <button type="button" class="sort" part="sort-button" @click=${() => v.onSort(column)}>
        ${columnLabel(column)}<span class="sort-mark" aria-hidden="true"
          >${sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}</span
        >
      </button>
    </div>`;
  };
  return html`<div role="rowgroup">
    <div role="row" class="row header-row" aria-rowindex="1">${columns(v.single).map(header)}</div>
  </div>`;
}

function renderPaths(row: MatrixRow): TemplateResult {
  return html`${
    row.paths.length > 0
      ? html`<ul class="paths">
          ${row.paths.map(
            (p) =>
              html`<li>
                <span class="path-kind" part="path-kind">${pathKindLabel(p.kind)}</span> ${p.label}
              </li>`,
          )}
        </ul>`
      : nothing
  }${
    row.nearMisses.length > 0
      ? html`<ul class="near-misses" part="near-misses">
          ${row.nearMisses.map((m) => html`<li><span class="visually-hidden">${msg('Near miss:')} </span>${m}</li>`)}
        </ul>`
      : nothing
  }`;
}

function renderItem(item: MatrixItem, index: number, v: MatrixView): TemplateResult {
  if (item.kind === 'group') {
    return html`<div role="row" class="group-row" part="group" aria-rowindex=${index + 2}>
      <div role="cell" class="group-cell">${item.label} <span class="muted">(${item.count})</span></div>
    </div>`;
  }
  const { row } = item;
  return html`<div role="row" class="row" part="row" aria-rowindex=${index + 2} data-level=${row.level}>
    <div role="cell" class="who">${row.principalLabel}</div>
    ${
      v.single
        ? nothing
        : html`<div role="cell">
            <span class="muted">${entityWord(row.entity.kind)}</span> ${row.entityLabel}
          </div>`
    }
    <div role="cell">
      <span class="level" part="level" data-level=${row.level}>${levelLabel(row.level)}</span>
    </div>
    <div role="cell" class="how">${renderPaths(row)}</div>
  </div>`;
}

export function renderMatrix(v: MatrixView, label: string): TemplateResult {
  return html`${renderToolbar(v)}
    <div
      class="scroll"
      part="matrix-body"
      role="group"
      tabindex="0"
      aria-label=${msg(str`${label}, scrollable`)}
    >
      <div
        role="table"
        part="matrix"
        class=${v.single ? 'single' : ''}
        aria-label=${label}
        aria-rowcount=${v.items.length + 1}
      >
        ${renderHeader(v)}
        ${
          v.items.length === 0
            ? html`<div role="rowgroup">
                <div role="row" aria-rowindex="2">
                  <div role="cell" class="muted empty">${msg('No row matches the filter.')}</div>
                </div>
              </div>`
            : html`<div role="rowgroup" class="rows">
                ${renderRows(
                  [...v.items],
                  (i) => i.key,
                  (i, n) => renderItem(i, n, v),
                  v.onReady,
                )}
              </div>`
        }
      </div>
    </div>`;
}
