/**
 * What the list shows of live refresh (live-updates.ts follows it): whether live updates are paused
 * and why, a change by someone else to a row being edited here, and the polite live region saying
 * what others changed. The live region is in the list from its first rows, so the first
 * announcement is read out.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { LiveStatus } from '../../src/service/live-feed.js';

export interface LiveView {
  /** Undefined until live refresh has started. */
  readonly status?: LiveStatus;
  readonly announcement: string;
  /** A row being edited or removed here was changed or removed by someone else. */
  readonly conflict?: string;
  readonly onDismiss: () => void;
}

function statusText(status: LiveStatus): string | undefined {
  switch (status.state) {
    case 'live':
      return undefined;
    case 'off':
      return msg('Live updates are off: reload to see changes made by others.');
    case 'paused':
      return status.reason === 'offline'
        ? msg('Live updates paused: you are offline. The list is checked again when you are back online.')
        : msg('Live updates paused while the page is hidden.');
    case 'retrying': {
      const at = new Date(status.retryAt).toLocaleTimeString();
      return msg(str`Live updates paused: the last check failed (${status.message}). Next try at ${at}.`);
    }
  }
}

/** The paused status (when paused), the conflict (if any) and the polite live region of changes. */
export function renderLive(v: LiveView): TemplateResult {
  const status = v.status ? statusText(v.status) : undefined;
  return html`<div class="live" part="live">
    ${status ? html`<p class="live-status" part="live-status" role="status">${status}</p>` : nothing}
    ${
      v.conflict
        ? html`<div class="banner" part="live-conflict" role="alert">
            <p>${v.conflict}</p>
            <button type="button" @click=${v.onDismiss}>${msg('Dismiss')}</button>
          </div>`
        : nothing
    }
    <p class="live-region" part="live-region" role="status" aria-live="polite">${v.announcement}</p>
  </div>`;
}

/** The live status line, the announcement and the brief highlight of changed rows. */
export const liveStyles = css`
  .live-status {
    margin: 0 0 var(--cam-space, 0.5rem);
    padding: 0.25rem 0.5rem;
    border-radius: var(--cam-radius, 6px);
    background: var(--cam-color-warning-bg, #fff7e6);
    color: var(--cam-color-warning, #8a4b00);
    font-size: 0.85em;
  }
  .live-region {
    margin: 0 0 var(--cam-space, 0.5rem);
    color: var(--cam-color-text-muted, #5b6475);
    font-size: 0.85em;
  }
  .live-region:empty {
    margin: 0;
  }
  [data-live-changed] {
    outline: 2px solid var(--cam-color-live-highlight, #2f6fde);
    outline-offset: -2px;
    background: var(--cam-color-live-highlight-bg, #e6efff);
  }
  @media (prefers-reduced-motion: no-preference) {
    /* Marked at once; the mark fades out when it goes. */
    [part~='row']:not([data-live-changed]) {
      transition: background-color 0.6s ease-out;
    }
  }
`;
