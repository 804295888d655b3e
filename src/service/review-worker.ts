/**
 * The access review worker: builds the engine over the facts the page sends and runs the review
 * (src/review/stream.ts) off the page's main thread, streaming the findings first, then the matrix
 * rows, in batches the page can take in without blocking. Started by review-worker-client.ts.
 */
import { AccessEngine } from '../access/engine.js';
import { EMPTY_FACTS, type Facts } from '../model/facts.js';
import { reviewSteps } from '../review/stream.js';
import {
  FINDINGS_PER_MESSAGE,
  ROWS_PER_MESSAGE,
  type FromReviewWorker,
  type ToReviewWorker,
} from './review-worker-protocol.js';

/** Progress is posted at most this often (ms). */
const PROGRESS_EVERY_MS = 50;

interface WorkerScope {
  postMessage(message: FromReviewWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToReviewWorker>) => void): void;
}
const scope = globalThis as unknown as WorkerScope;
const post = (message: FromReviewWorker): void => scope.postMessage(message);

let start: Extract<ToReviewWorker, { type: 'start' }> | undefined;
const facts: Record<keyof Facts, unknown[]> = Object.fromEntries(
  Object.keys(EMPTY_FACTS).map((key) => [key, []]),
) as unknown as Record<keyof Facts, unknown[]>;

function batches<T>(items: readonly T[], size: number, send: (batch: readonly T[], last: boolean) => void) {
  if (items.length === 0) send([], true);
  for (let i = 0; i < items.length; i += size) send(items.slice(i, i + size), i + size >= items.length);
}

function run(): void {
  if (!start) throw new Error('The review worker was asked to run before it was started.');
  const engine = new AccessEngine(start.definitions, facts as unknown as Facts);
  let posted = 0;
  for (const step of reviewSteps(engine, start.scope, { now: start.now, closedDays: start.closedDays })) {
    if (step.type === 'progress') {
      const now = performance.now();
      if (now - posted < PROGRESS_EVERY_MS) continue;
      posted = now;
      post(step);
    } else if (step.type === 'findings') {
      batches(step.findings, FINDINGS_PER_MESSAGE, (findings, last) =>
        post({ type: 'findings', findings, last }),
      );
    } else {
      batches(step.rows, ROWS_PER_MESSAGE, (rows, last) => post({ type: 'rows', rows, last }));
    }
  }
}

scope.addEventListener('message', ({ data }) => {
  try {
    if (data.type === 'start') start = data;
    else if (data.type === 'facts') (facts[data.key] ??= []).push(...data.items);
    else run();
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});

post({ type: 'ready' });
