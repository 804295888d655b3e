/**
 * An explanation in the Explain tab: the verdict, the badge's nested-list tree of grants and near
 * misses (shared renderer), and what the facts could not tell. Every value renders as text.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Explanation } from '../../src/access/types.js';
import { permissionsSuffix, renderExplanation } from '../effective-access-badge/explanation-tree.js';
import { entityWord, levelLabel, partyKindWord } from '../internal/labels.js';

/** Renders the verdict, the explanation tree and the facts it lacked. */
export function renderExplanationView(explanation: Explanation): TemplateResult {
  const { principal, principalLabel, entity, entityLabel, level, permissions } = explanation;
  const incomplete = explanation.incomplete ?? [];
  return html`<div part="explanation" class="explanation">
    <p class="verdict">
      ${principalLabel} (${partyKindWord(principal.kind)}) → ${entityWord(entity.kind)} ${entityLabel}:
      <span class="level" data-level=${level}>${levelLabel(level)}</span>${permissionsSuffix(permissions)}
    </p>
    ${renderExplanation(explanation)}
    ${
      incomplete.length === 0
        ? nothing
        : html`<p>${msg('Not known from the facts:')}</p>
            <ul class="incomplete">
              ${incomplete.map((note) => html`<li>${note}</li>`)}
            </ul>`
    }
  </div>`;
}
