/**
 * Runs an access review in a Web Worker (src/service/review-worker.ts): sends the definitions and
 * facts in parts small enough to copy without blocking the page, then gathers what the worker
 * streams back — the findings first, then the matrix rows — with progress. Aborting terminates the
 * worker at once. A worker that cannot start (no `Worker`, a Content-Security-Policy without
 * `worker-src 'self'`, the script missing) rejects with `WorkerUnavailableError`, so the caller can
 * run the review on the page instead; a worker that fails after starting rejects with the failure.
 */
import type { Definitions } from '../model/definitions.js';
import type { Facts } from '../model/facts.js';
import type { EntityRef } from '../model/kinds.js';
import type { Finding, MatrixRow, ReviewResult } from '../review/types.js';
import { FACTS_PER_MESSAGE, type FromReviewWorker, type ToReviewWorker } from './review-worker-protocol.js';

/** Creates the worker running review-worker.ts (injectable for tests and for hosts that serve it elsewhere). */
export type ReviewWorkerFactory = () => Worker;

/** The review worker beside this module (a same-origin script: a strict CSP needs `worker-src 'self'`). */
export const createReviewWorker: ReviewWorkerFactory = () =>
  new Worker(new URL('./review-worker.js', import.meta.url), { type: 'module', name: 'cam-access-review' });

/** The worker could not be started: run the review another way. */
export class WorkerUnavailableError extends Error {
  override readonly name = 'WorkerUnavailableError';
}

export interface WorkerReviewInput {
  readonly definitions: Definitions;
  readonly facts: Facts;
  readonly scope: readonly EntityRef[];
  readonly now: number;
  readonly closedDays?: number;
}

export interface WorkerReviewOptions {
  readonly createWorker?: ReviewWorkerFactory;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
  /** Every finding, sorted, as soon as the worker has them (before the matrix). */
  readonly onFindings?: (findings: readonly Finding[]) => void;
}

/** Lets the page run (input, rendering) between two messages it sends. */
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function describe(event: Event): string {
  return event instanceof ErrorEvent && event.message ? event.message : 'the worker stopped';
}

/** Reviews `input` in a worker; resolves with the same result as `reviewAccess` on the page. */
export async function reviewInWorker(
  input: WorkerReviewInput,
  options: WorkerReviewOptions = {},
): Promise<ReviewResult> {
  const { signal } = options;
  signal?.throwIfAborted();
  let worker: Worker;
  try {
    worker = (options.createWorker ?? createReviewWorker)();
  } catch (error) {
    throw new WorkerUnavailableError(error instanceof Error ? error.message : String(error));
  }
  let fail: (error: unknown) => void = () => {};
  let ready: () => void = () => {};
  let started = false;
  const findings: Finding[] = [];
  const rows: MatrixRow[] = [];
  let settled = false;
  const result = new Promise<ReviewResult>((resolveWith, rejectWith) => {
    // Once settled (done, failed, aborted), whatever the worker still had queued is ignored.
    const resolve = (value: ReviewResult) => {
      settled = true;
      resolveWith(value);
    };
    const reject = (error: unknown) => {
      settled = true;
      rejectWith(error);
    };
    fail = reject;
    worker.addEventListener('message', ({ data }: MessageEvent<FromReviewWorker>) => {
      if (settled) return;
      switch (data.type) {
        case 'ready':
          started = true;
          ready();
          break;
        case 'progress':
          options.onProgress?.(data.done, data.total);
          break;
        case 'findings':
          findings.push(...data.findings);
          if (data.last) options.onFindings?.(findings);
          break;
        case 'rows':
          rows.push(...data.rows);
          if (data.last) resolve({ findings, rows });
          break;
        case 'failed':
          reject(new Error(data.message));
          break;
      }
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(
        started
          ? new Error(`The access review worker failed: ${describe(event)}`)
          : new WorkerUnavailableError(`The access review worker could not start: ${describe(event)}`),
      );
    });
    worker.addEventListener('messageerror', () =>
      reject(new Error('A message of the review worker was unreadable.')),
    );
  });
  // Settled by whoever comes first; nobody may be listening any more when the worker fails late.
  result.catch(() => {});
  const abort = () => fail(signal?.reason);
  signal?.addEventListener('abort', abort, { once: true });
  try {
    const whenReady = new Promise<void>((resolve) => (ready = resolve));
    await Promise.race([whenReady, result]);
    const send = (message: ToReviewWorker) => worker.postMessage(message);
    send({
      type: 'start',
      definitions: input.definitions,
      scope: input.scope,
      now: input.now,
      closedDays: input.closedDays,
    });
    for (const key of Object.keys(input.facts) as (keyof Facts)[]) {
      const items = input.facts[key];
      for (let i = 0; i < items.length; i += FACTS_PER_MESSAGE) {
        send({ type: 'facts', key, items: items.slice(i, i + FACTS_PER_MESSAGE) });
        await Promise.race([pause(), result]);
      }
    }
    send({ type: 'run' });
    return await result;
  } finally {
    signal?.removeEventListener('abort', abort);
    worker.terminate();
  }
}
