/**
 * Applies a review's planned changes through the related-parties service: in bounded batches, each
 * record once (a record already applied is never sent again, so Retry sends only what failed),
 * each checked first by the caller's validation, stale records (`sys_mod_count` changed since the
 * review was loaded) refused with the server's copy left untouched.
 */
import type { PlannedChange } from '../review/decisions.js';
import type { RelationshipType } from '../model/definitions.js';
import type { PartyRow } from './party-rows.js';
import { ConflictError, type RelatedPartiesService } from './related-parties-service.js';

export type ApplyStatus = 'applied' | 'failed' | 'stale' | 'invalid';

/** The outcome of one planned change. */
export interface ApplyResult {
  readonly recordId: string;
  readonly status: ApplyStatus;
  /** Why it failed, was refused or is stale. */
  readonly message?: string;
}

export interface ApplyOptions {
  readonly signal?: AbortSignal;
  /** Changes in flight at once (default 4). */
  readonly batchSize?: number;
  /** Records applied earlier in this review: skipped, never sent twice. Applied ones are added. */
  readonly applied: Set<string>;
  /** The rows as the review loaded them (with `sys_mod_count`). */
  readonly rows: ReadonlyMap<string, PartyRow>;
  readonly types: readonly RelationshipType[];
  /** The list's validation: a reason the change may not be sent, or undefined. */
  readonly validate: (change: PlannedChange, row: PartyRow) => string | undefined;
  /** Called after each change settles. */
  readonly onResult?: (result: ApplyResult, done: number, total: number) => void;
}

export async function applyReviewChanges(
  service: RelatedPartiesService,
  changes: readonly PlannedChange[],
  options: ApplyOptions,
): Promise<ApplyResult[]> {
  const pending = changes.filter((c) => !options.applied.has(c.recordId));
  const batchSize = Math.max(1, options.batchSize ?? 4);
  const results: ApplyResult[] = [];
  for (let i = 0; i < pending.length; i += batchSize) {
    options.signal?.throwIfAborted();
    const batch = pending.slice(i, i + batchSize);
    const settled = await Promise.all(batch.map((change) => applyOne(service, change, options)));
    for (const result of settled) {
      if (result.status === 'applied') options.applied.add(result.recordId);
      results.push(result);
      options.onResult?.(result, results.length, pending.length);
    }
  }
  return results;
}

async function applyOne(
  service: RelatedPartiesService,
  planned: PlannedChange,
  options: ApplyOptions,
): Promise<ApplyResult> {
  const { recordId, change } = planned;
  const row = options.rows.get(recordId);
  if (!row) return { recordId, status: 'invalid', message: 'The record was not loaded by this review.' };
  const problem = options.validate(planned, row);
  if (problem) return { recordId, status: 'invalid', message: problem };
  try {
    if (change.op === 'remove') await service.remove(row, { signal: options.signal });
    else {
      const type = options.types.find((t) => t.id === change.type);
      if (!type) return { recordId, status: 'invalid', message: `Unknown relationship type ${change.type}.` };
      await service.retype(row, type.id, type.defaultResponsibility, { signal: options.signal });
    }
    return { recordId, status: 'applied' };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (error instanceof ConflictError) {
      const before = row.modCount === undefined ? 'as loaded' : `version ${row.modCount}`;
      const now = error.current ? `version ${error.current.modCount ?? '?'}` : 'removed';
      return {
        recordId,
        status: 'stale',
        message: `Someone else changed this party since the review was loaded (${before}, now ${now}): nothing was sent. Reload the review and decide again.`,
      };
    }
    return { recordId, status: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
