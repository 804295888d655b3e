/** The access inspector page; with a principal and an entity in the route, their badge on top. */
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { initialState, Task } from '@lit/task';
import type { CamServices } from '../../components/context.js';
import type { EntityKind, PrincipalKind } from '../../src/model/kinds.js';
import { recordLabel } from '../data/records.js';
import { entityHref } from '../router.js';
import { ViewElement } from './view-element.js';

const ENTITY_KEY = { case: 'case', sold_product: 'soldProduct', install_base: 'installBase' } as const;

interface Subject {
  readonly principal: { readonly kind: PrincipalKind; readonly id: string };
  readonly entity: { readonly kind: EntityKind; readonly id: string };
}

async function labels(services: CamServices, subject: Subject, signal: AbortSignal) {
  const [who, what] = await Promise.all([
    recordLabel(services, subject.principal.kind, subject.principal.id, signal),
    recordLabel(services, ENTITY_KEY[subject.entity.kind], subject.entity.id, signal),
  ]);
  return { who, what };
}

export class DemoInspectorView extends ViewElement {
  /** The principal to explain (from the route). */
  @property({ attribute: false }) principal?: Subject['principal'];

  /** The entity to explain (from the route). */
  @property({ attribute: false }) entity?: Subject['entity'];

  // Names for the heading only: offline, the ids stand in for them.
  readonly #labels = new Task(this, {
    args: () => [this.services, this.principal, this.entity] as const,
    task: async ([services, principal, entity], { signal }) =>
      services && principal && entity ? labels(services, { principal, entity }, signal) : initialState,
  });

  protected override render() {
    const map = this.services?.tableMap;
    const { principal, entity } = this;
    return html`
      <h1 tabindex="-1">Access inspector</h1>
      <p class="lead">
        The access rules in force — roles and what they contain, responsibilities, access configurations,
        relationship types — read from this device’s cache when the instance cannot be reached.
      </p>
      ${principal && entity && map ? this.#renderSubject({ principal, entity }, map[ENTITY_KEY[entity.kind]].table) : nothing}
      <h2 class="section-title">Access rules in force</h2>
      <cam-access-inspector
        tab=${principal && entity ? 'explain' : 'roles'}
        explain-principal=${principal ? `${principal.kind}:${principal.id}` : ''}
        explain-entity=${entity ? `${entity.kind}:${entity.id}` : ''}
      ></cam-access-inspector>
    `;
  }

  #renderSubject(subject: Subject, entityTable: string) {
    const names = this.#labels.value;
    const who = names?.who ?? `the ${subject.principal.kind}`;
    const what = names?.what ?? `the ${subject.entity.kind.replace('_', ' ')}`;
    return html`<section class="panel" aria-labelledby="explaining-heading">
      <h2 id="explaining-heading">Effective access of ${who} on ${what}</h2>
      <p class="story-badge">
        <cam-effective-access-badge
          principal-type=${subject.principal.kind}
          principal-id=${subject.principal.id}
          entity-table=${entityTable}
          entity-id=${subject.entity.id}
        ></cam-effective-access-badge>
        <span class="muted">Open the badge for the reasons; the inspector explains it below.</span>
        <a href=${entityHref(subject.entity.kind, subject.entity.id)}>Open ${what}</a>
      </p>
    </section>`;
  }
}

customElements.define('demo-inspector-view', DemoInspectorView);

declare global {
  interface HTMLElementTagNameMap {
    'demo-inspector-view': DemoInspectorView;
  }
}
