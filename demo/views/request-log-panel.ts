/** What the mock instance was asked: a count and the latest Table API requests, for the curious. */
import { LitElement, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { requestLog, type RequestLogEntry } from '../mock-backend.js';

const SHOWN = 12;

function statusText(entry: RequestLogEntry): string {
  if (entry.status === undefined) return '…';
  return entry.status === 0 ? 'network error' : String(entry.status);
}

export class DemoRequestLog extends LitElement {
  @state() private entries: readonly RequestLogEntry[] = requestLog.entries;
  #unsubscribe: (() => void) | undefined;
  #frame = 0;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Coalesce bursts (a page load sends a dozen requests) into one render per frame.
    this.#unsubscribe = requestLog.subscribe((entries) => {
      cancelAnimationFrame(this.#frame);
      this.#frame = requestAnimationFrame(() => (this.entries = [...entries]));
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.#frame);
    this.#unsubscribe?.();
  }

  protected override render() {
    const failed = this.entries.filter(
      (e) => e.status !== undefined && (e.status === 0 || e.status >= 400),
    ).length;
    const latest = this.entries.slice(-SHOWN).reverse();
    return html`<details class="request-log">
      <summary>
        Mock instance: ${this.entries.length}
        requests${failed > 0 ? html`, <strong>${failed} failed</strong>` : nothing}
      </summary>
      <table class="records compact">
        <caption class="visually-hidden">
          Latest requests to the mock instance
        </caption>
        <thead>
          <tr>
            <th scope="col">Method</th>
            <th scope="col">Table</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          ${latest.map(
            (e) =>
              html`<tr data-failed=${e.status === 0 || (e.status ?? 0) >= 400}>
                <td>${e.method}</td>
                <td>
                  ${e.table}${e.sysId ? html` <span class="muted">/${e.sysId.slice(0, 8)}…</span>` : nothing}
                </td>
                <td>${statusText(e)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </details>`;
  }
}

customElements.define('demo-request-log', DemoRequestLog);

declare global {
  interface HTMLElementTagNameMap {
    'demo-request-log': DemoRequestLog;
  }
}
