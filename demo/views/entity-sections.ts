/**
 * Sections every entity page shares: its related parties (the library's list, which opens the
 * library's add dialog itself) and access badges for the people named on the record, each with a link to the
 * inspector's explanation.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { EntityKind, PrincipalKind } from '../../src/model/kinds.js';
import type { Named } from '../data/fields.js';
import { routeHref } from '../router.js';

/** The related-parties panel of an entity. */
export function partiesSection(table: string, id: string): TemplateResult {
  return html`<section class="panel" aria-labelledby="parties-heading">
    <h2 id="parties-heading">Related parties</h2>
    <cam-related-party-list entity-table=${table} entity-id=${id}></cam-related-party-list>
  </section>`;
}

/** A person named on the record, and why. */
export interface NamedPrincipal {
  readonly kind: PrincipalKind;
  readonly person: Named;
  readonly why: string;
}

/** Badges of the people named on the record (its contact, its consumer…). */
export function accessSection(
  entity: { readonly kind: EntityKind; readonly table: string; readonly id: string },
  principals: readonly NamedPrincipal[],
): TemplateResult {
  return html`<section class="panel" aria-labelledby="access-heading">
    <h2 id="access-heading">Effective access</h2>
    ${
      principals.length === 0
        ? html`<p class="muted">Nobody is named on this record; see the related parties above.</p>`
        : nothing
    }
    <ul class="access-list">
      ${principals.map(
        (p) =>
          html`<li>
            <span class="who"><strong>${p.person.name}</strong> <span class="muted">${p.why}</span></span>
            <cam-effective-access-badge
              principal-type=${p.kind}
              principal-id=${p.person.id}
              entity-table=${entity.table}
              entity-id=${entity.id}
            ></cam-effective-access-badge>
            <a
              href=${routeHref({
                name: 'inspector',
                principal: { kind: p.kind, id: p.person.id },
                entity: { kind: entity.kind, id: entity.id },
              })}
              >Explain<span class="visually-hidden"> the access of ${p.person.name}</span></a
            >
          </li>`,
      )}
    </ul>
  </section>`;
}

/** A definition list row; links to the referenced record when `href` is given. */
export function field(
  label: string,
  named: Named | undefined,
  href?: (id: string) => string,
): TemplateResult {
  const valueTemplate = !named
    ? html`<span class="muted">—</span>`
    : href
      ? html`<a href=${href(named.id)}>${named.name}</a>`
      : named.name;
  return html`<div class="field">
    <dt>${label}</dt>
    <dd>${valueTemplate}</dd>
  </div>`;
}
