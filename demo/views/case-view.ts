/** A case: its details, its related parties, access of the people it names, links to what it is about. */
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { initialState, Task } from '@lit/task';
import { getCase, type CaseDetail } from '../data/records.js';
import { entityHref, routeHref } from '../router.js';
import { accessSection, field, partiesSection, type NamedPrincipal } from './entity-sections.js';
import { errorBox, loading } from './errors.js';
import { ViewElement } from './view-element.js';
import { whoHasAccessSection } from './who-has-access.js';

export class DemoCaseView extends ViewElement {
  /** sys_id of the case (from the route). */
  @property({ attribute: false }) recordId = '';

  readonly #case = new Task(this, {
    args: () => [this.services, this.recordId] as const,
    task: async ([services, id], { signal }) => (services ? getCase(services, id, signal) : initialState),
  });

  protected override render() {
    const table = this.services?.tableMap.case.table ?? '';
    // The parties need only the table and id: they render (with their own states) even when the
    // case record itself cannot be read.
    const loaded = this.#case.value;
    const c = loaded?.id === this.recordId ? loaded : undefined;
    return html`
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <ol>
          <li><a href=${routeHref({ name: 'cases', search: '', page: 1 })}>Cases</a></li>
          <li aria-current="page">${c?.number ?? 'Case'}</li>
        </ol>
      </nav>
      <header class="record-header">
        <h1 tabindex="-1">
          ${c ? html`<span class="record-number">${c.number}</span> ${c.shortDescription}` : 'Case'}
        </h1>
        ${
          c
            ? html`<p class="chips">
                <span class="pill">${c.state}</span>
                ${c.priority ? html`<span class="pill">Priority ${c.priority}</span>` : nothing}
              </p>`
            : nothing
        }
      </header>
      <div class="record-layout">
        <div class="record-main">
          ${partiesSection(table, this.recordId)} ${c ? this.#renderAccess(c, table) : nothing}
          ${whoHasAccessSection(table, this.recordId)}
        </div>
        <aside class="record-side" aria-label="Case details">
          <section class="panel" aria-labelledby="details-heading">
            <h2 id="details-heading">Details</h2>
            ${this.#case.render({
              initial: () => loading('the case'),
              pending: () => loading('the case'),
              error: (error) => errorBox(error, () => void this.#case.run(), 'the case'),
              complete: (record) => this.#renderDetails(record),
            })}
          </section>
        </aside>
      </div>
    `;
  }

  #renderAccess(c: CaseDetail, table: string) {
    const principals: NamedPrincipal[] = [
      ...(c.contact ? [{ kind: 'contact', person: c.contact, why: 'case contact' } as const] : []),
      ...(c.consumer ? [{ kind: 'consumer', person: c.consumer, why: 'case consumer' } as const] : []),
    ];
    return accessSection({ kind: 'case', table, id: c.id }, principals);
  }

  #renderDetails(c: CaseDetail) {
    return html`<dl class="fields">
      ${field('Account', c.account)} ${field('Contact', c.contact)} ${field('Consumer', c.consumer)}
      ${field('Sold product', c.soldProduct, (id) => entityHref('sold_product', id))}
      ${field('Install base item', c.installBase, (id) => entityHref('install_base', id))}
    </dl>`;
  }
}

customElements.define('demo-case-view', DemoCaseView);

declare global {
  interface HTMLElementTagNameMap {
    'demo-case-view': DemoCaseView;
  }
}
