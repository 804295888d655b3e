/** Helpers for the client tests: sys_ids, a request log, and assertions on rejected promises. */
import { expect } from '@open-wc/testing';

/** A valid 32-hex sys_id derived from `n`. */
export function sysId(n: number): string {
  return n.toString(16).padStart(32, '0');
}

/** One request as a handler saw it. */
export interface Seen {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  readonly body: string;
  readonly at: number;
}

/** A log that handlers push requests to. */
export function requestLog(): { seen: Seen[]; record: (request: Request) => Promise<Seen> } {
  const seen: Seen[] = [];
  return {
    seen,
    async record(request: Request) {
      const entry = {
        method: request.method,
        url: new URL(request.url),
        headers: request.headers,
        body: request.method === 'GET' || request.method === 'DELETE' ? '' : await request.clone().text(),
        at: performance.now(),
      };
      seen.push(entry);
      return entry;
    },
  };
}

export { rejection } from '../support/async.js';

/** Runs `action`, expects it to throw (synchronously or not), and returns the error. */
export async function thrown(action: () => unknown): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  expect.fail('expected the action to throw');
}
