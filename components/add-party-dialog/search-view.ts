/**
 * Render helpers of the party search: kind select, combobox input, result listbox (ARIA 1.2
 * combobox pattern with aria-activedescendant) and its statuses (searching, no matches, refused
 * text, error with Retry, "refine your search").
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import type { PartyKind } from '../../src/model/kinds.js';
import { partyKindLabel, partyKindWord } from '../internal/labels.js';
import { plural } from '../internal/plural.js';
import type { PartySearchController } from './party-search.js';
import { SEARCH_LIMIT, searchTextProblem } from './party-search-query.js';
import { highlightParts } from './ranking.js';

/** What the search section calls back. */
export interface SearchHandlers {
  readonly kind: (kind: PartyKind) => void;
  readonly input: (text: string) => void;
  readonly keydown: (event: KeyboardEvent) => void;
  readonly choose: (index: number) => void;
}

/** "1 match.", "3 matches." */
function matchCount(count: number): string {
  const n = count.toLocaleString();
  return plural(count, { one: msg(str`${n} match.`), other: msg(str`${n} matches.`) });
}

function status(search: PartySearchController): TemplateResult | string {
  const { task } = search;
  if (search.text.trim() === '') return msg('Type a name or email to search.');
  if (task.status === TaskStatus.PENDING) return msg('Searching…');
  if (task.status === TaskStatus.COMPLETE && search.results.length === 0) {
    return msg(str`No matches for “${search.text.trim()}”.`);
  }
  if (task.status === TaskStatus.COMPLETE) {
    return search.task.value?.more
      ? msg(str`Showing the first ${SEARCH_LIMIT} matches: refine your search to see others.`)
      : matchCount(search.results.length);
  }
  return '';
}

function problem(search: PartySearchController, retry: () => void): TemplateResult | typeof nothing {
  const refused = search.refused;
  if (refused)
    return html`<p part="search-error" role="alert" class="error">${searchTextProblem(refused)}</p>`;
  if (search.task.status !== TaskStatus.ERROR) return nothing;
  const error = search.task.error;
  const text = error instanceof Error ? error.message : String(error);
  return html`<div part="search-error" role="alert" class="error">
    ${msg(str`The search failed: ${text}`)}
    <button type="button" @click=${retry}>${msg('Retry')}</button>
  </div>`;
}

/** The name with the searched text in <mark> (text parts, never HTML). */
function highlighted(name: string, query: string): TemplateResult {
  return html`${highlightParts(name, query).map((part) => (part.match ? html`<mark>${part.text}</mark>` : part.text))}`;
}

function listbox(search: PartySearchController, handlers: SearchHandlers): TemplateResult | typeof nothing {
  const results = search.results;
  if (!search.expanded || results.length === 0) return nothing;
  // Options are not focusable: the input keeps focus and points at the active one (activedescendant).
  return html`<ul id="results" role="listbox" part="results" aria-label=${msg('Matching parties')}>
    ${results.map(
      (result, i) =>
        // eslint-disable-next-line lit-a11y/click-events-have-key-events -- keys are handled on the combobox input
        html`<li
          id=${`result-${i}`}
          role="option"
          part=${i === search.active ? 'option active-option' : 'option'}
          aria-selected=${i === search.active ? 'true' : 'false'}
          @click=${() => handlers.choose(i)}
        >
          <span class="name" part="option-name">${highlighted(result.name, search.text)}</span>
          ${result.secondary ? html`<span class="muted" part="option-secondary">${result.secondary}</span>` : nothing}
        </li>`,
    )}
  </ul>`;
}

/** The whole search section. */
export function renderSearch(
  search: PartySearchController,
  kinds: readonly PartyKind[],
  handlers: SearchHandlers,
): TemplateResult {
  const open = search.expanded && search.results.length > 0;
  const active = open && search.active >= 0 ? `result-${search.active}` : undefined;
  return html`<div class="field">
      <label for="kind">${msg('Party type')}</label>
      <select
        id="kind"
        part="kind-select"
        @change=${(e: Event) => handlers.kind((e.target as HTMLSelectElement).value as PartyKind)}
      >
        ${kinds.map((k) => html`<option value=${k} ?selected=${k === search.kind}>${partyKindLabel(k)}</option>`)}
      </select>
    </div>
    <div class="field search" part="search">
      <label id="search-label" for="search">${msg(str`Find a ${partyKindWord(search.kind)}`)}</label>
      <input
        id="search"
        part="search-input"
        type="text"
        role="combobox"
        aria-labelledby="search-label"
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${open ? 'results' : nothing}
        aria-activedescendant=${active ?? nothing}
        aria-describedby="search-status"
        .value=${live(search.text)}
        @input=${(e: InputEvent) => handlers.input((e.target as HTMLInputElement).value)}
        @keydown=${handlers.keydown}
      />
      ${listbox(search, handlers)}
      ${search.task.status === TaskStatus.PENDING ? html`<div part="search-loading" class="skeleton" aria-hidden="true"></div>` : nothing}
      <p id="search-status" part="search-status" class="muted" role="status">${status(search)}</p>
      ${problem(search, () => search.retry())}
      ${
        search.selected
          ? html`<p part="selected" class="selected">
              ${msg('Selected:')} <strong>${search.selected.name}</strong>
              ${search.selected.secondary ? html`<span class="muted">${search.selected.secondary}</span>` : nothing}
            </p>`
          : nothing
      }
    </div>`;
}
