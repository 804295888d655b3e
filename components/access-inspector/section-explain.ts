/**
 * The Explain section: pick a principal (kind + id) and an entity (table + id), free text or from
 * the facts loaded so far, and read the explanation over the current definitions.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Task } from '@lit/task';
import type { Facts } from '../../src/model/facts.js';
import { ENTITY_KINDS, PRINCIPAL_KINDS, type EntityKind, type PrincipalKind } from '../../src/model/kinds.js';
import type { DefinitionsSnapshot } from '../../src/service/definitions-snapshot.js';
import type { EntityRef, ExplainResult, PrincipalRef } from '../../src/index.js';
import { renderExplanationView } from './explanation-view.js';
import { partyLabel, tableLabel } from './format.js';
import type { ImportedFile } from './transfer-controller.js';

/** What to explain. */
export interface ExplainRequest {
  readonly principal: PrincipalRef;
  readonly entity: EntityRef;
}

/** What the Explain section needs. */
export interface ExplainSectionProps {
  readonly snapshot: DefinitionsSnapshot;
  readonly task: Task<[ExplainRequest], ExplainResult>;
  /** The last request, to fill the form in again after a tab switch. */
  readonly last?: ExplainRequest;
  readonly imported?: ImportedFile;
  readonly submit: (request: ExplainRequest) => void;
}

type Option = { readonly id: string; readonly label: string };

function principalOptions(facts: readonly Facts[]): Option[] {
  return facts.flatMap((f) => [
    ...f.contacts.map((p) => ({ id: p.id, label: `${p.name} (${partyLabel('contact')})` })),
    ...f.consumers.map((p) => ({ id: p.id, label: `${p.name} (${partyLabel('consumer')})` })),
    ...f.users.map((p) => ({ id: p.id, label: `${p.name} (${partyLabel('user')})` })),
  ]);
}

function entityOptions(facts: readonly Facts[]): Option[] {
  return facts.flatMap((f) => [
    ...f.cases.map((e) => ({ id: e.id, label: `${e.number} (${tableLabel('case')})` })),
    ...f.soldProducts.map((e) => ({ id: e.id, label: `${e.name} (${tableLabel('sold_product')})` })),
    ...f.installBase.map((e) => ({ id: e.id, label: `${e.name} (${tableLabel('install_base')})` })),
  ]);
}

function datalist(id: string, options: readonly Option[]): TemplateResult {
  const unique = [...new Map(options.map((o) => [o.id, o])).values()];
  return html`<datalist id=${id}>
    ${unique.map((o) => html`<option value=${o.id}>${o.label}</option>`)}
  </datalist>`;
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

function onSubmit(event: SubmitEvent, submit: (request: ExplainRequest) => void): void {
  event.preventDefault();
  const data = new FormData(event.target as HTMLFormElement);
  const text = (name: string): string => String(data.get(name) ?? '').trim();
  submit({
    principal: { kind: text('principal-kind') as PrincipalKind, id: text('principal-id') },
    entity: { kind: text('entity-kind') as EntityKind, id: text('entity-id') },
  });
}

/** One `kind:id` reference as a fieldset: a kind select and an id input with suggestions. */
function refFieldset<K extends string>(options: {
  legend: string;
  kindLabel: string;
  /** Field names `<name>-kind`, `<name>-id`; suggestions from the datalist `<name>s`. */
  name: 'principal' | 'entity';
  kinds: readonly K[];
  label: (kind: K) => string;
  chosen: { kind: string; id: string } | undefined;
}): TemplateResult {
  const { legend, kindLabel, name, kinds, label, chosen } = options;
  return html`<fieldset>
    <legend>${legend}</legend>
    <label>
      <span>${kindLabel}</span>
      <select name=${`${name}-kind`}>
        ${kinds.map((kind) => html`<option value=${kind} ?selected=${chosen?.kind === kind}>${label(kind)}</option>`)}
      </select>
    </label>
    <label>
      <span>${msg('Id')}</span>
      <input name=${`${name}-id`} list=${`${name}s`} required autocomplete="off" .value=${chosen?.id ?? ''} />
    </label>
  </fieldset>`;
}

/** Renders the Explain section. */
export function renderExplainSection(props: ExplainSectionProps): TemplateResult {
  const { task, last, imported, submit } = props;
  const known = [imported?.facts, task.value?.facts].filter((f): f is Facts => f !== undefined);
  return html`${factsNote(props)}
    <form class="explain-form" @submit=${(event: SubmitEvent) => onSubmit(event, submit)}>
      ${refFieldset({
        legend: msg('Principal'),
        kindLabel: msg('Kind'),
        name: 'principal',
        kinds: PRINCIPAL_KINDS,
        label: partyLabel,
        chosen: last?.principal,
      })}
      ${refFieldset({
        legend: msg('Entity'),
        kindLabel: msg('Table'),
        name: 'entity',
        kinds: ENTITY_KINDS,
        label: tableLabel,
        chosen: last?.entity,
      })}
      <button type="submit" class="primary" part="explain-button">${msg('Explain')}</button>
    </form>
    ${datalist('principals', principalOptions(known))} ${datalist('entities', entityOptions(known))}
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
