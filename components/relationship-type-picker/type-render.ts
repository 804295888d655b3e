/** Render helpers of the relationship type picker: the grouped listbox and the responsibility summary. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { RelationshipType } from '../../src/model/definitions.js';
import { entityWord, levelLabel, partyKindWord } from '../internal/labels.js';
import type { GrantLine, ResponsibilitySummary, TypeGroup, TypeGroupKey } from './type-options.js';

function groupLabel(key: TypeGroupKey): string {
  return key === 'grants' ? msg('Grants access') : msg('Listed (no access)');
}

/** Id of the option element at a position of the flattened list (type ids are not safe as ids). */
export function optionId(index: number): string {
  return `option-${index}`;
}

export interface ListboxView {
  readonly id: string;
  readonly label: string;
  readonly groups: readonly TypeGroup[];
  readonly activeIndex: number;
  readonly selectedId: string;
  /** Show each option's party type (when the picker is not limited to one). */
  readonly showPartyType: boolean;
  readonly responsibilityName: (type: RelationshipType) => string | undefined;
  readonly onPick: (type: RelationshipType) => void;
}

/** The listbox: one labelled group per key, options numbered across groups. */
export function renderListbox(view: ListboxView): TemplateResult {
  let index = 0;
  const option = (type: RelationshipType): TemplateResult => {
    const position = index++;
    const detail = [
      view.showPartyType ? partyKindWord(type.partyType) : undefined,
      view.responsibilityName(type),
    ]
      .filter((text) => text !== undefined)
      .join(' · ');
    // Keyboard users reach options through the combobox input (aria-activedescendant).
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<div
      role="option"
      id=${optionId(position)}
      part="option"
      class="option"
      aria-selected=${position === view.activeIndex ? 'true' : 'false'}
      ?data-chosen=${type.id === view.selectedId}
      @click=${() => view.onPick(type)}
    >
      <span class="check" aria-hidden="true">${type.id === view.selectedId ? '✓' : ''}</span>
      <span class="name">${type.name}</span>
      ${detail ? html`<span class="detail muted">${detail}</span>` : nothing}
    </div>`;
  };
  return html`<div
    role="listbox"
    id=${view.id}
    part="listbox"
    class="listbox"
    aria-label=${view.label}
    @mousedown=${(event: Event) => event.preventDefault()}
  >
    ${view.groups.map(
      (group) =>
        html`<div role="group" aria-labelledby="group-${group.key}" class="group">
          <div id="group-${group.key}" part="group-label" class="group-label">${groupLabel(group.key)}</div>
          ${group.types.map(option)}
        </div>`,
    )}
  </div>`;
}

function grantText(line: GrantLine): string {
  const where = line.through
    ? msg(str`${entityWord(line.table)} ${levelLabel(line.level)} (through ${entityWord(line.through)})`)
    : msg(str`${entityWord(line.table)} ${levelLabel(line.level)}`);
  return line.rolesRequired.length === 0
    ? where
    : msg(str`${where}; requires ${line.rolesRequired.join(', ')}`);
}

/** What the chosen type does: its default responsibility and what it grants, or that it grants nothing. */
export function renderSummary(
  type: RelationshipType,
  summary: ResponsibilitySummary | undefined,
): TemplateResult {
  if (!summary) {
    return html`<p class="muted">${msg(str`${type.name}: no responsibility; grants no access.`)}</p>`;
  }
  if (!summary.responsibility) {
    return html`<p class="error">
      ${msg(str`${type.name} defaults responsibility ${summary.id}, which is not defined: it grants no access.`)}
    </p>`;
  }
  const name = summary.responsibility.name;
  if (summary.grants.length === 0) {
    return html`<p>
      <span class="responsibility">${name}</span> —
      ${msg('grants no access (no active access configuration).')}
    </p>`;
  }
  return html`<p>
      <span class="label muted">${msg('Responsibility:')}</span>
      <span class="responsibility">${name}</span>
    </p>
    <ul class="grants">
      ${summary.grants.map((line) => html`<li>${name} — ${grantText(line)}</li>`)}
    </ul>`;
}
