/**
 * The findings: a feed (ARIA `feed` of `article`s with `aria-posinset` / `aria-setsize`) of
 * severity, what is wrong, the evidence, the suggested fix, and the reviewer's decision (keep /
 * remove / change type) as native radio groups — keyboard-usable as they are. A long feed renders
 * through the lazily loaded virtualizer (only the findings in view are in the DOM); `FeedFocus`
 * keeps keyboard focus in the feed when the virtualizer recycles the focused finding, and moves
 * between findings with Page Down / Page Up (the feed pattern's keys).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { RelationshipType } from '../../src/model/definitions.js';
import type { Decision } from '../../src/review/decisions.js';
import type { Finding } from '../../src/review/types.js';
import type { ApplyResult } from '../../src/service/access-review-apply.js';
import { plural } from '../internal/plural.js';
import { renderRows } from '../internal/virtual-rows.js';
import type { FeedFocus } from './feed-focus.js';
import { describeFinding } from './finding-text.js';
import { applyStatusLabel, findingKindLabel, severityLabel } from './labels.js';

export interface FindingsView {
  readonly findings: readonly Finding[];
  readonly decisions: ReadonlyMap<string, Decision>;
  /** The last Apply's outcome per record. */
  readonly results: ReadonlyMap<string, ApplyResult>;
  /** Types a finding's record may change to. */
  readonly typesFor: (finding: Finding) => readonly RelationshipType[];
  /** True while changes are being applied (decisions are locked). */
  readonly busy: boolean;
  /** The id of the heading naming the feed. */
  readonly labelledBy: string;
  readonly focus: FeedFocus;
  readonly onDecide: (decision: Decision) => void;
  /** The virtualizer has loaded (re-render), or could not be loaded (the error). */
  readonly onReady: (error?: unknown) => void;
}

function renderDecision(f: Finding, v: FindingsView): TemplateResult {
  const recordId = f.fix.recordId ?? f.recordId;
  if (recordId === undefined)
    return html`<p class="muted outside">
      ${msg('Fixed outside the related parties: decide with the fix above.')}
    </p>`;
  const decision = v.decisions.get(f.id) ?? { findingId: f.id, action: 'keep' };
  const types = v.typesFor(f);
  const name = `decision:${f.id}`;
  const radio = (action: Decision['action'], label: string) =>
    html`<label class="choice"
      ><input
        type="radio"
        name=${name}
        value=${action}
        data-focus=${action}
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
              data-focus="type"
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
  const text = describeFinding(f);
  const id = `finding-${index}`;
  return html`<article
    class="finding"
    part="finding"
    tabindex="0"
    data-finding=${f.id}
    data-kind=${f.kind}
    data-severity=${f.severity}
    aria-posinset=${index + 1}
    aria-setsize=${v.findings.length}
    aria-labelledby=${`${id}-summary`}
    aria-describedby=${`${id}-head`}
  >
    <p class="finding-head" id=${`${id}-head`}>
      <span class="severity" part="severity" data-severity=${f.severity}>${severityLabel(f.severity)}</span>
      <span class="kind">${findingKindLabel(f.kind)}</span>
    </p>
    <p class="summary" id=${`${id}-summary`}>${text.summary}</p>
    <details>
      <summary data-focus="evidence">${msg('Evidence')}</summary>
      <ul>
        ${text.evidence.map((line) => html`<li>${line}</li>`)}
      </ul>
    </details>
    <p class="fix"><span class="muted">${msg('Suggested fix:')}</span> ${text.fix}</p>
    ${renderDecision(f, v)} ${renderResult(f, v)}
  </article>`;
}

export function renderFindings(v: FindingsView): TemplateResult {
  if (v.findings.length === 0)
    return html`<p class="muted" part="no-findings">${msg('Nothing looks wrong here.')}</p>`;
  const { focus } = v;
  return html`<p class="muted hint" id="findings-keys">
      ${plural(v.findings.length, {
        one: msg(str`${v.findings.length} finding. Page Down and Page Up move between findings.`),
        other: msg(str`${v.findings.length} findings. Page Down and Page Up move between them.`),
      })}
    </p>
    <div class="scroll findings-scroll" part="findings-body">
      <div
        role="feed"
        class="findings"
        part="findings"
        tabindex="-1"
        aria-labelledby=${v.labelledBy}
        aria-describedby="findings-keys"
        @keydown=${focus.onKeyDown}
        @focusin=${focus.onFocusIn}
        @focusout=${focus.onFocusOut}
        @rangeChanged=${focus.onRangeChanged}
      >
        ${renderRows(
          [...v.findings],
          (f) => f.id,
          (f, i) => renderFinding(f, i, v),
          v.onReady,
        )}
      </div>
    </div>`;
}
