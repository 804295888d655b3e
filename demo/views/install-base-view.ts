/** An install base item: its parties (on the root item), its components, the cases about it. */
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { initialState, Task } from '@lit/task';
import type { Backend } from '../data/records.js';
import { casesReferencing, getInstallBase, installBaseReferencing } from '../data/records.js';
import { entityHref, routeHref } from '../router.js';
import { field, partiesSection } from './entity-sections.js';
import { recordStates } from './errors.js';
import { relatedRecords } from './related-records.js';
import { ViewElement } from './view-element.js';
import { whoHasAccessSection } from './who-has-access.js';

async function load(services: Backend, id: string, signal: AbortSignal) {
  const [item, children, cases] = await Promise.all([
    getInstallBase(services, id, signal),
    installBaseReferencing(services, 'parent', id, signal),
    casesReferencing(services, 'installBase', id, signal),
  ]);
  return { item, children, cases };
}

type Loaded = Awaited<ReturnType<typeof load>>;

export class DemoInstallBaseView extends ViewElement {
  /** sys_id of the install base item (from the route). */
  @property({ attribute: false }) recordId = '';

  readonly #record = new Task(this, {
    args: () => [this.services, this.recordId] as const,
    task: async ([services, id], { signal }) => (services ? load(services, id, signal) : initialState),
  });

  protected override render() {
    return this.#record.render({
      ...recordStates('Install base item', 'the install base item', () => void this.#record.run()),
      complete: (loaded) => this.#renderItem(loaded),
    });
  }

  #renderItem({ item, children, cases }: Loaded) {
    const table = this.services?.tableMap.installBase.table ?? '';
    // Related parties live on the root item only; a component inherits its root's.
    const parties = item.parent
      ? html`<section class="panel" aria-labelledby="parties-heading">
          <h2 id="parties-heading">Related parties</h2>
          <p>
            Related parties are kept on the root item and cascade to its components:
            <a href=${entityHref('install_base', item.parent.id)}>${item.parent.name}</a>.
          </p>
        </section>`
      : partiesSection(table, item.id);
    return html`
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <ol>
          <li><a href=${routeHref({ name: 'home' })}>Workspace</a></li>
          ${
            item.soldProduct
              ? html`<li>
                  <a href=${entityHref('sold_product', item.soldProduct.id)}>${item.soldProduct.name}</a>
                </li>`
              : ''
          }
          <li aria-current="page">Install base item</li>
        </ol>
      </nav>
      <header class="record-header">
        <p class="eyebrow">Install base item</p>
        <h1 tabindex="-1">${item.name}</h1>
      </header>
      <div class="record-layout">
        <div class="record-main">${parties} ${whoHasAccessSection(table, item.id)}</div>
        <aside class="record-side" aria-label="Install base item details">
          <section class="panel" aria-labelledby="details-heading">
            <h2 id="details-heading">Details</h2>
            <dl class="fields">
              ${field('Account', item.account)}
              ${field('Parent item', item.parent, (id) => entityHref('install_base', id))}
              ${field('Sold product', item.soldProduct, (id) => entityHref('sold_product', id))}
            </dl>
          </section>
          ${relatedRecords(
            'children-heading',
            'Components',
            children.map((child) => ({ href: entityHref('install_base', child.id), label: child.name })),
            'No component.',
          )}
          ${relatedRecords(
            'cases-heading',
            'Cases',
            cases.items.map((c) => ({
              href: entityHref('case', c.id),
              label: c.number,
              detail: c.shortDescription,
            })),
            'No case about this item.',
          )}
        </aside>
      </div>
    `;
  }
}

customElements.define('demo-install-base-view', DemoInstallBaseView);

declare global {
  interface HTMLElementTagNameMap {
    'demo-install-base-view': DemoInstallBaseView;
  }
}
