/**
 * Applies the reviewer's decisions: plans one change per record, checks each with the list's own
 * validation (the engine's, and the entity's own customer cannot be removed), sends them through
 * the related-parties service in bounded batches and keeps each record's outcome. Records applied
 * once are never sent again; Retry sends only what failed.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { Decision } from '../../src/review/decisions.js';
import { planChanges, type PlannedChange } from '../../src/review/decisions.js';
import type { Finding } from '../../src/review/types.js';
import { applyReviewChanges, type ApplyResult } from '../../src/service/access-review-apply.js';
import type { LoadedReview } from '../../src/service/access-review-service.js';
import type { DefinitionsSnapshot } from '../../src/service/definitions-snapshot.js';
import type { PartyRow } from '../../src/service/party-rows.js';
import type { CamServices } from '../context.js';
import { removalBlock } from '../related-party-list/removal-rules.js';

export class ApplyController implements ReactiveController {
  /** The latest outcome per record id. */
  results = new Map<string, ApplyResult>();
  progress: { done: number; total: number } | undefined;
  running = false;
  /** Why Apply could not start (contradictory decisions…). */
  problems: readonly string[] = [];
  readonly #applied = new Set<string>();
  #abort?: AbortController;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  /** Forgets outcomes (a new review was loaded). */
  reset(): void {
    this.#abort?.abort();
    this.results = new Map();
    this.progress = undefined;
    this.problems = [];
    this.running = false;
    this.#applied.clear();
  }

  /** Changes the decisions would send now: not applied yet, and not refused as stale. */
  pending(findings: readonly Finding[], decisions: Iterable<Decision>): PlannedChange[] {
    return planChanges(findings, decisions).changes.filter((c) => this.#sendable(c));
  }

  #sendable(change: PlannedChange): boolean {
    return !this.#applied.has(change.recordId) && this.results.get(change.recordId)?.status !== 'stale';
  }

  /** Records whose last attempt failed (retryable). */
  get failed(): number {
    return [...this.results.values()].filter((r) => r.status === 'failed').length;
  }

  async apply(
    services: CamServices,
    loaded: LoadedReview<DefinitionsSnapshot>,
    findings: readonly Finding[],
    decisions: Iterable<Decision>,
  ): Promise<void> {
    if (this.running) return;
    const plan = planChanges(findings, decisions);
    this.problems = plan.problems.map((p) => p.message);
    const changes = plan.changes.filter((c) => this.#sendable(c));
    if (changes.length === 0) {
      this.host.requestUpdate();
      return;
    }
    this.#abort = new AbortController();
    this.running = true;
    this.progress = { done: 0, total: changes.length };
    this.host.requestUpdate();
    try {
      await applyReviewChanges(services.parties, changes, {
        signal: this.#abort.signal,
        applied: this.#applied,
        rows: loaded.parties,
        types: loaded.definitions.definitions.relationshipTypes,
        validate: (change, row) => validate(loaded, change, row),
        onResult: (result, done, total) => {
          this.results = new Map(this.results).set(result.recordId, result);
          this.progress = { done, total };
          if (result.status === 'applied') {
            const entity = loaded.parties.get(result.recordId)?.record.entity;
            if (entity) services.access.invalidate(entity);
          }
          this.host.requestUpdate();
        },
      });
    } catch (error) {
      if (!this.#abort.signal.aborted) services.reportError(error);
    } finally {
      this.running = false;
      this.host.requestUpdate();
    }
  }
}

/** The related-party list's checks: the entity's own customer stays; the engine finds no error. */
function validate(
  loaded: LoadedReview<DefinitionsSnapshot>,
  planned: PlannedChange,
  row: PartyRow,
): string | undefined {
  const { change } = planned;
  if (change.op === 'remove') {
    const block = removalBlock(row, loaded.facts, row.record.entity);
    if (block)
      return msg(
        'This party is the record’s own customer: change it on the record itself, not in its parties.',
      );
  }
  return loaded.engine.validate(change).find((issue) => issue.severity === 'error')?.message;
}
