/**
 * The banner of a refused change: what the agent asked for, why it failed, that the list shows the
 * server's state, and Retry (the same change again) next to the error. Loaded with the row actions
 * (row-actions.ts), which sent the change; the list keeps the banner's live region (render-toolbar.ts).
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ChangeFailure } from './party-changes.js';

function failedAction(failure: ChangeFailure): string {
  const { attempt } = failure;
  return attempt.action === 'retype'
    ? msg(str`Could not change the relationship type of ${failure.party} to ${attempt.type.name}.`)
    : msg(str`Could not remove ${failure.party}.`);
}

export interface FailureActions {
  /** Sends the same change again. */
  readonly onRetry: () => void;
  readonly onDismiss: () => void;
}

export function renderFailureBanner(failure: ChangeFailure, actions: FailureActions): TemplateResult {
  return html`<div class="banner">
    <p>
      <strong>${failedAction(failure)}</strong> ${failure.message}
      <span class="muted">${msg('The list shows what the server has.')}</span>
    </p>
    <span class="banner-actions">
      <button type="button" class="retry" @click=${actions.onRetry}>${msg('Retry')}</button>
      <button type="button" @click=${actions.onDismiss}>${msg('Dismiss')}</button>
    </span>
  </div>`;
}
