/**
 * The Persona roles section: what a role gives by itself, without a related-party record (the
 * platform's role-based ACLs, written as rows). Each row: role, table, level, scope, the kinds of
 * people it applies to, where it comes from (built-in, host or imported file), the sentence it comes
 * from, and whether it is active.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { personaGrantsOf } from '../../src/access/builtin-persona-grants.js';
import type { RoleCatalog } from '../../src/access/role-catalog.js';
import type {
  Definitions,
  PersonaGrant,
  PersonaScope,
  PersonaSource,
  RoleDef,
} from '../../src/model/definitions.js';
import { levelLabel, partyKindLabel } from '../internal/labels.js';
import { matches, tableLabel } from './format.js';
import { renderSearch, renderCount } from './search-field.js';
import { renderRoleLink } from './section-access-configs.js';
import { renderTableScroll } from './table-scroll.js';

/** Which records a persona row reaches, for people. */
export function personaScopeLabel(scope: PersonaScope): string {
  const labels: Record<PersonaScope, string> = {
    own: msg('Their own records'),
    account: msg('Records of their account'),
    account_tree: msg('Records of their account and its child accounts'),
    partner: msg('Records where they are the partner'),
    all: msg('Every record'),
  };
  return labels[scope];
}

/** Where a persona row comes from, for people. */
export function personaSourceLabel(source: PersonaSource): string {
  const labels: Record<PersonaSource, string> = {
    builtin: msg('Built-in'),
    host: msg('Host'),
    imported: msg('Imported'),
  };
  return labels[source];
}

const principalsText = (grant: PersonaGrant): string => grant.principals.map(partyKindLabel).join(', ');

/** Renders the Persona roles section, filtered by role, table, scope, kind, source or note. */
export function renderPersonaRolesSection(
  definitions: Definitions,
  catalog: RoleCatalog,
  query: string,
  onQuery: (query: string) => void,
  reveal: (role: RoleDef) => void,
): TemplateResult {
  const all = personaGrantsOf(definitions);
  const shown = all.filter((g) =>
    matches(
      query,
      g.role,
      tableLabel(g.table),
      levelLabel(g.level),
      personaScopeLabel(g.scope),
      principalsText(g),
      personaSourceLabel(g.source),
      g.note,
    ),
  );
  return html`<div class="toolbar">${renderSearch(msg('Search persona roles'), query, onQuery)}</div>
    ${renderCount(msg(str`${shown.length} of ${all.length} persona roles shown`))}
    ${renderTableScroll(
      msg('Persona roles'),
      html`<table part="table">
        <caption class="visually-hidden">
          ${msg('Persona roles')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Role')}</th>
            <th scope="col">${msg('Table')}</th>
            <th scope="col">${msg('Level')}</th>
            <th scope="col">${msg('Scope')}</th>
            <th scope="col">${msg('Applies to')}</th>
            <th scope="col">${msg('Source')}</th>
            <th scope="col">${msg('Active')}</th>
            <th scope="col">${msg('Where it comes from')}</th>
          </tr>
        </thead>
        <tbody>
          ${shown.map((g) => {
            const active = g.active !== false;
            return html`<tr data-id=${g.id} data-source=${g.source} data-inactive=${!active}>
              <th scope="row">${renderRoleLink(g.role, catalog, reveal)}</th>
              <td>${tableLabel(g.table)}</td>
              <td><span class="level" data-level=${g.level}>${levelLabel(g.level)}</span></td>
              <td>${personaScopeLabel(g.scope)}</td>
              <td>${principalsText(g)}</td>
              <td>${personaSourceLabel(g.source)}</td>
              <td>${active ? msg('Active') : html`<span class="muted">${msg('Inactive')}</span>`}</td>
              <td>${g.note ?? nothing}</td>
            </tr>`;
          })}
        </tbody>
      </table>`,
    )}`;
}
