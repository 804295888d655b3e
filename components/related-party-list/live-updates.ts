/**
 * The list's side of live refresh: watches the shown entity through the provider's live feed,
 * hands each change to the list (which applies it in place), says in a polite live region what
 * changed and who changed it, marks the changed rows briefly, and shows when live updates are
 * paused and why.
 */
import {
  html,
  nothing,
  css,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import { msg, str } from '@lit/localize';
import type { EntityRef } from '../../src/model/kinds.js';
import { formatRef } from '../../src/model/kinds.js';
import type { PartiesChange } from '../../src/service/change-feed.js';
import type { LiveStatus } from '../../src/service/live-feed.js';
import type { LiveUpdates } from '../../src/service/deferred-live-feed.js';
import type { PartyRow } from '../../src/service/party-rows.js';
import { columnText, partyName } from './labels.js';

/** How long a changed row stays marked, ms. */
const HIGHLIGHT_MS = 2500;
/** Changes named one by one in an announcement; more are counted. */
const NAMED = 3;

export interface LiveContext {
  readonly live?: LiveUpdates;
}

function typeOf(row: PartyRow): string {
  return columnText(row, 'type') || msg('no relationship type');
}

/** One sentence per change: "Dana Ruiz added Omar Haddad as Authorized Contact". */
export function describeChange(change: Pick<PartiesChange, 'added' | 'changed' | 'removed' | 'by'>): string {
  const sentences: string[] = [];
  for (const row of change.added) {
    const who = change.by.get(row.record.id);
    const name = partyName(row);
    const type = typeOf(row);
    sentences.push(
      who ? msg(str`${who} added ${name} as ${type}.`) : msg(str`${name} was added as ${type}.`),
    );
  }
  for (const { row } of change.changed) {
    const who = change.by.get(row.record.id);
    const name = partyName(row);
    const type = typeOf(row);
    sentences.push(
      who ? msg(str`${who} changed ${name} to ${type}.`) : msg(str`${name} was changed to ${type}.`),
    );
  }
  for (const row of change.removed) sentences.push(msg(str`${partyName(row)} was removed.`));
  if (sentences.length <= NAMED) return sentences.join(' ');
  const more = sentences.length - NAMED;
  return `${sentences.slice(0, NAMED).join(' ')} ${msg(str`And ${more} more changes.`)}`;
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

export class LiveUpdatesController implements ReactiveController {
  #watching: { live: LiveUpdates; key: string; stop: () => void } | undefined;
  #stopStatus: (() => void) | undefined;
  #status: LiveStatus | undefined;
  #announcement = '';
  #recent = new Set<string>();
  #timers = new Set<ReturnType<typeof setTimeout>>();
  /** The last load, to watch again when the element is moved (disconnected and reconnected). */
  #last: { entity: EntityRef; rows: readonly PartyRow[] } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly context: () => LiveContext,
    private readonly onChange: (change: PartiesChange) => void,
  ) {
    host.addController(this);
  }

  /** The last announcement (what changed and who changed it). */
  get announcement(): string {
    return this.#announcement;
  }

  hostConnected(): void {
    if (this.#last && !this.#watching) this.loaded(this.#last.entity, this.#last.rows);
  }

  hostDisconnected(): void {
    this.#unwatch();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#recent.clear();
  }

  /** The entity's rows were (re)loaded: watch it, diffing against these rows. */
  loaded(entity: EntityRef, rows: readonly PartyRow[]): void {
    const { live } = this.context();
    const key = formatRef(entity);
    this.#last = { entity, rows };
    if (!live) {
      this.#unwatch();
      return;
    }
    if (this.#watching?.live !== live || this.#watching.key !== key) {
      this.#unwatch();
      const stop = live.watch(entity, rows, (change) => this.onChange(change));
      this.#watching = { live, key, stop };
      this.#stopStatus = live.subscribeStatus((status) => {
        this.#status = status;
        this.host.requestUpdate();
      });
      this.#status = live.status;
    }
    live.setKnown(entity, rows);
  }

  /** Announces applied changes and marks their rows for a moment. */
  announce(change: PartiesChange): void {
    this.#announcement = describeChange(change);
    const ids = [...change.added, ...change.changed.map((u) => u.row)].map((row) => row.record.id);
    for (const id of ids) this.#recent.add(id);
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      for (const id of ids) this.#recent.delete(id);
      this.host.requestUpdate();
    }, HIGHLIGHT_MS);
    this.#timers.add(timer);
    this.host.requestUpdate();
  }

  /** True for a row another agent just added or changed. */
  isRecent = (recordId: string): boolean => this.#recent.has(recordId);

  /** The paused status (when paused) and the polite live region of changes. */
  render(conflict: string | undefined, onDismiss: () => void): TemplateResult {
    const status = this.#status ? statusText(this.#status) : undefined;
    return html`<div class="live" part="live">
      ${status ? html`<p class="live-status" part="live-status" role="status">${status}</p>` : nothing}
      ${
        conflict
          ? html`<div class="banner" part="live-conflict" role="alert">
              <p>${conflict}</p>
              <button type="button" @click=${onDismiss}>${msg('Dismiss')}</button>
            </div>`
          : nothing
      }
      <p class="live-region" part="live-region" role="status" aria-live="polite">${this.#announcement}</p>
    </div>`;
  }

  #unwatch(): void {
    this.#watching?.stop();
    this.#watching = undefined;
    this.#stopStatus?.();
    this.#stopStatus = undefined;
    this.#status = undefined;
  }
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
