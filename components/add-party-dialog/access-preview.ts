/**
 * The assessment half of the dialog as a controller: a Task loads the access picture as soon as a
 * party is chosen (aborting the previous load when the choice changes); the validation and the
 * what-if preview of the current proposal are derived from it, memoized, and rendered.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { EntityRef, PartyAccess, PartySearchResult } from '../../src/index.js';
import type { CamServices } from '../context.js';
import { assess, isBlocking, type Assessment, type Proposal } from './preview.js';
import { renderIssues, renderPreview } from './preview-view.js';

/** What the access load depends on (primitives and stable objects: the Task compares them). */
export type PreviewArgs = readonly [
  services: CamServices | undefined,
  entityTable: string,
  entityId: string,
  party: PartySearchResult | undefined,
];

export class AccessPreviewController {
  readonly task: Task<PreviewArgs, PartyAccess>;
  private memo?: { access: PartyAccess; type: string; responsibility?: string; result: Assessment };

  constructor(
    host: ReactiveControllerHost,
    args: () => PreviewArgs,
    entityOf: (services: CamServices, table: string, id: string) => EntityRef | undefined,
    report: (error: unknown) => void,
  ) {
    this.task = new Task(host, {
      args,
      task: async ([services, table, id, chosen], { signal }) => {
        const entity = services && entityOf(services, table, id);
        if (!services || !entity || !chosen) return initialState;
        return services.access.forParty(entity, chosen.party, chosen.name, { signal });
      },
      onError: report,
    });
  }

  /** The assessment of `proposal` once access is loaded (recomputed only when either changes). */
  assessment(proposal: Proposal | undefined): Assessment | undefined {
    const access = this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
    if (!access || !proposal) return undefined;
    const memo = this.memo;
    if (
      memo?.access === access &&
      memo.type === proposal.type &&
      memo.responsibility === proposal.responsibility
    ) {
      return memo.result;
    }
    const result = assess(access.engine, proposal);
    this.memo = { access, type: proposal.type, responsibility: proposal.responsibility, result };
    return result;
  }

  /** Everything is chosen, access is checked and nothing blocks saving. */
  ready(proposal: Proposal | undefined): boolean {
    const assessment = this.assessment(proposal);
    return !!assessment && !assessment.issues.some(isBlocking);
  }

  /** Loading, error with Retry, or the validation reasons and the preview. */
  render(proposal: Proposal | undefined): TemplateResult | typeof nothing {
    const view = this.task.render({
      pending: () =>
        html`<p part="preview-loading" class="muted" role="status">${msg('Checking who gains access…')}</p>`,
      error: (error) =>
        html`<div part="preview-error" role="alert" class="error">
          ${msg("Couldn't check access:")} ${error instanceof Error ? error.message : String(error)}
          <button type="button" @click=${() => void this.task.run()}>${msg('Retry')}</button>
        </div>`,
      complete: (access) => {
        const assessment = this.assessment(proposal);
        if (!assessment) return nothing;
        return assessment.issues.some(isBlocking)
          ? renderIssues(assessment.issues)
          : html`${renderIssues(assessment.issues)} ${renderPreview(assessment, access)}`;
      },
    });
    return view ?? nothing;
  }
}
