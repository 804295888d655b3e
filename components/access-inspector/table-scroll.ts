import { html, type TemplateResult } from 'lit';

/**
 * A wide table in its own horizontal scroller, so a 390 px panel does not scroll sideways. The
 * scroller is a labelled, focusable region: a table without links or buttons could not be
 * scrolled from the keyboard otherwise.
 */
export function renderTableScroll(label: string, table: TemplateResult): TemplateResult {
  return html`<div class="table-scroll" role="region" aria-label=${label} tabindex="0">${table}</div>`;
}
