/** A titled list of links to related records (a product's cases, an item's children…). */
import { html, type TemplateResult } from 'lit';

export interface RecordLink {
  readonly href: string;
  readonly label: string;
  readonly detail?: string;
}

/** A panel with a heading and a list of record links (or an empty note). */
export function relatedRecords(
  id: string,
  title: string,
  links: readonly RecordLink[],
  empty: string,
): TemplateResult {
  return html`<section class="panel" aria-labelledby=${id}>
    <h2 id=${id}>${title} <span class="count">${links.length}</span></h2>
    ${
      links.length === 0
        ? html`<p class="muted">${empty}</p>`
        : html`<ul class="record-links">
            ${links.map(
              (l) =>
                html`<li>
                  <a href=${l.href}>${l.label}</a
                  >${l.detail ? html` <span class="muted">${l.detail}</span>` : ''}
                </li>`,
            )}
          </ul>`
    }
  </section>`;
}
