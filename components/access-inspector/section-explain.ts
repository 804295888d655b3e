/**
 * The Explain section: find the person and the record by name (the add dialog's party search for
 * people; cases by number, sold products and install base items by name), and read the
 * explanation over the current definitions.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { TaskStatus, type Task } from '@lit/task';
import { ENTITY_KINDS, PRINCIPAL_KINDS, type EntityKind, type PrincipalKind } from '../../src/model/kinds.js';
import { searchTextProblem } from '../add-party-dialog/party-search-query.js';
import { highlightParts } from '../add-party-dialog/ranking.js';
import { entityWord, partyKindWord } from '../internal/labels.js';
import { plural } from '../internal/plural.js';
import type { NameSearch } from './name-search.js';
import type { DefinitionsSnapshot } from '../../src/service/definitions-snapshot.js';
import type { ExplainRequest, ExplainResult } from './explain-source.js';
import { renderExplanationView } from './explanation-view.js';
import { partyLabel, tableLabel } from './format.js';
import type { ImportedFile } from './transfer-controller.js';

/** What the Explain section needs. */
export interface ExplainSectionProps {
  readonly snapshot: DefinitionsSnapshot;
  readonly task: Task<[ExplainRequest], ExplainResult>;
  /** The person and the record, each found by name. */
  readonly principal: NameSearch<PrincipalKind>;
  readonly entity: NameSearch<EntityKind>;
  readonly imported?: ImportedFile;
  readonly submit: (request: ExplainRequest) => void;
}

function factsNote({ snapshot, imported }: ExplainSectionProps): TemplateResult {
  if (imported?.facts && (snapshot.offline || snapshot.source === 'import')) {
    return html`<p class="note">${msg(str`Facts come from the imported file "${imported.name}".`)}</p>`;
  }
  if (snapshot.offline) {
    return html`<p class="note offline">
      ${msg('Offline: facts (parties, roles held) need the network or an imported access-test file with facts.')}
    </p>`;
  }
  return html`<p class="note muted">${msg('Facts are read from the instance when you explain.')}</p>`;
}

function onSubmit(event: SubmitEvent, props: ExplainSectionProps): void {
  event.preventDefault();
  const data = new FormData(event.target as HTMLFormElement);
  const text = (name: string): string => String(data.get(name) ?? '').trim();
  const principal = { kind: text('principal-kind') as PrincipalKind, id: text('principal-id') };
  const entity = { kind: text('entity-kind') as EntityKind, id: text('entity-id') };
  props.principal.missing = principal.id === '';
  props.entity.missing = entity.id === '';
  if (props.principal.missing || props.entity.missing) {
    props.principal.requestUpdate();
    return;
  }
  props.submit({ principal, entity });
}

/** The status line under a name field: the choice, the search's progress, or why it cannot run. */
function searchStatus<K extends string>(search: NameSearch<K>, kindWord: string): TemplateResult | string {
  if (search.refused) return html`<span class="error">${searchTextProblem(search.refused)}</span>`;
  if (search.missing && !search.selected)
    return html`<span class="error">${msg(str`Choose a ${kindWord} from the list.`)}</span>`;
  if (search.selected) {
    const { name, secondary } = search.selected;
    return secondary ? msg(str`Chosen: ${name} (${secondary})`) : msg(str`Chosen: ${name}`);
  }
  if (!search.expanded || search.text.trim() === '') return msg('Type a name to search.');
  if (search.task.status === TaskStatus.PENDING) return msg('Searching…');
  if (search.task.status === TaskStatus.ERROR) {
    const error = search.task.error;
    return html`<span class="error"
      >${msg(str`The search failed: ${error instanceof Error ? error.message : String(error)}`)}</span
    >`;
  }
  const count = search.results.length;
  if (count === 0) return msg(str`No matches for “${search.text.trim()}”.`);
  const n = count.toLocaleString();
  return plural(count, { one: msg(str`${n} match.`), other: msg(str`${n} matches.`) });
}

/** A kind select and a "find by name" combobox; the chosen id is submitted as `<name>-id`. */
function pickerFieldset<K extends string>(options: {
  legend: string;
  kindLabel: string;
  /** Field names `<name>-kind`, `<name>-id`; element ids start with it. */
  name: 'principal' | 'entity';
  kinds: readonly K[];
  label: (kind: K) => string;
  word: (kind: K) => string;
  search: NameSearch<K>;
}): TemplateResult {
  const { legend, kindLabel, name, kinds, label, word, search } = options;
  const open = search.expanded && search.results.length > 0;
  const optionId = (i: number) => `${name}-option-${i}`;
  return html`<fieldset>
    <legend id=${`${name}-legend`}>${legend}</legend>
    <label>
      <span>${kindLabel}</span>
      <select
        name=${`${name}-kind`}
        @change=${(e: Event) => search.setKind((e.target as HTMLSelectElement).value as K)}
      >
        ${kinds.map((kind) => html`<option value=${kind} ?selected=${search.kind === kind}>${label(kind)}</option>`)}
      </select>
    </label>
    <div class="name-field">
      <label id=${`${name}-search-label`} for=${`${name}-search`}>${msg('Name')}</label>
      <input
        id=${`${name}-search`}
        part="search"
        type="text"
        role="combobox"
        aria-labelledby=${`${name}-legend ${name}-search-label`}
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${`${name}-options`}
        aria-activedescendant=${open && search.active >= 0 ? optionId(search.active) : nothing}
        aria-describedby=${`${name}-status`}
        .value=${live(search.text)}
        @input=${(e: Event) => search.input((e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => search.keydown(e)}
      />
      <input type="hidden" name=${`${name}-id`} .value=${search.selected?.id ?? ''} />
      <ul id=${`${name}-options`} role="listbox" class="name-options" aria-label=${legend} ?hidden=${!open}>
        ${search.results.map(
          (hit, i) =>
            // eslint-disable-next-line lit-a11y/click-events-have-key-events -- keys are handled on the combobox input
            html`<li
              id=${optionId(i)}
              role="option"
              aria-selected=${i === search.active ? 'true' : 'false'}
              @mousedown=${(e: Event) => e.preventDefault()}
              @click=${() => search.choose(i)}
            >
              <span class="name">${highlighted(hit.name, search.text)}</span>
              ${hit.secondary ? html`<span class="muted">${hit.secondary}</span>` : nothing}
            </li>`,
        )}
      </ul>
      <p id=${`${name}-status`} class="muted name-status" role="status">
        ${searchStatus(search, word(search.kind))}
      </p>
    </div>
  </fieldset>`;
}

/** The name with the searched text in <mark> (text parts, never HTML). */
function highlighted(name: string, query: string): TemplateResult {
  return html`${highlightParts(name, query).map((part) => (part.match ? html`<mark>${part.text}</mark>` : part.text))}`;
}

/** Renders the Explain section. */
export function renderExplainSection(props: ExplainSectionProps): TemplateResult {
  const { task, imported } = props;
  return html`${factsNote(props)}
    <form class="explain-form" @submit=${(event: SubmitEvent) => onSubmit(event, props)}>
      ${pickerFieldset({
        legend: msg('Person'),
        kindLabel: msg('Kind'),
        name: 'principal',
        kinds: PRINCIPAL_KINDS,
        label: partyLabel,
        word: partyKindWord,
        search: props.principal,
      })}
      ${pickerFieldset({
        legend: msg('Record'),
        kindLabel: msg('Table'),
        name: 'entity',
        kinds: ENTITY_KINDS,
        label: tableLabel,
        word: entityWord,
        search: props.entity,
      })}
      <button type="submit" class="primary" part="explain-button">${msg('Explain')}</button>
    </form>
    <div class="result">
      ${task.render({
        pending: () => html`<p role="status">${msg('Explaining…')}</p>`,
        complete: (result) =>
          html`<p class="muted" role="status">
              ${
                result.factsFrom === 'import'
                  ? msg(str`Facts from the imported file "${imported?.name ?? ''}".`)
                  : msg('Facts read from the instance just now.')
              }
            </p>
            ${renderExplanationView(result.explanation)}`,
        error: (error) => html`<p role="alert">${error instanceof Error ? error.message : String(error)}</p>`,
        initial: () => nothing,
      })}
    </div>`;
}
