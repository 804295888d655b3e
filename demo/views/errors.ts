/** How the console words a failed read, and the error box with a Retry button when one can help. */
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, CamError, QueryValueError } from '../../src/client/errors.js';

/** One sentence for an error the console shows. */
export function describeError(error: unknown): string {
  if (error instanceof QueryValueError)
    return `The search cannot contain "^", "=" or control characters: the instance's query language would read them as operators. Remove them and search again.`;
  if (error instanceof ApiError) {
    if (error.status === 404) return 'This record does not exist (it may have been deleted).';
    return `The instance answered ${error.status}: ${error.message}`;
  }
  if (error instanceof CamError && (error.kind === 'network' || error.kind === 'timeout')) {
    return 'The instance cannot be reached. Check the connection (or the demo toolbar’s Offline switch).';
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * An alert with the error, and Retry when trying again can help: not for search text that the
 * query language refuses (the same text would be refused again; the message says what to change).
 */
export function errorBox(error: unknown, retry: () => void, what: string): TemplateResult {
  const refused = error instanceof QueryValueError;
  return html`<div class="error-box" role="alert">
    <p>
      <strong>${refused ? 'This search cannot be run.' : `Could not load ${what}.`}</strong>
      ${describeError(error)}
    </p>
    ${refused ? nothing : html`<button type="button" @click=${retry}>Retry</button>`}
  </div>`;
}

/** A loading placeholder announced politely. */
export function loading(what: string): TemplateResult {
  return html`<p class="loading" role="status">
    <span class="spinner" aria-hidden="true"></span> Loading ${what}…
  </p>`;
}

/**
 * The loading and error states of a record page: its heading stays in place (focus target after
 * navigation) above a loading note or an error box with Retry.
 */
export function recordStates(heading: string, what: string, retry: () => void) {
  const title = html`<h1 tabindex="-1">${heading}</h1>`;
  return {
    initial: () => html`${title}${loading(what)}`,
    pending: () => html`${title}${loading(what)}`,
    error: (error: unknown) => html`${title}${errorBox(error, retry, what)}`,
  };
}
