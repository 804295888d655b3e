import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { formatRef } from '../../src/model/kinds.js';
import type { Decision } from '../../src/review/decisions.js';
import { reviewToCsv, reviewToJson, type ReviewExportMeta } from '../../src/review/export.js';
import type { Finding, MatrixRow, ReviewResult } from '../../src/review/types.js';
import {
  AccessReviewService,
  type LoadedReview,
  type ReviewProgress,
  type ReviewScope,
} from '../../src/service/access-review-service.js';
import type { DefinitionsSnapshot } from '../../src/service/definitions-snapshot.js';
import { camServicesContext, type CamServices } from '../context.js';
import { entityWord } from '../internal/labels.js';
import { plural } from '../internal/plural.js';
import { ApplyController } from './apply-controller.js';
import { styles } from './cam-access-review.styles.js';
import { downloadText } from './download.js';
import { FeedFocus } from './feed-focus.js';
import { describeFinding } from './finding-text.js';
import { renderFindings } from './findings-view.js';
import {
  DEFAULT_MATRIX_QUERY,
  matrixItemsInSteps,
  nextSort,
  peopleWithAccess,
  type MatrixItem,
  type MatrixQuery,
} from './matrix-model.js';
import { renderMatrix } from './matrix-view.js';
import { applyStatusLabel } from './labels.js';

interface Review {
  readonly loaded: LoadedReview<DefinitionsSnapshot>;
  readonly result: ReviewResult;
  /** When the review was computed (ms), for the export. */
  readonly at: number;
  /** False while only the findings are known (the matrix is still being worked out). */
  readonly complete: boolean;
}

/** Runs `steps`, letting the page run whenever a slice of them took `sliceMs`; stops on abort. */
async function inSlices(steps: Iterator<void, unknown>, signal: AbortSignal, sliceMs = 8): Promise<void> {
  let started = performance.now();
  while (!steps.next().done) {
    if (performance.now() - started < sliceMs) continue;
    await new Promise((resolve) => setTimeout(resolve, 0));
    signal.throwIfAborted();
    started = performance.now();
  }
}

/**
 * An access review: who can access the records of an account (or one record), how, and what looks
 * wrong — with the reviewer's decisions applied in one pass and the whole exportable. Scope it with
 * `account-id` (and `include-children`), or with `entity-table` + `entity-id` for one record ("who has
 * access" on a record page).
 *
 * @tagname cam-access-review
 * @summary Access review of an account or one record: matrix, findings, decisions, export.
 * @csspart summary - The line counting people, records and findings.
 * @csspart progress - The loading progress (with Cancel).
 * @csspart findings-body - The scrolling region of the findings.
 * @csspart findings - The findings feed (ARIA feed; virtualised when long).
 * @csspart finding - One finding (an article of the feed).
 * @csspart severity - A finding's severity.
 * @csspart decision - A finding's decision (radio group).
 * @csspart type-select - The relationship type to change to.
 * @csspart result - What Apply did with a finding's record.
 * @csspart no-findings - "Nothing looks wrong here."
 * @csspart apply-bar - Apply, its progress and Retry.
 * @csspart apply-button - The Apply button.
 * @csspart export - The export buttons.
 * @csspart matrix-toolbar - Filter, level and grouping of the matrix.
 * @csspart matrix-filter - The matrix's filter field.
 * @csspart matrix-level - The level filter.
 * @csspart matrix-group - The grouping choice.
 * @csspart matrix-body - The scrolling region of the matrix.
 * @csspart matrix - The matrix table.
 * @csspart sort-button - A sortable column header.
 * @csspart group - A group header row.
 * @csspart row - A principal × record row.
 * @csspart level - An access level badge.
 * @csspart path-kind - The kind of a path (party record, cascade, account party, role…).
 * @csspart near-misses - A row's near misses.
 * @cssprop --cam-font-family - Font family (default system-ui).
 * @cssprop --cam-font-size - Base font size (default 0.875rem).
 * @cssprop --cam-color-text - Text colour.
 * @cssprop --cam-color-text-muted - Secondary text.
 * @cssprop --cam-color-surface - Background of buttons and inputs.
 * @cssprop --cam-color-surface-hover - Background of a hovered button.
 * @cssprop --cam-color-surface-muted - Background of group rows and the table header.
 * @cssprop --cam-color-border - Borders.
 * @cssprop --cam-radius - Corner radius (default 6px).
 * @cssprop --cam-color-primary - The primary button; the progress bar.
 * @cssprop --cam-color-on-primary - Text of the primary button.
 * @cssprop --cam-color-danger - Errors, high severity, failed changes.
 * @cssprop --cam-color-warning - Medium severity and near misses.
 * @cssprop --cam-color-warning-bg - Background of the medium severity badge.
 * @cssprop --cam-color-focus - Focus ring colour.
 * @cssprop --cam-focus-ring-width - Focus ring width (default 2px).
 * @cssprop --cam-space - Spacing between blocks (default 0.5rem).
 * @cssprop --cam-access-review-max-height - Height of the findings and of the matrix before they scroll (default 28rem).
 * @cssprop --cam-level-none-bg - Background of the none access level badge.
 * @cssprop --cam-level-none-fg - Text of the none access level badge.
 * @cssprop --cam-level-read-bg - Background of the read access level badge.
 * @cssprop --cam-level-read-fg - Text of the read access level badge.
 * @cssprop --cam-level-write-bg - Background of the write access level badge.
 * @cssprop --cam-level-write-fg - Text of the write access level badge.
 * @cssprop --cam-level-full-bg - Background of the full access level badge.
 * @cssprop --cam-level-full-fg - Text of the full access level badge.
 */
@localized()
export class CamAccessReview extends LitElement {
  static override styles = styles;

  /** sys_id of the account to review (every case, sold product and install base item of it). */
  @property({ attribute: 'account-id' }) accountId = '';

  /** With `account-id`: also review the account's child accounts (and theirs). */
  @property({ type: Boolean, attribute: 'include-children' }) includeChildren = false;

  /** Instead of an account: the table of one record, e.g. `sn_customerservice_case`. */
  @property({ attribute: 'entity-table' }) entityTable = '';

  /** sys_id of the one record (with `entity-table`). */
  @property({ attribute: 'entity-id' }) entityId = '';

  /** Flag parties of cases closed longer than this many days. */
  @property({ type: Number, attribute: 'closed-days' }) closedDays = 90;

  /** Who reviews, written into exports. */
  @property() reviewer = '';

  /** The instance reviewed, written into exports (default: this page's origin). */
  @property() instance = '';

  /** Level of the element's section headings (2–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @consume({ context: camServicesContext, subscribe: true })
  @state()
  private services?: CamServices;

  @state() private progress: ReviewProgress | undefined;
  @state() private cancelled = false;
  @state() private decisions = new Map<string, Decision>();
  @state() private query: MatrixQuery = DEFAULT_MATRIX_QUERY;
  @state() private reloads = 0;
  /** The findings, while the matrix is still being worked out. */
  @state() private partial: Review | undefined;
  /** The matrix as last shown, kept while neither its rows nor its query change. */
  #items?: { rows: readonly MatrixRow[]; query: MatrixQuery; single: boolean; items: MatrixItem[] };

  private readonly applying = new ApplyController(this);
  private readonly feedFocus = new FeedFocus(
    () => this.shadowRoot,
    (index) => this.review?.result.findings[index]?.id,
  );

  private readonly task = new Task(this, {
    args: () =>
      [
        this.services,
        this.accountId,
        this.includeChildren,
        this.entityTable,
        this.entityId,
        this.closedDays,
        this.reloads,
      ] as const,
    task: async ([services, , , , , closedDays], { signal }): Promise<Review | typeof initialState> => {
      if (!services) return initialState;
      const scope = this.scope();
      if (!scope) return initialState;
      this.cancelled = false;
      this.progress = undefined;
      this.partial = undefined;
      this.decisions = new Map();
      this.feedFocus.reset();
      this.applying.reset();
      try {
        const service = await this.serviceFor(services);
        let records = 0;
        const onProgress = (p: ReviewProgress) => {
          records = p.records;
          if (!signal.aborted) this.progress = p;
        };
        const loaded = await service.load(scope, { signal, onProgress });
        this.progress = { step: 'review', records };
        const at = Date.now();
        // In a worker for a large account (in slices on the page otherwise): the page never freezes,
        // the findings show while the matrix is worked out, and Cancel works throughout.
        const result = await service.reviewLoaded(loaded, {
          now: at,
          closedDays,
          signal,
          onProgress,
          onFindings: (findings) => {
            if (!signal.aborted)
              this.partial = { loaded, result: { findings, rows: [] }, at, complete: false };
          },
        });
        // The matrix as it first shows (and what its filters and sorts need), worked out in slices.
        await inSlices(this.matrixSteps(result.rows, scope.kind === 'entity'), signal);
        return { loaded, result, at, complete: true };
      } catch (error) {
        if (!signal.aborted) services.reportError(error);
        throw error;
      }
    },
  });

  /** The review's findings (empty while loading). */
  get findings(): readonly Finding[] {
    return this.review?.result.findings ?? [];
  }

  /** The reviewer's decisions, by finding id. */
  get currentDecisions(): ReadonlyMap<string, Decision> {
    return this.decisions;
  }

  /** Stops loading (and reviewing); the element shows "Cancelled" with a way to load again. */
  cancel(): void {
    if (this.task.status !== TaskStatus.PENDING) return;
    this.cancelled = true;
    this.partial = undefined;
    this.task.abort(new DOMException(msg('Cancelled'), 'AbortError'));
  }

  /** Loads the scope again (decisions and outcomes are forgotten). */
  reload(): void {
    this.reloads += 1;
  }

  /** The review as CSV (matrix, findings, decisions, reviewer, instance, time); empty until it is complete. */
  toCsv(): string {
    const review = this.review;
    return review?.complete
      ? reviewToCsv(review.result, this.decisions.values(), this.exportMeta(review), describeFinding)
      : '';
  }

  /** The review as JSON; empty until it is complete. */
  toJson(): string {
    const review = this.review;
    return review?.complete
      ? reviewToJson(review.result, this.decisions.values(), this.exportMeta(review), describeFinding)
      : '';
  }

  /** The complete review, or (while the matrix is worked out) its findings. */
  private get review(): Review | undefined {
    if (this.task.status === TaskStatus.PENDING) return this.partial;
    return this.task.status === TaskStatus.COMPLETE ? (this.task.value as Review | undefined) : undefined;
  }

  private scope(): ReviewScope | undefined {
    if (this.accountId)
      return { kind: 'account', account: this.accountId, includeChildren: this.includeChildren };
    const kind =
      this.services && this.entityTable ? this.services.parties.entityKindOf(this.entityTable) : undefined;
    return kind && this.entityId ? { kind: 'entity', entity: { kind, id: this.entityId } } : undefined;
  }

  private async serviceFor(services: CamServices): Promise<AccessReviewService<DefinitionsSnapshot>> {
    if (!services.loadReview) throw new Error(msg('These services offer no access review.'));
    return services.loadReview();
  }

  private exportMeta(review: Review): ReviewExportMeta {
    const scope = review.loaded.scope;
    return {
      reviewer: this.reviewer || msg('unknown reviewer'),
      instance: this.instance || location.origin,
      exportedAt: new Date().toISOString(),
      scope:
        scope.kind === 'account'
          ? `account:${scope.account}${scope.includeChildren ? ' (with children)' : ''}`
          : formatRef(scope.entity),
    };
  }

  private heading(text: string, id: string): TemplateResult {
    const level = Math.min(6, Math.max(2, Math.round(this.headingLevel) || 2));
    return html`<p role="heading" aria-level=${level} class="heading" id=${id}>${text}</p>`;
  }

  protected override render(): TemplateResult {
    if (!this.scope())
      return html`<p class="muted">
        ${msg('Set account-id, or entity-table and entity-id, to review access.')}
      </p>`;
    if (this.task.status === TaskStatus.ERROR) return this.renderError();
    const review = this.review;
    if (!review) return this.renderLoading();
    return html`${this.renderSummary(review)} ${this.renderFindingsSection(review)}
    ${this.renderMatrixSection(review)}`;
  }

  private renderLoading(found?: string): TemplateResult {
    const p = this.progress;
    const reviewing = p?.step === 'review';
    const percent = reviewing && p.total ? Math.round((100 * (p.done ?? 0)) / p.total) : undefined;
    const what = !p
      ? msg('Loading the records…')
      : reviewing
        ? msg(str`Reviewing access… ${percent ?? 0}%`)
        : msg(str`Loading… ${p.records} records read`);
    return html`<div class="loading" part="progress" role="status" aria-busy="true">
      ${found ?? nothing}
      ${
        percent === undefined
          ? html`<progress aria-label=${msg('Loading the review')}></progress>`
          : html`<progress aria-label=${msg('Reviewing access')} max="100" .value=${percent}></progress>`
      }
      <span>${what}</span>
      <button type="button" @click=${() => this.cancel()}>${msg('Cancel')}</button>
    </div>`;
  }

  private renderError(): TemplateResult {
    if (this.cancelled)
      return html`<div class="cancelled" part="progress">
        <p>${msg('Loading was cancelled.')}</p>
        <button type="button" @click=${() => this.reload()}>${msg('Load again')}</button>
      </div>`;
    const error = this.task.error;
    return html`<div role="alert" class="load-error">
        <p>
          ${msg('The access review could not be loaded:')}
          ${error instanceof Error ? error.message : String(error)}
        </p>
      </div>
      <button type="button" @click=${() => this.reload()}>${msg('Retry')}</button>`;
  }

  private renderSummary(review: Review): TemplateResult {
    const { result, loaded } = review;
    if (!review.complete) return this.renderLoading(msg(str`Findings: ${result.findings.length}.`));
    const people = peopleWithAccess(result.rows);
    const incomplete = loaded.incomplete.map((i) => i.table).join(', ');
    return html`<p class="summary" part="summary">
        ${msg(str`Records: ${loaded.entities.length} · people with access: ${people} · findings: ${result.findings.length}`)}
      </p>
      ${
        incomplete
          ? html`<p class="warning">
              ${msg(str`Answer incomplete: these tables could not be read: ${incomplete}.`)}
            </p>`
          : nothing
      }`;
  }

  private renderFindingsSection(review: Review): TemplateResult {
    const { findings } = review.result;
    const facts = review.loaded.definitions.definitions;
    return html`<section aria-labelledby="findings-title">
      ${this.heading(msg(str`Findings (${findings.length})`), 'findings-title')}
      ${renderFindings({
        findings,
        labelledBy: 'findings-title',
        focus: this.feedFocus,
        decisions: this.decisions,
        results: this.applying.results,
        busy: this.applying.running,
        typesFor: (f) =>
          f.entity && f.party
            ? facts.relationshipTypes.filter(
                (t) => t.appliesTo === f.entity?.kind && t.partyType === f.party?.kind,
              )
            : [],
        onDecide: (decision) => (this.decisions = new Map(this.decisions).set(decision.findingId, decision)),
        onReady: (error) => (error === undefined ? this.requestUpdate() : this.services?.reportError(error)),
      })}
      ${findings.length > 0 ? this.renderApplyBar(review) : nothing}
      ${review.complete ? this.renderExport() : nothing}
    </section>`;
  }

  private renderApplyBar(review: Review): TemplateResult {
    const a = this.applying;
    // No decision, nothing to send: thousands of findings are not walked on every render for that.
    const pending =
      this.decisions.size === 0 ? 0 : a.pending(review.result.findings, this.decisions.values()).length;
    const outcomes = [...a.results.values()];
    const failed = outcomes.filter((r) => r.status === 'failed').length;
    const stale = outcomes.filter((r) => r.status === 'stale').length;
    const applied = outcomes.filter((r) => r.status === 'applied').length;
    const apply = () => void this.applyDecisions(review);
    return html`<div class="apply-bar" part="apply-bar">
      <button
        type="button"
        class="primary"
        part="apply-button"
        ?disabled=${a.running || pending === 0}
        @click=${apply}
      >
        ${
          failed > 0 && !a.running
            ? plural(pending, { one: msg('Retry 1 change'), other: msg(str`Retry ${pending} changes`) })
            : plural(pending, { one: msg('Apply 1 change'), other: msg(str`Apply ${pending} changes`) })
        }
      </button>
      ${
        a.progress
          ? html`<progress
                max=${a.progress.total}
                .value=${a.progress.done}
                aria-label=${msg('Applying the decisions')}
              ></progress>
              <span role="status"
                >${
                  a.running
                    ? plural(a.progress.total, {
                        one: msg(str`${a.progress.done} of 1 change sent…`),
                        other: msg(str`${a.progress.done} of ${a.progress.total} changes sent…`),
                      })
                    : msg(str`${applied} applied, ${failed} failed, ${stale} changed by someone else.`)
                }</span
              >`
          : nothing
      }
      ${
        a.problems.length > 0
          ? html`<ul role="alert" class="problems">
              ${a.problems.map((p) => html`<li>${p}</li>`)}
            </ul>`
          : nothing
      }
      ${
        stale > 0
          ? html`<p class="muted">
              ${msg('Records changed by someone else were not touched: reload the review to decide on them again.')}
              <button type="button" @click=${() => this.reload()}>${msg('Reload the review')}</button>
            </p>`
          : nothing
      }
      ${failed > 0 ? this.renderFailures(outcomes.filter((r) => r.status === 'failed')) : nothing}
    </div>`;
  }

  private renderFailures(failures: readonly { recordId: string; message?: string }[]): TemplateResult {
    return html`<ul class="failures" aria-label=${msg('Changes that failed')}>
      ${failures.map((f) => html`<li>${applyStatusLabel('failed')} (${f.recordId}): ${f.message ?? ''}</li>`)}
    </ul>`;
  }

  private async applyDecisions(review: Review): Promise<void> {
    const services = this.services;
    if (!services) return;
    await this.applying.apply(services, review.loaded, review.result.findings, this.decisions.values());
  }

  private renderExport(): TemplateResult {
    const stamp = new Date().toISOString().slice(0, 10);
    return html`<div class="export" part="export">
      <button
        type="button"
        @click=${() => downloadText(this.toCsv(), `access-review-${stamp}.csv`, 'text/csv;charset=utf-8')}
      >
        ${msg('Export CSV')}
      </button>
      <button
        type="button"
        @click=${() => downloadText(this.toJson(), `access-review-${stamp}.json`, 'application/json')}
      >
        ${msg('Export JSON')}
      </button>
    </div>`;
  }

  /** The matrix items for the query, recomputed only when the rows or the query change. */
  private matrixItemsOf(rows: readonly MatrixRow[], single: boolean): MatrixItem[] {
    const cached = this.#items;
    if (cached?.rows === rows && cached.query === this.query && cached.single === single) return cached.items;
    const steps = this.matrixSteps(rows, single);
    for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
  }

  /** The matrix items for the current query, with pause points; cached for `matrixItemsOf`. */
  private *matrixSteps(
    rows: readonly MatrixRow[],
    single: boolean,
  ): Generator<void, MatrixItem[], undefined> {
    const query = this.query;
    // One record: no group headers, just its people.
    const items = single
      ? (yield* matrixItemsInSteps(rows, { ...query, groupBy: 'entity' })).filter((i) => i.kind === 'row')
      : yield* matrixItemsInSteps(rows, query);
    this.#items = { rows, query, single, items };
    return items;
  }

  private renderMatrixSection(review: Review): TemplateResult {
    // Until the matrix is known, the summary above shows the progress.
    if (!review.complete) return html``;
    const single = review.loaded.scope.kind === 'entity';
    const rows = review.result.rows;
    const scope = review.loaded.scope;
    // Named after the record in single mode, so a host's own "Who has access" section stays distinct.
    const title =
      scope.kind === 'entity'
        ? msg(
            str`Who has access to ${entityWord(scope.entity.kind)} ${rows[0]?.entityLabel ?? scope.entity.id}`,
          )
        : msg('Who can access what');
    const label = title;
    return html`<section aria-labelledby="matrix-title">
      ${this.heading(title, 'matrix-title')}
      ${
        rows.length === 0
          ? html`<p class="muted">${msg('Nobody reaches these records.')}</p>`
          : renderMatrix(
              {
                items: this.matrixItemsOf(rows, single),
                total: rows.length,
                query: this.query,
                single,
                onQuery: (q) => (this.query = { ...this.query, ...q }),
                onSort: (column) => (this.query = nextSort(this.query, column)),
                onReady: (error) =>
                  error === undefined ? this.requestUpdate() : this.services?.reportError(error),
              },
              label,
            )
      }
    </section>`;
  }
}
