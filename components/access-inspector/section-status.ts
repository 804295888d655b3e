/**
 * The Status section: where the rules come from, their age, whose cache they are, where they are
 * kept, what is missing from them, and a Refresh button.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { DefinitionsSnapshot } from '../../src/service/definitions-snapshot.js';
import { sourceSentence } from './format.js';
import type { CacheOwner } from './provider-owner.js';

/** What the Refresh button is doing (it stays focusable while pending: `run` ignores clicks then). */
export interface RefreshState {
  readonly pending: boolean;
  /** The message of the last refresh's failure, if it failed. */
  readonly error?: string;
  readonly run: () => void;
}

function sourceLabel(snapshot: DefinitionsSnapshot): string {
  const labels = {
    network: msg('The instance (read over the network)'),
    cache: msg('The cache on this device'),
    import: msg('An imported access-test file'),
  };
  return labels[snapshot.source];
}

function storageLabel(snapshot: DefinitionsSnapshot): string {
  const { kind, reason } = snapshot.storage;
  if (kind === 'indexeddb') return msg('IndexedDB (kept on this device for the next visit)');
  return reason ? `${msg('Memory only (lost on reload)')}: ${reason}` : msg('Memory only (lost on reload)');
}

/** Renders the Status section. */
export function renderStatusSection(
  snapshot: DefinitionsSnapshot,
  owner: CacheOwner | undefined,
  refresh: RefreshState,
): TemplateResult {
  const { definitions, problems, incomplete = [] } = snapshot;
  return html`<dl class="status" part="status">
      <dt>${msg('Source')}</dt>
      <dd data-source=${snapshot.source}>${sourceLabel(snapshot)}</dd>
      <dt>${msg('Age')}</dt>
      <dd>
        ${sourceSentence(snapshot)}
        <span class="muted">(${new Date(snapshot.fetchedAt).toLocaleString()})</span>
      </dd>
      <dt>${msg('Connection')}</dt>
      <dd>
        ${
          snapshot.source === 'import'
            ? msg('Imported: these rules were not read from the instance and may differ from it.')
            : snapshot.offline
              ? html`<span class="offline">${msg('Offline: the instance cannot be reached.')}</span>`
              : snapshot.revalidationError
                ? html`<span class="offline" role="status"
                    >${msg('Could not check with the instance; showing the cached copy.')}
                    ${snapshot.revalidationError}</span
                  >`
                : snapshot.stale
                  ? msg('Checking with the instance…')
                  : msg('Up to date with the instance as of the age above.')
        }
      </dd>
      <dt>${msg('Instance')}</dt>
      <dd>${owner?.instance ?? msg('not known')}</dd>
      <dt>${msg('User')}</dt>
      <dd>${owner?.user ?? msg('not known')}</dd>
      <dt>${msg('Storage')}</dt>
      <dd>${storageLabel(snapshot)}</dd>
      <dt>${msg('Contents')}</dt>
      <dd>
        ${definitions.roles.length} ${msg('roles')}, ${definitions.responsibilities.length}
        ${msg('responsibilities')}, ${definitions.accessConfigs.length} ${msg('access configurations')},
        ${definitions.relationshipTypes.length} ${msg('relationship types')}
      </dd>
    </dl>
    <h3>${msg('Problems')}</h3>
    ${
      problems.length === 0
        ? html`<p class="muted">${msg('None.')}</p>`
        : html`<ul class="problems">
            ${problems.map((problem) => html`<li>${problem}</li>`)}
          </ul>`
    }
    <h3>${msg('Incomplete tables')}</h3>
    ${
      incomplete.length === 0
        ? html`<p class="muted">${msg('None: every definition table was read.')}</p>`
        : html`<ul class="incomplete">
            ${incomplete.map((item) => html`<li><code>${item.table}</code>: ${item.reason}</li>`)}
          </ul>`
    }
    <div class="actions">
      <button
        type="button"
        part="refresh"
        aria-disabled=${refresh.pending ? 'true' : 'false'}
        @click=${refresh.run}
      >
        ${msg('Refresh from the instance')}
      </button>
      <span role="status">${refresh.pending ? msg('Refreshing…') : nothing}</span>
    </div>
    ${refresh.error ? html`<p role="alert">${refresh.error}</p>` : nothing}`;
}
