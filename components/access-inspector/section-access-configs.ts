/**
 * The Access configurations section: responsibility → table (through a cascade), level, and the
 * roles required, each linked to the catalogue or flagged when the catalogue lacks it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { RoleCatalog } from '../../src/access/role-catalog.js';
import type { AccessConfig, Definitions, RoleDef } from '../../src/model/definitions.js';
import { levelLabel } from '../internal/labels.js';
import { matches, partyLabel, tableLabel } from './format.js';
import { renderCount, renderSearch } from './search-field.js';
import { renderTableScroll } from './table-scroll.js';

/** A role linking to the catalogue, or flagged when the catalogue lacks it. */
export function renderRoleLink(
  name: string,
  catalog: RoleCatalog,
  reveal: (role: RoleDef) => void,
): TemplateResult {
  const role = catalog.get(name);
  if (!role) return html`<span class="warn" data-unknown>⚠ ${msg(str`${name} — unknown role`)}</span>`;
  return html`<button type="button" class="link" @click=${() => reveal(role)}>
    ${role.title} <code>${role.name}</code>
  </button>`;
}

/** Renders the Access configurations section, filtered by responsibility, table or role. */
export function renderAccessConfigsSection(
  definitions: Definitions,
  catalog: RoleCatalog,
  query: string,
  onQuery: (query: string) => void,
  reveal: (role: RoleDef) => void,
): TemplateResult {
  const responsibilityName = new Map(definitions.responsibilities.map((r) => [r.id, r.name]));
  const all = definitions.accessConfigs;
  const searchable = (c: AccessConfig): readonly (string | undefined)[] => [
    responsibilityName.get(c.responsibility) ?? c.responsibility,
    tableLabel(c.table),
    c.through && tableLabel(c.through),
    levelLabel(c.level),
    ...c.rolesRequired,
  ];
  const shown = all.filter((c) => matches(query, ...searchable(c)));
  return html`<div class="toolbar">${renderSearch(msg('Search access configurations'), query, onQuery)}</div>
    ${renderCount(msg(str`${shown.length} of ${all.length} access configurations shown`))}
    ${renderTableScroll(
      msg('Access configurations'),
      html`<table part="table">
        <caption class="visually-hidden">
          ${msg('Access configurations')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Responsibility')}</th>
            <th scope="col">${msg('Table')}</th>
            <th scope="col">${msg('Through (cascade)')}</th>
            <th scope="col">${msg('Party type')}</th>
            <th scope="col">${msg('Level')}</th>
            <th scope="col">${msg('Roles required')}</th>
          </tr>
        </thead>
        <tbody>
          ${shown.map((c) => {
            const name = responsibilityName.get(c.responsibility);
            return html`<tr data-inactive=${!c.active}>
              <th scope="row">
                ${name ?? html`<span class="warn">⚠ ${msg(str`${c.responsibility} — unknown responsibility`)}</span>`}
                ${c.active ? nothing : html`<span class="muted">${msg('(inactive)')}</span>`}
              </th>
              <td>${tableLabel(c.table)}</td>
              <td>${c.through ? tableLabel(c.through) : msg('— (directly)')}</td>
              <td>${c.partyType ? partyLabel(c.partyType) : msg('Any')}</td>
              <td><span class="level" data-level=${c.level}>${levelLabel(c.level)}</span></td>
              <td>
                ${
                  c.rolesRequired.length === 0
                    ? html`<span class="muted">${msg('none')}</span>`
                    : html`<ul>
                        ${c.rolesRequired.map((r) => html`<li>${renderRoleLink(r, catalog, reveal)}</li>`)}
                      </ul>`
                }
              </td>
            </tr>`;
          })}
        </tbody>
      </table>`,
    )}`;
}
