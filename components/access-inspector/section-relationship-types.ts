/** The Relationship types section: what an agent picks, and the responsibility it defaults. */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Definitions, RelationshipType } from '../../src/model/definitions.js';
import { matches, partyLabel, tableLabel } from './format.js';
import { renderCount, renderSearch } from './search-field.js';
import { renderTableScroll } from './table-scroll.js';

function renderDefault(type: RelationshipType, names: ReadonlyMap<string, string>): TemplateResult {
  const id = type.defaultResponsibility;
  if (id === undefined) return html`<span class="muted">${msg('Listed — grants nothing')}</span>`;
  const name = names.get(id);
  return name === undefined
    ? html`<span class="warn">⚠ ${msg(str`${id} — unknown responsibility`)}</span>`
    : html`${name}`;
}

/** Renders the Relationship types section, filtered by name, table or responsibility. */
export function renderRelationshipTypesSection(
  definitions: Definitions,
  query: string,
  onQuery: (query: string) => void,
): TemplateResult {
  const names = new Map(definitions.responsibilities.map((r) => [r.id, r.name]));
  const all = [...definitions.relationshipTypes].sort(
    (a, b) =>
      a.appliesTo.localeCompare(b.appliesTo) ||
      (a.defaultOrder ?? Infinity) - (b.defaultOrder ?? Infinity) ||
      a.name.localeCompare(b.name),
  );
  const shown = all.filter((t) =>
    matches(
      query,
      t.name,
      tableLabel(t.appliesTo),
      partyLabel(t.partyType),
      names.get(t.defaultResponsibility ?? ''),
    ),
  );
  return html`<div class="toolbar">${renderSearch(msg('Search relationship types'), query, onQuery)}</div>
    ${renderCount(msg(str`${shown.length} of ${all.length} relationship types shown`))}
    ${renderTableScroll(
      msg('Relationship types'),
      html`<table part="table">
        <caption class="visually-hidden">
          ${msg('Relationship types')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Name')}</th>
            <th scope="col">${msg('Applies to')}</th>
            <th scope="col">${msg('Party type')}</th>
            <th scope="col">${msg('Default responsibility')}</th>
            <th scope="col">${msg('Order')}</th>
            <th scope="col">${msg('Description')}</th>
          </tr>
        </thead>
        <tbody>
          ${shown.map(
            (t) =>
              html`<tr>
                <th scope="row">${t.name}</th>
                <td>${tableLabel(t.appliesTo)}</td>
                <td>${partyLabel(t.partyType)}</td>
                <td>${renderDefault(t, names)}</td>
                <td>${t.defaultOrder ?? '—'}</td>
                <td>${t.description ?? ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
    )}`;
}
