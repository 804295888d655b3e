/**
 * Render helpers of the assessment: the validation reasons that keep Save disabled (an alert),
 * and the what-if preview ("who gains what", near-miss warnings, what the preview could not see).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ValidationIssue } from '../../src/access/types.js';
import type { AccessLevel } from '../../src/model/kinds.js';
import { MEMBER_LIMIT, type IncompleteSource } from '../../src/index.js';
import { levelLabel } from '../internal/labels.js';
import { isBlocking, type Assessment, type Gain, type PreviewWarning } from './preview.js';

function level(value: AccessLevel): TemplateResult {
  return html`<span class="level" part="level" data-level=${value}>${levelLabel(value)}</span>`;
}

/** Validation errors (Save disabled, role=alert) and warnings (Save allowed). */
export function renderIssues(issues: readonly ValidationIssue[]): TemplateResult | typeof nothing {
  if (issues.length === 0) return nothing;
  const errors = issues.filter(isBlocking);
  const warnings = issues.filter((issue) => !isBlocking(issue));
  return html`${
    errors.length > 0
      ? html`<div part="issues" class="issues error" role="alert">
          <p>${msg("This party can't be added:")}</p>
          <ul>
            ${errors.map((issue) => html`<li data-code=${issue.code}>${issue.message}</li>`)}
          </ul>
        </div>`
      : nothing
  }
  ${
    warnings.length > 0
      ? html`<ul part="issue-warnings" class="warnings">
          ${warnings.map((issue) => html`<li data-code=${issue.code}>${issue.message}</li>`)}
        </ul>`
      : nothing
  }`;
}

function gainItem(gain: Gain): TemplateResult {
  return html`<li part="gain">
    <span class="who">${gain.principalName}</span>: ${level(gain.before)} → ${level(gain.after)} ${msg('on')}
    <span class="what">${gain.entityLabel}</span>
  </li>`;
}

function warningItem(warning: PreviewWarning): TemplateResult {
  const text = warning.missingRoles
    ? msg(
        str`${warning.principalName} will have the responsibility but no access from it: lacks role ${warning.missingRoles.join(', ')}`,
      )
    : `${warning.principalName}: ${warning.reason}`;
  return html`<li part="warning">${text}</li>`;
}

/** Facts the preview was built without. */
export interface PreviewLimits {
  readonly incomplete: readonly IncompleteSource[];
  readonly truncated: boolean;
}

/** "Who gains what", or "No one gains access", with near misses and limits. */
export function renderPreview(assessment: Assessment, limits: PreviewLimits): TemplateResult {
  const { gains, warnings } = assessment;
  return html`<section part="preview" class="preview" aria-labelledby="preview-title">
    <h3 id="preview-title">${msg('Who gains what')}</h3>
    ${
      gains.length === 0
        ? html`<p part="no-gain" class="muted">${msg('No one gains access.')}</p>`
        : html`<ul class="gains">
            ${gains.map(gainItem)}
          </ul>`
    }
    ${
      warnings.length > 0
        ? html`<ul part="warnings" class="warnings">
            ${warnings.map(warningItem)}
          </ul>`
        : nothing
    }
    ${
      limits.incomplete.length > 0
        ? html`<p class="muted" part="preview-note">
            ${msg(str`Could not read ${limits.incomplete.map((s) => s.table).join(', ')}: access from there is not shown.`)}
          </p>`
        : nothing
    }
    ${
      limits.truncated
        ? html`<p class="muted" part="preview-note">
            ${msg(str`Only the first ${MEMBER_LIMIT} people this party stands for were checked.`)}
          </p>`
        : nothing
    }
  </section>`;
}
