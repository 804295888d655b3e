/**
 * "Who has access" on a record page: the access review element for this one record — everyone who
 * reaches it (level and path: party record, cascade, account, role…), the near misses, and what
 * looks wrong.
 */
import { html, type TemplateResult } from 'lit';

export function whoHasAccessSection(table: string, id: string): TemplateResult {
  return html`<section class="panel" aria-labelledby="who-has-access-heading">
    <h2 id="who-has-access-heading">Who has access</h2>
    <cam-access-review entity-table=${table} entity-id=${id} heading-level="3"></cam-access-review>
  </section>`;
}
