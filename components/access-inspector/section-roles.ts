/**
 * The Roles section: containment problems, search and kind filter, the role tree, and the details
 * of the selected role (title, name, plugin, description, granular grants).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref } from 'lit/directives/ref.js';
import { msg, str } from '@lit/localize';
import type { RoleCatalog } from '../../src/access/role-catalog.js';
import type { RoleDef } from '../../src/model/definitions.js';
import { ROLE_KINDS, roleKindLabel, tableLabel } from './format.js';
import type { RoleTreeController } from './role-tree-controller.js';
import type { KindFilter, TreeRow } from './role-tree-model.js';
import { renderCount, renderSearch } from './search-field.js';
import { renderTableScroll } from './table-scroll.js';

function renderProblems(catalog: RoleCatalog): TemplateResult | typeof nothing {
  if (catalog.problems.length === 0) return nothing;
  return html`<div class="warning" part="warning">
    <p><strong>${msg('The role catalogue has problems; containment stops where they start.')}</strong></p>
    <ul>
      ${catalog.problems.map((problem) => html`<li data-kind=${problem.kind}>⚠ ${problem.message}</li>`)}
    </ul>
  </div>`;
}

function renderRow(row: TreeRow, active: boolean, tree: RoleTreeController): TemplateResult {
  const onTwisty = (event: Event): void => {
    event.stopPropagation();
    tree.toggle(row);
  };
  const twisty = row.expandable ? (row.expanded ? '▾' : '▸') : '·';
  // Keyboard is handled by the tree (roving focus); a click only selects, the twisty toggles.
  // The item is named by its visible text (title, name, kind, flags), as a treeitem may be.
  // The indent goes through the CSSOM: a strict CSP (style-src 'self') refuses style attributes.
  // eslint-disable-next-line lit-a11y/click-events-have-key-events, lit-a11y/accessible-name
  return html`<li
    role="treeitem"
    part="tree-item"
    data-key=${row.key}
    aria-level=${row.level}
    aria-setsize=${row.setsize}
    aria-posinset=${row.posinset}
    aria-expanded=${ifDefined(row.expandable ? String(row.expanded) : undefined)}
    aria-selected=${active ? 'true' : 'false'}
    tabindex=${active ? 0 : -1}
    ${ref((el) => (el as HTMLElement | undefined)?.style.setProperty('--level', String(row.level)))}
    @click=${() => tree.select(row.key, true)}
  >
    <span class="twisty" aria-hidden="true" @click=${onTwisty}>${twisty}</span>
    <span class="title">${row.role?.title ?? row.name}</span>
    <code class="name">${row.name}</code>
    ${row.role ? html`<span class="kind">${roleKindLabel(row.role.kind)}</span>` : nothing}
    ${row.cycle ? html`<span class="warn">${msg('cycle: contains a role above it')}</span>` : nothing}
    ${row.role ? nothing : html`<span class="warn">${msg('unknown role')}</span>`}
  </li>`;
}

function renderDetails(role: RoleDef | undefined, catalog: RoleCatalog): TemplateResult {
  if (!role) return html`<p class="muted">${msg('This role is not in the catalogue.')}</p>`;
  const grants = catalog.grantsOf([role.name]);
  const containedBy = catalog.roles.filter((other) => other.contains.includes(role.name));
  return html`<h3>${role.title}</h3>
    <dl>
      <dt>${msg('Name')}</dt>
      <dd><code>${role.name}</code></dd>
      <dt>${msg('Kind')}</dt>
      <dd>${roleKindLabel(role.kind)}</dd>
      <dt>${msg('Plugin')}</dt>
      <dd>${role.plugin || msg('not known')}</dd>
      <dt>${msg('Description')}</dt>
      <dd class="description">${role.description || msg('none')}</dd>
      <dt>${msg('Contains')}</dt>
      <dd>${role.contains.length ? role.contains.join(', ') : msg('nothing')}</dd>
      <dt>${msg('Contained by')}</dt>
      <dd>${containedBy.length ? containedBy.map((r) => r.name).join(', ') : msg('no role')}</dd>
    </dl>
    ${
      grants.length === 0
        ? html`<p class="muted">${msg('Grants no table permission, itself or through what it contains.')}</p>`
        : renderTableScroll(
            msg('Granular grants, including contained roles'),
            html`<table part="table">
              <caption>
                ${msg('Granular grants, including contained roles')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Table')}</th>
                  <th scope="col">${msg('Permission')}</th>
                </tr>
              </thead>
              <tbody>
                ${grants.map(
                  (g) =>
                    html`<tr>
                      <td>${tableLabel(g.target)}</td>
                      <td>${g.permission}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`,
          )
    }`;
}

/** Renders the Roles section over the catalogue, with the tree's state. */
export function renderRolesSection(catalog: RoleCatalog, tree: RoleTreeController): TemplateResult {
  const rows = tree.rows(catalog);
  const active = tree.active(rows);
  const onKind = (event: Event): void =>
    tree.setKind((event.target as HTMLSelectElement).value as KindFilter);
  const shown = new Set(rows.map((row) => row.name)).size;
  return html`${renderProblems(catalog)}
    <div class="toolbar">
      ${renderSearch(msg('Search roles by name or title'), tree.query, (q) => tree.setQuery(q))}
      <label>
        <span>${msg('Kind')}</span>
        <select @change=${onKind}>
          <option value="all" ?selected=${tree.kind === 'all'}>
            ${msg('All (top of the containment tree)')}
          </option>
          ${ROLE_KINDS.map(
            (kind) =>
              html`<option value=${kind} ?selected=${tree.kind === kind}>${roleKindLabel(kind)}</option>`,
          )}
        </select>
      </label>
    </div>
    ${renderCount(msg(str`${shown} of ${catalog.size} roles shown`))}
    <div class="roles">
      ${
        rows.length === 0
          ? html`<p class="muted">${msg('No role matches.')}</p>`
          : html`<ul
              role="tree"
              part="role-tree"
              aria-label=${msg('Role catalogue')}
              @keydown=${(event: KeyboardEvent) => tree.onKeydown(event, rows)}
            >
              ${rows.map((row) => renderRow(row, row === active, tree))}
            </ul>`
      }
      <section class="details" part="role-details" aria-label=${msg('Role details')}>
        ${active ? renderDetails(active.role, catalog) : nothing}
      </section>
    </div>`;
}
