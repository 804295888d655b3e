/** A sold product: its related parties, its install base, the cases about it. */
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { initialState, Task } from '@lit/task';
import type { Backend } from '../data/records.js';
import { casesReferencing, getSoldProduct, installBaseReferencing } from '../data/records.js';
import { entityHref, routeHref } from '../router.js';
import { accessSection, field, partiesSection, type NamedPrincipal } from './entity-sections.js';
import { recordStates } from './errors.js';
import { relatedRecords } from './related-records.js';
import { ViewElement } from './view-element.js';
import { whoHasAccessSection } from './who-has-access.js';

async function load(services: Backend, id: string, signal: AbortSignal) {
  const [product, items, cases] = await Promise.all([
    getSoldProduct(services, id, signal),
    installBaseReferencing(services, 'soldProduct', id, signal),
    casesReferencing(services, 'soldProduct', id, signal),
  ]);
  return { product, items, cases };
}

type Loaded = Awaited<ReturnType<typeof load>>;

export class DemoSoldProductView extends ViewElement {
  /** sys_id of the sold product (from the route). */
  @property({ attribute: false }) recordId = '';

  readonly #record = new Task(this, {
    args: () => [this.services, this.recordId] as const,
    task: async ([services, id], { signal }) => (services ? load(services, id, signal) : initialState),
  });

  protected override render() {
    return this.#record.render({
      ...recordStates('Sold product', 'the sold product', () => void this.#record.run()),
      complete: (loaded) => this.#renderProduct(loaded),
    });
  }

  #renderProduct({ product, items, cases }: Loaded) {
    const table = this.services?.tableMap.soldProduct.table ?? '';
    const principals: NamedPrincipal[] = product.consumer
      ? [{ kind: 'consumer', person: product.consumer, why: 'owner' }]
      : [];
    const roots = items.filter((item) => !item.parent);
    return html`
      <nav class="breadcrumb" aria-label="Breadcrumb">
        <ol>
          <li><a href=${routeHref({ name: 'home' })}>Workspace</a></li>
          <li aria-current="page">Sold product</li>
        </ol>
      </nav>
      <header class="record-header">
        <p class="eyebrow">Sold product</p>
        <h1 tabindex="-1">${product.name}</h1>
      </header>
      <div class="record-layout">
        <div class="record-main">
          ${partiesSection(table, product.id)} ${whoHasAccessSection(table, product.id)}
          ${accessSection({ kind: 'sold_product', table, id: product.id }, principals)}
        </div>
        <aside class="record-side" aria-label="Sold product details">
          <section class="panel" aria-labelledby="details-heading">
            <h2 id="details-heading">Details</h2>
            <dl class="fields">
              ${field('Account', product.account)} ${field('Consumer', product.consumer)}
            </dl>
          </section>
          ${relatedRecords(
            'install-base-heading',
            'Install base',
            roots.map((item) => ({ href: entityHref('install_base', item.id), label: item.name })),
            'No install base item for this product.',
          )}
          ${relatedRecords(
            'cases-heading',
            'Cases',
            cases.items.map((c) => ({
              href: entityHref('case', c.id),
              label: c.number,
              detail: c.shortDescription,
            })),
            'No case about this product.',
          )}
        </aside>
      </div>
    `;
  }
}

customElements.define('demo-sold-product-view', DemoSoldProductView);

declare global {
  interface HTMLElementTagNameMap {
    'demo-sold-product-view': DemoSoldProductView;
  }
}
