/** The Responsibilities section: each definition with the access configurations that use it. */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { AccessConfig, Definitions } from '../../src/model/definitions.js';
import { levelLabel } from '../internal/labels.js';
import { matches, partyLabel, tableLabel } from './format.js';
import { renderCount, renderSearch } from './search-field.js';
import { renderTableScroll } from './table-scroll.js';

/** "Case, write (through Sold product) — requires x, y" */
export function configSummary(config: AccessConfig): string {
  const through = config.through ? msg(str` (through ${tableLabel(config.through)})`) : '';
  const roles = config.rolesRequired.length > 0 ? config.rolesRequired.join(', ') : msg('no role');
  const inactive = config.active ? '' : msg(' — inactive');
  return msg(
    str`${tableLabel(config.table)}, ${levelLabel(config.level)}${through} — requires ${roles}${inactive}`,
  );
}

/** Renders the Responsibilities section, filtered by name or description. */
export function renderResponsibilitiesSection(
  definitions: Definitions,
  query: string,
  onQuery: (query: string) => void,
): TemplateResult {
  const all = definitions.responsibilities;
  const shown = all.filter((r) => matches(query, r.name, r.description, r.id));
  return html`<div class="toolbar">${renderSearch(msg('Search responsibilities'), query, onQuery)}</div>
    ${renderCount(msg(str`${shown.length} of ${all.length} responsibilities shown`))}
    ${renderTableScroll(
      msg('Responsibilities'),
      html`<table part="table">
        <caption class="visually-hidden">
          ${msg('Responsibilities')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Name')}</th>
            <th scope="col">${msg('Party type')}</th>
            <th scope="col">${msg('Unique')}</th>
            <th scope="col">${msg('Description')}</th>
            <th scope="col">${msg('Access configurations')}</th>
          </tr>
        </thead>
        <tbody>
          ${shown.map((r) => {
            const configs = definitions.accessConfigs.filter((c) => c.responsibility === r.id);
            return html`<tr>
              <th scope="row">${r.name}</th>
              <td>${partyLabel(r.partyType)}</td>
              <td>${r.unique ? msg('Yes (one party per entity)') : msg('No')}</td>
              <td>${r.description}</td>
              <td>
                ${
                  configs.length === 0
                    ? html`<span class="muted">${msg('None: grants nothing')}</span>`
                    : html`<ul>
                        ${configs.map((c) => html`<li>${configSummary(c)}</li>`)}
                      </ul>`
                }
              </td>
            </tr>`;
          })}
        </tbody>
      </table>`,
    )}`;
}
