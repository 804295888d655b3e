/**
 * The findings list: severity, what is wrong, the evidence, the suggested fix, and the reviewer's
 * decision (keep / remove / change type) as native radio groups — keyboard-usable as they are.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { RelationshipType } from '../../src/model/definitions.js';
import type { Decision } from '../../src/review/decisions.js';
import type { Finding } from '../../src/review/types.js';
import type { ApplyResult } from '../../src/service/access-review-apply.js';
import { applyStatusLabel, findingKindLabel, severityLabel } from './labels.js';

export interface FindingsView {
  readonly findings: readonly Finding[];
  /** How many to show (the rest behind "Show more"). */
  readonly limit: number;
  readonly decisions: ReadonlyMap<string, Decision>;
  /** The last Apply's outcome per record. */
  readonly results: ReadonlyMap<string, ApplyResult>;
  /** Types a finding's record may change to. */
  readonly typesFor: (finding: Finding) => readonly RelationshipType[];
  /** True while changes are being applied (decisions are locked). */
  readonly busy: boolean;
  readonly onDecide: (decision: Decision) => void;
  readonly onMore: () => void;
}

function renderDecision(f: Finding, index: number, v: FindingsView): TemplateResult {
  const recordId = f.fix.recordId ?? f.recordId;
  if (recordId === undefined)
    return html`<p class="muted outside">
      ${msg('Fixed outside the related parties: decide with the fix above.')}
    </p>`;
  const decision = v.decisions.get(f.id) ?? { findingId: f.id, action: 'keep' };
  const types = v.typesFor(f);
  const name = `decision-${index}`;
  const radio = (action: Decision['action'], label: string) =>
    html`<label class="choice"
      ><input
        type="radio"
        name=${name}
        value=${action}
        .checked=${decision.action === action}
        ?disabled=${v.busy || (action === 'change-type' && types.length === 0)}
        @change=${() =>
          v.onDecide({
            findingId: f.id,
            action,
            ...(action === 'change-type' ? { type: decision.type ?? f.fix.type?.id ?? types[0]?.id } : {}),
          })}
      />${label}</label
    >`;
  return html`<fieldset class="decision" part="decision">
    <legend>${msg('Decision')}</legend>
    ${radio('keep', msg('Keep'))} ${radio('remove', msg('Remove the party'))}
    ${radio('change-type', msg('Change type'))}
    ${
      decision.action === 'change-type'
        ? html`<label class="choice"
            ><span class="visually-hidden">${msg('New relationship type')}</span>
            <select
              part="type-select"
              ?disabled=${v.busy}
              @change=${(e: Event) =>
                v.onDecide({
                  findingId: f.id,
                  action: 'change-type',
                  type: (e.target as HTMLSelectElement).value,
                })}
            >
              ${types.map((t) => html`<option value=${t.id} ?selected=${t.id === decision.type}>${t.name}</option>`)}
            </select></label
          >`
        : nothing
    }
  </fieldset>`;
}

function renderResult(f: Finding, v: FindingsView): TemplateResult | typeof nothing {
  const recordId = f.fix.recordId ?? f.recordId;
  const result = recordId === undefined ? undefined : v.results.get(recordId);
  if (!result) return nothing;
  return html`<p class="result" part="result" data-status=${result.status}>
    <strong>${applyStatusLabel(result.status)}</strong>${result.message ? html`: ${result.message}` : nothing}
  </p>`;
}

function renderFinding(f: Finding, index: number, v: FindingsView): TemplateResult {
  return html`<li class="finding" part="finding" data-kind=${f.kind} data-severity=${f.severity}>
    <p class="finding-head">
      <span class="severity" part="severity" data-severity=${f.severity}>${severityLabel(f.severity)}</span>
      <span class="kind">${findingKindLabel(f.kind)}</span>
    </p>
    <p class="summary">${f.summary}</p>
    <details>
      <summary>${msg('Evidence')}</summary>
      <ul>
        ${f.evidence.map((line) => html`<li>${line}</li>`)}
      </ul>
    </details>
    <p class="fix"><span class="muted">${msg('Suggested fix:')}</span> ${f.fix.text}</p>
    ${renderDecision(f, index, v)} ${renderResult(f, v)}
  </li>`;
}

export function renderFindings(v: FindingsView): TemplateResult {
  if (v.findings.length === 0)
    return html`<p class="muted" part="no-findings">${msg('Nothing looks wrong here.')}</p>`;
  const shown = v.findings.slice(0, v.limit);
  const rest = v.findings.length - shown.length;
  return html`<ul class="findings" part="findings">
      ${shown.map((f, i) => renderFinding(f, i, v))}
    </ul>
    ${
      rest > 0
        ? html`<button type="button" class="more" @click=${v.onMore}>
            ${msg(str`Show ${Math.min(rest, v.limit)} more (${rest} hidden)`)}
          </button>`
        : nothing
    }`;
}
