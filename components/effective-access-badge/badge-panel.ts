/**
 * What an open badge popover shows under its title: where the rules behind the answer came from,
 * what the answer may be missing, and why — the explanation tree of a principal, or each member's
 * for a group party. Loaded when a popover first opens or a badge is hovered or focused: a page of
 * rows and badges shows levels without it.
 */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { levelLabel } from '../internal/labels.js';
import type { BadgeEvaluation } from './badge-evaluation.js';
import { renderIncomplete, renderSourceNote } from './badge-notes.js';
import { renderExplanation } from './explanation-tree.js';

/** The popover's body; `definitionsAgeMs` is the rules' age when it was opened. */
export function renderPanelBody(value: BadgeEvaluation, definitionsAgeMs: number): TemplateResult {
  return html`${renderSourceNote(value.snapshot, definitionsAgeMs)} ${renderIncomplete(value.incomplete)}
  ${value.explanation ? renderExplanation(value.explanation) : renderMembers(value)}`;
}

/** A group party: the highest level any member gets, and each member's explanation. */
function renderMembers(value: BadgeEvaluation): TemplateResult {
  const members = value.members ?? [];
  if (members.length === 0)
    return html`<p class="muted">
      ${msg('No members were found, so nobody gets access through this party.')}
    </p>`;
  return html`<p>${msg('The highest level any member gets; each member:')}</p>
    <ul class="members">
      ${members.map(
        (member) =>
          html`<li>
            <span class="member">${member.principalLabel}</span>
            <span class="level" data-level=${member.level}>${levelLabel(member.level)}</span>
            ${renderExplanation(member)}
          </li>`,
      )}
    </ul>`;
}
